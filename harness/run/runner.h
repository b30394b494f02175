// Runs scenarios against one implementation through the SUT interface and judges them.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "run/ledger.h"
#include "scenario/scenario.h"
#include "sut.h"

namespace wnc {

enum class Status { Passed, Failed, KnownDivergence, UnexpectedPass, NotSupported };
const char* status_name(Status s);  // "passed", "failed", "known divergence", ...

struct StepRecord {
  size_t index = 0;  // 0-based position in the scenario
  std::optional<Result> got;            // absent when the implementation could not be driven
  std::vector<std::string> mismatches;  // empty: the step met its expectation
  std::string failure;                  // SutFailure: what happened and the agent's output
  std::string debug_trace;              // a step that failed: what the implementation logged (Sut::take_debug_trace)
};

struct ScenarioOutcome {
  const Scenario* scenario = nullptr;
  Status status = Status::Passed;
  std::vector<StepRecord> steps;  // every step that ran
  std::optional<size_t> first_divergence;  // index into `steps`
  std::string note;  // why not supported; the ledger's reason; what the ledger expected
  double seconds = 0;
};

struct RunReport {
  Hello hello;
  std::vector<ScenarioOutcome> outcomes;
  std::vector<std::string> stale_ledger_entries;  // requirement entries nothing diverged on
  size_t count(Status s) const;
  // Some scenario ran: a run of none, or of none the implementation supports, shows nothing.
  bool tested_anything() const;
  bool conformant() const;  // exit code 0 vs 1 (README.md); false when nothing was tested
};

// What an implementation must offer to run `scenario` (step kinds and features).
std::set<std::string> required_capabilities(const Scenario& scenario);

ScenarioOutcome run_scenario(Sut& sut, const Hello& hello, const Scenario& scenario);

using Progress = std::function<void(const ScenarioOutcome&, size_t done, size_t total)>;

// Throws SutFailure only when hello fails: the implementation cannot be driven at all.
RunReport run_scenarios(Sut& sut, const std::vector<Scenario>& scenarios, const Ledger* ledger,
                        const Progress& progress = {});

// Re-judges one outcome against a vendor's ledger of known divergences; `used` collects
// the entries that explained or contradicted something. A failed scenario is known only when
// every step of it that diverges is listed; otherwise it stays failed, and its note names
// the first unlisted step and the ledger's entries for the scenario.
void judge_against_ledger(ScenarioOutcome& outcome, const Ledger& ledger, std::set<const Divergence*>& used);

// Throws InputError when a scenario entry names a scenario that `known` (every scenario the
// run loaded, before sharding) does not hold: a typo must not pass as a clean run.
void check_ledger_scenarios(const Ledger& ledger, const std::vector<Scenario>& known);

// Re-judges every outcome, then lists the requirement entries nothing diverged on.
void apply_ledger(RunReport& report, const Ledger& ledger);

}  // namespace wnc
