#include "logon_sessions.h"

#include <stdexcept>

#include "vocabulary/internal_error.h"
#include "vocabulary/setup.h"

namespace wnc::sim {

LogonSessions::LogonSessions(ObjectNamespace& ns) : ns_(ns) {
  sids_[kSystemUser] = "S-1-5-18";
  logons_[kSystemLuid] = {kSystemLogon, kSystemUser, sids_[kSystemUser], std::nullopt};
  ns_.create_logon_directory(kSystemLuid);
}

std::string LogonSessions::sid_of_user(const std::string& user) {
  auto [it, added] = sids_.try_emplace(user);
  if (added) it->second = "S-1-5-21-1004336348-1177238915-682003330-" + std::to_string(next_rid_++);
  return it->second;
}

Luid LogonSessions::logon(const std::string& name, const std::string& user,
                          std::optional<Luid> partner) {
  if (name == kSystemLogon) throw std::invalid_argument("logon: 'system' is predefined");
  for (const auto& [luid, l] : logons_)
    if (l.name == name) throw std::invalid_argument("logon: '" + name + "' is already logged on");
  if (partner) check_partner(user, *partner);
  const Luid luid = next_luid_++;
  logons_[luid] = {name, user, sid_of_user(user), partner};
  if (partner) logons_[*partner].partner = luid;
  ns_.create_logon_directory(luid);
  return luid;
}

void LogonSessions::logoff(Luid luid) {
  WNC_ASSERT(luid != kSystemLuid && logons_.count(luid), "only a live user logon logs off");
  ns_.delete_logon_directory(luid);
  logons_.erase(luid);
}

Luid LogonSessions::require(const std::string& name) const {
  for (const auto& [luid, l] : logons_)
    if (l.name == name) return luid;
  throw std::invalid_argument("no logon named '" + name + "' is logged on");
}

void LogonSessions::check_partner(const std::string& user, Luid partner) const {
  const Logon& p = at(partner);
  if (partner == kSystemLuid) throw std::invalid_argument("linked: 'system' has no UAC pair");
  if (p.user != user)
    throw std::invalid_argument("linked: '" + p.name + "' is not a logon of user '" + user + "'");
  if (this->partner(partner))
    throw std::invalid_argument("linked: '" + p.name + "' is already paired");
}

void LogonSessions::link(Luid a, Luid b) {
  if (a == b) throw std::invalid_argument("linked: '" + at(a).name + "' names itself");
  if (partner(a)) throw std::invalid_argument("linked: '" + at(a).name + "' is already paired");
  check_partner(at(a).user, b);
  logons_[a].partner = b;
  logons_[b].partner = a;
}

std::optional<Luid> LogonSessions::partner(Luid luid) const {
  const std::optional<Luid> p = at(luid).partner;
  if (p && logons_.count(*p)) return p;
  return std::nullopt;
}

const std::string& LogonSessions::user_of(Luid luid) const { return at(luid).user; }

const std::string& LogonSessions::sid_of(Luid luid) const { return at(luid).sid; }

const LogonSessions::Logon& LogonSessions::at(Luid luid) const { return logons_.at(luid); }

}  // namespace wnc::sim
