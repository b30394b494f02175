#include "scenario/scenario_writer.h"

#include <sstream>

#include "protocol/json_codec.h"

namespace wnc {

using nlohmann::json;

namespace {

// Single-quoted YAML: only the quote itself needs escaping.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string yaml_flow(const json& j) {
  if (j.is_string()) return quoted(j.get<std::string>());
  if (j.is_null()) return "null";
  if (j.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < j.size(); ++i) out += (i ? ", " : "") + yaml_flow(j[i]);
    return out + "]";
  }
  if (j.is_object()) {
    std::string out = "{";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      out += (first ? "" : ", ") + it.key() + ": " + yaml_flow(*it);
      first = false;
    }
    return out + "}";
  }
  return j.dump();
}

namespace {

std::string expect_yaml(const Expectation& e) {
  json m = json::object();
  if (e.remote) m["remote"] = *e.remote;
  if (e.target_endswith) m["target_endswith"] = *e.target_endswith;
  auto letters = [](const std::string& s) {
    json a = json::array();
    for (char c : s) a.push_back(std::string(1, c));
    return a;
  };
  if (e.includes) m["includes"] = letters(*e.includes);
  if (e.excludes) m["excludes"] = letters(*e.excludes);
  if (e.exactly) m["exactly"] = letters(*e.exactly);
  if (e.code) m["code"] = *e.code;
  if (e.text) m["text"] = *e.text;
  if (e.provider) m["provider"] = *e.provider;
  if (m.empty()) return code_name(e.rc);
  std::string out = yaml_flow(m);
  return "{rc: " + code_name(e.rc) + ", " + out.substr(1);
}

}  // namespace

std::string scenario_to_yaml(const Scenario& sc) {
  std::ostringstream out;
  json setup = setup_to_json(sc.setup);
  out << "id: " << sc.id << "\n";
  out << "title: " << quoted(sc.title) << "\n";
  out << "covers: [";
  for (size_t i = 0; i < sc.covers.size(); ++i) out << (i ? ", " : "") << sc.covers[i];
  out << "]\n";
  out << "profile: " << setup["profile"].get<std::string>() << "\n";
  out << "network: " << yaml_flow(setup["network"]) << "\n";
  out << "logons: " << yaml_flow(setup["logons"]) << "\n";
  out << "steps:\n";
  for (const auto& st : sc.steps) {
    json j = step_to_json(st.step);
    out << "  - " << j.begin().key() << ": " << yaml_flow(j.begin().value()) << "\n";
    out << "    expect: " << expect_yaml(st.expect) << "\n";
  }
  return out.str();
}

}  // namespace wnc
