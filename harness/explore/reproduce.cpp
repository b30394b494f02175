#include "explore/reproduce.h"

namespace wnc {

std::string shell_word(const std::string& word) {
  const bool plain = !word.empty() && word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                             "0123456789_@%+=:,./-") == std::string::npos;
  if (plain) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string explore_command(const ExploreCommand& c) {
  return "wnetconf explore " + c.sut_flags + " --seed " + std::to_string(c.seed) + " --cases " + std::to_string(c.cases) +
         " --max-steps " + std::to_string(c.max_steps) + (c.keep_going ? " --keep-going" : "") +
         (c.ledger.empty() ? "" : " --expect " + shell_word(c.ledger));
}

std::string sut_flags_of_label(const std::string& label) {
  // Only the sim takes a mutant, so "sim --mutant M" is the one label that is two flags.
  const std::string sim_mutant = "sim --mutant ";
  if (label.rfind(sim_mutant, 0) == 0) return "--sut sim --mutant " + shell_word(label.substr(sim_mutant.size()));
  return "--sut " + shell_word(label);
}

}  // namespace wnc
