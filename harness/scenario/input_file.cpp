#include "scenario/input_file.h"

#include <algorithm>
#include <fstream>

#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"

namespace wnc {

namespace fs = std::filesystem;

std::string read_input_file(const fs::path& file, std::size_t max_bytes) {
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (status.type() == fs::file_type::not_found) throw ScenarioError(file.string(), 0, 0, "no such file");
  if (ec) throw ScenarioError(file.string(), 0, 0, "cannot read the file: " + ec.message());
  if (status.type() != fs::file_type::regular) throw ScenarioError(file.string(), 0, 0, "not a regular file");
  const auto too_large = [&] {
    return ScenarioError(file.string(), 0, 0, "larger than the limit of " + std::to_string(max_bytes / (1024 * 1024)) + " MiB");
  };
  if (fs::file_size(file, ec) > max_bytes && !ec) throw too_large();  // refused unread
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file.string(), 0, 0, "cannot read the file");
  std::string text;
  char chunk[64 * 1024];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) throw too_large();  // it grew while being read
  }
  if (in.bad()) throw ScenarioError(file.string(), 0, 0, "cannot read the file");
  return text;
}

nlohmann::json read_json_input_file(const fs::path& file, const JsonLimits& json_limits) {
  const std::string text = read_input_file(file, json_limits.max_bytes);
  try {
    return parse_bounded_json(text, json_limits);
  } catch (const JsonInputError& e) {
    const SourcePos p = position_of_offset(text, e.offset());
    throw ScenarioError(file.string(), p.line, p.column, e.what());
  }
}

SourcePos position_of_offset(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t newline = before.rfind('\n');
  const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  return {1 + static_cast<int>(std::count(before.begin(), before.end(), '\n')),
          1 + static_cast<int>(before.size() - line_start)};
}

}  // namespace wnc
