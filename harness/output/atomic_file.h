// Files the harness writes appear whole or not at all: written beside their final name,
// flushed, then renamed over it. A full disk or an unwritable folder is an OutputError
// that names the file; what was there before stays as it was.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "vocabulary/input_error.h"

namespace wnc {

class OutputError : public InputError {
 public:
  using InputError::InputError;
};

void write_file_atomically(const std::filesystem::path& file, const std::string& text);

// Throws OutputError unless `dir` is, or could be created as, a folder this process can
// write: checked before any work whose findings would go there. Creates nothing.
void require_writable_folder(const std::filesystem::path& dir);

}  // namespace wnc
