#include "run/runner.h"

#include <algorithm>
#include <chrono>

#include "vocabulary/capabilities.h"
#include "vocabulary/internal_error.h"

namespace wnc {

const char* status_name(Status s) {
  switch (s) {
    case Status::Passed: return "passed";
    case Status::Failed: return "failed";
    case Status::KnownDivergence: return "known divergence";
    case Status::UnexpectedPass: return "unexpected pass";
    case Status::NotSupported: return "not supported";
  }
  return "?";
}

size_t RunReport::count(Status s) const {
  return static_cast<size_t>(std::count_if(outcomes.begin(), outcomes.end(),
                                           [&](const ScenarioOutcome& o) { return o.status == s; }));
}

bool RunReport::tested_anything() const { return count(Status::NotSupported) < outcomes.size(); }

bool RunReport::conformant() const {
  return tested_anything() && count(Status::Failed) == 0 && count(Status::UnexpectedPass) == 0 && stale_ledger_entries.empty();
}

std::set<std::string> required_capabilities(const Scenario& sc) {
  std::set<std::string> need;
  if (sc.setup.logons.size() > 1) need.insert(capability::kLogonMultiple);
  if (sc.setup.profile == BehaviourProfile::NtLinked) need.insert(capability::kProfileNtLinked);
  for (const auto& st : sc.steps) {
    const StepTraits& traits = step_traits(st.step);
    need.insert(traits.kind);
    if (traits.feature) need.insert(traits.feature);
    if (const std::string* as = step_actor(st.step); as && *as == kSystemLogon) need.insert(capability::kLogonSystem);
    // What a step's values, not its kind, ask of the implementation.
    if (const auto* add = std::get_if<AddStep>(&st.step); add && add->type == ResourceType::Print)
      need.insert(capability::kPrint);
    if (const auto* cancel = std::get_if<CancelStep>(&st.step)) {
      if (cancel->api == Api::A || cancel->api == Api::A2) need.insert(capability::kApiAnsi);
      if (!cancel->name) need.insert(capability::kNameNull);
    }
  }
  return need;
}

ScenarioOutcome run_scenario(Sut& sut, const Hello& hello, const Scenario& sc) {
  ScenarioOutcome out;
  out.scenario = &sc;
  const auto start = std::chrono::steady_clock::now();
  auto finish = [&]() -> ScenarioOutcome& {
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
  };

  std::string missing;
  for (const auto& c : required_capabilities(sc))
    if (!hello.capabilities.count(c)) missing += (missing.empty() ? "" : ", ") + c;
  if (!missing.empty()) {
    out.status = Status::NotSupported;
    out.note = "the implementation lacks " + missing;
    return finish();
  }

  try {
    sut.reset(sc.setup);
  } catch (const SutFailure& e) {
    out.status = Status::Failed;
    out.steps.push_back({0, std::nullopt, {"reset failed"}, std::string(e.what()) + "\n" + e.output()});
    out.first_divergence = 0;
    return finish();
  }
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    StepRecord rec;
    rec.index = i;
    try {
      rec.got = sut.step(sc.steps[i].step);
      if (rec.got->unsupported) {
        out.status = Status::NotSupported;
        out.note = "step " + std::to_string(i + 1) + ": " + *rec.got->unsupported;
        out.steps.push_back(rec);
        return finish();
      }
      rec.mismatches = mismatches(sc.steps[i].expect, *rec.got);
    } catch (const SutFailure& e) {
      rec.mismatches = {std::string("the implementation could not be driven: ") + e.what()};
      rec.failure = e.output();
    } catch (const std::invalid_argument& e) {
      rec.mismatches = {std::string("the implementation rejected the step: ") + e.what()};
    }
    const bool driven = rec.got.has_value();
    if (!rec.mismatches.empty() && !out.first_divergence) out.first_divergence = out.steps.size();
    out.steps.push_back(std::move(rec));
    if (!driven) break;  // a fresh agent knows nothing of this scenario's world
  }
  out.status = out.first_divergence ? Status::Failed : Status::Passed;
  return finish();
}


namespace {

bool applies(const Divergence& d, const Scenario& sc) {
  if (!d.scenario.empty()) return d.scenario == sc.id;
  return std::find(sc.covers.begin(), sc.covers.end(), d.requirement) != sc.covers.end();
}

// The ledger entry that explains this failure: same scenario or requirement, same
// observed code (or a crash) at the first diverging step.
const Divergence* explaining(const Ledger& ledger, const ScenarioOutcome& o) {
  WNC_ASSERT(o.first_divergence, "only a failed scenario is explained");
  const StepRecord& first = o.steps.at(*o.first_divergence);
  for (const auto& d : ledger.divergences) {
    if (!applies(d, *o.scenario)) continue;
    if (first.got ? (d.crash || d.observed != first.got->rc) : !d.crash) continue;
    if (d.step && static_cast<size_t>(*d.step) != first.index + 1) continue;
    return &d;
  }
  return nullptr;
}


std::vector<std::string> stale_entries(const RunReport& report, const Ledger& ledger,
                                       const std::set<const Divergence*>& used) {
  std::vector<std::string> stale;
  for (const auto& d : ledger.divergences) {
    if (used.count(&d) || d.requirement.empty()) continue;
    bool ran = std::any_of(report.outcomes.begin(), report.outcomes.end(), [&](const ScenarioOutcome& o) {
      return o.status != Status::NotSupported && applies(d, *o.scenario);
    });
    if (ran)
      stale.push_back(ledger.file + ":" + std::to_string(d.line) + ": " + d.requirement + " no longer diverges with " +
                      (d.crash ? std::string("a crash") : describe_code(d.observed)));
  }
  return stale;
}

}  // namespace

void judge_against_ledger(ScenarioOutcome& o, const Ledger& ledger, std::set<const Divergence*>& used) {
  if (o.status == Status::Failed) {
    if (const Divergence* d = explaining(ledger, o)) {
      o.status = Status::KnownDivergence;
      o.note = d->reason;
      used.insert(d);
    }
  } else if (o.status == Status::Passed) {
    for (const auto& d : ledger.divergences)
      if (!d.scenario.empty() && d.scenario == o.scenario->id) {
        o.status = Status::UnexpectedPass;
        o.note = "the ledger (" + ledger.file + ":" + std::to_string(d.line) + ") expects " +
                 (d.crash ? std::string("a crash") : describe_code(d.observed)) + ": " + d.reason;
        used.insert(&d);
      }
  }
}

void apply_ledger(RunReport& report, const Ledger& ledger) {
  std::set<const Divergence*> used;
  for (auto& o : report.outcomes) judge_against_ledger(o, ledger, used);
  report.stale_ledger_entries = stale_entries(report, ledger, used);
}

RunReport run_scenarios(Sut& sut, const std::vector<Scenario>& scenarios, const Ledger* ledger,
                        const Progress& progress) {
  RunReport report;
  report.hello = sut.hello();
  std::set<const Divergence*> used;
  for (size_t i = 0; i < scenarios.size(); ++i) {
    report.outcomes.push_back(run_scenario(sut, report.hello, scenarios[i]));
    if (ledger) judge_against_ledger(report.outcomes.back(), *ledger, used);
    if (progress) progress(report.outcomes.back(), i + 1, scenarios.size());
  }
  if (ledger) report.stale_ledger_entries = stale_entries(report, *ledger, used);
  return report;
}

}  // namespace wnc
