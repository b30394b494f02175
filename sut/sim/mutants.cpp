#include "mutants.h"

#include <stdexcept>

#include "vocabulary/input_error.h"

namespace wnc::sim {

const std::vector<MutantEntry>& mutant_table() {
  static const std::vector<MutantEntry> table = {
      {Mutant::SingleNamespace, "single-namespace",
       "one DOS device namespace for every logon, as in Wine"},
      {Mutant::SystemMappingsLocal, "system-mappings-local",
       "LocalSystem gets a per-logon DosDevices directory, so its mappings are not global"},
      {Mutant::RemoteCancelDropsDevices, "remote-cancel-drops-devices",
       "a remote-name cancel also drops the caller's device redirections to that remote"},
      {Mutant::ForceIgnored, "force-ignored", "the provider treats every cancel as force=FALSE"},
      {Mutant::DirCheckBeforeFiles, "dir-check-before-files",
       "the provider checks directory handles before open files (2404 before 2401)"},
      {Mutant::CaseSensitiveNames, "case-sensitive-names",
       "the provider matches remote names of its connections case-sensitively"},
      {Mutant::LinkedNotMirrored, "linked-not-mirrored",
       "EnableLinkedConnections is ignored: nothing is mirrored into the linked logon"},
      {Mutant::LogoffDropsLinked, "logoff-drops-linked",
       "logoff tears down a linked-shared redirection instead of passing it to the partner"},
      {Mutant::DevicelessCancelOneUse, "deviceless-cancel-one-use",
       "a remote-name cancel drops one deviceless use instead of all of them"},
      {Mutant::GetConnectionSeesGlobal, "get-connection-sees-global",
       "WNetGetConnection resolves through the DOS namespace, reporting system's mappings"},
      {Mutant::OrphansUsable, "orphans-usable",
       "I/O on a handle orphaned by a cancel or logoff still succeeds"},
      {Mutant::CwdNotCounted, "cwd-not-counted",
       "a process keeps no handle on its current directory, so it never blocks a cancel"},
      {Mutant::JobsNotCounted, "jobs-not-counted",
       "the spooler buffers jobs locally, so a print job never blocks a cancel"},
      {Mutant::CancelKeepsProfile, "cancel-keeps-profile",
       "WNetCancelConnection calls WNetCancelConnection2 with flags 0, as in Wine"},
      {Mutant::FailedCancelForgetsProfile, "failed-cancel-forgets-profile",
       "the router forgets the remembered entry before the provider decides, even on failure"},
      {Mutant::ProfileErrorsIgnored, "profile-errors-ignored",
       "cancelling a connected device ignores an unreadable profile or corrupt entry"},
      {Mutant::CorruptEntrySkipped, "corrupt-entry-skipped",
       "the profile reader skips a corrupt entry as if the device were not remembered"},
      {Mutant::FailedAddRemembers, "failed-add-remembers",
       "a persistent add writes the profile entry before the provider call, even on failure"},
      {Mutant::ExtendedErrorNotRecorded, "extended-error-not-recorded",
       "the router returns ERROR_EXTENDED_ERROR without keeping the provider's error"},
      {Mutant::TrailingBackslashDevice, "trailing-backslash-device",
       "a device name with a trailing backslash (Z:\\) is accepted as the device"},
      {Mutant::BadNameReachesProvider, "bad-name-reaches-provider",
       "names that are neither device nor remote are passed to the provider"},
      {Mutant::AnsiDropsForce, "ansi-drops-force",
       "the WNetCancelConnectionA thunk passes force=FALSE to the Unicode entry point"},
  };
  return table;
}

Mutant mutant_from_name(const std::string& name) {
  if (name.empty()) return Mutant::None;
  std::string known;
  for (const MutantEntry& e : mutant_table()) {
    if (e.name == name) return e.mutant;
    known += known.empty() ? "" : ", ";
    known += e.name;
  }
  throw InputError("unknown sim mutant '" + name + "'; known mutants: " + known);
}

Mutants mutants_from_names(const std::string& names) {
  Mutants out;
  if (names.empty()) return out;
  size_t start = 0;
  for (;;) {
    const size_t comma = names.find(',', start);
    const std::string name = names.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (name.empty()) throw InputError("--mutant '" + names + "' has an empty name in its list");
    out.add(mutant_from_name(name));
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

}  // namespace wnc::sim
