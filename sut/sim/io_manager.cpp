#include "io_manager.h"

#include "names.h"

namespace wnc::sim {

namespace {
// "\\server\share[\rest]" -> "\\server\share"; "" when the path has no share component.
std::string unc_share(const std::string& path) {
  const std::size_t server_end = path.find('\\', 2);
  if (server_end == std::string::npos || server_end == 2) return {};
  const std::size_t share_end = path.find('\\', server_end + 1);
  std::string share = path.substr(0, share_end);
  return share.size() > server_end + 1 ? share : std::string{};
}

// "X:" or "X:\..." -> "X:"; "" otherwise (relative "X:foo" forms are not in the model).
std::string drive_of(const std::string& path) {
  if (path.size() < 2 || path[1] != ':' || (path.size() > 2 && path[2] != '\\')) return {};
  return device_name(path.substr(0, 2)).value_or("");
}
}  // namespace

Code IoManager::open(Luid luid, const std::string& path, HandleKind kind, HandleId* handle) {
  FileObject object{luid, kind, std::nullopt, false};
  if (is_remote_name(path)) {
    const std::string share = unc_share(path);
    if (share.empty()) return code::kPathNotFound;
    object.connection = redirector_.deviceless(luid, share, ResourceType::Disk);
    if (!object.connection) return code::kPathNotFound;
  } else {
    const std::string drive = drive_of(path);
    if (drive.empty()) return code::kPathNotFound;
    const std::optional<std::string> target = ns_.resolve(luid, drive);
    if (!target) return code::kPathNotFound;
    if (*target != kLocalVolumeTarget) {
      object.connection = redirector_.connection_at(*target, ResourceType::Disk);
      if (!object.connection) return code::kPathNotFound;
    }
  }
  *handle = handles_.insert(object);
  return code::kNoError;
}

}  // namespace wnc::sim
