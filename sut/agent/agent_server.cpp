#include "agent/agent_server.h"

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <istream>
#include <optional>
#include <ostream>
#include <system_error>

#include "agent/line_channel.h"
#include "agent/tcp_socket.h"
#include "protocol/hello_json.h"
#include "protocol/json_codec.h"
#include "vocabulary/input_error.h"
#include "protocol/protocol_limits.h"

namespace wnc {

using nlohmann::json;

namespace {

const char* const kOps = "hello, reset, step, bye";

// Invalid UTF-8 in a Sut's output must not stop the agent: replace it.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Requests are as strict as the scenario language: an unknown key is an error.
void only_keys(const json& request, std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  for (auto it = request.begin(); it != request.end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known = known || it.key() == a;
    if (!known) throw DecodeError({it.key()}, "unknown key '" + it.key() + "' (expected " + list + ")");
  }
}

std::vector<std::string> under(const std::string& key, std::vector<std::string> path) {
  path.insert(path.begin(), key);
  return path;
}

struct Answer {
  std::string line;
  bool close = false;    // the connection ends after this answer: bye, or a refusal
  bool refused = false;  // an {"error":…}
};

Answer error(const std::string& why, bool close = false) { return {dump({{"error", why}}), close, true}; }

class RequestHandler {
 public:
  // With a token, nothing is served until a hello carries it.
  RequestHandler(Sut& sut, std::string token, int pipeline = kPipelineWindow)
      : sut_(sut), token_(std::move(token)), trusted_(token_.empty()), pipeline_(pipeline) {}

  Answer answer(const std::string& line) {
    json request;
    try {
      request = protocol_limits::parse_line(line);
    } catch (const JsonInputError& e) {  // not JSON (1e999 among it), or beyond a limit
      return trusted_ ? error("the request is refused at byte " + std::to_string(e.offset()) + ": " + e.what())
                      : unauthenticated();
    }
    if (!trusted_) return authenticate(request);
    if (!request.is_object()) return error("a request must be a JSON object with an 'op'");
    auto op = request.find("op");
    if (op == request.end() || !op->is_string())
      return error(std::string("missing 'op' (expected one of ") + kOps + ")");
    return dispatch_named(op->get<std::string>(), request);
  }

 private:
  static Answer unauthenticated() {
    return error("this agent requires a token: the first request must be a hello with \"token\" "
                 "(the harness sends the one in --token-file); closing the connection", true);
  }

  Answer authenticate(const json& request) {
    const bool is_hello = request.is_object() && request.value("op", json()) == "hello";
    auto token = is_hello ? request.find("token") : request.end();
    if (!is_hello || token == request.end() || !token->is_string()) return unauthenticated();
    if (!token_matches(token_, token->get_ref<const std::string&>()))
      return error("wrong token in hello; closing the connection", true);
    Answer a = dispatch_named("hello", request);
    trusted_ = !a.refused;
    return a;
  }

  Answer dispatch_named(const std::string& name, const json& request) {
    try {
      return dispatch(name, request);
    } catch (const DecodeError& e) {
      return error("bad " + name + " request at " + e.where() + ": " + e.what());
    } catch (const std::invalid_argument& e) {
      return error(name + ": " + e.what());
    }
  }

  Answer dispatch(const std::string& op, const json& request) {
    if (op == "hello") {
      only_keys(request, {"op", "protocol", "token"});
      if (!request.contains("protocol")) throw DecodeError({}, "missing required key 'protocol'");
      if (request["protocol"] != kProtocolVersion)
        throw DecodeError({"protocol"}, "this agent speaks protocol " +
                                            std::to_string(kProtocolVersion) + " only");
      if (request.contains("token") && !request["token"].is_string())
        throw DecodeError({"token"}, "expected a string");
      return ok(pipeline_ > 1 ? hello_to_json(sut_.hello(), pipeline_) : hello_to_json(sut_.hello()));
    }
    if (op == "reset") {
      only_keys(request, {"op", "profile", "network", "logons"});
      sut_.reset(setup_from_json(request));
      return ok({{"ok", true}});
    }
    if (op == "step") {
      only_keys(request, {"op", "step"});
      if (!request.contains("step")) throw DecodeError({}, "missing required key 'step'");
      Step step;
      try {
        step = step_from_json(request["step"]);
      } catch (const DecodeError& e) {
        throw DecodeError(under("step", e.path()), e.what());
      }
      return ok(result_to_json(sut_.step(step)));
    }
    if (op == "bye") {
      only_keys(request, {"op"});
      return {dump({{"ok", true}}), true};
    }
    return error("unknown op '" + op + "' (expected one of " + kOps + ")");
  }

  static Answer ok(const json& j) { return {dump(j)}; }

  Sut& sut_;
  std::string token_;
  bool trusted_;
  int pipeline_;  // the window hello announces
};

std::string too_long_request() {
  return "a request longer than " + std::to_string(kMaxRequestLine) + " bytes (the limit of a request line)";
}

enum class Read { Line, End, TooLong };

// std::getline with a bound: a last line without its newline still counts.
Read read_request(std::istream& in, std::string& line) {
  line.clear();
  std::streambuf* buf = in.rdbuf();
  for (int c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc()) {
    if (c == '\n') return Read::Line;
    if (line.size() == kMaxRequestLine) return Read::TooLong;
    line.push_back(static_cast<char>(c));
  }
  return line.empty() ? Read::End : Read::Line;
}

bool readable(const pollfd& p) { return (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0; }

// Accepts whoever is waiting and tells them the agent is taken.
void refuse_busy(int listener, std::ostream& log) {
  agent::UniqueFd extra = agent::accept_tcp(listener);
  try {
    agent::LineChannel(extra.get(), extra.get())
        .write_line(error("busy: another client is connected (one client at a time); try again later").line, 1000);
  } catch (const agent::ChannelError&) {
    // It left already: nothing to tell.
  }
  log << "refused a second client: busy" << std::endl;
}

class TcpServer {
 public:
  TcpServer(const MakeSut& make_sut, const TcpServeOptions& options, std::ostream& log)
      : make_sut_(make_sut), options_(options), log_(log) {}

  int run() {
    int bound = 0;
    listener_ = agent::listen_tcp(options_.host, options_.port, bound);
    log_ << "listening on " << agent::tcp_address(options_.host, bound) << std::endl;
    for (;;) {
      pollfd fds[2] = {{listener_.get(), POLLIN, 0}, {options_.stop_fd, POLLIN, 0}};
      if (poll_for(fds, -1) && readable(fds[1])) return 0;
      if (readable(fds[0]) && serve(agent::accept_tcp(listener_.get()))) return 0;
    }
  }

 private:
  // Serves one client until it leaves or is disconnected; true when told to stop.
  bool serve(agent::UniqueFd conn) {
    std::unique_ptr<Sut> sut = make_sut_();
    RequestHandler handler(*sut, options_.token);
    agent::LineChannel channel(conn.get(), conn.get(), kMaxRequestLine);
    auto idle_until = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.idle_ms);
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(idle_until - std::chrono::steady_clock::now());
      pollfd fds[3] = {{conn.get(), POLLIN, 0}, {listener_.get(), POLLIN, 0}, {options_.stop_fd, POLLIN, 0}};
      if (!poll_for(fds, std::max<long long>(0, left.count() + 1))) {
        say_and_close(channel, "no request within " + std::to_string(options_.idle_ms) + " ms (the agent's --idle-ms)");
        return false;
      }
      if (readable(fds[2])) return true;
      // The client first: one that left and reconnects at once is the next, not a second one.
      if (readable(fds[0]) && !answer_arrived(channel, handler, idle_until)) return false;
      if (readable(fds[1])) refuse_busy(listener_.get(), log_);
    }
  }

  // Answers the requests that have arrived; false when the connection is over.
  bool answer_arrived(agent::LineChannel& channel, RequestHandler& handler,
                      std::chrono::steady_clock::time_point& idle_until) {
    try {
      while (std::optional<std::string> line = channel.read_line_now()) {
        Answer a = handler.answer(*line);
        channel.write_line(a.line, options_.idle_ms);
        if (a.close) {
          if (a.refused) log_ << "refused a client: " << a.line << std::endl;
          return false;
        }
        idle_until = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.idle_ms);
      }
      return true;
    } catch (const agent::ChannelError& e) {
      if (e.kind() == agent::ChannelError::Kind::TooLong) say_and_close(channel, too_long_request());
      // Otherwise the client went away (it may have given up on a slow step): serve the next.
      return false;
    }
  }

  void say_and_close(agent::LineChannel& channel, const std::string& why) {
    log_ << "closed a connection: " << why << std::endl;
    try {
      channel.write_line(error(why + "; closing the connection").line, 1000);
    } catch (const agent::ChannelError&) {
      // Gone already.
    }
  }

  // poll() through EINTR; false on timeout.
  template <std::size_t N>
  static bool poll_for(pollfd (&fds)[N], long long timeout_ms) {
    for (;;) {
      int n = ::poll(fds, N, static_cast<int>(std::min<long long>(timeout_ms, 1 << 30)));
      if (n >= 0) return n > 0;
      if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "poll");
    }
  }

  const MakeSut& make_sut_;
  const TcpServeOptions& options_;
  std::ostream& log_;
  agent::UniqueFd listener_;
};

}  // namespace

int serve_agent(Sut& sut, std::istream& in, std::ostream& out, int pipeline) {
  RequestHandler handler(sut, {}, pipeline);
  std::string line;
  for (;;) {
    switch (read_request(in, line)) {
      case Read::End: return 0;
      case Read::TooLong: out << error(too_long_request()).line << std::endl; return 1;
      case Read::Line: break;
    }
    Answer a = handler.answer(line);
    // Flushed at once even when more requests wait (pipelining): an answer held back would be
    // lost if a later step crashed or hung the agent, and the client would blame a step that
    // had been answered.
    out << a.line << '\n' << std::flush;
    if (!out) return 1;
    if (a.close) return 0;
  }
}

int serve_agent_tcp(const MakeSut& make_sut, const TcpServeOptions& options, std::ostream& log) {
  if (options.token.empty() && !agent::is_loopback(options.host))
    throw InputError("--listen " + agent::tcp_address(options.host, options.port) +
                     ": not a loopback address; serving beyond this machine needs --token-file "
                     "(without a token the agent listens on loopback only)");
  try {
    return TcpServer(make_sut, options, log).run();
  } catch (const std::system_error& e) {
    log << e.what() << std::endl;
    return 1;
  }
}

}  // namespace wnc
