#include "certify/markdown_report.h"

#include <algorithm>
#include <sstream>

#include "certify/markup.h"
#include "certify/report_text.h"
#include "run/describe.h"

namespace wnc {

namespace {

using nlohmann::json;

std::string m(const std::string& s) { return md_escape(s); }
std::string m(const json& j) { return md_escape(j.is_string() ? j.get<std::string>() : j.dump()); }

std::string verdict_mark(const std::string& cls) { return cls == "pass" ? "✅" : cls == "known" ? "⚠️" : "❌"; }

void requirement_matrix(std::ostream& out, const json& r) {
  out << "## Requirement coverage\n\nA verdict counts only the steps that are about the requirement and that the "
         "implementation's own code decided (docs/attribution.md); diverging steps outside them are set aside.\n\n"
         "| Requirement | Verdict | Scenarios | Steps counted | Set aside | Exploration steps |\n"
         "| --- | --- | --- | ---: | --- | ---: |\n";
  for (const auto& req : r.at("requirements")) {
    out << "| " << m(req.at("id")) << " | " << m(req.at("verdict")) << " | ";
    bool first = true;
    for (const auto& sc : req.at("scenarios")) {
      out << (first ? "" : ", ") << m(sc.at("id"));
      if (sc.at("status") != "passed") out << " (" << m(sc.at("status")) << ")";
      first = false;
    }
    out << " | " << req.value("counted_steps", 0) << " | ";
    first = true;
    for (const auto& ref : req.value("set_aside_steps", json::array())) {
      out << (first ? "" : ", ") << m(ref.at("scenario")) << " @" << ref.at("step").get<int>() << " (" << m(ref.value("why", "")) << ")";
      first = false;
    }
    out << " | " << req.at("exploration_steps").get<long long>() << " |\n";
  }
  out << "\n";
}

void ledger_table(std::ostream& out, const json& r) {
  out << "## Divergence ledger\n\n";
  const json& ledger = r.at("ledger");
  if (ledger.is_null()) {
    out << "No ledger of known divergences was given: every divergence is a failure.\n\n";
    return;
  }
  out << "Vendor ledger " << m(ledger.at("file")) << ".\n\n"
      << "| Line | Scenario or requirement | Step | Observed | Reason | State | Scenarios |\n"
         "| ---: | --- | --- | --- | --- | --- | --- |\n";
  for (const auto& entry : ledger.at("entries")) {
    out << "| " << entry.at("line").get<int>() << " | " << m(entry.value("scenario", entry.value("requirement", std::string("signature"))))
        << " | " << (entry.contains("step") ? std::to_string(entry["step"].get<int>()) : "any") << " | " << m(entry.at("observed"))
        << " | " << m(entry.at("reason")) << " | " << m(entry.at("state")) << " | ";
    bool first = true;
    for (const auto& sc : entry.at("scenarios")) {
      out << (first ? "" : ", ") << m(sc.at("id"));
      first = false;
    }
    out << " |\n";
  }
  out << "\n";
  for (const auto& stale : r.at("summary").at("stale_ledger_entries")) out << "Stale: " << m(stale) << "\n\n";
}

void trace_table(std::ostream& out, const json& sc) {
  out << "| # | Step | Expected (model) | Got (implementation) | Decided by |\n| ---: | --- | --- | --- | --- |\n";
  for (const json* step : report::minimal_trace(sc)) {
    const bool diverged = !step->at("passed").get<bool>();
    out << "| " << step->at("index").get<int>() << (diverged ? " ❌" : "") << " | " << m(step->at("step_text")) << " | "
        << m(step->at("expected")) << " | " << m(step->at("got_text"));
    for (const auto& mm : step->value("mismatches", json::array())) out << "; " << m(mm);
    if (step->contains("agent_output")) out << "; agent output: " << m((*step)["agent_output"]);
    out << " | " << m(step->value("decided_by", "")) << " |\n";
  }
  out << "\n";
}

void failures(std::ostream& out, const json& r) {
  out << "## Failures and known divergences\n\n";
  const auto traced = report::traced_scenarios(r);
  bool any = !traced.empty();
  for (const json* sc : traced) {
    out << "### " << m(sc->at("id")) << " (" << m(sc->at("status")) << ")\n\n"
        << m(sc->at("title")) << ": " << m(sc->at("file")) << "\n\n";
    if (sc->contains("note")) out << "Note: " << m((*sc)["note"]) << "\n\n";
    trace_table(out, *sc);
  }
  for (const auto& b : r.at("exploration").at("blocks")) {
    if (b.at("passed").get<bool>()) continue;
    any = true;
    const std::string seed = std::to_string(b.at("seed").get<std::uint64_t>());
    out << "### Exploration block " << b.at("block").get<int>() << " (failed)\n\n"
        << "Seed " << seed << ", " << counted(b.at("cases").get<int>(), "case") << ". In the bundle's folder, reproduce with `"
        << report::block_reproduce(r, b) << "`";
    if (!b.at("saved_file").get<std::string>().empty())
      out << "; the minimal case is saved as " << m(b["saved_file"]) << ", replayed by `" << report::block_replay(r, b) << "`";
    // A fenced block shows the explorer's words as they are; a longer fence than any run
    // of backticks inside keeps it closed.
    const std::string text = b.at("failure").get<std::string>();
    size_t run = 0, longest = 0;
    for (char c : text) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
    const std::string fence(std::max<size_t>(3, longest + 1), '`');
    out << ".\n\n" << fence << "text\n" << text << (text.empty() || text.back() != '\n' ? "\n" : "") << fence << "\n\n";
    if (!b.at("trace").is_null()) trace_table(out, b["trace"]);
  }
  if (!any) out << "None.\n\n";
}

void code_chart(std::ostream& out, const json& r) {
  const auto bars = report::code_bars(r);
  long long most = 1;
  for (const auto& b : bars) most = std::max(most, b.count);
  out << "## Return-code coverage (exploration)\n\n"
         "Cancels returning each code during the exploration; the seven codes the API page documents come first.\n\n"
         "| Code | Cancels | |\n| --- | ---: | --- |\n";
  constexpr long long kWidth = 40;
  for (const auto& b : bars) {
    std::string bar;
    for (long long i = 0; i < std::max(b.count * kWidth / most, b.count > 0 ? 1LL : 0LL); ++i) bar += "█";
    out << "| " << m(b.code) << (b.documented ? "" : " (undocumented)") << " | " << b.count << " | "
        << (b.count == 0 && b.documented ? "never returned" : bar) << " |\n";
  }
  out << "\n";
}

void scenario_list(std::ostream& out, const json& r) {
  out << "## Scenarios\n\n| Scenario | Status | Covers |\n| --- | --- | --- |\n";
  for (const auto& sc : r.at("scenarios")) {
    out << "| " << m(sc.at("id")) << " | " << m(sc.at("status")) << " | ";
    bool first = true;
    for (const auto& c : sc.at("covers")) {
      out << (first ? "" : ", ") << m(c);
      first = false;
    }
    out << " |\n";
  }
  out << "\n";
}

}  // namespace

std::string markdown_report(const json& r) {
  std::ostringstream out;
  out << "# wnetconf certification: " << m(report::title(r)) << "\n\n"
      << "**Verdict: " << m(r.at("verdict")) << "** " << verdict_mark(report::verdict_class(r)) << "\n\n";
  for (const std::string& why : report::not_conformant_because(r)) out << "- " << m(why) << "\n";
  if (!r.at("conformant").get<bool>()) out << "\n";
  out
      << m(report::counts(r)) << "\n\n" << m(report::settings(r)) << "\n\n";
  requirement_matrix(out, r);
  ledger_table(out, r);
  failures(out, r);
  code_chart(out, r);
  scenario_list(out, r);
  out << "Written by `wnetconf certify`; `wnetconf verify` checks the bundle against its manifest.json.\n";
  return out.str();
}

}  // namespace wnc
