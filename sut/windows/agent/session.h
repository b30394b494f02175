// Agent protocol v1 (docs/agent-protocol.md): one request line in, one answer line out, on stdio or on
// TCP (one client at a time, with a token when one is set).
#pragma once

#include <string>

#include "agent_state.h"
#include "line_io.h"

namespace wnc::win {

struct Answer {
  std::string line;
  bool close = false;    // bye, or a refusal that ends the connection
  bool refused = false;  // a refused token: the connection ends
};

class Session {
 public:
  // With a token, nothing is served until a hello carries it.
  Session(AgentState& state, std::string token) : state_(state), token_(std::move(token)), trusted_(token_.empty()) {}
  Answer answer(const std::string& line);

 private:
  AgentState& state_;
  std::string token_;
  bool trusted_;
};

// Answers requests until the client says bye or its input ends.
void serve(AgentState& state, LineIo& io);

struct TcpOptions {
  std::string token;  // empty: none (the listener is then on loopback)
  int idle_ms;        // a client silent this long is disconnected
};

// Serves one client at a time, each from a fresh world, until the process is ended: a
// second client is told the agent is busy and closed; bye, a refused token, a request
// longer than kMaxRequestLine or idle_ms without a request end that connection. Says on
// stderr what it refused. Returns only when the listener fails.
void serve_tcp(AgentState& state, TcpListener& listener, const TcpOptions& options);

}  // namespace wnc::win
