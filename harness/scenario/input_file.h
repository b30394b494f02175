// Reading a scenario, ledger or bundle file without trusting it: only a regular file, and only
// up to a size limit, so a FIFO, a device or a huge file cannot hang or exhaust us.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "protocol/bounded_json.h"
#include "scenario/input_limits.h"
#include "scenario/scenario.h"

namespace wnc {

// The file's bytes. Throws ScenarioError naming the file.
std::string read_input_file(const std::filesystem::path& file, std::size_t max_bytes = limits::kMaxFileBytes);

// A JSON file within `json_limits`. Throws ScenarioError: file:line:column and the limit, or
// why it is not JSON.
nlohmann::json read_json_input_file(const std::filesystem::path& file, const JsonLimits& json_limits);

// Where byte `offset` of `text` stands; columns count bytes, as yaml-cpp's do.
SourcePos position_of_offset(std::string_view text, std::size_t offset);

}  // namespace wnc
