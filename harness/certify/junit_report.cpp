#include "certify/junit_report.h"

#include <cstdio>
#include <sstream>

#include "certify/markup.h"
#include "certify/results_document.h"
#include "run/describe.h"

namespace wnc {

namespace {

using nlohmann::json;

struct Case {
  std::string classname, name, file;
  double seconds = 0;
  std::string outcome;  // "", "failure" or "skipped"
  std::string type, message, details;
};

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

std::string step_details(const json& step) {
  std::string out = "step " + std::to_string(step.at("index").get<int>()) + ": " + step.at("step_text").get<std::string>() +
                    "\nexpected: " + step.at("expected").get<std::string>() + "\ngot:      " + step.at("got_text").get<std::string>() + "\n";
  for (const auto& m : step.value("mismatches", json::array())) out += "- " + m.get<std::string>() + "\n";
  if (step.contains("agent_output")) out += step["agent_output"].get<std::string>() + "\n";
  return out;
}

Case scenario_case(const json& sc, const json& timings) {
  const std::string id = sc.at("id").get<std::string>();
  Case c{id.substr(0, id.find('.')), id, sc.at("file").get<std::string>(), timings.value(id, 0.0), "", "", "", ""};
  const std::string status = sc.at("status").get<std::string>();
  const std::string note = sc.value("note", "");
  if (status == "not supported" || status == "known divergence") {
    c.outcome = "skipped";
    c.message = status + ": " + note;
  } else if (status == "failed" || status == "unexpected pass") {
    c.outcome = "failure";
    c.type = status;
    c.message = note;
    if (const json* step = first_diverging_step(sc)) {
      c.message = "step " + std::to_string(step->at("index").get<int>()) + ": expected " + step->at("expected").get<std::string>() +
                  ", got " + step->at("got_text").get<std::string>();
      c.details = step_details(*step);
    }
  }
  return c;
}

Case block_case(const json& b, const json& timings) {
  const std::string block = std::to_string(b.at("block").get<int>());
  Case c{"exploration", "block " + block + " (seed " + std::to_string(b.at("seed").get<std::uint64_t>()) + ", " +
                            counted(b.at("cases").get<int>(), "case") + ")",
         b.at("saved_file").get<std::string>(), timings.value(block, 0.0), "", "", "", ""};
  if (!b.at("passed").get<bool>()) {
    c.outcome = "failure";
    c.type = "diverged";
    c.details = b.at("failure").get<std::string>();
    c.message = c.details.substr(0, c.details.find('\n'));
  }
  return c;
}

Case ledger_case(const json& ledger, const json& e) {
  const std::string subject = e.contains("scenario") ? e["scenario"].get<std::string>() : e.value("requirement", "signature");
  Case c{"ledger", ledger.at("file").get<std::string>() + ":" + std::to_string(e.at("line").get<int>()) + " " + subject,
         ledger.at("file").get<std::string>(), 0, "", "", "", ""};
  const std::string state = e.at("state").get<std::string>();
  if (state == "stale") {  // an unexpected pass fails at its scenario already
    c.outcome = "failure";
    c.type = state;
    c.message = "the ledger expects " + e.at("observed").get<std::string>() + " (" + e.at("reason").get<std::string>() +
                "), which no longer happens";
  }
  return c;
}

void write_suite(std::ostream& out, const std::string& name, const std::vector<Case>& cases, const std::string& version) {
  size_t failures = 0, skipped = 0;
  double total = 0;
  for (const auto& c : cases) {
    failures += c.outcome == "failure";
    skipped += c.outcome == "skipped";
    total += c.seconds;
  }
  out << "  <testsuite name=\"" << html_escape(name) << "\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"" << skipped << "\" time=\"" << seconds_text(total) << "\">\n";
  out << "    <properties><property name=\"wnetconf\" value=\"" << html_escape(version) << "\"/></properties>\n";
  for (const auto& c : cases) {
    out << "    <testcase classname=\"" << html_escape(c.classname) << "\" name=\"" << html_escape(c.name) << "\"";
    if (!c.file.empty()) out << " file=\"" << html_escape(c.file) << "\"";
    out << " time=\"" << seconds_text(c.seconds) << "\"";
    if (c.outcome.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n      <" << c.outcome;
    if (!c.type.empty()) out << " type=\"" << html_escape(c.type) << "\"";
    out << " message=\"" << html_escape(c.message) << "\"";
    if (c.details.empty()) out << "/>\n";
    else out << ">" << html_escape(c.details) << "</" << c.outcome << ">\n";
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n";
}

}  // namespace

std::string junit_report(const json& results) {
  const json& timings = results.at("timings");
  std::vector<Case> scenarios, blocks, ledger;
  for (const auto& sc : results.at("scenarios")) scenarios.push_back(scenario_case(sc, timings.at("scenarios")));
  for (const auto& b : results.at("exploration").at("blocks")) blocks.push_back(block_case(b, timings.at("exploration_blocks")));
  if (!results.at("ledger").is_null())
    for (const auto& e : results["ledger"].at("entries")) ledger.push_back(ledger_case(results["ledger"], e));

  size_t tests = 0, failures = 0, skipped = 0;
  for (const auto* suite : {&scenarios, &blocks, &ledger})
    for (const auto& c : *suite) {
      ++tests;
      failures += c.outcome == "failure";
      skipped += c.outcome == "skipped";
    }
  const json& impl = results.at("implementation");
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\""
      << html_escape("wnetconf certify " + results.at("vendor").get<std::string>() + ": " + impl.at("name").get<std::string>() +
                     " " + impl.at("version").get<std::string>())
      << "\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"" << skipped << "\" time=\""
      << seconds_text(timings.at("total_seconds").get<double>()) << "\">\n";
  const std::string version = results.value("harness_version", std::string("(unrecorded)"));
  write_suite(out, "scenarios", scenarios, version);
  write_suite(out, "exploration", blocks, version);
  if (!ledger.empty()) write_suite(out, "ledger", ledger, version);
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace wnc
