#include "session.h"

#include <nlohmann/json.hpp>

#include <chrono>

#include "protocol/agent_access.h"
#include "protocol/hello_json.h"
#include "protocol/json_codec.h"
#include "vocabulary/version.h"

namespace wnc::win {

namespace {

using nlohmann::json;

constexpr int kProtocol = 1;

json hello(const Platform& platform) {
  return {{"ok", true},
          {"protocol", kProtocol},
          {"implementation", {{"name", "wnetconf-agent"}, {"version", kVersion}, {"platform", platform.description}}},
          {"capabilities", capabilities(platform)},
          {"pipeline", kPipelineWindow}};
}

json error(const std::string& why) { return {{"error", why}}; }

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Answer refuse(const std::string& why) { return {dump(error(why + "; closing the connection")), true, true}; }

json handle(AgentState& state, const json& request, bool& bye) {
  if (!request.is_object()) return error("expected a request object");
  auto op = request.find("op");
  if (op == request.end() || !op->is_string()) return error("expected a string 'op'");
  if (*op == "hello") {
    if (request.value("protocol", json()) != kProtocol) return error("this agent speaks protocol 1 only");
    return hello(state.platform);
  }
  if (*op == "reset") {
    reset_world(state, setup_from_json(request));
    return {{"ok", true}};
  }
  if (*op == "step") {
    auto step = request.find("step");
    if (step == request.end()) return error("a step request needs 'step'");
    return result_to_json(run_step(state, step_from_json(*step)));
  }
  if (*op == "bye") {
    bye = true;
    return {{"ok", true}};
  }
  return error("unknown op " + op->dump() + " (expected hello, reset, step or bye)");
}

void write_stderr(const std::string& text) {
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), text.data(), static_cast<DWORD>(text.size()), &written, nullptr);
}

const std::string kTooLong = "a request longer than " + std::to_string(kMaxRequestLine) + " bytes (the limit of a request line)";

// Waits up to timeout_ms for the client or the listener to be readable; false on timeout.
bool wait_readable(SOCKET client, SOCKET listener, long long timeout_ms, bool& client_ready, bool& listener_ready) {
  fd_set ready;
  FD_ZERO(&ready);
  FD_SET(client, &ready);
  FD_SET(listener, &ready);
  timeval tv{static_cast<long>(timeout_ms / 1000), static_cast<long>(timeout_ms % 1000) * 1000};
  int n = select(0, &ready, nullptr, nullptr, &tv);
  client_ready = n > 0 && FD_ISSET(client, &ready);
  listener_ready = n > 0 && FD_ISSET(listener, &ready);
  return n != 0;
}

void refuse_busy(TcpListener& listener) {
  if (auto extra = listener.accept())
    extra->write_line(dump(error("busy: another client is connected (one client at a time); try again later")));
  write_stderr("wnetconf-agent: refused a second client: busy\n");
}

void say_and_close(SocketLines& client, const std::string& why) {
  write_stderr("wnetconf-agent: closed a connection: " + why + "\n");
  client.write_line(refuse(why).line);
}

// One client, until it leaves or is disconnected.
void serve_client(AgentState& state, TcpListener& listener, SocketLines& client, const TcpOptions& options) {
  using Clock = std::chrono::steady_clock;
  try {
    reset_world(state, Setup{});  // no client sees what the one before left
  } catch (const std::exception& e) {
    return say_and_close(client, std::string("cannot make a fresh world: ") + e.what());
  }
  Session session(state, options.token);
  auto idle_until = Clock::now() + std::chrono::milliseconds(options.idle_ms);
  for (;;) {
    long long left = std::chrono::duration_cast<std::chrono::milliseconds>(idle_until - Clock::now()).count();
    bool client_ready = false, listener_ready = false;
    if (!wait_readable(client.socket(), listener.socket(), left > 0 ? left : 0, client_ready, listener_ready))
      return say_and_close(client, "no request within " + std::to_string(options.idle_ms) + " ms (the agent's --idle-ms)");
    if (listener_ready) refuse_busy(listener);
    if (!client_ready) continue;
    std::string line;
    // One read per wait: the socket blocks, so read again only once select says so.
    for (LineRead r = client.read_line_now(line); r != LineRead::None; r = client.take_line(line)) {
      if (r == LineRead::End) return;
      if (r == LineRead::TooLong) return say_and_close(client, kTooLong);
      if (line.empty()) continue;
      Answer a = session.answer(line);
      if (!client.write_line(a.line)) return;
      if (a.close) {
        if (a.refused) write_stderr("wnetconf-agent: refused a client: " + a.line + "\n");
        return;
      }
      idle_until = Clock::now() + std::chrono::milliseconds(options.idle_ms);
    }
  }
}

}  // namespace

Answer Session::answer(const std::string& line) {
  json request;
  try {
    request = json::parse(line);
  } catch (const json::exception& e) {  // a parse_error, or out_of_range for a number such as 1e999
    if (!trusted_)
      return refuse("this agent requires a token: the first request must be a hello with \"token\"");
    return {dump(error(std::string("not JSON: ") + e.what()))};
  }
  if (!trusted_) {
    const bool is_hello = request.is_object() && request.value("op", json()) == "hello";
    auto token = is_hello ? request.find("token") : request.end();
    if (!is_hello || token == request.end() || !token->is_string())
      return refuse("this agent requires a token: the first request must be a hello with \"token\"");
    if (!token_matches(token_, token->get_ref<const std::string&>())) return refuse("wrong token in hello");
  }
  json out;
  bool bye = false;
  try {
    out = handle(state_, request, bye);
  } catch (const DecodeError& e) {
    out = error(e.where() + ": " + e.what());
  } catch (const Unsupported& e) {
    out = {{"unsupported", e.what()}};
  } catch (const std::exception& e) {
    out = error(e.what());
  }
  if (!trusted_) trusted_ = !out.contains("error");
  return {dump(out), bye};
}

void serve(AgentState& state, LineIo& io) {
  Session session(state, {});
  std::string line;
  for (;;) {
    LineRead r = io.read_line(line);
    if (r == LineRead::End) return;
    if (r == LineRead::TooLong) {
      io.write_line(dump(error(kTooLong)));
      return;
    }
    if (line.empty()) continue;
    Answer a = session.answer(line);
    if (!io.write_line(a.line) || a.close) return;
  }
}

void serve_tcp(AgentState& state, TcpListener& listener, const TcpOptions& options) {
  while (auto client = listener.accept()) serve_client(state, listener, *client, options);
}

}  // namespace wnc::win
