// Capability names of the agent protocol's hello: the step kinds, plus these features.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace wnc::capability {

inline constexpr const char* kLogonMultiple = "logon.multiple";  // >1 logon of a user
inline constexpr const char* kLogonSystem = "logon.system";      // steps as `system`
inline constexpr const char* kFaultProfile = "fault.profile";
inline constexpr const char* kFaultProvider = "fault.provider";
inline constexpr const char* kProfileNtLinked = "profile.nt-linked";
inline constexpr const char* kApiAnsi = "api.A";         // WNetCancelConnectionA / 2A
inline constexpr const char* kNameNull = "name.null";    // a NULL lpName
inline constexpr const char* kPrint = "print";           // print redirections and jobs

// The features above, in a fixed order.
const std::vector<std::string>& features();

// Every capability name: the step kinds (from the step registry), then the features.
const std::set<std::string>& all();

}  // namespace wnc::capability
