#include "profile.h"

#include "names.h"
#include "vocabulary/internal_error.h"

namespace wnc::sim {

std::string network_key(const std::string& sid) { return user_hive(sid) + R"(\Network)"; }

std::string profile_key(const std::string& device) {
  std::string key = to_upper(device);
  if (key.ends_with(':')) key.pop_back();
  return key;
}

bool entry_is_corrupt(const RegKey& entry) {
  const RegValue* path = entry.value("RemotePath");
  return !path || path->type != RegType::Sz;
}

Code Profile::read(const std::string& sid, const std::string& device, RememberedEntry* out) const {
  *out = {};
  RegKey* network = nullptr;
  Code rc = registry_.open_key(network_key(sid), &network);
  if (rc == code::kFileNotFound) return code::kNoError;
  if (rc != code::kNoError) return code::kCannotOpenProfile;
  const RegKey* entry = network->subkey(profile_key(device));
  if (!entry) return code::kNoError;
  if (entry_is_corrupt(*entry)) {
    // The bug: a reader that skips entries it cannot parse, as if they were not there.
    if (!mutants_.has(Mutant::CorruptEntrySkipped)) out->state = RememberedEntry::State::Corrupt;
    return code::kNoError;
  }
  out->state = RememberedEntry::State::Healthy;
  out->remote = entry->value("RemotePath")->sz;
  return code::kNoError;
}

void Profile::remember(const std::string& sid, const std::string& device, const std::string& remote,
                       const std::string& user, ResourceType type) {
  RegKey& entry = registry_.create_key(network_key(sid) + "\\" + profile_key(device));
  entry.set_value("RemotePath", {RegType::Sz, remote, 0});
  entry.set_value("UserName", {RegType::Sz, user, 0});
  entry.set_value("ProviderName", {RegType::Sz, kProviderName, 0});
  entry.set_value("ProviderType", {RegType::Dword, "", kLanmanProviderType});
  entry.set_value("ConnectionType", {RegType::Dword, "", type == ResourceType::Print ? 2u : 1u});
}

void Profile::forget(const std::string& sid, const std::string& device) {
  RegKey* network = nullptr;
  Code rc = registry_.open_key(network_key(sid), &network);
  WNC_ASSERT(rc == code::kNoError, "forget follows a successful read");
  network->delete_subkey(profile_key(device));
}

}  // namespace wnc::sim
