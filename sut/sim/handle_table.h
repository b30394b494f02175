// Open file objects: who opened them, what kind, on which redirector connection (none for
// the local volume), and whether a cancel or logoff orphaned them.
#pragma once

#include <map>
#include <optional>

#include "mutants.h"
#include "sim_types.h"
#include "vocabulary/step.h"

namespace wnc::sim {

struct FileObject {
  Luid opener = 0;
  HandleKind kind = HandleKind::File;
  std::optional<ConnId> connection;  // nullopt: the local volume
  bool orphaned = false;
};

class HandleTable {
 public:
  explicit HandleTable(Mutants mutants) : mutants_(mutants) {}

  HandleId insert(FileObject object);
  // A read or write: NO_ERROR, or ERROR_UNEXP_NET_ERR once orphaned.
  Code io(HandleId handle) const;
  void close(HandleId handle);

  // Handles that still hold the connection: open, of this kind, not orphaned.
  int count_open(ConnId connection, HandleKind kind) const;
  void orphan_on(ConnId connection);
  void orphan_opened_by(Luid opener);

 private:
  Mutants mutants_;
  HandleId next_ = 1;
  std::map<HandleId, FileObject> objects_;
};

}  // namespace wnc::sim
