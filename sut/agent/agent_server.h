// The server side of agent protocol v1 (docs/agent-protocol.md): serves any Sut over JSON Lines, so that
// `wnetconf agent` makes a built-in implementation drivable as an external agent.
#pragma once

#include <iosfwd>
#include <string>

#include "sut.h"

namespace wnc {

// Answers one request per line of `in` with one line on `out`, flushed, in order, until
// bye or end of input; returns 0 then, or 1 when `out` fails. A malformed request, or a
// std::invalid_argument from the Sut, is answered {"error":"why"} and serving goes on.
// Any other exception from the Sut propagates: the agent cannot go on, and its client
// sees it die.
int serve_agent(Sut& sut, std::istream& in, std::ostream& out);

// Listens on host:port, prints "listening on HOST:PORT" with the bound port (so port 0
// works) to `log` as its first line, then serves one connection at a time until a bye.
// A client that goes away without bye is followed by the next. Returns 0 after bye, 1
// when it cannot listen (saying why on `log`).
int serve_agent_tcp(Sut& sut, const std::string& host, int port, std::ostream& log);

}  // namespace wnc
