// Named implementation bugs the sim can carry, each injected in the component where such a
// bug would live. A world carries at most one.
#pragma once

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

}  // namespace wnc::sim
