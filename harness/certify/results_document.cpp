#include "certify/results_document.h"

#include <algorithm>
#include <map>

#include "protocol/hello_json.h"
#include "requirements.h"
#include "run/describe.h"
#include "run/run_json.h"
#include "run/verdicts.h"
#include "vocabulary/version.h"

namespace wnc {

namespace {

using nlohmann::json;

bool covers(const Scenario& sc, const std::string& id) {
  return std::find(sc.covers.begin(), sc.covers.end(), id) != sc.covers.end();
}

json exploration_json(const Certification& c) {
  ExploreReport total;
  json blocks = json::array();
  for (const auto& b : c.exploration) {
    const ExploreReport& r = b.report;
    json known = json::array();
    for (const auto& k : r.known)
      known.push_back({{"signature", k.signature}, {"cases", k.cases}, {"first_case", k.first_case}, {"entry", k.entry}});
    total.passed = total.passed && r.passed;
    total.cases += r.cases;
    total.steps += r.steps;
    for (const auto& [name, n] : r.cancel_codes) total.cancel_codes[name] += n;
    for (const auto& [id, n] : r.requirements) total.requirements[id] += n;
    blocks.push_back({{"block", b.slice.block},
                      {"seed", b.slice.seed},
                      {"cases", b.slice.cases},
                      {"cases_run", r.cases},
                      {"passed", r.passed},
                      {"steps", r.steps},
                      {"shrunk_length", r.shrunk_length},
                      {"saved_file", r.saved_file},
                      {"failure", r.failure},
                      {"reproduce", r.reproduce},
                      {"known", known},
                      {"cancel_codes", r.cancel_codes},
                      {"requirements", r.requirements},
                      {"trace", b.trace}});
  }
  return {{"seed", c.settings.seed},
          {"cases", c.settings.cases},
          {"max_steps", c.settings.max_steps},
          {"cases_per_block", kCasesPerBlock},
          {"blocks_total", explore_block_count(c.settings.cases)},
          {"passed", total.passed},
          {"cases_run", total.cases},
          {"steps", total.steps},
          {"cancel_codes", total.cancel_codes},
          {"requirements", total.requirements},
          {"all_seed_codes_hit", total.all_seed_codes_hit()},
          {"blocks", blocks}};
}

json requirements_json(const Certification& c) {
  std::map<std::string, long long> explored;
  for (const auto& b : c.exploration)
    for (const auto& [id, n] : b.report.requirements) explored[id] += n;
  json out = json::array();
  for (const auto& s : requirement_statuses(c.run)) {
    json scenarios = json::array();
    for (const auto& o : c.run.outcomes)
      if (covers(*o.scenario, s.id)) scenarios.push_back({{"id", o.scenario->id}, {"status", status_name(o.status)}});
    const Requirement* req = find_requirement(s.id);
    out.push_back({{"id", s.id},
                   {"rule", req ? std::string(req->rule) : std::string()},
                   {"verdict", s.verdict()},
                   {"scenarios", scenarios},
                   {"counted_steps", s.counted_steps},
                   {"diverging_steps", step_refs_json(s.diverging)},
                   {"set_aside_steps", step_refs_json(s.set_aside)},
                   {"exploration_steps", explored.count(s.id) ? explored.at(s.id) : 0}});
  }
  return out;
}

json ledger_json(const Certification& c) {
  if (!c.ledger) return nullptr;
  json entries = json::array();
  for (const auto& d : c.ledger->divergences) {
    json j = {{"line", d.line}, {"reason", d.reason}};
    // A signature says what is observed, and is shown in its place.
    j["observed"] = !d.signature.empty() ? d.signature : d.crash ? "crash" : code_name(d.observed);
    if (!d.scenario.empty()) j["scenario"] = d.scenario;
    if (!d.requirement.empty()) j["requirement"] = d.requirement;
    if (!d.signature.empty()) j["signature"] = d.signature;
    if (d.step) j["step"] = *d.step;
    if (d.expected) j["expected"] = code_name(*d.expected);
    // Cases of the exploration it explained.
    long long explored = 0;
    for (const auto& b : c.exploration)
      for (const auto& k : b.report.known)
        if (k.entry == d.where(c.ledger->file)) explored += k.cases;
    j["explored_cases"] = explored;
    // What became of the entry: the scenarios it speaks for that diverged or passed.
    json hits = json::array();
    bool unexpected = false;
    for (const auto& o : c.run.outcomes) {
      const bool applies = d.scenario.empty() ? covers(*o.scenario, d.requirement) : d.scenario == o.scenario->id;
      if (!applies || (o.status != Status::KnownDivergence && o.status != Status::UnexpectedPass)) continue;
      hits.push_back({{"id", o.scenario->id}, {"status", status_name(o.status)}});
      unexpected = unexpected || o.status == Status::UnexpectedPass;
    }
    const std::string where = c.ledger->file + ":" + std::to_string(d.line) + ":";
    const bool stale = std::any_of(c.run.stale_ledger_entries.begin(), c.run.stale_ledger_entries.end(),
                                   [&](const std::string& s) { return s.rfind(where, 0) == 0; });
    j["state"] = stale ? "stale" : unexpected ? "unexpected pass" : hits.empty() && explored == 0 ? "not exercised" : "matched";
    j["scenarios"] = hits;
    entries.push_back(j);
  }
  return {{"vendor", c.ledger->vendor}, {"file", c.ledger->file}, {"entries", entries}};
}

json timings_json(const Certification& c) {
  json scenarios = json::object(), blocks = json::object();
  double total = 0;
  for (const auto& o : c.run.outcomes) {
    scenarios[o.scenario->id] = o.seconds;
    total += o.seconds;
  }
  for (const auto& b : c.exploration) {
    blocks[std::to_string(b.slice.block)] = b.report.seconds;
    total += b.report.seconds;
  }
  return {{"total_seconds", total}, {"scenarios", scenarios}, {"exploration_blocks", blocks}};
}

}  // namespace

json scenario_json(const ScenarioOutcome& o) {
  json j = outcome_json(o);
  // Ready-made text for the reports, so they need nothing but this document.
  for (size_t i = 0; i < o.steps.size(); ++i) {
    const StepRecord& rec = o.steps[i];
    j["steps"][i]["step_text"] = describe_step(o.scenario->steps.at(rec.index).step);
    j["steps"][i]["got_text"] = rec.got ? describe_result(*rec.got) : std::string("nothing");
  }
  return j;
}

json hello_document(const Hello& h) {
  if (h.raw.is_object() && !h.raw.empty()) return h.raw;
  return hello_to_json(h);
}

json seeds_document(const CertifySettings& s) {
  json blocks = json::array();
  for (const auto& slice : explore_slices(s.seed, s.cases, ShardSpec{}))
    blocks.push_back({{"block", slice.block}, {"seed", slice.seed}, {"cases", slice.cases}});
  return {{"seed", s.seed}, {"cases", s.cases}, {"max_steps", s.max_steps}, {"cases_per_block", kCasesPerBlock},
          {"blocks", blocks}};
}

json results_document(const Certification& c) {
  json scenarios = json::array();
  for (const auto& o : c.run.outcomes) scenarios.push_back(scenario_json(o));
  return {{"schema", kResultsSchema},
          {"vendor", c.settings.vendor},
          {"sut", c.settings.sut},
          {"implementation", {{"name", c.run.hello.name}, {"version", c.run.hello.version}, {"platform", c.run.hello.platform}}},
          {"capabilities", c.run.hello.capabilities},
          {"model_version", std::string(kModelVersion)},
          {"harness_version", kVersion},
          {"shard", {{"index", c.settings.shard.index}, {"total", c.settings.shard.total}}},
          {"verdict", c.verdict()},
          {"conformant", c.conformant()},
          {"summary", summary_json(c.run)},
          {"requirements", requirements_json(c)},
          {"ledger", ledger_json(c)},
          {"scenarios", scenarios},
          {"exploration", exploration_json(c)},
          {"timings", timings_json(c)}};
}

const json* first_diverging_step(const json& scenario) {
  if (!scenario.contains("first_divergence")) return nullptr;
  for (const auto& step : scenario.at("steps"))
    if (step.at("index") == scenario["first_divergence"]) return &step;
  return nullptr;
}

std::string json_file_text(const json& doc) {
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

json without_timings(json doc) {
  doc.erase("timings");
  return doc;
}

}  // namespace wnc
