#include "scenario/scenario_loader.h"

#include <algorithm>
#include <map>
#include <set>

#include "protocol/json_codec.h"
#include "requirements.h"
#include "scenario/code_value.h"
#include "scenario/input_file.h"
#include "scenario/input_limits.h"
#include "scenario/validity.h"
#include "scenario/yaml_document.h"

namespace wnc {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::set<std::string> kTopKeys = {"id", "title", "covers", "profile", "network", "logons", "steps"};
const std::set<std::string> kExpectKeys = {"rc",       "remote",  "target_endswith", "includes", "excludes",
                                           "exactly",  "code",    "text",            "provider"};

std::string key_list(const std::set<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

// Dot-separated words of a-z, 0-9 and hyphens, none starting with a hyphen: cancel.open-files.w.
bool is_dotted_id(const std::string& id) {
  bool word_start = true;
  for (char c : id) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '.' && !word_start) word_start = true;
    else if (alnum || (c == '-' && !word_start)) word_start = false;
    else return false;
  }
  return !word_start;
}

std::string decode_letters(const YamlDocument& doc, const json& v, const std::string& path) {
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

Expectation decode_expect(const YamlDocument& doc, const json& v, const std::string& path) {
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

Setup decode_setup(const YamlDocument& doc, const json& root) {
  json setup_part = json::object();
  for (const char* k : {"profile", "network", "logons"})
    if (root.contains(k)) setup_part[k] = root.at(k);
  Setup setup;
  try {
    setup = setup_from_json(setup_part);
  } catch (const DecodeError& e) {
    doc.fail_decode("", e);
  }
  if (const std::string* name = Validity::misdeclared_link(setup))
    doc.fail_at("/logons/" + *name + "/linked", "a logon can only be linked to one other declared logon of its own user '" +
                                                    setup.logons.at(*name).user + "'");
  return setup;
}

// Every step decodes, and is valid input where it stands (P-INVALID).
// The expectation keys of each output a step may fill (StepTraits::outputs).
struct ExpectedOutput {
  unsigned output;
  const char* key;
  bool (*given)(const Expectation&);
};
constexpr ExpectedOutput kExpectedOutputs[] = {
    {kRemoteOutput, "remote", [](const Expectation& e) { return e.remote.has_value(); }},
    {kTargetOutput, "target_endswith", [](const Expectation& e) { return e.target_endswith.has_value(); }},
    {kDrivesOutput, "includes", [](const Expectation& e) { return e.includes.has_value(); }},
    {kDrivesOutput, "excludes", [](const Expectation& e) { return e.excludes.has_value(); }},
    {kDrivesOutput, "exactly", [](const Expectation& e) { return e.exactly.has_value(); }},
    {kLastErrorOutput, "code", [](const Expectation& e) { return e.code.has_value(); }},
    {kLastErrorOutput, "text", [](const Expectation& e) { return e.text.has_value(); }},
    {kLastErrorOutput, "provider", [](const Expectation& e) { return e.provider.has_value(); }},
};

// An expectation key for an output the step never fills: such a check could never fail.
const char* output_it_lacks(const Step& step, const Expectation& e) {
  for (const auto& o : kExpectedOutputs)
    if (!(step_traits(step).outputs & o.output) && o.given(e)) return o.key;
  return nullptr;
}

std::string outputs_it_has(const Step& step) {
  std::string keys;
  for (const auto& o : kExpectedOutputs)
    if (step_traits(step).outputs & o.output) keys += std::string(", ") + o.key;
  return keys;
}

std::vector<ScenarioStep> decode_steps(const YamlDocument& doc, const json& steps, const Setup& setup) {
  if (!steps.is_array() || steps.empty()) doc.fail_at("/steps", "expected a non-empty list of steps");
  if (steps.size() > limits::kMaxSteps)
    doc.fail_at("/steps/" + std::to_string(limits::kMaxSteps),
                "more steps than the limit of " + std::to_string(limits::kMaxSteps) + " in one scenario");
  std::vector<ScenarioStep> out;
  Validity validity(setup);
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
    if (const char* key = output_it_lacks(st.step, st.expect))
      doc.fail_at(path + "/expect/" + key, std::string(step_kind(st.step)) + " has no output '" + key +
                                               "': it can expect only rc" + outputs_it_has(st.step));
    if (auto problem = validity.check(st.step))
      doc.fail_at(path + "/" + step_kind(st.step) + "/" + problem->field, validity.explain(*problem));
    validity.apply(st.step);
    st.pos = doc.pos(path);
    out.push_back(std::move(st));
  }
  return out;
}

Scenario decode(const YamlDocument& doc, const std::string& file) {
  const json& root = doc.root();
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
  if (!is_dotted_id(sc.id)) doc.fail_at("/id", "expected a dotted lower-case id such as cancel.open-files.no-force");
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
  sc.setup = decode_setup(doc, root);
  sc.steps = decode_steps(doc, need("steps"), sc.setup);
  return sc;
}

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& name) {
  return decode(YamlDocument(text, name), name);
}

Scenario load_scenario(const fs::path& file) { return parse_scenario(read_input_file(file), file.string()); }

std::vector<Scenario> load_scenarios(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      // Every *.yaml but folders: a FIFO or device among them is refused, not skipped.
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (!e.is_directory() && e.path().extension() == ".yaml") found.push_back(e.path());
      if (found.empty()) throw ScenarioError(p.string(), 0, 0, "no scenario files found (no *.yaml in it or its subfolders)");
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
  // Every broken file is named, so that one run shows all there is to fix.
  std::vector<ScenarioError> errors;
  for (const auto& f : files) {
    try {
      Scenario sc = load_scenario(f);
      if (auto it = seen.find(sc.id); it != seen.end())
        throw ScenarioError(f.string(), 1, 1, "duplicate scenario id '" + sc.id + "' (also in " + it->second + ")");
      seen[sc.id] = f.string();
      out.push_back(std::move(sc));
    } catch (const ScenarioError& e) {
      errors.push_back(e);
    }
  }
  if (errors.size() == 1) throw errors.front();
  if (!errors.empty()) {
    std::string all = std::to_string(errors.size()) + " of " + std::to_string(files.size()) + " scenario files are broken:";
    for (const auto& e : errors) all += std::string("\n") + e.what();
    throw InputError(all);
  }
  return out;
}

}  // namespace wnc
