// The LSA's logon sessions: LUIDs, their users (with SIDs) and linked (UAC) partners.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "object_namespace.h"
#include "sim_types.h"

namespace wnc::sim {

class LogonSessions {
 public:
  // Starts with LocalSystem (LUID 0x3e7, user SYSTEM); later logons count up from 0x10000.
  explicit LogonSessions(ObjectNamespace& ns);

  // Throws std::invalid_argument when `name` is `system` or already logged on, or when
  // `partner` may not pair with it (see link); nothing changes then.
  Luid logon(const std::string& name, const std::string& user,
             std::optional<Luid> partner = std::nullopt);
  // A live logon other than LocalSystem, which never logs off.
  void logoff(Luid luid);

  // The live logon called `name`; throws std::invalid_argument if there is none.
  Luid require(const std::string& name) const;

  // Pairs two live logons as a UAC pair, as LSA does when it creates them: by LUID, so a
  // later logon that reuses a name is nobody's partner. A pair is one user's two tokens:
  // linking to `system`, to oneself, across users or to a logon whose partner is still
  // logged on throws std::invalid_argument (P-LINKED).
  void link(Luid a, Luid b);
  // The partner, while it is logged on.
  std::optional<Luid> partner(Luid luid) const;

  const std::string& user_of(Luid luid) const;
  const std::string& sid_of(Luid luid) const;
  // The account's SID, assigned on first lookup in a fixed order (deterministic).
  std::string sid_of_user(const std::string& user);

 private:
  struct Logon {
    std::string name;
    std::string user;
    std::string sid;
    std::optional<Luid> partner;
  };
  const Logon& at(Luid luid) const;
  void check_partner(const std::string& user, Luid partner) const;

  ObjectNamespace& ns_;
  Luid next_luid_ = kFirstUserLuid;
  int next_rid_ = 1000;           // relative IDs of user accounts, in order of first lookup
  std::map<Luid, Logon> logons_;  // live ones only
  std::map<std::string, std::string> sids_;  // user -> SID; users compare exactly
};

}  // namespace wnc::sim
