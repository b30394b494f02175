#include "scenario/scenario_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "protocol/json_codec.h"
#include "requirements.h"

namespace wnc {

namespace fs = std::filesystem;
using nlohmann::json;

ScenarioError::ScenarioError(std::string file, int line, int column, const std::string& message)
    : InputError(line > 0 ? file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message
                                  : file + ": " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

namespace {

// YAML converted to JSON, remembering where every value came from, so that errors found
// by the JSON decoder point back into the file.
class Document {
 public:
  Document(std::string name) : name_(std::move(name)) {}

  json convert(const YAML::Node& node, const std::string& path) {
    marks_[path] = {node.Mark().line + 1, node.Mark().column + 1};
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar:
        return scalar(node);
      case YAML::NodeType::Sequence: {
        json out = json::array();
        for (size_t i = 0; i < node.size(); ++i) out.push_back(convert(node[i], path + "/" + std::to_string(i)));
        return out;
      }
      case YAML::NodeType::Map: {
        json out = json::object();
        for (const auto& kv : node) {
          if (!kv.first.IsScalar()) fail(kv.first, "expected a plain key");
          std::string key = kv.first.Scalar();
          if (out.contains(key)) fail(kv.first, "duplicate key '" + key + "'");
          marks_[path + "/" + key + "#key"] = {kv.first.Mark().line + 1, kv.first.Mark().column + 1};
          out[key] = convert(kv.second, path + "/" + key);
        }
        return out;
      }
    }
    return nullptr;
  }

  // The position of the value at `path`; an unknown key points at the key itself.
  SourcePos pos(const std::string& path, bool key = false) const {
    if (key)
      if (auto it = marks_.find(path + "#key"); it != marks_.end()) return it->second;
    std::string p = path;
    while (true) {
      if (auto it = marks_.find(p); it != marks_.end()) return it->second;
      if (p.empty()) return {1, 1};
      p = p.substr(0, p.rfind('/'));
    }
  }

  [[noreturn]] void fail_at(const std::string& path, const std::string& message, bool key = false) const {
    SourcePos p = pos(path, key);
    throw ScenarioError(name_, p.line, p.column, message);
  }
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw ScenarioError(name_, node.Mark().line + 1, node.Mark().column + 1, message);
  }
  [[noreturn]] void fail_decode(const std::string& base, const DecodeError& e) const {
    std::string path = base;
    for (const auto& p : e.path()) path += "/" + p;
    bool unknown_key = std::string(e.what()).rfind("unknown key", 0) == 0 ||
                       std::string(e.what()).rfind("unknown step", 0) == 0;
    fail_at(path, e.what(), unknown_key);
  }

 private:
  // YAML 1.2 core schema for plain scalars; quoted scalars are always strings.
  static json scalar(const YAML::Node& node) {
    const std::string& s = node.Scalar();
    if (node.Tag() == "!") return s;
    if (s == "null" || s == "~" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    static const std::regex decimal("[-+]?[0-9]+"), hex("0x[0-9a-fA-F]+");
    if (std::regex_match(s, decimal)) return std::stoll(s);
    if (std::regex_match(s, hex)) return std::stoll(s.substr(2), nullptr, 16);
    return s;
  }

  std::string name_;
  std::map<std::string, SourcePos> marks_;
};

const std::set<std::string> kTopKeys = {"id", "title", "covers", "profile", "network", "logons", "steps"};
const std::set<std::string> kExpectKeys = {"rc",       "remote",  "target_endswith", "includes", "excludes",
                                           "exactly",  "code",    "text",            "provider"};

std::string key_list(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

Code decode_code(const Document& doc, const json& v, const std::string& path) {
  if (v.is_number_integer() && v.get<long long>() >= 0 && v.get<long long>() <= 0xFFFFFFFFLL)
    return static_cast<Code>(v.get<long long>());
  if (v.is_string())
    if (auto c = code_from_name(v.get<std::string>())) return *c;
  std::string got = v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
  doc.fail_at(path, "unknown code " + got + " (expected a number or a name such as ERROR_NOT_CONNECTED)");
}

std::string decode_letters(const Document& doc, const json& v, const std::string& path) {
  if (!v.is_array()) doc.fail_at(path, "expected a list of drive letters such as [C, Z]");
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    const json& l = v[i];
    std::string s = l.is_string() ? l.get<std::string>() : "";
    if (!s.empty() && s.back() == ':') s.pop_back();
    if (s.size() != 1 || !std::isalpha(static_cast<unsigned char>(s[0])))
      doc.fail_at(path + "/" + std::to_string(i), "expected a drive letter A to Z");
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return out;
}

Expectation decode_expect(const Document& doc, const json& v, const std::string& path) {
  Expectation e;
  if (!v.is_object()) {
    e.rc = decode_code(doc, v, path);
    return e;
  }
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& k = it.key();
    const std::string p = path + "/" + k;
    if (!kExpectKeys.count(k)) doc.fail_at(p, "unknown key '" + k + "' in expect (expected " + key_list(kExpectKeys) + ")", true);
    auto str = [&]() {
      if (!it->is_string()) doc.fail_at(p, "expected a string");
      return it->get<std::string>();
    };
    if (k == "rc") e.rc = decode_code(doc, *it, p);
    else if (k == "code") e.code = decode_code(doc, *it, p);
    else if (k == "remote") e.remote = str();
    else if (k == "target_endswith") e.target_endswith = str();
    else if (k == "text") e.text = str();
    else if (k == "provider") e.provider = str();
    else if (k == "includes") e.includes = decode_letters(doc, *it, p);
    else if (k == "excludes") e.excludes = decode_letters(doc, *it, p);
    else e.exactly = decode_letters(doc, *it, p);
  }
  return e;
}

// Logons, handles and jobs a step names must be live at that point (P-INVALID).
class NameTracker {
 public:
  NameTracker(const Document& doc, const Setup& setup) : doc_(doc) {
    live_logons_[kSystemLogon] = kSystemUser;
    for (const auto& [name, d] : setup.logons) {
      live_logons_[name] = d.user;
      if (d.linked) pair(name, *d.linked);
    }
  }

  void check(const Step& step, const std::string& path) {
    if (const std::string* as = step_actor(step); as && !live_logons_.count(*as))
      doc_.fail_at(path + "/as", "undeclared logon '" + *as + "'" + hint());
    std::visit([&](const auto& s) { track(s, path); }, step);
  }

 private:
  std::string hint() const {
    std::string names;
    for (const auto& [n, user] : live_logons_) names += (names.empty() ? "" : ", ") + n;
    return " (live logons here: " + names + ")";
  }
  void need_handle(const std::string& h, const std::string& path) {
    if (!handles_.count(h)) doc_.fail_at(path, "undeclared handle '" + h + "' (no open step names it before here)");
  }
  void track(const OpenStep& s, const std::string& path) {
    if (open_handles_.count(s.handle))
      doc_.fail_at(path + "/handle", "handle '" + s.handle + "' is already open (close it first)");
    handles_.insert(s.handle);
    open_handles_.insert(s.handle);
  }
  void track(const CloseStep& s, const std::string& path) {
    need_handle(s.handle, path + "/handle");
    open_handles_.erase(s.handle);
  }
  void track(const IoStep& s, const std::string& path) { need_handle(s.handle, path + "/handle"); }
  void track(const JobStep& s, const std::string& path) {
    if (active_jobs_.count(s.job)) doc_.fail_at(path + "/job", "job '" + s.job + "' is already live (end it first)");
    jobs_.insert(s.job);
    active_jobs_.insert(s.job);
  }
  void track(const EndJobStep& s, const std::string& path) {
    if (!jobs_.count(s.job)) doc_.fail_at(path + "/job", "undeclared job '" + s.job + "' (no job step names it before here)");
    active_jobs_.erase(s.job);
  }
  void track(const LogonStep& s, const std::string& path) {
    if (live_logons_.count(s.name)) doc_.fail_at(path + "/name", "logon '" + s.name + "' is already logged on");
    if (s.linked && !live_logons_.count(*s.linked))
      doc_.fail_at(path + "/linked", "undeclared logon '" + *s.linked + "'" + hint());
    if (s.linked && (*s.linked == kSystemLogon || live_logons_.at(*s.linked) != s.user || partner_.count(*s.linked)))
      doc_.fail_at(path + "/linked", "a logon can only be linked to an unpaired logon of its own user '" + s.user + "'");
    live_logons_[s.name] = s.user;
    if (s.linked) pair(s.name, *s.linked);
  }
  void track(const LogoffStep& s, const std::string& path) {
    if (s.as == kSystemLogon) doc_.fail_at(path + "/as", "system cannot log off");
    live_logons_.erase(s.as);
    if (auto it = partner_.find(s.as); it != partner_.end()) {
      partner_.erase(it->second);  // its partner may pair again
      partner_.erase(it);
    }
  }
  void track(const ProfileFaultStep& s, const std::string& path) {
    if (s.health != ProfileHealth::Corrupt) return;
    static const std::regex device("([A-Za-z]|[Ll][Pp][Tt][1-9]):");
    if (!std::regex_match(s.device, device))
      doc_.fail_at(path + "/device", "expected a device name such as Z: or LPT1:");
  }
  template <class T>
  void track(const T&, const std::string&) {}

  void pair(const std::string& a, const std::string& b) {
    partner_[a] = b;
    partner_[b] = a;
  }

  const Document& doc_;
  std::map<std::string, std::string> live_logons_;  // name -> user
  std::map<std::string, std::string> partner_;       // live linked pairs, both ways
  std::set<std::string> handles_, open_handles_, jobs_, active_jobs_;
};

Scenario decode(const Document& doc, const json& root, const std::string& file) {
  if (!root.is_object()) doc.fail_at("", "expected a scenario: a map with id, title, covers, steps");
  for (auto it = root.begin(); it != root.end(); ++it)
    if (!kTopKeys.count(it.key()))
      doc.fail_at("/" + it.key(), "unknown key '" + it.key() + "' (expected " + key_list(kTopKeys) + ")", true);
  auto need = [&](const char* key) -> const json& {
    if (!root.contains(key)) doc.fail_at("", std::string("missing required key '") + key + "'");
    return root.at(key);
  };
  auto need_str = [&](const char* key) {
    const json& v = need(key);
    if (!v.is_string() || v.get<std::string>().empty()) doc.fail_at(std::string("/") + key, "expected a non-empty string");
    return v.get<std::string>();
  };

  Scenario sc;
  sc.file = file;
  sc.id = need_str("id");
  static const std::regex id_form("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*");
  if (!std::regex_match(sc.id, id_form))
    doc.fail_at("/id", "expected a dotted lower-case id such as cancel.open-files.no-force");
  sc.title = need_str("title");
  const json& covers = need("covers");
  if (!covers.is_array() || covers.empty()) doc.fail_at("/covers", "expected a non-empty list of requirement IDs");
  for (size_t i = 0; i < covers.size(); ++i) {
    std::string p = "/covers/" + std::to_string(i);
    if (!covers[i].is_string()) doc.fail_at(p, "expected a requirement ID");
    std::string id = covers[i].get<std::string>();
    if (!find_requirement(id)) doc.fail_at(p, "unknown requirement ID '" + id + "' (see `wnetconf requirements`)");
    sc.covers.push_back(id);
  }
  json setup_part = json::object();
  for (const char* k : {"profile", "network", "logons"})
    if (root.contains(k)) setup_part[k] = root.at(k);
  try {
    sc.setup = setup_from_json(setup_part);
  } catch (const DecodeError& e) {
    doc.fail_decode("", e);
  }
  std::set<std::string> paired;
  for (const auto& [name, d] : sc.setup.logons) {
    if (!d.linked) continue;
    const auto partner = sc.setup.logons.find(*d.linked);
    if (partner == sc.setup.logons.end() || partner->second.user != d.user || *d.linked == name ||
        !paired.insert(name).second || !paired.insert(*d.linked).second)
      doc.fail_at("/logons/" + name + "/linked",
                  "a logon can only be linked to one other declared logon of its own user '" + d.user + "'");
  }

  const json& steps = need("steps");
  if (!steps.is_array() || steps.empty()) doc.fail_at("/steps", "expected a non-empty list of steps");
  NameTracker names(doc, sc.setup);
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string path = "/steps/" + std::to_string(i);
    json body = steps[i];
    ScenarioStep st;
    if (body.is_object() && body.contains("expect")) {
      st.expect = decode_expect(doc, body.at("expect"), path + "/expect");
      body.erase("expect");
    }
    try {
      st.step = step_from_json(body);
    } catch (const DecodeError& e) {
      doc.fail_decode(path, e);
    }
    names.check(st.step, path + "/" + step_kind(st.step));
    st.pos = doc.pos(path);
    sc.steps.push_back(std::move(st));
  }
  return sc;
}

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& name) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ScenarioError(name, e.mark.line + 1, e.mark.column + 1, e.msg);
  }
  Document doc(name);
  json j = doc.convert(root, "");
  return decode(doc, j, name);
}

Scenario load_scenario(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ScenarioError(file.string(), 0, 0, "cannot read the file");
  std::stringstream buf;
  buf << in.rdbuf();
  return parse_scenario(buf.str(), file.string());
}

std::vector<Scenario> load_scenarios(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".yaml") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(p)) {
      files.push_back(p);
    } else {
      throw ScenarioError(p.string(), 0, 0, "no such file or folder");
    }
  }
  std::vector<Scenario> out;
  std::map<std::string, std::string> seen;
  for (const auto& f : files) {
    Scenario sc = load_scenario(f);
    if (auto it = seen.find(sc.id); it != seen.end())
      throw ScenarioError(f.string(), 1, 1, "duplicate scenario id '" + sc.id + "' (also in " + it->second + ")");
    seen[sc.id] = f.string();
    out.push_back(std::move(sc));
  }
  return out;
}

namespace {

// Single-quoted YAML: only the quote itself needs escaping.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// A flow map of the step's JSON, strings single-quoted so backslashes stay literal.
std::string flow(const json& j) {
  if (j.is_string()) return quoted(j.get<std::string>());
  if (j.is_null()) return "null";
  if (j.is_array()) {
    std::string out = "[";
    for (size_t i = 0; i < j.size(); ++i) out += (i ? ", " : "") + flow(j[i]);
    return out + "]";
  }
  if (j.is_object()) {
    std::string out = "{";
    bool first = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      out += (first ? "" : ", ") + it.key() + ": " + flow(*it);
      first = false;
    }
    return out + "}";
  }
  return j.dump();
}

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
  std::string out = flow(m);
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
  out << "network: " << flow(setup["network"]) << "\n";
  out << "logons: " << flow(setup["logons"]) << "\n";
  out << "steps:\n";
  for (const auto& st : sc.steps) {
    json j = step_to_json(st.step);
    out << "  - " << j.begin().key() << ": " << flow(j.begin().value()) << "\n";
    out << "    expect: " << expect_yaml(st.expect) << "\n";
  }
  return out.str();
}

}  // namespace wnc
