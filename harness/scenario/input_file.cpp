#include "scenario/input_file.h"

#include <fstream>

#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"

namespace wnc {

namespace fs = std::filesystem;

std::string read_input_file(const fs::path& file) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (status.type() == fs::file_type::not_found) throw ScenarioError(file.string(), 0, 0, "no such file");
  if (ec) throw ScenarioError(file.string(), 0, 0, "cannot read the file: " + ec.message());
  if (status.type() != fs::file_type::regular) throw ScenarioError(file.string(), 0, 0, "not a regular file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file.string(), 0, 0, "cannot read the file");
  std::string text;
  char chunk[64 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits::kMaxFileBytes)
      throw ScenarioError(file.string(), 0, 0,
                          "larger than the limit of " + std::to_string(limits::kMaxFileBytes / (1024 * 1024)) + " MiB");
  }
  if (in.bad()) throw ScenarioError(file.string(), 0, 0, "cannot read the file");
  return text;
}

}  // namespace wnc
