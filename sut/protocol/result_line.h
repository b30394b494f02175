// A step's answer read straight from its protocol line, without building the JSON value: the
// client's hot path when a case is pipelined. Only a plain result is read this way; anything
// else (a refusal, a bad type, an unknown or repeated key, a value past a limit, not JSON) is
// left to the full decoder, which says exactly what is wrong.
#pragma once

#include <optional>
#include <string_view>

#include "protocol/bounded_json.h"
#include "vocabulary/result.h"

namespace wnc {

// The result `line` holds when it is a flat object of rc (required), remote, target, drives,
// code, text and provider with their types, within `limits`; nullopt otherwise. Whatever it
// gives, result_from_json(parse_bounded_json(line, limits)) gives too.
std::optional<Result> plain_result(std::string_view line, const JsonLimits& limits);

}  // namespace wnc
