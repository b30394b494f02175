// The folder a run's Wine prefix lives in, held by this run alone. By default a private
// folder under the user's cache directory, made for the run and deleted after it, so runs
// side by side (two terminals, ctest -j) never share one; folders that killed runs left
// behind are swept by the next run (runs take turns at the cache folder's lock to sweep and
// make theirs). A folder the user names is kept after the run and is used
// only when it is absent, empty, or one wnetconf made: a user's own prefix is never cleared.
// Either way a lock on the folder's marker file keeps a second run out while one holds it.
#pragma once

#include <functional>
#include <string>

#include "agent/unique_fd.h"

namespace wnc::wine {

inline constexpr const char* kPrefixMarker = ".wnetconf-prefix";

class PrefixFolder {
 public:
  // Called on a swept folder before it is deleted: a killed run's wineserver may still serve it.
  using StopServer = std::function<void(const std::string& dir)>;

  // `chosen` empty: a private folder under `cache_root` (see default_cache_root()). Throws
  // InputError for a chosen folder that is not wnetconf's or is in use, and for no cache root.
  PrefixFolder(const std::string& chosen, const std::string& cache_root, const StopServer& stop_server);
  ~PrefixFolder();
  PrefixFolder(const PrefixFolder&) = delete;
  PrefixFolder& operator=(const PrefixFolder&) = delete;

  const std::string& path() const { return path_; }
  bool is_private() const { return !cache_root_.empty(); }
  // Empties the folder for a fresh prefix, keeping the marker (and so the lock).
  void clear() const;

 private:
  void lock_marker();

  std::string path_;
  std::string cache_root_;  // set for a private folder
  agent::UniqueFd marker_;
};

// $XDG_CACHE_HOME/wnetconf, else $HOME/.cache/wnetconf; empty when neither is set absolutely.
std::string default_cache_root();

}  // namespace wnc::wine
