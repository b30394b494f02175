// The world a scenario starts from: behaviour profile, network and declared logons.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wnc {

enum class BehaviourProfile { Nt, NtLinked };

const char* profile_name(BehaviourProfile p);  // "nt", "nt-linked"

struct Network {
  std::vector<std::string> shares{R"(\\fs1\docs)", R"(\\fs1\public)", R"(\\fs2\home)"};
  std::vector<std::string> printers{R"(\\ps1\laser)"};
  bool operator==(const Network&) const = default;
};

struct LogonDecl {
  std::string user;
  int session = 1;
  std::optional<std::string> linked;  // the partner logon (UAC pair), meaningful under nt-linked
  bool operator==(const LogonDecl&) const = default;
};

// The predefined LocalSystem logon (LUID 0x3e7): it exists in every world.
inline constexpr const char* kSystemLogon = "system";
inline constexpr const char* kSystemUser = "SYSTEM";

struct Setup {
  BehaviourProfile profile = BehaviourProfile::Nt;
  Network network;
  std::map<std::string, LogonDecl> logons;  // never contains "system"
  bool operator==(const Setup&) const = default;
};

}  // namespace wnc
