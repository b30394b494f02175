#include "registry.h"

#include <algorithm>

#include "names.h"
#include "vocabulary/internal_error.h"

namespace wnc::sim {

namespace {
std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '\\') {
      if (!part.empty()) parts.push_back(part);
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(part);
  return parts;
}
}  // namespace

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(ascii_lower(x)) < static_cast<unsigned char>(ascii_lower(y));
  });
}

RegKey* RegKey::subkey(const std::string& name) const {
  auto it = subkeys_.find(name);
  return it == subkeys_.end() ? nullptr : it->second.get();
}

RegKey& RegKey::create_subkey(const std::string& name) {
  auto& slot = subkeys_[name];
  if (!slot) slot = std::make_unique<RegKey>();
  return *slot;
}

void RegKey::delete_subkey(const std::string& name) { subkeys_.erase(name); }

std::vector<std::string> RegKey::subkey_names() const {
  std::vector<std::string> names;
  for (const auto& [name, key] : subkeys_) names.push_back(name);
  return names;
}

const RegValue* RegKey::value(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

void RegKey::set_value(const std::string& name, RegValue value) {
  values_[name] = std::move(value);
}

void RegKey::delete_value(const std::string& name) { values_.erase(name); }

Code Registry::open_key(const std::string& path, RegKey** out) {
  RegKey* key = &root_;
  for (const std::string& part : split_path(path)) {
    key = key->subkey(part);
    if (!key) return code::kFileNotFound;
  }
  if (key->deny_read) return kRegAccessDenied;
  *out = key;
  return code::kNoError;
}

RegKey& Registry::create_key(const std::string& path) {
  RegKey* key = &root_;
  for (const std::string& part : split_path(path)) key = &key->create_subkey(part);
  WNC_ASSERT(key != &root_, "create_key needs a path");
  return *key;
}

std::string user_hive(const std::string& sid) { return R"(\REGISTRY\USER\)" + sid; }

}  // namespace wnc::sim
