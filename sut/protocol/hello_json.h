// The hello exchange of agent protocol v1 (docs/agent-protocol.md), both ways.
#pragma once

#include <nlohmann/json.hpp>

#include "sut.h"

namespace wnc {

inline constexpr int kProtocolVersion = 1;

// The answer to hello: `hello.raw` when it holds one (an answer relayed from another
// agent), else built from the fields.
nlohmann::json hello_to_json(const Hello& hello);

// Reads an answer to hello, keeping it whole in `raw`. Throws DecodeError (see
// protocol/json_codec.h) when it is not a protocol v1 hello.
Hello hello_from_json(const nlohmann::json& j);

}  // namespace wnc
