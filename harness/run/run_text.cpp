#include "run/run_text.h"

#include <map>
#include <sstream>

#include "run/describe.h"
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
    for (const auto& m : rec.mismatches) out << "    - " << m << "\n";
    if (!rec.failure.empty()) {
      std::istringstream lines(rec.failure);
      for (std::string line; std::getline(lines, line);) out << "    | " << line << "\n";
    }
  }
}

void print_totals(std::ostream& out, const RunReport& r) {
  out << r.outcomes.size() << " scenarios: " << r.count(Status::Passed) << " passed, "
      << r.count(Status::Failed) << " failed, " << r.count(Status::KnownDivergence) << " known divergences, "
      << r.count(Status::UnexpectedPass) << " unexpected passes, " << r.count(Status::NotSupported)
      << " not supported\n";
  for (const auto& s : r.stale_ledger_entries) out << "stale ledger entry: " << s << "\n";
  size_t met = 0;
  auto statuses = requirement_statuses(r);
  for (const auto& s : statuses) met += std::string(s.verdict()) == "met";
  out << "requirements: " << met << " of " << statuses.size() << " met\n";
  if (!r.tested_anything())
    out << "nothing was tested: " << (r.outcomes.empty() ? std::string("no scenario ran")
                                                         : "the implementation supports none of the " +
                                                               std::to_string(r.outcomes.size()) + " scenarios")
        << ", so this is not conformant\n";
}

}  // namespace wnc
