#include "run/run_json.h"

#include <map>

#include "protocol/json_codec.h"
#include "run/describe.h"
#include "run/step_attribution.h"
#include "run/verdicts.h"

namespace wnc {

nlohmann::json outcome_json(const ScenarioOutcome& o) {
  const Scenario& sc = *o.scenario;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& rec : o.steps) {
    const ScenarioStep& st = sc.steps.at(rec.index);
    nlohmann::json j = {{"index", rec.index + 1},
                        {"line", st.pos.line},
                        {"step", step_to_json(st.step)},
                        {"expected", describe_expectation(st.expect)},
                        {"got", rec.got ? result_to_json(*rec.got) : nlohmann::json(nullptr)},
                        {"passed", rec.mismatches.empty()},
                        {"decided_by", layer_name(decided_by(st.step, st.expect.rc, rec.got).layer)},
                        {"about", requirements_about(st.step, st.expect.rc, rec.got, sc.covers)}};
    if (!rec.mismatches.empty()) j["mismatches"] = rec.mismatches;
    if (!rec.failure.empty()) j["agent_output"] = rec.failure;
    if (!rec.debug_trace.empty()) j["debug_trace"] = rec.debug_trace;
    steps.push_back(j);
  }
  nlohmann::json j = {{"id", sc.id},       {"file", sc.file},          {"title", sc.title},
                      {"covers", sc.covers}, {"status", status_name(o.status)}, {"steps", steps}};
  if (!o.note.empty()) j["note"] = o.note;
  if (o.first_divergence) j["first_divergence"] = o.steps[*o.first_divergence].index + 1;
  return j;
}

nlohmann::json step_refs_json(const std::vector<StepRef>& refs) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& ref : refs) {
    nlohmann::json j = {{"scenario", ref.scenario}, {"step", ref.step}};
    if (!ref.why.empty()) j["why"] = ref.why;
    out.push_back(j);
  }
  return out;
}

nlohmann::json summary_json(const RunReport& r) {
  nlohmann::json reqs = nlohmann::json::object();
  std::map<std::string, std::vector<std::string>> by_verdict;  // verdict -> requirement IDs
  for (const auto& s : requirement_statuses(r)) {
    reqs[s.id] = {{"verdict", s.verdict()},         {"scenarios", s.scenarios},
                  {"failing", s.failing},           {"known", s.known},
                  {"counted_steps", s.counted_steps}, {"diverging_steps", step_refs_json(s.diverging)},
                  {"set_aside_steps", step_refs_json(s.set_aside)}, {"not_supported", s.not_supported}};
    by_verdict[s.verdict()].push_back(s.id);
  }
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& o : r.outcomes)
    if (o.status == Status::Failed || o.status == Status::UnexpectedPass) failed.push_back(o.scenario->id);
  nlohmann::json traces = nlohmann::json::array();
  for (const auto& o : r.outcomes)
    for (const auto& rec : o.steps)
      if (!rec.debug_trace.empty())
        traces.push_back({{"scenario", o.scenario->id}, {"step", rec.index + 1}, {"trace", rec.debug_trace}});
  nlohmann::json summary = {{"implementation", r.hello.raw.value("implementation", nlohmann::json::object())},
          {"scenarios", r.outcomes.size()},
          {"passed", r.count(Status::Passed)},
          {"failed", r.count(Status::Failed)},
          {"known_divergences", r.count(Status::KnownDivergence)},
          {"unexpected_passes", r.count(Status::UnexpectedPass)},
          {"not_supported", r.count(Status::NotSupported)},
          {"stale_ledger_entries", r.stale_ledger_entries},
          {"failing_scenarios", failed},
          {"requirements", reqs},
          {"requirements_met", by_verdict["met"]},
          {"requirements_not_met", by_verdict["not met"]},
          {"requirements_known_divergence", by_verdict["known divergence"]},
          {"requirements_not_tested", by_verdict["not tested"]},
          {"conformant", r.conformant()}};
  if (!traces.empty()) summary["debug_traces"] = traces;  // only an implementation asked to log has them
  return summary;
}

}  // namespace wnc
