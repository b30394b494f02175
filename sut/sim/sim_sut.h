// The in-process simulation of the Windows stack, driven as an implementation under test.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sut.h"

namespace wnc {

struct MutantInfo {
  std::string name;
  std::string description;
};

// Every mutant the sim can carry, in a fixed order.
const std::vector<MutantInfo>& sim_mutants();

// `mutants`: "" for the clean sim, else one name or several, "a,b,c", all carried at once.
// Throws InputError naming the known mutants if a name is unknown.
std::unique_ptr<Sut> make_sim_sut(const std::string& mutants = "");

}  // namespace wnc
