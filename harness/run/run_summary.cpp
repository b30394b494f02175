#include "run/run_summary.h"

#include <iomanip>
#include <map>
#include <sstream>

#include "protocol/json_codec.h"
#include "requirements.h"

namespace wnc {

namespace {

std::string flow(const nlohmann::json& j) {
  if (j.is_string()) return "'" + j.get<std::string>() + "'";
  if (!j.is_object()) return j.dump();
  std::string out = "{";
  for (auto it = j.begin(); it != j.end(); ++it) out += (out.size() > 1 ? ", " : "") + it.key() + ": " + flow(*it);
  return out + "}";
}

std::string expected_text(const Expectation& e) {
  std::string out = describe_code(e.rc);
  if (e.remote) out += ", remote '" + *e.remote + "'";
  if (e.target_endswith) out += ", target ending '" + *e.target_endswith + "'";
  if (e.includes) out += ", drives including " + *e.includes;
  if (e.excludes) out += ", drives excluding " + *e.excludes;
  if (e.exactly) out += ", drives exactly " + *e.exactly;
  if (e.code) out += ", code " + std::to_string(*e.code);
  if (e.text) out += ", text '" + *e.text + "'";
  if (e.provider) out += ", provider '" + *e.provider + "'";
  return out;
}

}  // namespace

std::string describe_step(const Step& step) {
  nlohmann::json j = step_to_json(step);
  return j.begin().key() + " " + flow(j.begin().value());
}

std::string describe_result(const Result& r) {
  if (r.unsupported) return "unsupported: " + *r.unsupported;
  std::string out = describe_code(r.rc);
  if (r.remote) out += ", remote '" + *r.remote + "'";
  if (r.target) out += ", target '" + *r.target + "'";
  if (r.drives) out += ", drives '" + *r.drives + "'";
  if (r.code) out += ", code " + std::to_string(*r.code);
  if (r.text) out += ", text '" + *r.text + "'";
  if (r.provider) out += ", provider '" + *r.provider + "'";
  return out;
}

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
    out << "    expected: " << expected_text(st.expect) << "\n";
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
}

const char* RequirementStatus::verdict() const {
  if (scenarios.empty()) return "not tested";
  if (!failing.empty()) return "not met";
  if (!known.empty()) return "known divergence";
  return "met";
}

std::vector<RequirementStatus> requirement_statuses(const RunReport& r) {
  std::vector<RequirementStatus> out;
  for (const auto& req : requirements()) {
    RequirementStatus s;
    s.id = std::string(req.id);
    for (const auto& o : r.outcomes) {
      const auto& covers = o.scenario->covers;
      if (std::find(covers.begin(), covers.end(), s.id) == covers.end()) continue;
      if (o.status == Status::NotSupported) {
        ++s.not_supported;
        continue;
      }
      s.scenarios.push_back(o.scenario->id);
      if (o.status == Status::Failed || o.status == Status::UnexpectedPass) s.failing.push_back(o.scenario->id);
      if (o.status == Status::KnownDivergence) s.known.push_back(o.scenario->id);
    }
    out.push_back(std::move(s));
  }
  return out;
}

nlohmann::json outcome_json(const ScenarioOutcome& o) {
  const Scenario& sc = *o.scenario;
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& rec : o.steps) {
    const ScenarioStep& st = sc.steps.at(rec.index);
    nlohmann::json j = {{"index", rec.index + 1},
                        {"line", st.pos.line},
                        {"step", step_to_json(st.step)},
                        {"expected", expected_text(st.expect)},
                        {"got", rec.got ? result_to_json(*rec.got) : nlohmann::json(nullptr)},
                        {"passed", rec.mismatches.empty()}};
    if (!rec.mismatches.empty()) j["mismatches"] = rec.mismatches;
    if (!rec.failure.empty()) j["agent_output"] = rec.failure;
    steps.push_back(j);
  }
  nlohmann::json j = {{"id", sc.id},       {"file", sc.file},          {"title", sc.title},
                      {"covers", sc.covers}, {"status", status_name(o.status)}, {"steps", steps}};
  if (!o.note.empty()) j["note"] = o.note;
  if (o.first_divergence) j["first_divergence"] = o.steps[*o.first_divergence].index + 1;
  return j;
}

nlohmann::json summary_json(const RunReport& r) {
  nlohmann::json reqs = nlohmann::json::object();
  std::map<std::string, std::vector<std::string>> by_verdict;  // verdict -> requirement IDs
  for (const auto& s : requirement_statuses(r)) {
    reqs[s.id] = {{"verdict", s.verdict()}, {"scenarios", s.scenarios}, {"failing", s.failing}, {"known", s.known},
                  {"not_supported", s.not_supported}};
    by_verdict[s.verdict()].push_back(s.id);
  }
  nlohmann::json failed = nlohmann::json::array();
  for (const auto& o : r.outcomes)
    if (o.status == Status::Failed || o.status == Status::UnexpectedPass) failed.push_back(o.scenario->id);
  return {{"implementation", r.hello.raw.value("implementation", nlohmann::json::object())},
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
}

}  // namespace wnc
