#include "agent/agent_client.h"

#include <algorithm>
#include <deque>
#include <optional>

#include "protocol/hello_json.h"
#include "protocol/json_codec.h"
#include "protocol/protocol_limits.h"
#include "protocol/result_line.h"

namespace wnc::agent {

using nlohmann::json;

namespace {

constexpr int kByeGraceMs = 2000;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// {"error":"why"}: the agent is alive and refuses the request.
const std::string* refusal(const json& reply) {
  auto it = reply.find("error");
  return reply.size() == 1 && it != reply.end() && it->is_string() ? it->get_ptr<const std::string*>()
                                                                    : nullptr;
}

// {"op":"step","step":…} and its newline: the envelope is fixed, so only the step is built as a value.
std::string step_request(const Step& step) {
  std::string line = R"({"op":"step","step":)";
  line += dump(step_to_json(step));
  line += "}\n";
  return line;
}

}  // namespace

AgentClient::AgentClient(std::string label, Connect connect, Deadlines deadlines, std::string token, int max_pipeline)
    : label_(std::move(label)),
      connect_(std::move(connect)),
      deadlines_(deadlines),
      token_(std::move(token)),
      max_pipeline_(std::clamp(max_pipeline, 1, kMaxPipeline)) {
  start();
}

void AgentClient::start() {
  link_ = connect_();
  json request = {{"op", "hello"}, {"protocol", kProtocolVersion}};
  if (!token_.empty()) request["token"] = token_;
  Reply reply = call(request, deadlines_.start_ms, "hello");
  if (const std::string* why = refusal(reply.json)) fail("the agent refused hello: " + *why, reply.line);
  try {
    hello_ = hello_from_json(reply.json);
  } catch (const DecodeError& e) {
    fail("the agent answered hello with garbage at " + e.where() + ": " + e.what(), reply.line);
  }
}

Hello AgentClient::hello() {
  if (!link_) start();
  return hello_;
}

void AgentClient::reset(const Setup& setup) {
  json request = setup_to_json(setup);
  request["op"] = "reset";
  check_reset(call(request, deadlines_.step_ms, "reset"));
}

void AgentClient::check_reset(const Reply& reply) {
  if (const std::string* why = refusal(reply.json)) throw std::invalid_argument(*why);
  if (reply.json != json{{"ok", true}}) fail("the agent answered reset with garbage", reply.line);
}

Result AgentClient::step(const Step& step) {
  return step_result(call({{"op", "step"}, {"step", step_to_json(step)}}, deadlines_.step_ms, "step"));
}

Result AgentClient::step_result(const Reply& reply) {
  if (const std::string* why = refusal(reply.json)) throw std::invalid_argument(*why);
  try {
    return result_from_json(reply.json);
  } catch (const DecodeError& e) {
    fail("the agent answered step with garbage at " + e.where() + ": " + e.what(), reply.line);
  }
}

size_t AgentClient::window() const {
  return link_->keeps_trace() ? 1 : static_cast<size_t>(std::min(hello_.pipeline, max_pipeline_));
}

std::vector<StepAnswer> AgentClient::run_steps(const StepSource& next, const KeepGoing& keep_going) {
  if (!link_) start();
  if (window() == 1) return Sut::run_steps(next, keep_going);
  return pipelined({}, next, keep_going);
}

// The reset's answer comes first; when it is not ok, the steps sent behind it are read and
// dropped before reset's error is thrown, so the next request gets its own answer.
std::vector<StepAnswer> AgentClient::run_case(const Setup& setup, const StepSource& next, const KeepGoing& keep_going) {
  if (!link_) start();
  if (window() == 1) return Sut::run_case(setup, next, keep_going);
  json request = setup_to_json(setup);
  request["op"] = "reset";
  return pipelined(dump(request) + "\n", next, keep_going);
}

// Steps are sent ahead of their answers, up to the window and kPipelineBytes; each answer is
// awaited for the step deadline from when the one before it arrived, so a hang or a crash
// fails the first step still unanswered, exactly as one step at a time would.
// The first request goes alone and the steps after it in batches of kSendBatch, each as soon
// as it is decided: the agent starts on the first while the next are still being decided.
std::vector<StepAnswer> AgentClient::pipelined(std::string first, const StepSource& next, const KeepGoing& keep_going) {
  constexpr size_t kSendBatch = 4;
  const SigpipeHold hold;
  const size_t window = this->window();
  const bool resets = !first.empty();
  std::string ahead = std::move(first);  // decided and not sent: the window or the byte bound was full
  std::deque<size_t> in_flight;          // the sizes of the lines sent and not yet answered
  size_t bytes_in_flight = 0;
  bool more = true;      // `next` may have more steps
  bool stopped = false;  // keep_going said stop: what is in flight is read and dropped
  // The caller's code may throw (the explorer's model breaking an invariant): the answers in
  // flight would then reach the next request, so the agent goes and a fresh one starts.
  auto callers = [&](auto&& call) {
    try {
      return call();
    } catch (...) {
      link_->kill();
      link_.reset();
      throw;
    }
  };
  auto decide = [&] {
    if (ahead.empty() && more && !stopped) {
      if (const Step* s = callers(next)) ahead = step_request(*s);
      else more = false;
    }
    return !ahead.empty() && !stopped;
  };
  auto send_more = [&] {
    std::string batch;
    size_t lines = 0;
    while (in_flight.size() < window && decide() &&
           (in_flight.empty() || bytes_in_flight + ahead.size() <= kPipelineBytes)) {
      bytes_in_flight += ahead.size();
      in_flight.push_back(ahead.size());
      batch += ahead;
      ahead.clear();
      if (++lines == 1 || lines % kSendBatch == 1) {
        link_->channel().write_lines(batch, deadlines_.step_ms);
        batch.clear();
      }
    }
    if (!batch.empty()) link_->channel().write_lines(batch, deadlines_.step_ms);
  };
  auto answered = [&] {
    bytes_in_flight -= in_flight.front();
    in_flight.pop_front();
  };
  bool gone = false;  // a write found the agent gone: what it answered before is still read
  // The next answer's line, once what may be sent is; a channel failure is the agent's (throws).
  auto next_line = [&](const std::string& op) {
    std::string line;
    try {
      if (!gone) send_more();
    } catch (const ChannelError& e) {
      if (e.kind() != ChannelError::Kind::Closed) fail_channel(e, op, deadlines_.step_ms);
      gone = true;  // reading on fails the first step it did not answer, as it should
    }
    try {
      line = link_->channel().read_line(deadlines_.step_ms);
    } catch (const ChannelError& e) {
      fail_channel(e, op, deadlines_.step_ms);
    }
    answered();
    return line;
  };

  std::vector<StepAnswer> answers;
  std::optional<std::invalid_argument> refused_reset;
  if (resets) {
    try {
      check_reset(parse(next_line("reset"), "reset"));
    } catch (const std::invalid_argument& e) {
      refused_reset = e;
      stopped = true;
    }
  }
  while (!in_flight.empty() || decide()) {
    StepAnswer answer;
    try {
      std::string line = next_line("step");
      answer.result = plain_result(line, protocol_limits::kLine);
      if (!answer.result) answer.result = step_result(parse(std::move(line), "step"));
    } catch (const SutFailure& e) {
      answer.failure = e;
    } catch (const std::invalid_argument& e) {
      answer.rejected = e.what();
    }
    if (answer.failure) {  // the agent is gone: nothing more is answered
      if (!stopped) answers.push_back(std::move(answer));
      break;
    }
    if (stopped) continue;
    answers.push_back(std::move(answer));
    if (keep_going && !callers([&] { return keep_going(answers.back()); })) stopped = true;
  }
  if (refused_reset) throw *refused_reset;
  return answers;
}

std::string AgentClient::take_debug_trace() { return link_ ? link_->take_trace() : std::string(); }

void AgentClient::bye() {
  if (!link_) return;
  try {
    link_->channel().request(dump({{"op", "bye"}}), deadlines_.step_ms);
  } catch (const ChannelError&) {
    // Leaving anyway: close() ends an agent that does not go by itself.
  }
  link_->close(kByeGraceMs);
  link_.reset();
}

AgentClient::Reply AgentClient::call(const json& request, int timeout_ms, const std::string& op) {
  if (!link_) start();
  std::string line;
  try {
    line = link_->channel().request(dump(request), timeout_ms);
  } catch (const ChannelError& e) {
    fail_channel(e, op, timeout_ms);
  }
  return parse(std::move(line), op);
}

AgentClient::Reply AgentClient::parse(std::string line, const std::string& op) {
  Reply reply;
  reply.line = std::move(line);
  try {
    reply.json = protocol_limits::parse_line(reply.line);
  } catch (const JsonInputError& e) {
    fail("the agent answered " + op + " with garbage at byte " + std::to_string(e.offset()) + ": " + e.what(),
         reply.line);
  }
  if (!reply.json.is_object()) fail("the agent answered " + op + " with garbage (not a JSON object)", reply.line);
  return reply;
}

void AgentClient::fail_channel(const ChannelError& e, const std::string& op, int timeout_ms) {
  switch (e.kind()) {
    case ChannelError::Kind::Timeout:
      fail("the agent did not answer " + op + " within " + std::to_string(timeout_ms) + " ms",
           e.partial(), false, SutFailure::Kind::Hung);
    case ChannelError::Kind::Closed:
      fail("the agent went away during " + op, e.partial(), true);
    case ChannelError::Kind::TooLong:
      fail("the agent answered " + op + " with a line longer than the limit of " +
               std::to_string(protocol_limits::kMaxLineBytes) + " bytes",
           e.partial());
    case ChannelError::Kind::Io:
      break;
  }
  fail("cannot talk to the agent during " + op + ": " + e.what(), e.partial());
}

void AgentClient::fail(std::string what, const std::string& line, bool say_how_it_ended, SutFailure::Kind kind) {
  AgentEnd end = link_->kill();
  link_.reset();
  if (say_how_it_ended && !end.status.empty()) what += " (" + end.status + ")";
  if (!line.empty()) {
    if (!end.output.empty() && end.output.back() != '\n') end.output += '\n';
    end.output += "stdout: " + clip_line(line) + "\n";
  }
  throw SutFailure(label_ + ": " + what, end.output, kind);
}

}  // namespace wnc::agent
