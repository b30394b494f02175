#include "agent/agent_client.h"

#include "protocol/hello_json.h"
#include "protocol/json_codec.h"
#include "protocol/protocol_limits.h"

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

}  // namespace

AgentClient::AgentClient(std::string label, Connect connect, Deadlines deadlines, std::string token)
    : label_(std::move(label)), connect_(std::move(connect)), deadlines_(deadlines), token_(std::move(token)) {
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
  Reply reply = call(request, deadlines_.step_ms, "reset");
  if (const std::string* why = refusal(reply.json)) throw std::invalid_argument(*why);
  if (reply.json != json{{"ok", true}}) fail("the agent answered reset with garbage", reply.line);
}

Result AgentClient::step(const Step& step) {
  Reply reply = call({{"op", "step"}, {"step", step_to_json(step)}}, deadlines_.step_ms, "step");
  if (const std::string* why = refusal(reply.json)) throw std::invalid_argument(*why);
  try {
    return result_from_json(reply.json);
  } catch (const DecodeError& e) {
    fail("the agent answered step with garbage at " + e.where() + ": " + e.what(), reply.line);
  }
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
  Reply reply;
  try {
    reply.line = link_->channel().request(dump(request), timeout_ms);
  } catch (const ChannelError& e) {
    fail_channel(e, op, timeout_ms);
  }
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
