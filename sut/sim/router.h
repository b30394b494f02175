// The multiple provider router (MPR): the WNet entry points. It validates names, keeps the
// remembered connections in the caller's profile, calls the provider and keeps each logon
// thread's last extended error (WNetGetLastError).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "logon_sessions.h"
#include "mutants.h"
#include "object_namespace.h"
#include "profile.h"
#include "redirector.h"
#include "sim_types.h"

namespace wnc::sim {

inline constexpr std::uint32_t kConnectUpdateProfile = 0x1;

struct NetResource {
  ResourceType type = ResourceType::Disk;
  std::optional<std::string> local;  // absent or empty: deviceless
  std::string remote;
};

class Router {
 public:
  Router(const LogonSessions& sessions, const ObjectNamespace& ns, Redirector& provider,
         Profile& profile, Mutants mutants)
      : sessions_(sessions), ns_(ns), provider_(provider), profile_(profile), mutants_(mutants) {}

  Code add_connection2(Luid luid, const NetResource& resource, std::uint32_t flags);

  // nullopt is a NULL lpName. WNetCancelConnection is WNetCancelConnection2 with
  // CONNECT_UPDATE_PROFILE (R-COMPAT-PROFILE); the A forms forward to the W forms.
  Code cancel_connection_w(Luid luid, const std::optional<std::string>& name, bool force);
  Code cancel_connection_a(Luid luid, const std::optional<std::string>& name, bool force);
  Code cancel_connection2_w(Luid luid, const std::optional<std::string>& name, std::uint32_t flags,
                            bool force);
  Code cancel_connection2_a(Luid luid, const std::optional<std::string>& name, std::uint32_t flags,
                            bool force);

  // NO_ERROR or ERROR_CONNECTION_UNAVAIL with *remote; ERROR_BAD_DEVICE; ERROR_NOT_CONNECTED.
  Code get_connection(Luid luid, const std::string& local, std::string* remote) const;

  ExtendedError get_last_error(Luid luid) const;
  // The logon's thread is gone, and its last error with it.
  void logoff(Luid luid);

 private:
  void record(Luid luid, const ExtendedError& error);
  void forget_remembered(Luid luid, const std::string& device);

  const LogonSessions& sessions_;
  const ObjectNamespace& ns_;
  Redirector& provider_;
  Profile& profile_;
  Mutants mutants_;
  std::map<Luid, ExtendedError> last_error_;
};

}  // namespace wnc::sim
