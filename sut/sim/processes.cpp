#include "processes.h"

namespace wnc::sim {

Code Processes::change_directory(Luid luid, const std::string& path) {
  HandleId handle = 0;
  const Code rc = io_.open(luid, path, HandleKind::Directory, &handle);
  if (rc != code::kNoError) return rc;
  exit(luid);
  // The bug: the path is validated, then only remembered as a string.
  if (mutants_.has(Mutant::CwdNotCounted))
    handles_.close(handle);
  else
    current_directory_[luid] = handle;
  return code::kNoError;
}

void Processes::exit(Luid luid) {
  auto it = current_directory_.find(luid);
  if (it == current_directory_.end()) return;
  handles_.close(it->second);
  current_directory_.erase(it);
}

}  // namespace wnc::sim
