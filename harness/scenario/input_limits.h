// The largest input the harness reads from scenario, ledger and bundle files. Beyond these,
// input is refused with the limit named, so that no file can exhaust memory, stack or time
// (scenarios/README.md, "Limits"). Protocol lines have theirs in protocol/protocol_limits.h.
#pragma once

#include <cstddef>

#include "protocol/bounded_json.h"

namespace wnc::limits {

inline constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxStringChars = 4096;  // any scalar, keys included
inline constexpr std::size_t kMaxNesting = 32;        // sequences and maps inside each other
inline constexpr std::size_t kMaxSteps = 10000;       // in one scenario
inline constexpr std::size_t kMaxValues = 500000;     // scalars, lists and maps in one file

// A bundle's JSON files (results.json, manifest.json, hello.json), which verify reads from
// whoever submitted the bundle. results.json grows with the corpus and the explored cases.
inline constexpr JsonLimits kBundleJson{
    .max_bytes = 32 * 1024 * 1024,
    .max_string_bytes = 1024 * 1024,  // an agent's output tail, a saved case
    .max_nesting = 32,
    .max_values = 1000000,
};

}  // namespace wnc::limits
