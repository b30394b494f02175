// The largest input the harness reads from scenario and ledger files. Beyond these, input is
// refused with the limit named, so that no file can exhaust memory, stack or time
// (scenarios/README.md, "Limits").
#pragma once

#include <cstddef>

namespace wnc::limits {

inline constexpr std::size_t kMaxFileBytes = 4 * 1024 * 1024;
inline constexpr std::size_t kMaxStringChars = 4096;  // any scalar, keys included
inline constexpr std::size_t kMaxNesting = 32;        // sequences and maps inside each other
inline constexpr std::size_t kMaxSteps = 10000;       // in one scenario
inline constexpr std::size_t kMaxValues = 500000;     // scalars, lists and maps in one file

}  // namespace wnc::limits
