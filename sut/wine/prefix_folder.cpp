#include "wine/prefix_folder.h"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "vocabulary/input_error.h"

namespace wnc::wine {

namespace fs = std::filesystem;

namespace {

constexpr const char kPrivatePrefix[] = "wine-";
constexpr const char kRootLock[] = ".lock";

agent::UniqueFd open_marker(const std::string& dir, int flags) {
  return agent::UniqueFd(::open((dir + "/" + kPrefixMarker).c_str(), flags | O_RDWR | O_CLOEXEC, 0644));
}

bool try_lock(const agent::UniqueFd& fd) { return ::flock(fd.get(), LOCK_EX | LOCK_NB) == 0; }

// Held while a run sweeps the cache and makes and locks its own folder, so no run ever sees
// another's folder between mkdtemp and the marker's lock (it would take it for a killed run's).
agent::UniqueFd lock_cache_root(const std::string& cache_root) {
  agent::UniqueFd fd(::open((cache_root + "/" + kRootLock).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644));
  if (!fd || ::flock(fd.get(), LOCK_EX) != 0)
    throw InputError("cannot lock " + cache_root + "/" + kRootLock + ": " + std::strerror(errno));
  return fd;
}

// Under the cache root's lock, a private folder whose marker nobody holds, or that has no
// marker yet, belongs to a run that was killed.
void sweep(const std::string& cache_root, const PrefixFolder::StopServer& stop_server) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cache_root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(kPrivatePrefix, 0) != 0 || !entry.is_directory(ec)) continue;
    agent::UniqueFd marker = open_marker(entry.path().string(), 0);
    if (marker && !try_lock(marker)) continue;  // a live run's
    stop_server(entry.path().string());
    fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

std::string default_cache_root() {
  for (const char* var : {"XDG_CACHE_HOME", "HOME"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || value[0] != '/') continue;
    return std::string(value) + (std::string(var) == "HOME" ? "/.cache" : "") + "/wnetconf";
  }
  return {};
}

PrefixFolder::PrefixFolder(const std::string& chosen, const std::string& cache_root, const StopServer& stop_server) {
  if (!chosen.empty()) {
    path_ = fs::absolute(chosen).lexically_normal().string();
    std::error_code ec;
    if (fs::exists(path_, ec) && !fs::is_directory(path_, ec))
      throw InputError("--wine-prefix " + chosen + ": not a folder");
    if (fs::is_directory(path_, ec) && !fs::is_empty(path_, ec) && !fs::exists(path_ + "/" + kPrefixMarker, ec))
      throw InputError("--wine-prefix " + chosen + ": the folder holds files and no " + kPrefixMarker +
                       ", so it is not a prefix wnetconf made; wnetconf empties the prefix it uses, so it takes only "
                       "an empty or new folder, or one it made");
    fs::create_directories(path_);
    lock_marker();
    return;
  }
  if (cache_root.empty())
    throw InputError("no cache folder for the Wine prefix: set HOME or XDG_CACHE_HOME, or give --wine-prefix");
  fs::create_directories(cache_root);
  const agent::UniqueFd root_lock = lock_cache_root(cache_root);
  sweep(cache_root, stop_server);
  std::string pattern = cache_root + "/" + kPrivatePrefix + "XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  if (::mkdtemp(name.data()) == nullptr)
    throw InputError("cannot make a Wine prefix folder in " + cache_root + ": " + std::strerror(errno));
  path_ = name.data();
  cache_root_ = cache_root;
  lock_marker();
}

void PrefixFolder::lock_marker() {
  marker_ = open_marker(path_, O_CREAT);
  if (!marker_) throw InputError("cannot write " + path_ + "/" + kPrefixMarker + ": " + std::strerror(errno));
  if (!try_lock(marker_)) throw InputError("the Wine prefix " + path_ + " is in use by another wnetconf run");
}

PrefixFolder::~PrefixFolder() {
  if (!is_private()) return;
  try {
    // Under the lock: a sweep must not meet this folder half deleted, its marker gone.
    const agent::UniqueFd root_lock = lock_cache_root(cache_root_);
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  } catch (const InputError&) {  // the next run's sweep deletes it
  }
}

void PrefixFolder::clear() const {
  for (const auto& entry : fs::directory_iterator(path_))
    if (entry.path().filename() != kPrefixMarker) fs::remove_all(entry.path());
}

}  // namespace wnc::wine
