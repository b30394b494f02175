// Capability names of the agent protocol's hello: the step kinds, plus these features.
#pragma once

#include <set>
#include <string>

namespace wnc::capability {

inline constexpr const char* kLogonMultiple = "logon.multiple";  // >1 logon of a user
inline constexpr const char* kLogonSystem = "logon.system";      // steps as `system`
inline constexpr const char* kFaultProfile = "fault.profile";
inline constexpr const char* kFaultProvider = "fault.provider";
inline constexpr const char* kProfileNtLinked = "profile.nt-linked";
inline constexpr const char* kApiAnsi = "api.A";         // WNetCancelConnectionA / 2A
inline constexpr const char* kNameNull = "name.null";    // a NULL lpName
inline constexpr const char* kPrint = "print";           // print redirections and jobs

// Every capability name: the step kinds, then the features above.
inline const std::set<std::string>& all() {
  static const std::set<std::string> names = {
      "add", "cancel", "get_connection", "drives", "query_dos_device", "open", "close", "io", "chdir",
      "job", "end_job", "fault", "last_error", "logon", "logoff", kLogonMultiple, kLogonSystem,
      kFaultProfile, kFaultProvider, kProfileNtLinked, kApiAnsi, kNameNull, kPrint};
  return names;
}

}  // namespace wnc::capability
