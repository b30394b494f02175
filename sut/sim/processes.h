// One process per logon and its current directory. As in Windows, the current directory
// is a directory handle the process keeps open, so it holds a connection like one.
#pragma once

#include <map>
#include <string>

#include "handle_table.h"
#include "io_manager.h"
#include "mutants.h"

namespace wnc::sim {

class Processes {
 public:
  Processes(IoManager& io, HandleTable& handles, Mutants mutants)
      : io_(io), handles_(handles), mutants_(mutants) {}

  // SetCurrentDirectory: NO_ERROR, or ERROR_PATH_NOT_FOUND leaving the directory as it was.
  Code change_directory(Luid luid, const std::string& path);
  // The process exits: its current directory handle is closed.
  void exit(Luid luid);

 private:
  IoManager& io_;
  HandleTable& handles_;
  Mutants mutants_;
  std::map<Luid, HandleId> current_directory_;
};

}  // namespace wnc::sim
