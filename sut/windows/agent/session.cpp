#include "session.h"

#include <nlohmann/json.hpp>

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
          {"capabilities", capabilities(platform)}};
}

json error(const std::string& why) { return {{"error", why}}; }

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

}  // namespace

std::string answer(AgentState& state, const std::string& line, bool& bye) {
  json out;
  try {
    out = handle(state, json::parse(line), bye);
  } catch (const DecodeError& e) {
    out = error(e.where() + ": " + e.what());
  } catch (const Unsupported& e) {
    out = {{"unsupported", e.what()}};
  } catch (const json::parse_error& e) {
    out = error(std::string("not JSON: ") + e.what());
  } catch (const std::exception& e) {
    out = error(e.what());
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool serve(AgentState& state, LineIo& io) {
  std::string line;
  while (io.read_line(line)) {
    if (line.empty()) continue;
    bool bye = false;
    if (!io.write_line(answer(state, line, bye))) return false;
    if (bye) return true;
  }
  return false;
}

}  // namespace wnc::win
