#include "run/ledger.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "requirements.h"
#include "scenario/scenario_loader.h"

namespace wnc {

namespace {

[[noreturn]] void fail(const std::string& file, const YAML::Node& n, const std::string& message) {
  throw ScenarioError(file, n.Mark().line + 1, n.Mark().column + 1, message);
}

Code observed_code(const std::string& file, const YAML::Node& n) {
  std::string s = n.Scalar();
  if (auto c = code_from_name(s)) return *c;
  try {
    size_t used = 0;
    unsigned long v = std::stoul(s, &used);
    if (used == s.size()) return static_cast<Code>(v);
  } catch (const std::exception&) {
  }
  fail(file, n, "unknown code '" + s + "' (expected a number or a name such as ERROR_NOT_CONNECTED)");
}

}  // namespace

Ledger load_ledger(const std::filesystem::path& path) {
  const std::string file = path.string();
  YAML::Node root;
  try {
    root = YAML::LoadFile(file);
  } catch (const YAML::BadFile&) {
    throw ScenarioError(file, 0, 0, "cannot read the ledger");
  } catch (const YAML::Exception& e) {
    throw ScenarioError(file, e.mark.line + 1, e.mark.column + 1, e.msg);
  }
  if (!root.IsMap()) fail(file, root, "expected a map with vendor and divergences");
  Ledger ledger;
  ledger.file = file;
  for (const auto& kv : root) {
    std::string key = kv.first.Scalar();
    if (key == "vendor") ledger.vendor = kv.second.Scalar();
    else if (key != "divergences") fail(file, kv.first, "unknown key '" + key + "' (expected vendor, divergences)");
  }
  const YAML::Node list = root["divergences"];
  if (!list || !list.IsSequence()) fail(file, root, "expected 'divergences': a list");
  static const std::set<std::string> keys = {"scenario", "requirement", "step", "observed", "reason"};
  for (const auto& item : list) {
    if (!item.IsMap()) fail(file, item, "expected a divergence {scenario|requirement, observed, reason}");
    Divergence d;
    d.line = item.Mark().line + 1;
    for (const auto& kv : item) {
      std::string key = kv.first.Scalar();
      if (!keys.count(key)) fail(file, kv.first, "unknown key '" + key + "' (expected scenario, requirement, step, observed, reason)");
    }
    if (item["scenario"]) d.scenario = item["scenario"].Scalar();
    if (item["requirement"]) {
      d.requirement = item["requirement"].Scalar();
      if (!find_requirement(d.requirement)) fail(file, item["requirement"], "unknown requirement ID '" + d.requirement + "'");
    }
    if (d.scenario.empty() == d.requirement.empty()) fail(file, item, "a divergence names exactly one of scenario, requirement");
    if (item["step"]) d.step = item["step"].as<int>();
    if (!item["observed"]) fail(file, item, "missing 'observed': the code the implementation returns, or crash");
    if (item["observed"].Scalar() == "crash") d.crash = true;
    else d.observed = observed_code(file, item["observed"]);
    if (!item["reason"] || item["reason"].Scalar().empty()) fail(file, item, "missing 'reason'");
    d.reason = item["reason"].Scalar();
    ledger.divergences.push_back(d);
  }
  return ledger;
}

}  // namespace wnc
