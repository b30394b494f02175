// The server side of agent protocol v1 (docs/agent-protocol.md): serves any Sut over JSON Lines, so that
// `wnetconf agent` makes a built-in implementation drivable as an external agent.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "protocol/agent_access.h"
#include "protocol/hello_json.h"
#include "sut.h"

namespace wnc {

// Answers one request per line of `in` with one line on `out`, flushed, in order, until
// bye or end of input; returns 0 then, or 1 when `out` fails or a request is longer than
// kMaxRequestLine (answered with an error first). A malformed request, or a
// std::invalid_argument from the Sut, is answered {"error":"why"} and serving goes on.
// Any other exception from the Sut propagates: the agent cannot go on, and its client
// sees it die. Requests may come before the answers to earlier ones (pipelining): hello
// announces `pipeline` as the agent's window, or none when it is 1.
int serve_agent(Sut& sut, std::istream& in, std::ostream& out, int pipeline = kPipelineWindow);

// A fresh implementation for each TCP connection: no client sees another's world.
using MakeSut = std::function<std::unique_ptr<Sut>()>;

struct TcpServeOptions {
  std::string host;
  int port = 0;        // 0: any free port
  std::string token;   // empty: none, and then `host` must be a loopback address
  int idle_ms = kDefaultIdleMs;  // a client silent this long is disconnected
  int stop_fd = -1;    // when readable, the server returns 0 (for a program embedding it)
};

// Listens, prints "listening on HOST:PORT" with the bound port (so port 0 works) to `log`
// as its first line, then serves one connection at a time until stop_fd is readable:
//  - with a token, a connection's first request must be a hello carrying it; otherwise
//    one {"error":…} line, and the connection is closed;
//  - a client connecting while another is served gets one {"error":…} line, and is closed;
//  - bye, a request longer than kMaxRequestLine or idle_ms without a request end that
//    connection (the last two with an {"error":…} line), never the server.
// Throws InputError for a host that is not loopback without a token. Returns 1 when it
// cannot listen (saying why on `log`); refusals and disconnections are logged too.
int serve_agent_tcp(const MakeSut& make_sut, const TcpServeOptions& options, std::ostream& log);

}  // namespace wnc
