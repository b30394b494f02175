#include "explore/explorer.h"

#include <rapidcheck.h>
#include <rapidcheck/state.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/rapidcheck_run.h"
#include "explore/step_generator.h"
#include "explore/swarm.h"
#include "output/atomic_file.h"
#include "output/interrupt_notice.h"
#include "requirements.h"
#include "run/describe.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_writer.h"
#include "vocabulary/internal_error.h"

namespace wnc {

namespace {

struct TraceEntry {
  Step step;
  Result want;
  Result got;
};

// Everything one exploration shares between the property, the commands and the listener.
struct Session {
  Session(Sut& s, const ExploreOptions& o, std::ostream& l, ExploreReport& r) : sut(s), options(o), log(l), report(r) {}

  Sut& sut;
  const ExploreOptions& options;
  std::ostream& log;
  ExploreReport& report;
  bool shrinking = false;  // after the first failure every run is a shrink attempt
  Swarm swarm;
  std::vector<TraceEntry> trace;
  std::string saved_path;
  InterruptNotice* notice = nullptr;  // says where the smallest failing case so far is
  std::string why;  // the latest divergence, expected vs got
  // The smallest failing case so far: shrinking also runs cases that pass.
  Swarm failing_swarm;
  std::vector<TraceEntry> failing_trace;
  // A bug in wnetconf met while exploring. RapidCheck would catch it as a failing case and
  // shrink it as a divergence; explore() throws it as an InternalError instead.
  std::optional<std::string> internal_error;
};


// Agent output can span lines; every one of them must stay a YAML comment.
std::string commented(const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  bool first = true;
  for (std::string line; std::getline(lines, line); first = false) out += (first ? "" : "#   | ") + line + "\n";
  return out;
}

std::vector<std::string> covers_of(const Swarm& swarm, const std::vector<TraceEntry>& trace) {
  std::set<std::string> ids;
  ExploreState s(swarm.setup);
  for (const auto& t : trace) {
    for (auto& id : requirements_exercised(s.world, t.step, t.want)) ids.insert(id);
    s.apply(t.step);
  }
  if (ids.empty()) ids.insert("R-ATOMIC");
  std::vector<std::string> ordered;
  for (const auto& r : requirements())
    if (ids.count(std::string(r.id))) ordered.emplace_back(r.id);
  return ordered;
}

std::string scenario_id(const ExploreOptions& o) {
  std::string label = o.label.empty() ? "explore" : o.label;
  for (char& c : label)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
  return "regression." + label + "." + std::to_string(o.seed);
}

// The failing sequence as a scenario whose expectations are the model's results, so it
// fails where the implementation diverges and passes where it conforms.
void save_failure(Session& session, const std::string& reproduce) {
  Scenario sc;
  sc.id = scenario_id(session.options);
  sc.title = "Found by wnetconf explore --seed " + std::to_string(session.options.seed);
  const auto& trace = session.failing_trace;
  WNC_ASSERT(!trace.empty(), "a failure is saved once its diverging step is traced");
  sc.covers = covers_of(session.failing_swarm, trace);
  sc.setup = session.failing_swarm.setup;
  for (const auto& t : trace) sc.steps.push_back({t.step, expectation_of(t.want), {}});
  const TraceEntry& last = trace.back();

  std::ostringstream text;
  text << "# Minimal failing case found by: "
       << (session.options.command.empty() ? "wnetconf explore --seed " + std::to_string(session.options.seed)
                                            : session.options.command)
       << "\n";
  text << "# swarm: " << session.failing_swarm.describe() << "\n";
  text << "# first diverging step: " << trace.size() << ": " << describe_step(last.step) << "\n";
  text << commented("#   expected (model): " + describe_result(last.want));
  text << commented("#   got:              " + describe_result(last.got));
  text << "# RapidCheck reproduce: " << (reproduce.empty() ? "(shrinking was interrupted)" : reproduce) << "\n";
  text << scenario_to_yaml(sc);

  session.report.shrunk_length = static_cast<int>(trace.size());
  const std::filesystem::path file = std::filesystem::path(session.options.save_dir) / (sc.id + ".yaml");
  try {
    std::filesystem::create_directories(session.options.save_dir);
    write_file_atomically(file, text.str());
  } catch (const std::exception& e) {  // a full disk: the case is kept in the report instead
    session.report.unsaved_case = text.str();
    session.report.save_error = e.what();
    session.saved_path.clear();
    return;
  }
  session.report.unsaved_case.clear();
  session.report.save_error.clear();
  session.saved_path = file.string();
  if (session.notice)
    session.notice->set("\nwnetconf explore: interrupted; the smallest failing case so far is in " + file.string() + "\n");
}

class StepCommand : public rc::state::Command<ExploreState, Session> {
 public:
  explicit StepCommand(Step step) : step_(std::move(step)) {}

  void checkPreconditions(const ExploreState& s) const override { RC_PRE(s.accepts(step_)); }
  void apply(ExploreState& s) const override { s.apply(step_); }

  void run(const ExploreState& s, Session& session) const override {
    model::State next = s.world;
    Result want = model::apply(next, step_);
    Result got;
    std::string trouble;
    try {
      got = session.sut.step(step_);
    } catch (const SutFailure& e) {
      trouble = std::string("the implementation could not be driven: ") + e.what() + "\n" + e.output();
    } catch (const std::invalid_argument& e) {
      trouble = std::string("the implementation rejected the step: ") + e.what();
    }
    if (!trouble.empty()) got.unsupported = trouble;
    session.trace.push_back({step_, want, got});
    if (!session.shrinking) {
      ++session.report.steps;
      if (std::holds_alternative<CancelStep>(step_)) ++session.report.cancel_codes[code_name(want.rc)];
      for (const auto& id : requirements_exercised(s.world, step_, want)) ++session.report.requirements[id];
    }
    std::vector<std::string> diff = mismatches(expectation_of(want), got);
    if (diff.empty()) return;
    session.shrinking = true;
    session.failing_swarm = session.swarm;
    session.failing_trace = session.trace;
    save_failure(session, "");
    std::string why = "step " + std::to_string(session.trace.size()) + ": " + describe_step(step_) + "\n";
    for (const auto& d : diff) why += "  " + d + "\n";
    session.why = why;
    RC_FAIL(why);
  }

  void show(std::ostream& os) const override { os << describe_step(step_); }

 private:
  Step step_;
};

}  // namespace

bool ExploreReport::all_seed_codes_hit() const {
  for (Code c : seed_cancel_codes())
    if (!cancel_codes.count(code_name(c))) return false;
  return true;
}

nlohmann::json ExploreReport::to_json() const {
  return {{"seed", seed},           {"passed", passed},       {"cases", cases},
          {"steps", steps},         {"shrunk_length", shrunk_length}, {"saved_file", saved_file},
          {"failure", failure},     {"reproduce", reproduce}, {"cancel_codes", cancel_codes},
          {"requirements", requirements}, {"all_seed_codes_hit", all_seed_codes_hit()}};
}

ExploreReport explore(Sut& sut, const ExploreOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  ExploreReport report;
  report.seed = options.seed;
  const Hello hello = sut.hello();
  Session session{sut, options, log, report};

  auto explore_case = [&]() {
    session.swarm = *gen_swarm(hello.capabilities);
    session.trace.clear();
    if (options.verbose && !session.shrinking)
      log << "case " << report.cases + 1 << ": " << session.swarm.describe() << "\n";
    // Shrinking asks the generator for more steps after this run: it keeps its own swarm.
    auto swarm = std::make_shared<const Swarm>(session.swarm);
    ExploreState initial(swarm->setup);
    auto commands = *rc::state::gen::commands(
        initial, [swarm](const ExploreState& s) {
          return rc::gen::map(gen_step(s, swarm), [](Step step) -> std::shared_ptr<const rc::state::Command<ExploreState, Session>> {
            return std::make_shared<const StepCommand>(std::move(step));
          });
        });
    try {
      sut.reset(swarm->setup);
    } catch (const SutFailure& e) {
      RC_FAIL(std::string("reset failed: ") + e.what() + "\n" + e.output());
    }
    rc::state::runAll(commands, initial, session);
  };
  auto property = [&]() {
    // Once a bug is met every further case, and every shrink, passes at once.
    if (session.internal_error) return;
    try {
      explore_case();
    } catch (const rc::GenerationFailure&) {
      throw;  // RapidCheck discards the case
    } catch (const std::exception& e) {
      session.internal_error = e.what();
    }
  };

  InterruptNotice notice("\nwnetconf explore: interrupted before any divergence\n");
  session.notice = &notice;
  const PropertyOutcome outcome =
      run_property("model vs " + hello.name, {options.seed, options.cases, options.max_steps}, property, [&] {
        if (!session.shrinking) ++report.cases;
      });
  session.notice = nullptr;
  if (session.internal_error)
    throw InternalError("exploring seed " + std::to_string(options.seed) + ": " + *session.internal_error);

  switch (outcome.kind) {
    case PropertyOutcome::Kind::Passed: break;
    case PropertyOutcome::Kind::Failed:
      report.passed = false;
      report.reproduce = outcome.reproduce;
      report.failure = session.why.empty() ? outcome.description : session.why;
      if (!session.failing_trace.empty()) {
        save_failure(session, report.reproduce);
        report.saved_file = session.saved_path;
      }
      break;
    case PropertyOutcome::Kind::Error:
      report.passed = false;
      report.failure = "RapidCheck could not run the property: " + outcome.description;
      break;
    case PropertyOutcome::Kind::GaveUp:
      report.passed = false;
      report.failure = "RapidCheck gave up: " + outcome.description;
      break;
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace wnc
