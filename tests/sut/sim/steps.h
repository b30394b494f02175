// Terse builders for the steps and setups the sim tests drive.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sut.h"

namespace wnc::simtest {

inline Step add(const std::string& as, const std::string& local, const std::string& remote,
                bool persistent = false) {
  AddStep s;
  s.as = as;
  s.local = local;
  s.remote = remote;
  s.type = local.starts_with("LPT") ? ResourceType::Print : ResourceType::Disk;
  s.persistent = persistent;
  return s;
}

inline Step add_deviceless(const std::string& as, const std::string& remote) {
  AddStep s;
  s.as = as;
  s.remote = remote;
  return s;
}

inline Step cancel(const std::string& as, std::optional<std::string> name, bool force = false,
                   Api api = Api::W, bool update_profile = false) {
  return CancelStep{as, std::move(name), force, api, update_profile};
}

inline Step get_connection(const std::string& as, const std::string& local) {
  return GetConnectionStep{as, local};
}
inline Step drives(const std::string& as) { return DrivesStep{as}; }
inline Step query_dos_device(const std::string& as, const std::string& name) {
  return QueryDosDeviceStep{as, name};
}
inline Step open(const std::string& as, const std::string& path, const std::string& handle,
                 HandleKind kind = HandleKind::File) {
  return OpenStep{as, path, handle, kind};
}
inline Step close(const std::string& handle) { return CloseStep{handle}; }
inline Step io(const std::string& handle) { return IoStep{handle}; }
inline Step chdir(const std::string& as, const std::string& path) { return ChdirStep{as, path}; }
inline Step job(const std::string& as, const std::string& device, const std::string& name) {
  return JobStep{as, device, name};
}
inline Step end_job(const std::string& name) { return EndJobStep{name}; }
inline Step profile_fault(const std::string& user, ProfileHealth health,
                          const std::string& device = "") {
  return ProfileFaultStep{health, user, device};
}
inline Step provider_fault(int times = 1) {
  return ProviderFaultStep{31, "The share is offline", "Test Network", times};
}
inline Step last_error(const std::string& as) { return LastErrorStep{as}; }
inline Step logon(const std::string& name, const std::string& user,
                  std::optional<std::string> linked = std::nullopt) {
  return LogonStep{name, user, 1, std::move(linked)};
}
inline Step logoff(const std::string& as) { return LogoffStep{as}; }

// alice and alice2 are two logons of one user; bob is another user.
inline Setup three_logons() {
  Setup s;
  s.logons = {{"alice", {"alice", 1, std::nullopt}},
              {"alice2", {"alice", 2, std::nullopt}},
              {"bob", {"bob", 1, std::nullopt}}};
  return s;
}

// A UAC pair under EnableLinkedConnections: admin is alice's linked partner.
inline Setup linked_pair() {
  Setup s;
  s.profile = BehaviourProfile::NtLinked;
  s.logons = {{"alice", {"alice", 1, std::nullopt}}, {"admin", {"alice", 1, "alice"}}};
  return s;
}

inline std::vector<Result> run(Sut& sut, const Setup& setup, const std::vector<Step>& steps) {
  sut.reset(setup);
  std::vector<Result> results;
  for (const Step& s : steps) results.push_back(sut.step(s));
  return results;
}

inline Result rc(Code c) {
  Result r;
  r.rc = c;
  return r;
}
inline Result with_remote(Code c, const std::string& remote) {
  Result r = rc(c);
  r.remote = remote;
  return r;
}
inline Result with_drives(const std::string& letters) {
  Result r;
  r.drives = letters;
  return r;
}
inline Result with_target(const std::string& target) {
  Result r;
  r.target = target;
  return r;
}
inline Result with_last_error(Code c, const std::string& text, const std::string& provider) {
  Result r;
  r.code = c;
  r.text = text;
  r.provider = provider;
  return r;
}

}  // namespace wnc::simtest
