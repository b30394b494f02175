// The hello exchange of agent protocol v1 (docs/agent-protocol.md), both ways.
#pragma once

#include <nlohmann/json.hpp>

#include "sut.h"

namespace wnc {

inline constexpr int kProtocolVersion = 1;
// Pipelining: the window both agents announce in hello, and the most steps a client keeps
// in flight; an agent may announce up to kMaxPipeline. Requests in flight are also bounded
// in bytes, so that neither side can fill the other's pipe while it is blocked writing.
inline constexpr int kPipelineWindow = 64;
inline constexpr int kMaxPipeline = 1024;
inline constexpr std::size_t kPipelineBytes = 32 * 1024;

// The answer to hello: `hello.raw` when it holds one (an answer relayed from another
// agent), else built from the fields.
nlohmann::json hello_to_json(const Hello& hello);
// ... announcing the window of the agent that serves it.
nlohmann::json hello_to_json(const Hello& hello, int pipeline);

// Reads an answer to hello, keeping it whole in `raw`. Throws DecodeError (see
// protocol/json_codec.h) when it is not a protocol v1 hello.
Hello hello_from_json(const nlohmann::json& j);

}  // namespace wnc
