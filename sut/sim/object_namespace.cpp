#include "object_namespace.h"

#include <set>

#include "names.h"
#include "vocabulary/internal_error.h"

namespace wnc::sim {

ObjectNamespace::ObjectNamespace(Mutants mutants) : mutants_(mutants) {
  directories_[kGlobalDirectory]["C:"] = kLocalVolumeTarget;
}

std::string ObjectNamespace::dos_devices(Luid luid) const {
  // Wine keeps one namespace for everybody.
  if (mutants_.has(Mutant::SingleNamespace)) return kGlobalDirectory;
  // The kernel maps LocalSystem's DosDevices to \GLOBAL??; the bug forgets to.
  if (luid == kSystemLuid && !mutants_.has(Mutant::SystemMappingsLocal)) return kGlobalDirectory;
  const std::string hex = luid_hex(luid);
  return R"(\Sessions\0\DosDevices\)" + hex.substr(0, 8) + "-" + hex.substr(8);
}

void ObjectNamespace::create_logon_directory(Luid luid) {
  directories_.try_emplace(dos_devices(luid));
}

void ObjectNamespace::delete_logon_directory(Luid luid) {
  const std::string dir = dos_devices(luid);
  if (dir != kGlobalDirectory) directories_.erase(dir);
}

bool ObjectNamespace::create_link(const std::string& directory, const std::string& name,
                                  const std::string& target) {
  auto dir = directories_.find(directory);
  WNC_ASSERT(dir != directories_.end(), "links go into existing directories");
  return dir->second.try_emplace(to_upper(name), target).second;
}

void ObjectNamespace::delete_link(const std::string& directory, const std::string& name) {
  auto dir = directories_.find(directory);
  if (dir != directories_.end()) dir->second.erase(to_upper(name));
}

std::vector<const ObjectNamespace::Directory*> ObjectNamespace::view(Luid luid) const {
  std::vector<const Directory*> dirs;
  const std::string local = dos_devices(luid);
  auto it = directories_.find(local);
  WNC_ASSERT(it != directories_.end(), "a live logon has its directory");
  dirs.push_back(&it->second);
  if (local != kGlobalDirectory) dirs.push_back(&directories_.at(kGlobalDirectory));
  return dirs;
}

std::optional<std::string> ObjectNamespace::resolve(Luid luid, const std::string& name) const {
  for (const Directory* dir : view(luid)) {
    auto it = dir->find(to_upper(name));
    if (it != dir->end()) return it->second;
  }
  return std::nullopt;
}

std::vector<std::string> ObjectNamespace::visible_names(Luid luid) const {
  std::set<std::string> names;
  for (const Directory* dir : view(luid))
    for (const auto& [name, target] : *dir) names.insert(name);
  return {names.begin(), names.end()};
}

}  // namespace wnc::sim
