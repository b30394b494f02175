// The command that runs an exploration again: explore's reproduce line, a saved case's header
// and each exploration block of certify's reports give it, with everything that decides the run.
#pragma once

#include <cstdint>
#include <string>

namespace wnc {

struct ExploreCommand {
  std::string sut_flags;  // "--sut sim --mutant a,b", as SutChoice::flags() spells them
  std::uint64_t seed = 0;
  int cases = 0;
  int max_steps = 0;
  bool keep_going = false;
  std::string ledger;  // --expect, when one decided what is known
};

// "wnetconf explore --sut sim --mutant a,b --seed 7 --cases 100 --max-steps 40 [--keep-going] [--expect L]"
std::string explore_command(const ExploreCommand& command);

// The word as a POSIX shell gives it back: single-quoted unless it is plain.
std::string shell_word(const std::string& word);

// The flags of results.json's "sut" ("sim", "sim --mutant a,b", "cmd:agent --x"; SutChoice::label()).
std::string sut_flags_of_label(const std::string& label);

}  // namespace wnc
