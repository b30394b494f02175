// NtCreateFile for the paths the model knows (P-PATH): a path is parsed, its drive resolved
// through the caller's DOS device view or its UNC share matched against the caller's
// deviceless connections, and a file object is created on what it leads to.
#pragma once

#include <string>

#include "handle_table.h"
#include "object_namespace.h"
#include "redirector.h"

namespace wnc::sim {

class IoManager {
 public:
  IoManager(const ObjectNamespace& ns, const Redirector& redirector, HandleTable& handles)
      : ns_(ns), redirector_(redirector), handles_(handles) {}

  // NO_ERROR with *handle, or ERROR_PATH_NOT_FOUND.
  Code open(Luid luid, const std::string& path, HandleKind kind, HandleId* handle);

 private:
  const ObjectNamespace& ns_;
  const Redirector& redirector_;
  HandleTable& handles_;
};

}  // namespace wnc::sim
