#include "explore/explorer.h"

#include <rapidcheck.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "explore/case_plan.h"
#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/going_on.h"
#include "explore/rapidcheck_run.h"
#include "explore/step_draw.h"
#include "explore/swarm.h"
#include "output/atomic_file.h"
#include "output/interrupt_notice.h"
#include "requirements.h"
#include "run/describe.h"
#include "run/run_text.h"
#include "run/signature.h"
#include "run/step_attribution.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_writer.h"
#include "vocabulary/internal_error.h"

namespace wnc {

namespace {

struct TraceEntry {
  Step step;
  Result want;
  Result got;
  std::string debug_trace;  // a diverging step's (Sut::take_debug_trace)
};

// Everything one exploration shares between the property, the commands and the listener.
struct Session {
  Session(Sut& s, const ExploreOptions& o, std::ostream& l, ExploreReport& r) : sut(s), options(o), log(l), report(r) {}

  Sut& sut;
  const ExploreOptions& options;
  std::ostream& log;
  ExploreReport& report;
  // Only a campaign or a ledgered run knows divergences to go on past (explore/going_on.h).
  const bool may_go_on = options.keep_going || options.ledger;
  std::uint64_t round_seed = 0;  // the seed of the RapidCheck run under way
  // Set at a new divergence: every later run of this RapidCheck run is a shrink attempt,
  // which fails only when it shows this signature again.
  std::optional<std::string> shrinking;
  bool out_of_time = false; // the budget is spent: no case starts
  std::optional<std::chrono::steady_clock::time_point> deadline;
  Swarm swarm;
  AdaptiveWeights adaptive;               // learns from every case's steps, shrinking excluded
  std::shared_ptr<const AdaptiveWeights::Factors> case_weights;  // this case's; a shrink reuses its failing case's
  std::vector<TraceEntry> trace;
  InterruptNotice* notice = nullptr;  // says where the divergences found so far are
  std::string why;  // the latest divergence, expected vs got
  // The smallest failing case so far: shrinking also runs cases that pass.
  Swarm failing_swarm;
  StepDecoder decoder;  // one for every case, its lists refilled
  std::vector<TraceEntry> failing_trace;
  std::map<std::string, size_t> found;  // signature -> index into report.divergences
  std::map<std::string, size_t> known;  // signature -> index into report.known
  // A bug in wnetconf met while exploring. RapidCheck would catch it as a failing case and
  // shrink it as a divergence; explore() throws it as an InternalError instead.
  std::optional<std::string> internal_error;
  // The implementation could not be reset for a case, twice (an agent that died is replaced
  // at the next call, so one retry is enough for a crash). No divergence: the run ends there,
  // keeping what it found.
  std::optional<std::string> reset_failure;
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
    for (const auto id : requirements_exercised(s.world, t.step, t.want)) ids.emplace(id);
    s.apply(t.step);
  }
  if (ids.empty()) ids.insert("R-ATOMIC");
  std::vector<std::string> ordered;
  for (const auto& r : requirements())
    if (ids.count(std::string(r.id))) ordered.emplace_back(r.id);
  return ordered;
}

// A campaign saves one file per distinct divergence: the n-th is "<...>.<seed>.<n>".
std::string scenario_id(const ExploreOptions& o, size_t divergence) {
  std::string label = o.label.empty() ? "explore" : o.label;
  for (char& c : label)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '-';
  std::string id = "regression." + label + "." + std::to_string(o.seed);
  return o.keep_going ? id + "." + std::to_string(divergence + 1) : id;
}

// What Ctrl-C prints: every divergence found so far and its file.
void update_notice(Session& session) {
  if (!session.notice) return;
  std::string text = "\nwnetconf explore: interrupted; " + std::to_string(session.report.divergences.size()) +
                     " distinct divergence(s) so far, each in its file (one still shrinking: its smallest case so far)\n";
  for (const auto& d : session.report.divergences)
    text += "  " + d.signature + ": " + (d.saved_file.empty() ? "not saved: " + d.save_error : d.saved_file) + "\n";
  session.notice->set(text);
}

// The failing sequence as a scenario whose expectations are the model's results, so it
// fails where the implementation diverges and passes where it conforms.
void save_failure(Session& session, const std::string& reproduce) {
  FoundDivergence& found = session.report.divergences.back();
  Scenario sc;
  sc.id = scenario_id(session.options, session.report.divergences.size() - 1);
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
  if (session.options.keep_going)
    text << "# divergence " << session.report.divergences.size() << " of the campaign, first shown by case "
         << found.first_case << "; signature: " << found.signature << "\n";
  text << "# swarm: " << session.failing_swarm.describe() << "\n";
  text << "# adapted weights: " << describe(*session.failing_swarm.weights) << "\n";
  text << "# first diverging step: " << trace.size() << ": " << describe_step(last.step) << "\n";
  text << commented("#   expected (model): " + describe_result(last.want));
  text << commented("#   got:              " + describe_result(last.got));
  text << "# RapidCheck reproduce: " << (reproduce.empty() ? "(shrinking was interrupted)" : reproduce) << "\n";
  // The whole trace beside the case (a .txt, which no run loads), its end in the header.
  const std::filesystem::path trace_file = std::filesystem::path(session.options.save_dir) / (sc.id + ".debug-trace.txt");
  if (!last.debug_trace.empty()) {
    std::ostringstream tail;
    print_trace_tail(tail, last.debug_trace, "# ", trace_file.filename().string());
    text << tail.str();
  }
  text << scenario_to_yaml(sc);

  found.shrunk_length = static_cast<int>(trace.size());
  const std::filesystem::path file = std::filesystem::path(session.options.save_dir) / (sc.id + ".yaml");
  try {
    std::filesystem::create_directories(session.options.save_dir);
    if (!last.debug_trace.empty()) write_file_atomically(trace_file, last.debug_trace);
    write_file_atomically(file, text.str());
  } catch (const std::exception& e) {  // a full disk: the case is kept in the report instead
    found.unsaved_case = text.str();
    found.save_error = e.what();
    found.saved_file.clear();
    update_notice(session);
    return;
  }
  found.unsaved_case.clear();
  found.save_error.clear();
  found.saved_file = file.string();
  update_notice(session);
}

// A divergence this case met: a new one fails the property (RapidCheck shrinks it); one
// found before or explained by the ledger is counted and ends the case, which passes.
void on_divergence(Session& session, const PlannedStep& planned, const std::string& signature, const Result& got,
                   StepTrouble trouble, const std::vector<std::string>& diff) {
  const Step& step = planned.step;
  const Result& want = planned.want;
  if (session.shrinking && signature != *session.shrinking) return;  // not a smaller case of this one
  const int case_number = session.report.cases + 1;
  const bool crashed = trouble == StepTrouble::Crash || trouble == StepTrouble::Hang;
  // Labelled only when first met: repeats and shrink attempts need no labels.
  auto answer = [&]() -> std::optional<Result> { return crashed ? std::nullopt : std::optional(got); };
  auto layer = [&] { return std::string(layer_name(decided_by(step, want.rc, answer()).layer)); };
  auto exercised = [&] { return std::vector<std::string>(planned.exercised.begin(), planned.exercised.end()); };
  auto about = [&] { return requirements_about(step, want.rc, answer(), exercised()); };
  if (!session.shrinking) {
    if (auto it = session.found.find(signature); it != session.found.end()) {
      ++session.report.divergences[it->second].cases;
      return;
    }
    if (auto it = session.known.find(signature); it != session.known.end()) {
      ++session.report.known[it->second].cases;
      return;
    }
    if (session.options.ledger) {
      const ExploredDivergence explored{signature, exercised(), want.rc, got.rc, crashed};
      if (const Divergence* entry = explaining(*session.options.ledger, explored)) {
        session.known[signature] = session.report.known.size();
        session.report.known.push_back(
            {signature, 1, case_number, entry->where(session.options.ledger->file), entry->reason, layer(), about()});
        return;
      }
    }
    session.shrinking = signature;
    session.found[signature] = session.report.divergences.size();
    session.report.divergences.push_back({signature, 1, case_number, 0, "", "", "", "", "", layer(), about()});
  }
  session.failing_swarm = session.swarm;
  session.failing_trace = session.trace;
  save_failure(session, "");
  std::string why = "step " + std::to_string(session.trace.size()) + ": " + describe_step(step) + "\n";
  for (const auto& d : diff) why += "  " + d + "\n";
  session.why = why;
  RC_FAIL(why);
}

// Whether the exploration knows this divergence: found before in a campaign, or the ledger's.
bool known_divergence(const Session& session, const std::string& signature, const PlannedStep& p, const Result& got) {
  if (session.found.count(signature) || session.known.count(signature)) return true;
  if (!session.options.ledger) return false;
  const ExploredDivergence explored{signature, std::vector<std::string>(p.exercised.begin(), p.exercised.end()),
                                    p.want.rc, got.rc, false};
  return explaining(*session.options.ledger, explored) != nullptr;
}

// A case goes on past a divergence the exploration knows when it left both worlds as they
// were (explore/going_on.h); never past the one being shrunk: meeting it fails the attempt.
bool goes_on_past(const Session& session, const PlannedStep& p, const Result& got, StepTrouble trouble) {
  if (!leaves_both_worlds(p.step, p.leaves_world, got, trouble)) return false;
  const std::string signature = divergence_signature(p.step, expectation_of(p.want), got, trouble);
  return signature != session.shrinking && known_divergence(session, signature, p, got);
}

// What one answer says: the result to compare (with the trouble written into `unsupported`)
// and the kind of trouble, if the implementation could not be driven or refused the step.
std::pair<Result, StepTrouble> read_answer(const StepAnswer& answer) {
  if (answer.failure) {
    Result got;
    got.unsupported = std::string("the implementation could not be driven: ") + answer.failure->what() + "\n" +
                      answer.failure->output();
    return {got, answer.failure->kind() == SutFailure::Kind::Hung ? StepTrouble::Hang : StepTrouble::Crash};
  }
  if (!answer.result) {
    Result got;
    got.unsupported = "the implementation rejected the step: " + answer.rejected;
    return {got, StepTrouble::Rejected};
  }
  return {*answer.result, StepTrouble::None};
}

// Runs a case on a fresh world of the implementation, all of it in flight when the
// implementation takes it (nothing here waits on an answer to choose a step, and the reset
// goes with the steps), and compares the answers in order up to the first divergence.
void run_case(Session& session, CasePlan& plan) {
  std::vector<StepAnswer> answers;
  std::vector<std::vector<std::string>> diffs;  // each compared answer's, as it came
  for (int attempt = 1;; ++attempt) {
    diffs.clear();
    try {
      answers = session.sut.run_case(session.swarm.setup, plan.steps(), [&](const StepAnswer& answer) {
        const PlannedStep& p = *plan.at(diffs.size());
        const auto [got, trouble] = read_answer(answer);
        diffs.push_back(mismatches(expectation_of(p.want), got));
        return diffs.back().empty() || goes_on_past(session, p, got, trouble);
      });
      break;
    } catch (const SutFailure& e) {
      if (attempt == 2) {
        session.reset_failure = std::string("the implementation could not be reset for case ") +
                                std::to_string(session.report.cases + 1) + ", twice: " + e.what() + "\n" + e.output();
        RC_FAIL(*session.reset_failure);
      }
    }
  }
  std::vector<std::string> met;
  for (size_t i = 0; i < answers.size(); ++i) {
    const PlannedStep& p = *plan.at(i);
    const auto [got, trouble] = read_answer(answers[i]);
    // An answer that ended the batch (the implementation could not be driven) was not compared.
    const std::vector<std::string> diff = i < diffs.size() ? diffs[i] : mismatches(expectation_of(p.want), got);
    session.trace.push_back({p.step, p.want, got, diff.empty() ? std::string() : answers[i].debug_trace});
    if (!session.shrinking) {
      ++session.report.steps;
      session.adaptive.record(p.entry, p.step, p.want.rc);
      if (std::holds_alternative<CancelStep>(p.step)) ++session.report.cancel_codes[code_name(p.want.rc)];
      for (const auto id : p.exercised) {
        auto it = session.report.requirements.find(id);
        if (it == session.report.requirements.end()) it = session.report.requirements.emplace(id, 0).first;
        ++it->second;
      }
    }
    if (diff.empty()) continue;
    // Each divergence counts once per case, however often the case went on past it.
    const std::string signature = divergence_signature(p.step, expectation_of(p.want), got, trouble);
    if (std::find(met.begin(), met.end(), signature) != met.end()) continue;
    met.push_back(signature);
    if (i + 1 < answers.size() && !session.shrinking) ++session.report.went_on_past;
    on_divergence(session, p, signature, got, trouble, diff);  // fails the case when it is new
  }
}

// `steps` as a case of the failing swarm, when it is valid input whose last step shows the
// signature being shrunk, and whose earlier divergences are ones a case goes on past: its
// trace, and why it fails.
std::optional<std::pair<std::vector<TraceEntry>, std::string>> still_failing(Session& session, const std::vector<Step>& steps) {
  ExploreState state(session.failing_swarm.setup);
  std::vector<PlannedStep> plan;
  for (const Step& step : steps) {
    if (!state.accepts(step)) return std::nullopt;
    plan.push_back(plan_step(state, step, nullptr, session.may_go_on));
  }
  size_t checked = 0;
  std::vector<StepAnswer> answers;
  try {
    answers = session.sut.run_case(session.failing_swarm.setup, steps, [&](const StepAnswer& answer) {
      const PlannedStep& p = plan[checked++];
      const auto [got, trouble] = read_answer(answer);
      return mismatches(expectation_of(p.want), got).empty() || goes_on_past(session, p, got, trouble);
    });
  } catch (const SutFailure&) {
    return std::nullopt;
  }
  if (answers.size() != steps.size()) return std::nullopt;
  std::vector<TraceEntry> trace;
  for (size_t i = 0; i < answers.size(); ++i) {
    const auto [got, trouble] = read_answer(answers[i]);
    const std::vector<std::string> diff = mismatches(expectation_of(plan[i].want), got);
    trace.push_back({steps[i], plan[i].want, got, diff.empty() ? std::string() : answers[i].debug_trace});
    if (diff.empty() || i + 1 < steps.size()) continue;  // run_case went on only past known ones
    if (divergence_signature(steps[i], expectation_of(plan[i].want), got, trouble) != *session.shrinking)
      return std::nullopt;
    std::string why = "step " + std::to_string(trace.size()) + ": " + describe_step(steps[i]) + "\n";
    for (const auto& d : diff) why += "  " + d + "\n";
    return std::pair{std::move(trace), std::move(why)};
  }
  return std::nullopt;
}

// RapidCheck shrinks the drawn values, and a value's step depends on the steps before it, so a
// step the divergence does not need can survive its shrinking. Dropping one step at a time from
// the smallest case, until none can go, finishes the job; at most 16 rounds.
void drop_needless_steps(Session& session) {
  auto& trace = session.failing_trace;
  for (int round = 0, dropped = 1; dropped && round < 16; ++round) {
    dropped = 0;
    for (size_t i = 0; i + 1 < trace.size();) {
      std::vector<Step> steps;
      for (size_t j = 0; j < trace.size(); ++j)
        if (j != i) steps.push_back(trace[j].step);
      if (auto smaller = still_failing(session, steps)) {
        trace = std::move(smaller->first);
        session.why = std::move(smaller->second);
        ++dropped;
      } else {
        ++i;
      }
    }
  }
}

}  // namespace

bool ExploreReport::all_seed_codes_hit() const {
  for (Code c : seed_cancel_codes())
    if (!cancel_codes.count(code_name(c))) return false;
  return true;
}

std::vector<const Divergence*> ExploreReport::stale_entries(const Ledger& ledger) const {
  std::vector<const Divergence*> stale;
  for (const auto& d : ledger.divergences) {
    if (d.signature.empty() && (d.requirement.empty() || d.step)) continue;  // not for exploration
    const std::string where = d.where(ledger.file);
    if (std::none_of(known.begin(), known.end(), [&](const KnownFinding& k) { return k.entry == where; }))
      stale.push_back(&d);
  }
  return stale;
}

nlohmann::json ExploreReport::to_json() const {
  nlohmann::json found = nlohmann::json::array(), met = nlohmann::json::array();
  for (const auto& d : divergences)
    found.push_back({{"signature", d.signature}, {"cases", d.cases}, {"first_case", d.first_case},
                     {"shrunk_length", d.shrunk_length}, {"file", d.saved_file}, {"decided_by", d.decided_by},
                     {"about", d.about}});
  for (const auto& k : known)
    met.push_back({{"signature", k.signature}, {"cases", k.cases}, {"first_case", k.first_case}, {"entry", k.entry},
                   {"decided_by", k.decided_by}, {"about", k.about}});
  return {{"seed", seed},           {"passed", passed},       {"cases", cases},
          {"steps", steps},         {"went_on_past", went_on_past}, {"shrunk_length", shrunk_length}, {"saved_file", saved_file},
          {"failure", failure},     {"reproduce", reproduce}, {"divergences", found},
          {"known", met},           {"budget_spent", budget_spent}, {"stopped", stopped}, {"cancel_codes", cancel_codes},
          {"requirements", requirements}, {"all_seed_codes_hit", all_seed_codes_hit()},
          {"cells", cells},         {"weights", weights}};
}

namespace {

// The seed of a campaign's n-th RapidCheck run (splitmix64): the first is the campaign's own,
// so a campaign finds first what a plain exploration of its seed finds.
std::uint64_t round_seed(std::uint64_t seed, int round) {
  if (round == 0) return seed;
  std::uint64_t z = seed + static_cast<std::uint64_t>(round) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

ExploreReport explore(Sut& sut, const ExploreOptions& options, std::ostream& log) {
  const auto start = std::chrono::steady_clock::now();
  ExploreReport report;
  report.seed = options.seed;
  const Hello hello = sut.hello();
  Session session{sut, options, log, report};
  if (options.budget_seconds)
    session.deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(*options.budget_seconds));

  const rc::Gen<Swarm> swarms = gen_swarm(hello.capabilities);
  auto explore_case = [&]() {
    session.swarm = *swarms;
    if (!session.shrinking) session.case_weights = std::make_shared<const AdaptiveWeights::Factors>(session.adaptive.factors());
    session.swarm.weights = session.case_weights;
    session.trace.clear();
    if (options.verbose && !session.shrinking)
      log << "case " << report.cases + 1 << ": " << session.swarm.describe() << "\n  adapted weights: "
          << describe(*session.swarm.weights) << "\n";
    // One drawn value per step, as many as the case is long (not RapidCheck's size, which
    // would keep the first cases of a long campaign short); shrinking removes and plains them.
    const auto values = *rc::gen::resize(
        options.max_steps, rc::gen::nonEmpty(rc::gen::container<std::vector<std::uint64_t>>(gen_step_value())));
    CasePlan plan(session.decoder, session.swarm, values, session.may_go_on);
    run_case(session, plan);
  };
  auto property = [&]() {
    // Once a bug is met every further case, and every shrink, passes at once.
    if (session.internal_error || session.reset_failure) return;
    if (session.deadline && std::chrono::steady_clock::now() >= *session.deadline) {
      if (session.shrinking) return;  // the smallest case so far is saved; no more attempts
      // Failing before any value is drawn leaves RapidCheck nothing to shrink: the run ends.
      session.out_of_time = true;
      RC_FAIL("the budget is spent");
    }
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
  for (int round = 0; report.cases < options.cases; ++round) {
    session.round_seed = round_seed(options.seed, round);
    session.shrinking.reset();
    const int cases_left = options.cases - report.cases;
    const PropertyOutcome outcome =
        run_property("model vs " + hello.name, {session.round_seed, cases_left, options.max_steps}, property, [&] {
          if (!session.shrinking && !session.out_of_time) ++report.cases;
        });
    if (session.internal_error)
      throw InternalError("exploring seed " + std::to_string(options.seed) + ": " + *session.internal_error);
    if (session.out_of_time) {
      report.budget_spent = true;
      break;
    }
    if (session.reset_failure) {
      report.stopped = *session.reset_failure;
      report.passed = false;
      break;
    }
    if (outcome.kind == PropertyOutcome::Kind::Passed) break;
    if (outcome.kind == PropertyOutcome::Kind::Failed && session.shrinking) {
      FoundDivergence& found = report.divergences.back();
      found.reproduce = outcome.reproduce;
      if (!session.reset_failure) drop_needless_steps(session);
      found.failure = session.why.empty() ? outcome.description : session.why;
      save_failure(session, outcome.reproduce);
      log << "divergence " << report.divergences.size() << ": " << found.signature << " (case " << found.first_case
          << "), shrunk to " << found.shrunk_length << " steps, "
          << (found.saved_file.empty() ? "NOT saved: " + found.save_error : "saved as " + found.saved_file) << std::endl;
      if (options.keep_going) continue;
      break;
    }
    report.failure = outcome.kind == PropertyOutcome::Kind::Failed ? outcome.description
                     : outcome.kind == PropertyOutcome::Kind::Error
                         ? "RapidCheck could not run the property: " + outcome.description
                         : "RapidCheck gave up: " + outcome.description;
    report.passed = false;
    break;
  }
  session.notice = nullptr;
  if (!report.divergences.empty()) {
    const FoundDivergence& first = report.divergences.front();
    report.passed = false;
    if (report.failure.empty()) {
      report.failure = first.failure;
      report.reproduce = first.reproduce;
    }
    report.shrunk_length = first.shrunk_length;
    report.saved_file = first.saved_file;
    report.save_error = first.save_error;
    report.unsaved_case = first.unsaved_case;
  }
  report.cells = session.adaptive.cells();
  report.weights = session.adaptive.factors();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace wnc
