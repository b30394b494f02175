#include "run/runner.h"

#include <algorithm>
#include <chrono>

#include "run/describe.h"
#include "vocabulary/capabilities.h"
#include "vocabulary/input_error.h"
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

  // A scenario's steps never depend on the answers: all of them may be in flight at once,
  // behind the reset (whose debug trace, and the start's, is dropped: each step's is its own).
  std::vector<Step> steps;
  for (const auto& st : sc.steps) steps.push_back(st.step);
  std::vector<StepAnswer> answers;
  try {
    answers = sut.run_case(sc.setup, steps, [](const StepAnswer& a) { return !(a.result && a.result->unsupported); });
  } catch (const SutFailure& e) {
    out.status = Status::Failed;
    out.steps.push_back({0, std::nullopt, {"reset failed"}, std::string(e.what()) + "\n" + e.output(), {}});
    out.first_divergence = 0;
    return finish();
  }
  for (size_t i = 0; i < answers.size(); ++i) {
    const StepAnswer& answer = answers[i];
    StepRecord rec;
    rec.index = i;
    rec.got = answer.result;
    if (answer.failure) {
      rec.mismatches = {std::string("the implementation could not be driven: ") + answer.failure->what()};
      rec.failure = answer.failure->output();
    } else if (!answer.result) {
      rec.mismatches = {"the implementation rejected the step: " + answer.rejected};
    } else if (answer.result->unsupported) {
      out.status = Status::NotSupported;
      out.note = "step " + std::to_string(i + 1) + ": " + *answer.result->unsupported;
      out.steps.push_back(rec);
      return finish();
    } else {
      rec.mismatches = mismatches(sc.steps[i].expect, *answer.result);
    }
    if (!rec.mismatches.empty()) rec.debug_trace = answer.debug_trace;
    if (!rec.mismatches.empty() && !out.first_divergence) out.first_divergence = out.steps.size();
    out.steps.push_back(std::move(rec));
  }
  out.status = out.first_divergence ? Status::Failed : Status::Passed;
  return finish();
}


namespace {

bool applies(const Divergence& d, const Scenario& sc) {
  if (!d.scenario.empty()) return d.scenario == sc.id;
  if (!d.requirement.empty()) return std::find(sc.covers.begin(), sc.covers.end(), d.requirement) != sc.covers.end();
  return false;  // a signature entry is exploration's
}

bool same_answer(const Divergence& d, const StepRecord& rec) {
  return rec.got ? !d.crash && d.observed == rec.got->rc : d.crash;
}

// The entry that explains one diverging step: it applies to the scenario, names that step
// (or, with no step, the scenario's first diverging step) and the code observed there, or a
// crash. Every diverging step needs one: a known scenario cannot hide a later divergence.
const Divergence* explaining_step(const Ledger& ledger, const ScenarioOutcome& o, size_t at) {
  const StepRecord& rec = o.steps.at(at);
  for (const auto& d : ledger.divergences) {
    if (!applies(d, *o.scenario) || !same_answer(d, rec)) continue;
    if (d.step ? static_cast<size_t>(*d.step) != rec.index + 1 : at != *o.first_divergence) continue;
    return &d;
  }
  return nullptr;
}

// "step 7 diverges with NO_ERROR (0), which the ledger does not list; nearest: FILE:LINE (...)".
std::string unlisted(const Ledger& ledger, const ScenarioOutcome& o, size_t at) {
  const StepRecord& rec = o.steps.at(at);
  std::string text = "step " + std::to_string(rec.index + 1) + " diverges with " +
                     (rec.got ? describe_code(rec.got->rc) : std::string("a crash")) + ", which the ledger does not list";
  std::string near;
  for (const auto& d : ledger.divergences)
    if (!d.scenario.empty() && d.scenario == o.scenario->id)
      near += (near.empty() ? "" : "; ") + d.where(ledger.file) + " (" + d.what() + ")";
  return text + (near.empty() ? "" : "; the ledger's entries for this scenario: " + near);
}

std::vector<std::string> stale_entries(const RunReport& report, const Ledger& ledger,
                                       const std::set<const Divergence*>& used) {
  std::vector<std::string> stale;
  for (const auto& d : ledger.divergences) {
    if (used.count(&d) || !d.signature.empty()) continue;
    bool ran = std::any_of(report.outcomes.begin(), report.outcomes.end(), [&](const ScenarioOutcome& o) {
      return o.status != Status::NotSupported && applies(d, *o.scenario);
    });
    // A scenario entry nothing used: its scenario diverged, but not there (a passing one is
    // an unexpected pass instead, and uses it).
    if (ran) stale.push_back(d.where(ledger.file) + ": " + d.what() + ": no longer diverges so");
  }
  return stale;
}

}  // namespace

void judge_against_ledger(ScenarioOutcome& o, const Ledger& ledger, std::set<const Divergence*>& used) {
  if (o.status == Status::Failed) {
    std::vector<const Divergence*> explained;
    std::string unexplained;
    for (size_t at = 0; at < o.steps.size(); ++at) {
      if (o.steps[at].mismatches.empty()) continue;
      if (const Divergence* d = explaining_step(ledger, o, at)) explained.push_back(d);
      else if (unexplained.empty()) unexplained = unlisted(ledger, o, at);
    }
    used.insert(explained.begin(), explained.end());
    if (unexplained.empty()) {
      o.status = Status::KnownDivergence;
      o.note = explained.front()->reason;
    } else {
      o.note = unexplained;
    }
  } else if (o.status == Status::Passed) {
    for (const auto& d : ledger.divergences)
      if (!d.scenario.empty() && d.scenario == o.scenario->id) {
        o.status = Status::UnexpectedPass;
        o.note = "the ledger (" + d.where(ledger.file) + ") expects " +
                 (d.crash ? std::string("a crash") : describe_code(d.observed)) + ": " + d.reason;
        used.insert(&d);
      }
  }
}

void check_ledger_scenarios(const Ledger& ledger, const std::vector<Scenario>& known) {
  std::set<std::string> ids;
  for (const auto& sc : known) ids.insert(sc.id);
  for (const auto& d : ledger.divergences)
    if (!d.scenario.empty() && !ids.count(d.scenario))
      throw InputError(d.where(ledger.file) + ": the ledger names scenario '" + d.scenario +
                       "', which is not among the " + counted(known.size(), "scenario") + " of this run");
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
