// Reading a scenario or ledger file without trusting it: only a regular file, and only up
// to limits::kMaxFileBytes, so a FIFO, a device or a huge file cannot hang or exhaust us.
#pragma once

#include <filesystem>
#include <string>

namespace wnc {

// The file's bytes. Throws ScenarioError naming the file.
std::string read_input_file(const std::filesystem::path& file);

}  // namespace wnc
