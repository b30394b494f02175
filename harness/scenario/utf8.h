// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace wnc {

// The offset of the first byte that is not part of well-formed UTF-8, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The number of characters (code points) in well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace wnc
