#include "run/run_text.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <vector>

#include "run/describe.h"
#include "run/step_attribution.h"
#include "run/verdicts.h"

namespace wnc {

void print_outcome(std::ostream& out, const ScenarioOutcome& o) {
  const Scenario& sc = *o.scenario;
  static const std::map<Status, const char*> tag = {
      {Status::Passed, "PASS"}, {Status::Failed, "FAIL"}, {Status::KnownDivergence, "KNOWN"},
      {Status::UnexpectedPass, "UNEXPECTED PASS"}, {Status::NotSupported, "NOT SUPPORTED"}};
  out << tag.at(o.status) << " " << sc.id << "  (" << sc.file << ")\n";
  if (!o.note.empty()) out << "  " << o.note << "\n";
  for (const auto& rec : o.steps) {
    if (rec.mismatches.empty()) continue;
    const ScenarioStep& st = sc.steps.at(rec.index);
    out << "  step " << rec.index + 1 << " (" << sc.file << ":" << st.pos.line << ":" << st.pos.column
        << ") " << describe_step(st.step) << "\n";
    out << "    expected: " << describe_expectation(st.expect) << "\n";
    out << "    got:      " << (rec.got ? describe_result(*rec.got) : std::string("nothing")) << "\n";
    out << "    decided by the " << layer_name(decided_by(st.step, st.expect.rc, rec.got).layer) << "; about ";
    const std::vector<std::string> about = requirements_about(st.step, st.expect.rc, rec.got, sc.covers);
    if (about.empty()) out << "none of the scenario's requirements";
    for (size_t i = 0; i < about.size(); ++i) out << (i ? ", " : "") << about[i];
    out << "\n";
    for (const auto& m : rec.mismatches) out << "    - " << m << "\n";
    if (!rec.failure.empty()) {
      std::istringstream lines(rec.failure);
      for (std::string line; std::getline(lines, line);) out << "    | " << line << "\n";
    }
    if (!rec.debug_trace.empty()) print_trace_tail(out, rec.debug_trace, "    ");
  }
}

void print_trace_tail(std::ostream& out, const std::string& trace, const std::string& indent, const std::string& whole_in) {
  std::vector<std::string> lines;
  std::istringstream in(trace);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const size_t shown = std::min(lines.size(), kTraceTailLines);
  out << indent << "debug trace (" << (shown < lines.size() ? "last " + std::to_string(shown) + " of " : "")
      << counted(lines.size(), "line") << "; the whole of it in " << whole_in << "):\n";
  for (size_t i = lines.size() - shown; i < lines.size(); ++i) out << indent << "~ " << lines[i] << "\n";
}

void print_totals(std::ostream& out, const RunReport& r) {
  out << counted(r.outcomes.size(), "scenario") << ": " << r.count(Status::Passed) << " passed, "
      << r.count(Status::Failed) << " failed, " << counted(r.count(Status::KnownDivergence), "known divergence") << ", "
      << counted(r.count(Status::UnexpectedPass), "unexpected pass", "unexpected passes") << ", "
      << r.count(Status::NotSupported) << " not supported\n";
  for (const auto& s : r.stale_ledger_entries) out << "stale ledger entry: " << s << "\n";
  std::map<std::string, size_t> verdicts;
  const auto statuses = requirement_statuses(r);
  for (const auto& s : statuses) ++verdicts[s.verdict()];
  out << "requirements: " << verdicts["met"] << " of " << statuses.size() << " met, " << verdicts["not met"] << " not met, "
      << counted(verdicts["known divergence"], "known divergence") << ", " << verdicts["not tested"] << " not tested\n";
  if (!r.tested_anything())
    out << "nothing was tested: " << (r.outcomes.empty() ? std::string("no scenario ran")
                                                         : "the implementation supports none of the " +
                                                               counted(r.outcomes.size(), "scenario"))
        << ", so this is not conformant\n";
}

std::string verdict_words(bool conformant, const RunReport& r) {
  std::string words = conformant ? "conformant" : "not conformant";
  if (conformant && r.count(Status::KnownDivergence))
    words += " with " + counted(r.count(Status::KnownDivergence), "known divergence") + " (the ledger's)";
  size_t untested = 0;
  const auto statuses = requirement_statuses(r);
  for (const auto& s : statuses) untested += std::string(s.verdict()) == "not tested";
  if (untested) words += "; " + std::to_string(untested) + " of " + std::to_string(statuses.size()) + " requirements not tested";
  return words;
}

}  // namespace wnc
