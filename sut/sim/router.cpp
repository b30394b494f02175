#include "router.h"

#include "names.h"

namespace wnc::sim {

namespace {
using State = RememberedEntry::State;
}  // namespace

void Router::record(Luid luid, const ExtendedError& error) {
  if (!mutants_.has(Mutant::ExtendedErrorNotRecorded)) last_error_[luid] = error;
}

void Router::forget_remembered(Luid luid, const std::string& device) {
  const std::string& sid = sessions_.sid_of(luid);
  RememberedEntry entry;
  if (profile_.read(sid, device, &entry) == code::kNoError && entry.state != State::Absent)
    profile_.forget(sid, device);
}

Code Router::add_connection2(Luid luid, const NetResource& resource, std::uint32_t flags) {
  std::optional<std::string> device;
  bool update = false;
  if (resource.local && !resource.local->empty()) {
    device = device_name(*resource.local);
    if (!device) return code::kBadDevice;
    if (is_print_device(*device) != (resource.type == ResourceType::Print))
      return code::kBadDevType;
    if (ns_.resolve(luid, *device)) return code::kAlreadyAssigned;
    // Deviceless connections are never remembered.
    update = flags & kConnectUpdateProfile;
    if (update) {
      RememberedEntry entry;
      if (Code rc = profile_.read(sessions_.sid_of(luid), *device, &entry)) return rc;
      if (entry.state == State::Corrupt) return code::kBadProfile;
      if (entry.state == State::Healthy) return code::kDeviceAlreadyRemembered;
    }
  }
  const auto remember = [&] {
    profile_.remember(sessions_.sid_of(luid), *device, resource.remote, sessions_.user_of(luid),
                      resource.type);
  };
  // The bug: the entry is written first and not rolled back when the provider fails.
  if (update && mutants_.has(Mutant::FailedAddRemembers)) remember();
  ExtendedError error;
  const Code rc = provider_.add(luid, device, resource.remote, resource.type, &error);
  if (rc == code::kExtendedError) record(luid, error);
  if (rc == code::kNoError && update && !mutants_.has(Mutant::FailedAddRemembers)) remember();
  return rc;
}

Code Router::cancel_connection_w(Luid luid, const std::optional<std::string>& name, bool force) {
  // Wine's WNetCancelConnection passes flags 0.
  const std::uint32_t flags = mutants_.has(Mutant::CancelKeepsProfile) ? 0 : kConnectUpdateProfile;
  return cancel_connection2_w(luid, name, flags, force);
}

// The sim's strings are UTF-8 throughout, so the A thunks have nothing to convert.
Code Router::cancel_connection_a(Luid luid, const std::optional<std::string>& name, bool force) {
  return cancel_connection_w(luid, name, mutants_.has(Mutant::AnsiDropsForce) ? false : force);
}

Code Router::cancel_connection2_a(Luid luid, const std::optional<std::string>& name,
                                  std::uint32_t flags, bool force) {
  return cancel_connection2_w(luid, name, flags, force);
}

Code Router::cancel_connection2_w(Luid luid, const std::optional<std::string>& name,
                                  std::uint32_t flags, bool force) {
  // Check 1: the name. Nothing that fails here reaches the provider.
  if (!name) return code::kNotConnected;
  std::string n = *name;
  if (mutants_.has(Mutant::TrailingBackslashDevice) && n.ends_with('\\') &&
      device_name(n.substr(0, n.size() - 1)))
    n.pop_back();
  const std::optional<std::string> device = device_name(n);
  if (!device && !is_remote_name(n) && !mutants_.has(Mutant::BadNameReachesProvider))
    return code::kNotConnected;

  const bool update = flags & kConnectUpdateProfile;
  if (device && update && mutants_.has(Mutant::FailedCancelForgetsProfile))
    forget_remembered(luid, *device);

  // Checks 2 and 3a/3b (4 for a remote name) are the provider's.
  CancelPlan plan;
  ExtendedError error;
  const Code rc = provider_.prepare_cancel(luid, n, force, &plan, &error);
  if (rc == code::kExtendedError) {
    record(luid, error);
    return rc;
  }
  const bool connected = rc == code::kNoError;
  if (!device || !update) {
    if (connected) provider_.commit_cancel(plan);
    return rc;
  }
  if (!connected && rc != code::kNotConnected) return rc;

  // Check 3 with the profile: an only-remembered device is forgotten; a connected one is
  // cancelled only if its entry can be forgotten (3c), so a failing call changes nothing.
  RememberedEntry entry;
  const Code profile_rc = profile_.read(sessions_.sid_of(luid), *device, &entry);
  if (!connected) {
    if (profile_rc != code::kNoError) return profile_rc;
    if (entry.state == State::Corrupt) return code::kBadProfile;
    if (entry.state == State::Absent) return code::kNotConnected;
    forget_remembered(luid, *device);
    return code::kNoError;
  }
  if (!mutants_.has(Mutant::ProfileErrorsIgnored)) {
    if (profile_rc != code::kNoError) return profile_rc;
    if (entry.state == State::Corrupt) return code::kBadProfile;
  }
  provider_.commit_cancel(plan);
  forget_remembered(luid, *device);
  return code::kNoError;
}

Code Router::get_connection(Luid luid, const std::string& local, std::string* remote) const {
  const std::optional<std::string> device = device_name(local);
  if (!device) return code::kBadDevice;
  if (provider_.get_connection(luid, *device, remote) == code::kNoError) return code::kNoError;
  // Not connected: a remembered device is reported unavailable; profile errors never show.
  RememberedEntry entry;
  if (profile_.read(sessions_.sid_of(luid), *device, &entry) == code::kNoError &&
      entry.state == State::Healthy) {
    *remote = entry.remote;
    return code::kConnectionUnavail;
  }
  return code::kNotConnected;
}

ExtendedError Router::get_last_error(Luid luid) const {
  auto it = last_error_.find(luid);
  return it == last_error_.end() ? ExtendedError{} : it->second;
}

void Router::logoff(Luid luid) { last_error_.erase(luid); }

}  // namespace wnc::sim
