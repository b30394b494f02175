// The client side of agent protocol v1, whatever carries it: a Sut that drives an agent
// over an AgentLink and, when the agent fails, reports it and starts a fresh one (docs/agent-protocol.md).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "agent/line_channel.h"
#include "protocol/hello_json.h"
#include "sut.h"

namespace wnc::agent {

// How an agent ended, for a failure report.
struct AgentEnd {
  std::string status;  // "exited with status 3", "killed by signal 6 (Aborted)"; may be empty
  std::string output;  // what it printed besides its answers: the tail of its stderr
};

// One live connection to an agent. Destroying it leaves nothing running.
class AgentLink {
 public:
  virtual ~AgentLink() = default;
  virtual LineChannel& channel() = 0;
  // Ends the agent now.
  virtual AgentEnd kill() = 0;
  // After bye: lets the agent exit on its own within grace_ms, then ends it.
  virtual void close(int grace_ms) = 0;
  // What the agent logged since the last call, when the link keeps it as a trace.
  virtual std::string take_trace() { return {}; }
  // True when take_trace() gives one: each step's trace is then its own, one step at a time.
  virtual bool keeps_trace() const { return false; }
};

// Makes a fresh link, or throws SutFailure saying why it cannot.
using Connect = std::function<std::unique_ptr<AgentLink>()>;

struct Deadlines {
  int start_ms;  // connecting and hello: a Wine agent's first start is slow
  int step_ms;   // every other request
};

class AgentClient final : public Sut {
 public:
  // `label` names the agent in failures ("cmd:wine agent.exe"). Connects at once, so a
  // misconfigured agent is reported here, as SutFailure. A non-empty `token` goes in
  // every hello (a TCP agent's shared secret).
  // At most `max_pipeline` steps are in flight, fewer when the agent's hello says so.
  AgentClient(std::string label, Connect connect, Deadlines deadlines, std::string token = {},
              int max_pipeline = kPipelineWindow);

  Hello hello() override;
  void reset(const Setup& setup) override;
  Result step(const Step& step) override;
  using Sut::run_case;
  using Sut::run_steps;
  // Pipelined when the agent's hello announces a window (docs/agent-protocol.md).
  std::vector<StepAnswer> run_steps(const StepSource& next, const KeepGoing& keep_going) override;
  // Pipelined, the reset goes in the steps' first batch.
  std::vector<StepAnswer> run_case(const Setup& setup, const StepSource& next, const KeepGoing& keep_going) override;
  std::string take_debug_trace() override;
  void bye() override;

 private:
  struct Reply {
    nlohmann::json json;  // an object
    std::string line;     // as received, for a report
  };

  void start();  // connect and hello
  Reply call(const nlohmann::json& request, int timeout_ms, const std::string& op);
  Reply parse(std::string line, const std::string& op);
  Result step_result(const Reply& reply);  // throws as step() does
  void check_reset(const Reply& reply);     // throws as reset() does
  size_t window() const;                    // requests in flight: 1 unless pipelining
  // The steps' answers, `first` (a reset request, or nothing) sent ahead of them.
  std::vector<StepAnswer> pipelined(std::string first, const StepSource& next, const KeepGoing& keep_going);
  [[noreturn]] void fail_channel(const ChannelError& e, const std::string& op, int timeout_ms);
  // Ends the agent and throws SutFailure with its output and the offending line.
  [[noreturn]] void fail(std::string what, const std::string& line, bool say_how_it_ended = false,
                         SutFailure::Kind kind = SutFailure::Kind::Failed);

  std::string label_;
  Connect connect_;
  Deadlines deadlines_;
  std::string token_;
  int max_pipeline_;
  std::unique_ptr<AgentLink> link_;  // null after a failure or bye, until the next call
  Hello hello_;                      // the live agent's
};

}  // namespace wnc::agent
