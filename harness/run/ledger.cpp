#include "run/ledger.h"

#include <algorithm>
#include <set>

#include "requirements.h"
#include "scenario/code_value.h"
#include "scenario/input_file.h"
#include "scenario/input_limits.h"
#include "scenario/yaml_document.h"

namespace wnc {

using nlohmann::json;

namespace {

const std::set<std::string> kDivergenceKeys = {"scenario", "requirement", "signature", "step", "observed", "expected", "reason", "cause"};
const std::set<std::string> kCauseKeys = {"title", "layer", "requirements", "text"};
const std::set<std::string> kLayers = {"platform", "file-system", "provider", "agent"};

std::string text_at(const YamlDocument& doc, const json& v, const std::string& path) {
  if (!v.is_string()) doc.fail_at(path, "expected a string");
  return v.get<std::string>();
}

// The codes of a scenario or requirement entry.
void decode_codes(const YamlDocument& doc, const json& item, const std::string& path, Divergence& d) {
  if (item.contains("step")) {
    const json& step = item.at("step");
    if (!step.is_number_integer() || step.get<long long>() < 1 || step.get<long long>() > static_cast<long long>(limits::kMaxSteps))
      doc.fail_at(path + "/step", "expected a step number (1 for the first step)");
    d.step = static_cast<int>(step.get<long long>());
  }
  if (!item.contains("observed")) doc.fail_at(path, "missing 'observed': the code the implementation returns, or crash");
  if (item.at("observed") == "crash") d.crash = true;
  else d.observed = decode_code(doc, item.at("observed"), path + "/observed");
  if (item.contains("expected")) {
    if (d.requirement.empty()) doc.fail_at(path + "/expected", "only a requirement entry names the expected code", true);
    d.expected = decode_code(doc, item.at("expected"), path + "/expected");
  }
}

Divergence decode_divergence(const YamlDocument& doc, const json& item, const std::string& path) {
  if (!item.is_object()) doc.fail_at(path, "expected a divergence {scenario|requirement|signature, observed, reason}");
  for (auto it = item.begin(); it != item.end(); ++it)
    if (!kDivergenceKeys.count(it.key()))
      doc.fail_at(path + "/" + it.key(),
                  "unknown key '" + it.key() +
                      "' (expected scenario, requirement, signature, step, observed, expected, reason, cause)",
                  true);
  Divergence d;
  d.line = doc.pos(path).line;
  if (item.contains("scenario")) d.scenario = text_at(doc, item.at("scenario"), path + "/scenario");
  if (item.contains("requirement")) {
    d.requirement = text_at(doc, item.at("requirement"), path + "/requirement");
    if (!find_requirement(d.requirement))
      doc.fail_at(path + "/requirement", "unknown requirement ID '" + d.requirement + "'");
  }
  if (item.contains("signature")) d.signature = text_at(doc, item.at("signature"), path + "/signature");
  if (d.scenario.empty() + d.requirement.empty() + d.signature.empty() != 2)
    doc.fail_at(path, "a divergence names exactly one of scenario, requirement, signature");
  if (!d.signature.empty()) {
    for (const char* key : {"step", "observed", "expected"})
      if (item.contains(key))
        doc.fail_at(path + "/" + key, std::string("a signature entry has no '") + key + "': the signature says it", true);
  } else {
    decode_codes(doc, item, path, d);
  }
  if (!item.contains("reason") || item.at("reason").is_null() || item.at("reason") == "") doc.fail_at(path, "missing 'reason'");
  d.reason = text_at(doc, item.at("reason"), path + "/reason");
  if (item.contains("cause")) d.cause = text_at(doc, item.at("cause"), path + "/cause");
  return d;
}

Cause decode_cause(const YamlDocument& doc, const std::string& id, const json& item, const std::string& path) {
  if (!item.is_object()) doc.fail_at(path, "expected a cause {title, layer, text}");
  for (auto it = item.begin(); it != item.end(); ++it)
    if (!kCauseKeys.count(it.key()))
      doc.fail_at(path + "/" + it.key(), "unknown key '" + it.key() + "' (expected title, layer, requirements, text)", true);
  for (const char* key : {"title", "layer", "text"})
    if (!item.contains(key)) doc.fail_at(path, std::string("missing '") + key + "'");
  Cause c{id, text_at(doc, item.at("title"), path + "/title"), text_at(doc, item.at("layer"), path + "/layer"),
          text_at(doc, item.at("text"), path + "/text")};
  if (item.contains("requirements")) {
    const json& ids = item.at("requirements");
    if (!ids.is_array()) doc.fail_at(path + "/requirements", "expected a list of requirement IDs");
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string at = path + "/requirements/" + std::to_string(i);
      c.requirements.push_back(text_at(doc, ids[i], at));
      if (!find_requirement(c.requirements.back())) doc.fail_at(at, "unknown requirement ID '" + c.requirements.back() + "'");
    }
  }
  if (!kLayers.count(c.layer))
    doc.fail_at(path + "/layer", "unknown layer '" + c.layer + "' (expected platform, file-system, provider, agent)");
  return c;
}

}  // namespace

std::string Divergence::where(const std::string& ledger_file) const { return ledger_file + ":" + std::to_string(line); }

std::string Divergence::what() const {
  if (!signature.empty()) return "signature '" + signature + "'";
  std::string out = scenario.empty() ? "requirement " + requirement : "scenario " + scenario;
  if (step) out += ", step " + std::to_string(*step);
  if (expected) out += ", expected " + describe_code(*expected);
  return out + ", " + (crash ? std::string("crash") : describe_code(observed));
}

const Divergence* explaining(const Ledger& ledger, const ExploredDivergence& found) {
  for (const auto& d : ledger.divergences) {
    if (!d.signature.empty() && d.signature == found.signature) return &d;
    if (d.requirement.empty() || d.step) continue;  // a step number is a scenario's
    if (std::find(found.requirements.begin(), found.requirements.end(), d.requirement) == found.requirements.end()) continue;
    if (found.crash ? !d.crash : (d.crash || d.observed != found.observed)) continue;
    if (d.expected && (found.crash || *d.expected != found.expected)) continue;
    return &d;
  }
  return nullptr;
}

Ledger load_ledger(const std::filesystem::path& path) { return parse_ledger(read_input_file(path), path.string()); }

Ledger parse_ledger(const std::string& yaml_text, const std::string& file) {
  const YamlDocument doc(yaml_text, file);
  const json& root = doc.root();
  if (!root.is_object()) doc.fail_at("", "expected a map with vendor and divergences");
  Ledger ledger;
  ledger.file = file;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "vendor") ledger.vendor = text_at(doc, *it, "/vendor");
    else if (it.key() != "divergences" && it.key() != "causes")
      doc.fail_at("/" + it.key(), "unknown key '" + it.key() + "' (expected vendor, causes, divergences)", true);
  }
  if (root.contains("causes")) {
    const json& causes = root.at("causes");
    if (!causes.is_object()) doc.fail_at("/causes", "expected a map of cause ids to {title, layer, text}");
    for (auto it = causes.begin(); it != causes.end(); ++it)
      ledger.causes.push_back(decode_cause(doc, it.key(), *it, "/causes/" + it.key()));
  }
  if (!root.contains("divergences") || !root.at("divergences").is_array()) doc.fail_at("", "expected 'divergences': a list");
  const json& list = root.at("divergences");
  for (size_t i = 0; i < list.size(); ++i)
    ledger.divergences.push_back(decode_divergence(doc, list[i], "/divergences/" + std::to_string(i)));
  for (size_t i = 0; i < ledger.divergences.size(); ++i) {
    const std::string& cause = ledger.divergences[i].cause;
    if (!cause.empty() && std::none_of(ledger.causes.begin(), ledger.causes.end(), [&](const Cause& c) { return c.id == cause; }))
      doc.fail_at("/divergences/" + std::to_string(i) + "/cause", "cause '" + cause + "' is not among the ledger's causes");
  }
  return ledger;
}

}  // namespace wnc
