// Named implementation bugs the sim can carry, each injected in the component where such a
// bug would live. A world carries any set of them (stacked mutants: --mutant a,b,c).
#pragma once

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace wnc::sim {

enum class Mutant {
  None,
  // object manager
  SingleNamespace,
  SystemMappingsLocal,
  // redirector (the network provider)
  RemoteCancelDropsDevices,
  ForceIgnored,
  DirCheckBeforeFiles,
  CaseSensitiveNames,
  LinkedNotMirrored,
  LogoffDropsLinked,
  DevicelessCancelOneUse,
  GetConnectionSeesGlobal,
  // I/O manager, processes, spooler
  OrphansUsable,
  CwdNotCounted,
  JobsNotCounted,
  // router (MPR) and its profile code
  CancelKeepsProfile,
  FailedCancelForgetsProfile,
  ProfileErrorsIgnored,
  CorruptEntrySkipped,
  FailedAddRemembers,
  ExtendedErrorNotRecorded,
  TrailingBackslashDevice,
  BadNameReachesProvider,
  AnsiDropsForce,
  Count,  // not a mutant: the size of a set of them
};

// The mutants one world carries; empty: the clean sim.
class Mutants {
 public:
  Mutants() = default;
  Mutants(Mutant one) { add(one); }  // implicit: a world with one mutant, as most tests build
  bool has(Mutant m) const { return m != Mutant::None && set_.test(static_cast<size_t>(m)); }
  void add(Mutant m) {
    if (m != Mutant::None) set_.set(static_cast<size_t>(m));
  }

 private:
  std::bitset<static_cast<size_t>(Mutant::Count)> set_;
};

struct MutantEntry {
  Mutant mutant;
  std::string_view name;
  std::string_view description;
};

// Every mutant but None, in declaration order.
const std::vector<MutantEntry>& mutant_table();

// "" is Mutant::None. Throws InputError naming the known mutants otherwise.
Mutant mutant_from_name(const std::string& name);

// "a,b,c": each name as mutant_from_name reads it; "" is the clean sim. Throws InputError
// for an unknown or empty name in the list.
Mutants mutants_from_names(const std::string& names);

}  // namespace wnc::sim
