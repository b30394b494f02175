// The largest protocol v1 line either side reads (docs/agent-protocol.md, "Limits"): an agent
// reading requests, a client reading answers. No request or answer comes near these; beyond
// them a line is refused with the limit named, so no peer can exhaust the reader's memory.
#pragma once

#include <cstddef>
#include <string_view>

#include "protocol/bounded_json.h"

namespace wnc::protocol_limits {

inline constexpr std::size_t kMaxLineBytes = 16 << 20;
inline constexpr JsonLimits kLine{
    .max_bytes = kMaxLineBytes,
    .max_string_bytes = 64 * 1024,
    .max_nesting = 32,
    .max_values = 500000,
};

// One line as JSON, within kLine. Throws JsonInputError.
inline nlohmann::json parse_line(std::string_view line) { return parse_bounded_json(line, kLine); }

}  // namespace wnc::protocol_limits
