#include "handle_table.h"

#include "vocabulary/internal_error.h"

namespace wnc::sim {

HandleId HandleTable::insert(FileObject object) {
  const HandleId id = next_++;
  objects_[id] = object;
  return id;
}

Code HandleTable::io(HandleId handle) const {
  auto it = objects_.find(handle);
  WNC_ASSERT(it != objects_.end(), "I/O on a live handle");
  // The bug: the redirector keeps serving a file object whose connection is gone.
  if (it->second.orphaned && !mutants_.has(Mutant::OrphansUsable)) return code::kUnexpNetErr;
  return code::kNoError;
}

void HandleTable::close(HandleId handle) {
  auto erased = objects_.erase(handle);
  WNC_ASSERT(erased == 1, "close of a live handle");
}

int HandleTable::count_open(ConnId connection, HandleKind kind) const {
  int n = 0;
  for (const auto& [id, o] : objects_)
    if (!o.orphaned && o.kind == kind && o.connection == connection) ++n;
  return n;
}

void HandleTable::orphan_on(ConnId connection) {
  for (auto& [id, o] : objects_)
    if (o.connection == connection) o.orphaned = true;
}

void HandleTable::orphan_opened_by(Luid opener) {
  for (auto& [id, o] : objects_)
    if (o.opener == opener) o.orphaned = true;
}

}  // namespace wnc::sim
