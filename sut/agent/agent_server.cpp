#include "agent/agent_server.h"

#include <istream>
#include <ostream>
#include <system_error>

#include "protocol/hello_json.h"
#include "agent/line_channel.h"
#include "agent/tcp_socket.h"
#include "protocol/json_codec.h"
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
  bool bye = false;
};

class RequestHandler {
 public:
  explicit RequestHandler(Sut& sut) : sut_(sut) {}

  static Answer error(const std::string& why) { return {dump({{"error", why}})}; }

  Answer answer(const std::string& line) {
    json request;
    try {
      request = protocol_limits::parse_line(line);
    } catch (const JsonInputError& e) {  // not JSON (1e999 among it), or beyond a limit
      return error("the request is refused at byte " + std::to_string(e.offset()) + ": " + e.what());
    }
    if (!request.is_object()) return error("a request must be a JSON object with an 'op'");
    auto op = request.find("op");
    if (op == request.end() || !op->is_string())
      return error(std::string("missing 'op' (expected one of ") + kOps + ")");
    const std::string name = op->get<std::string>();
    try {
      return dispatch(name, request);
    } catch (const DecodeError& e) {
      return error("bad " + name + " request at " + e.where() + ": " + e.what());
    } catch (const std::invalid_argument& e) {
      return error(name + ": " + e.what());
    }
  }

 private:
  Answer dispatch(const std::string& op, const json& request) {
    if (op == "hello") {
      only_keys(request, {"op", "protocol"});
      if (!request.contains("protocol")) throw DecodeError({}, "missing required key 'protocol'");
      if (request["protocol"] != kProtocolVersion)
        throw DecodeError({"protocol"}, "this agent speaks protocol " +
                                            std::to_string(kProtocolVersion) + " only");
      return ok(hello_to_json(sut_.hello()));
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
};

// Reads the next line into `line`, keeping at most protocol_limits::kMaxLineBytes of it, so
// memory stays bounded: false at the end of input, `too_long` when bytes were dropped.
bool read_request(std::istream& in, std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  std::streambuf& buf = *in.rdbuf();
  for (int c = buf.sbumpc(); c != std::char_traits<char>::eof(); c = buf.sbumpc()) {
    if (c == '\n') return true;
    if (line.size() < protocol_limits::kMaxLineBytes) line += static_cast<char>(c);
    else too_long = true;
  }
  return !line.empty() || too_long;  // a last line without its newline counts
}

}  // namespace

int serve_agent(Sut& sut, std::istream& in, std::ostream& out) {
  RequestHandler handler(sut);
  std::string line;
  bool too_long = false;
  while (read_request(in, line, too_long)) {
    Answer a = too_long ? RequestHandler::error("the request is longer than the limit of " +
                                                std::to_string(protocol_limits::kMaxLineBytes) + " bytes")
                        : handler.answer(line);
    out << a.line << '\n' << std::flush;  // the client waits for every answer
    if (!out) return 1;
    if (a.bye) return 0;
  }
  return 0;
}

int serve_agent_tcp(Sut& sut, const std::string& host, int port, std::ostream& log) {
  agent::UniqueFd listener;
  int bound = 0;
  try {
    listener = agent::listen_tcp(host, port, bound);
    log << "listening on " << agent::tcp_address(host, bound) << std::endl;
    RequestHandler handler(sut);
    for (;;) {
      agent::UniqueFd conn = agent::accept_tcp(listener.get());
      agent::LineChannel channel(conn.get(), conn.get());
      try {
        for (;;) {
          Answer a = handler.answer(channel.read_line(agent::LineChannel::kForever));
          channel.write_line(a.line, agent::LineChannel::kForever);
          if (a.bye) return 0;
        }
      } catch (const agent::ChannelError&) {
        // The client went away (it may have given up on a slow step): serve the next.
      }
    }
  } catch (const std::system_error& e) {
    log << e.what() << std::endl;
    return 1;
  }
}

}  // namespace wnc
