#include "requirements.h"

#include <algorithm>

namespace wnc {

const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> catalog = {
      {"R-DEVICE-ONLY",
       "Cancelling a device name removes that one redirection; deviceless connections and other "
       "devices to the same remote stay.",
       "When this parameter specifies a redirected local device, the function cancels only the "
       "specified device redirection.",
       {}},
      {"R-REMOTE-ONLY",
       "Cancelling a remote name removes only deviceless connections to it; a device redirected "
       "to that remote neither counts nor goes.",
       "If the parameter specifies a remote network resource, only the connections to remote "
       "networks without devices are canceled.",
       {"P-REMOTE-NORMAL"}},
      {"R-FORCE-FALSE",
       "With fForce FALSE, a connection with open files or print jobs is not cancelled.",
       "If this parameter is FALSE, the function fails if there are open files or jobs.",
       {"PS-JOB-IS-FILE", "P-IN-USE"}},
      {"R-FORCE-TRUE",
       "With fForce TRUE, the connection is cancelled despite open files, jobs, directories; "
       "they become orphaned.",
       "Specifies whether or not the disconnection should occur if there are open files or jobs "
       "on the connection.",
       {"PS-ORPHAN-IO"}},
      {"R-RC-NO-ERROR", "A successful cancel returns NO_ERROR.",
       "If the function succeeds, the return value is NO_ERROR.", {}},
      {"R-RC-BAD-PROFILE",
       "A cancel that must update a corrupt profile entry fails with ERROR_BAD_PROFILE.",
       "ERROR_BAD_PROFILE: The user profile is in an incorrect format.",
       {"P-PROFILE-OK", "P-PROFILE-KEY"}},
      {"R-RC-CANNOT-OPEN-PROFILE",
       "A cancel that must update an unreadable profile fails with ERROR_CANNOT_OPEN_PROFILE.",
       "ERROR_CANNOT_OPEN_PROFILE: The system is unable to open the user profile to process "
       "persistent connections.",
       {"P-PROFILE-OK"}},
      {"R-RC-DEVICE-IN-USE",
       "Without force, an open directory or a current directory on the connection gives "
       "ERROR_DEVICE_IN_USE; open files win over directories.",
       "ERROR_DEVICE_IN_USE: The device is in use by an active process and cannot be "
       "disconnected.",
       {"PS-FILES-BEFORE-DIRS", "P-IN-USE"}},
      {"R-RC-EXTENDED-ERROR",
       "A provider failure gives ERROR_EXTENDED_ERROR and WNetGetLastError then returns the "
       "provider's code, text and name.",
       "ERROR_EXTENDED_ERROR: A network-specific error occurred. To obtain a description of the "
       "error, call the WNetGetLastError function.",
       {"P-FAULT-BUDGET", "P-LAST-ERROR", "PS-LAST-ERROR-NONE"}},
      {"R-RC-NOT-CONNECTED",
       "A name that is neither a redirected device of the caller nor a deviceless connection it "
       "holds (nor a remembered device) gives ERROR_NOT_CONNECTED.",
       "ERROR_NOT_CONNECTED: The name specified by the lpName parameter is not a redirected "
       "device, or the system is not currently connected to the device specified by the "
       "parameter.",
       {"PS-NULL-NAME", "PS-TRAILING-DEVICE", "P-NAME-FORM"}},
      {"R-RC-OPEN-FILES", "Without force, open files or jobs give ERROR_OPEN_FILES.",
       "ERROR_OPEN_FILES: There are open files, and the fForce parameter is FALSE.",
       {"PS-JOB-IS-FILE"}},
      {"R-LUID-NAMESPACE",
       "A drive letter made through WNet lives in the creating logon's namespace: a second logon "
       "of the same user does not see, query, get or cancel it, and may map the same letter "
       "itself.",
       "GetLogicalDrives does not return network drive letters created by a WNet function under "
       "the first logon.",
       {"P-VIEW", "P-GET-CONNECTION"}},
      {"R-LUID-ANY-SESSION",
       "The per-logon namespace holds in any session, console or Terminal Services.",
       "the example could apply to any logon session, including a Terminal Services session.",
       {}},
      {"R-ANSI-UNICODE", "WNetCancelConnectionA and WNetCancelConnectionW behave identically.",
       "WNetCancelConnectionW (Unicode) and WNetCancelConnectionA (ANSI)", {}},
      {"R-COMPAT-PROFILE",
       "WNetCancelConnection behaves as WNetCancelConnection2 with CONNECT_UPDATE_PROFILE: it "
       "reads the profile and forgets the device's remembered entry.",
       "pick: the return codes ERROR_BAD_PROFILE and ERROR_CANNOT_OPEN_PROFILE only "
       "make sense if the profile is touched.",
       {"P-CANCEL-2"}},
      {"R-ATOMIC", "A call that fails changes nothing.",
       "pick: the page says nothing of what a failed call leaves behind.",
       {"PS-ATOMIC", "P-ATOMIC-BOOKKEEPING"}},
      {"R-NAME-CASE", "Device and remote names compare case-insensitively.",
       "pick: Windows names are case-insensitive.", {"P-REMOTE-NORMAL"}},
      {"R-SYSTEM-GLOBAL",
       "LocalSystem's mappings live in the global namespace: every logon sees them unless it "
       "shadows the letter, and only system can cancel them.",
       "Windows Server 2003 and Windows XP: The WNet functions create and delete network drive "
       "letters in the MS-DOS device namespace associated with a logon session.",
       {"P-VIEW", "P-GET-CONNECTION"}},
      {"R-LINKED",
       "With EnableLinkedConnections, a logon and its linked partner share the device "
       "redirections either creates or cancels.",
       "pick: behaviour profile nt-linked.", {"P-LINKED"}},
  };
  return catalog;
}

const std::vector<Pick>& picks() {
  static const std::vector<Pick> catalog = {
      {"PS-ATOMIC", "A call that fails changes nothing."},
      {"PS-NULL-NAME", "A NULL or empty name gives ERROR_NOT_CONNECTED."},
      {"PS-TRAILING-DEVICE", "A device name with a trailing backslash is not a device name."},
      {"PS-FILES-BEFORE-DIRS", "Open files win over directories."},
      {"PS-ORPHAN-IO", "io on an orphaned handle gives ERROR_UNEXP_NET_ERR."},
      {"PS-JOB-IS-FILE", "A print job counts as an open file for force."},
      {"PS-LAST-ERROR-NONE", "WNetGetLastError with none set gives 0 and empty strings."},
      {"P-NAME-FORM", "docs/picks.md"},          {"P-REMOTE-NORMAL", "docs/picks.md"},
      {"P-ADD-NETWORK", "docs/picks.md"},        {"P-FAULT-BUDGET", "docs/picks.md"},
      {"P-LAST-ERROR", "docs/picks.md"},         {"P-ATOMIC-BOOKKEEPING", "docs/picks.md"},
      {"P-PROFILE-KEY", "docs/picks.md"},        {"P-PROFILE-OK", "docs/picks.md"},
      {"P-VIEW", "docs/picks.md"},               {"P-GET-CONNECTION", "docs/picks.md"},
      {"P-QDD-TARGET", "docs/picks.md"},         {"P-PATH", "docs/picks.md"},
      {"P-HANDLE-LIFE", "docs/picks.md"},        {"P-JOB", "docs/picks.md"},
      {"P-IN-USE", "docs/picks.md"},             {"P-CANCEL-2", "docs/picks.md"},
      {"P-LINKED", "docs/picks.md"},             {"P-LOGOFF", "docs/picks.md"},
      {"P-INVALID", "docs/picks.md"},            {"P-PROFILE-STEP", "docs/picks.md"},
  };
  return catalog;
}

const Requirement* find_requirement(std::string_view id) {
  const auto& all = requirements();
  auto it = std::find_if(all.begin(), all.end(), [&](const Requirement& r) { return r.id == id; });
  return it == all.end() ? nullptr : &*it;
}

}  // namespace wnc
