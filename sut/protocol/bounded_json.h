// JSON from untrusted text (agent protocol lines, bundle files), within limits on size,
// string length, nesting and value count, so that no input can exhaust memory or the stack
// of the recursive code that later walks the value (dump, comparison, decoding).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "vocabulary/input_error.h"

namespace wnc {

struct JsonLimits {
  std::size_t max_bytes;         // the whole text
  std::size_t max_string_bytes;  // any string, keys included
  std::size_t max_nesting;       // arrays and objects inside each other
  std::size_t max_values;        // scalars, arrays and objects in the text
};

// Not JSON, or beyond a limit (named in what()). `offset` is the byte at or just past the
// offending token, for a file:line:column.
class JsonInputError : public InputError {
 public:
  JsonInputError(std::size_t offset, const std::string& message) : InputError(message), offset_(offset) {}
  std::size_t offset() const { return offset_; }

 private:
  std::size_t offset_;
};

// Throws JsonInputError. Strings must be valid UTF-8, as nlohmann's parser checks.
nlohmann::json parse_bounded_json(std::string_view text, const JsonLimits& limits);

}  // namespace wnc
