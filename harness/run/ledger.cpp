#include "run/ledger.h"

#include <set>

#include "requirements.h"
#include "scenario/code_value.h"
#include "scenario/input_file.h"
#include "scenario/input_limits.h"
#include "scenario/yaml_document.h"

namespace wnc {

using nlohmann::json;

namespace {

const std::set<std::string> kDivergenceKeys = {"scenario", "requirement", "step", "observed", "reason"};

std::string text_at(const YamlDocument& doc, const json& v, const std::string& path) {
  if (!v.is_string()) doc.fail_at(path, "expected a string");
  return v.get<std::string>();
}

Divergence decode_divergence(const YamlDocument& doc, const json& item, const std::string& path) {
  if (!item.is_object()) doc.fail_at(path, "expected a divergence {scenario|requirement, observed, reason}");
  for (auto it = item.begin(); it != item.end(); ++it)
    if (!kDivergenceKeys.count(it.key()))
      doc.fail_at(path + "/" + it.key(),
                  "unknown key '" + it.key() + "' (expected scenario, requirement, step, observed, reason)", true);
  Divergence d;
  d.line = doc.pos(path).line;
  if (item.contains("scenario")) d.scenario = text_at(doc, item.at("scenario"), path + "/scenario");
  if (item.contains("requirement")) {
    d.requirement = text_at(doc, item.at("requirement"), path + "/requirement");
    if (!find_requirement(d.requirement))
      doc.fail_at(path + "/requirement", "unknown requirement ID '" + d.requirement + "'");
  }
  if (d.scenario.empty() == d.requirement.empty()) doc.fail_at(path, "a divergence names exactly one of scenario, requirement");
  if (item.contains("step")) {
    const json& step = item.at("step");
    if (!step.is_number_integer() || step.get<long long>() < 1 || step.get<long long>() > static_cast<long long>(limits::kMaxSteps))
      doc.fail_at(path + "/step", "expected a step number (1 for the first step)");
    d.step = static_cast<int>(step.get<long long>());
  }
  if (!item.contains("observed")) doc.fail_at(path, "missing 'observed': the code the implementation returns, or crash");
  if (item.at("observed") == "crash") d.crash = true;
  else d.observed = decode_code(doc, item.at("observed"), path + "/observed");
  if (!item.contains("reason") || item.at("reason").is_null() || item.at("reason") == "") doc.fail_at(path, "missing 'reason'");
  d.reason = text_at(doc, item.at("reason"), path + "/reason");
  return d;
}

}  // namespace

Ledger load_ledger(const std::filesystem::path& path) { return parse_ledger(read_input_file(path), path.string()); }

Ledger parse_ledger(const std::string& yaml_text, const std::string& file) {
  const YamlDocument doc(yaml_text, file);
  const json& root = doc.root();
  if (!root.is_object()) doc.fail_at("", "expected a map with vendor and divergences");
  Ledger ledger;
  ledger.file = file;
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() == "vendor") ledger.vendor = text_at(doc, *it, "/vendor");
    else if (it.key() != "divergences")
      doc.fail_at("/" + it.key(), "unknown key '" + it.key() + "' (expected vendor, divergences)", true);
  }
  if (!root.contains("divergences") || !root.at("divergences").is_array()) doc.fail_at("", "expected 'divergences': a list");
  const json& list = root.at("divergences");
  for (size_t i = 0; i < list.size(); ++i)
    ledger.divergences.push_back(decode_divergence(doc, list[i], "/divergences/" + std::to_string(i)));
  return ledger;
}

}  // namespace wnc
