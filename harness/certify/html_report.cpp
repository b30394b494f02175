#include "certify/html_report.h"

#include <algorithm>
#include <sstream>

#include "certify/markup.h"
#include "certify/report_text.h"
#include "run/describe.h"

namespace wnc {

namespace {

using nlohmann::json;

// Inline only: the page must render from a mail attachment or an air-gapped archive.
constexpr const char* kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1150px;padding:0 16px 40px;color:#1d2327}
h2{border-bottom:1px solid #ccd;padding-bottom:4px;margin-top:32px}
table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border:1px solid #d5d8dc;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f1f3f5}
code,pre{font:12px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
pre{background:#f6f8fa;padding:8px;overflow-x:auto;white-space:pre-wrap}
.verdict{margin:16px 0;padding:16px 20px;border-radius:6px;color:#fff}
.verdict h1{margin:0 0 6px;font-size:26px}
.verdict p{margin:2px 0}
.verdict.pass{background:#1a7f37}.verdict.known{background:#9a6700}.verdict.fail{background:#cf222e}
.badge{display:inline-block;padding:0 6px;margin:1px 2px;border-radius:10px;font-size:12px;white-space:nowrap}
code.id{white-space:nowrap}
.legend{font-size:13px;color:#57606a}
.verdict ul{margin:6px 0 2px;padding-left:20px}
.s-passed,.s-met,.s-matched{background:#dafbe1}
.s-failed,.s-not-met,.s-stale,.s-unexpected-pass{background:#ffd8d3}
.s-known-divergence{background:#fff1c2}
.s-not-supported,.s-not-tested,.s-not-exercised{background:#eaeef2}
tr.diverged td{background:#fff0ee}
.trace td:nth-child(3){background:#f0f7ff}
)";

std::string e(const std::string& s) { return html_escape(s); }
std::string e(const json& j) { return html_escape(j.is_string() ? j.get<std::string>() : j.dump()); }

std::string css_class(const std::string& status) {
  std::string out = "s-" + status;
  std::replace(out.begin(), out.end(), ' ', '-');
  return out;
}

std::string badge(const std::string& text, const std::string& status) {
  return "<span class=\"badge " + css_class(status) + "\">" + e(text) + "</span>";
}

// What each colour of pill says, as the requirement matrix and the scenario lists use them.
void legend(std::ostream& out) {
  out << "<p id=\"legend\" class=\"legend\">Requirements: " << badge("met", "met") << " every scenario covering it passed "
      << badge("not met", "not met") << " one failed or passed unexpectedly " << badge("known divergence", "known divergence")
      << " it diverges as the ledger says " << badge("not tested", "not tested")
      << " no scenario covering it ran. Scenarios: " << badge("passed", "passed") << badge("failed", "failed")
      << badge("known divergence", "known divergence") << " as the ledger says "
      << badge("unexpected pass", "unexpected pass") << " the ledger lists a divergence it no longer shows "
      << badge("not supported", "not supported") << " the implementation cannot run it.</p>\n";
}

void requirement_matrix(std::ostream& out, const json& r) {
  out << "<section id=\"requirements\"><h2>Requirement coverage</h2>\n";
  legend(out);
  out << 
         "<table id=\"requirement-matrix\"><thead><tr><th>Requirement</th><th>Rule</th><th>Verdict</th>"
         "<th>Scenarios</th><th title=\"steps about it that the implementation's own code decided\">Steps counted</th>"
         "<th>Set aside</th><th>Exploration steps</th></tr></thead><tbody>\n";
  for (const auto& req : r.at("requirements")) {
    const std::string verdict = req.at("verdict").get<std::string>();
    out << "<tr><td><code class=\"id\">" << e(req.at("id")) << "</code></td><td>" << e(req.at("rule")) << "</td><td>" << badge(verdict, verdict)
        << "</td><td>";
    for (const auto& sc : req.at("scenarios")) {
      const std::string status = sc.at("status").get<std::string>();
      out << badge(sc.at("id").get<std::string>(), status);
    }
    out << "</td><td>" << req.value("counted_steps", 0) << "</td><td>";
    for (const auto& ref : req.value("set_aside_steps", json::array()))
      out << "<code>" << e(ref.at("scenario")) << "</code> @" << ref.at("step").get<int>() << " (" << e(ref.value("why", "")) << ")<br>";
    out << "</td><td>" << req.at("exploration_steps").get<long long>() << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";
}

void ledger_table(std::ostream& out, const json& r) {
  out << "<section id=\"ledger\"><h2>Divergence ledger</h2>\n";
  const json& ledger = r.at("ledger");
  if (ledger.is_null()) {
    out << "<p>No ledger of known divergences was given: every divergence is a failure.</p></section>\n";
    return;
  }
  out << "<p>Vendor ledger <code>" << e(ledger.at("file")) << "</code>"
      << (ledger.at("vendor").get<std::string>().empty() ? "" : " of " + e(ledger.at("vendor"))) << ".</p>\n"
      << "<table id=\"ledger-table\"><thead><tr><th>Line</th><th>Scenario or requirement</th><th>Step</th><th>Observed</th>"
         "<th>Reason</th><th>State</th><th>Scenarios</th></tr></thead><tbody>\n";
  for (const auto& entry : ledger.at("entries")) {
    const std::string state = entry.at("state").get<std::string>();
    out << "<tr><td>" << entry.at("line").get<int>() << "</td><td><code>"
        << e(entry.value("scenario", entry.value("requirement", std::string("signature")))) << "</code></td><td>"
        << (entry.contains("step") ? std::to_string(entry["step"].get<int>()) : "any") << "</td><td><code>"
        << e(entry.at("observed")) << "</code></td><td>" << e(entry.at("reason")) << "</td><td>" << badge(state, state)
        << "</td><td>";
    for (const auto& sc : entry.at("scenarios")) out << badge(sc.at("id").get<std::string>(), sc.at("status").get<std::string>());
    out << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
  for (const auto& stale : r.at("summary").at("stale_ledger_entries")) out << "<p>Stale: " << e(stale) << "</p>\n";
  out << "</section>\n";
}

void trace_table(std::ostream& out, const json& sc) {
  out << "<table class=\"trace\"><thead><tr><th>#</th><th>Step</th><th>Expected (model)</th><th>Got (implementation)</th>"
         "<th>Decided by</th></tr></thead><tbody>\n";
  for (const json* step : report::minimal_trace(sc)) {
    const bool diverged = !step->at("passed").get<bool>();
    out << "<tr" << (diverged ? " class=\"diverged\"" : "") << "><td>" << step->at("index").get<int>() << "</td><td><code>"
        << e(step->at("step_text")) << "</code></td><td>" << e(step->at("expected")) << "</td><td>" << e(step->at("got_text"));
    for (const auto& m : step->value("mismatches", json::array())) out << "<br>&#10007; " << e(m);
    if (step->contains("agent_output")) out << "<pre>" << e((*step)["agent_output"]) << "</pre>";
    out << "</td><td>" << e(step->value("decided_by", "")) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void failures(std::ostream& out, const json& r) {
  out << "<section id=\"failures\"><h2>Failures and known divergences</h2>\n";
  const auto traced = report::traced_scenarios(r);
  bool any = !traced.empty();
  for (const json* sc : traced) {
    const std::string status = sc->at("status").get<std::string>();
    out << "<article class=\"failure\"><h3><code class=\"id\">" << e(sc->at("id")) << "</code> " << badge(status, status) << "</h3>\n<p>"
        << e(sc->at("title")) << " &mdash; <code>" << e(sc->at("file")) << "</code></p>\n";
    if (sc->contains("note")) out << "<p>" << e((*sc)["note"]) << "</p>\n";
    trace_table(out, *sc);
    out << "</article>\n";
  }
  for (const auto& b : r.at("exploration").at("blocks")) {
    if (b.at("passed").get<bool>()) continue;
    any = true;
    out << "<article class=\"failure\"><h3>Exploration block " << b.at("block").get<int>() << " "
        << badge("failed", "failed") << "</h3>\n<p>Seed " << b.at("seed").get<std::uint64_t>() << ", "
        << counted(b.at("cases").get<int>(), "case") << ". In the bundle's folder, reproduce with <code class=\"reproduce\">"
        << e(report::block_reproduce(r, b)) << "</code>";
    if (!b.at("saved_file").get<std::string>().empty())
      out << "; the minimal case is saved as <code>" << e(b["saved_file"]) << "</code>, replayed by <code class=\"replay\">"
          << e(report::block_replay(r, b)) << "</code>";
    out << ".</p>\n<pre>" << e(b.at("failure")) << "</pre>\n";
    if (!b.at("trace").is_null()) trace_table(out, b["trace"]);
    out << "</article>\n";
  }
  if (!any) out << "<p>None.</p>\n";
  out << "</section>\n";
}

void code_chart(std::ostream& out, const json& r) {
  const auto bars = report::code_bars(r);
  long long most = 1;
  for (const auto& b : bars) most = std::max(most, b.count);
  constexpr int kLabel = 300, kBar = 560, kRow = 26;
  const int height = static_cast<int>(bars.size()) * kRow + 10;
  out << "<section id=\"coverage\"><h2>Return-code coverage (exploration)</h2>\n"
         "<p>Cancels returning each code during the exploration; the seven codes the API page documents come first, "
         "and a documented code never returned is drawn in red.</p>\n"
      << "<svg id=\"code-chart\" width=\"" << kLabel + kBar + 80 << "\" height=\"" << height
      << "\" role=\"img\" aria-label=\"cancel return codes\">\n";
  for (size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = static_cast<int>(i) * kRow + 4;
    const int width = static_cast<int>(b.count * kBar / most);
    const char* colour = b.count == 0 ? "#cf222e" : b.documented ? "#0969da" : "#8c959f";
    out << "<text x=\"" << kLabel - 8 << "\" y=\"" << y + 16 << "\" text-anchor=\"end\" font-size=\"12\" font-family=\"monospace\">"
        << e(b.code) << "</text><rect x=\"" << kLabel << "\" y=\"" << y << "\" width=\"" << std::max(width, 2) << "\" height=\""
        << kRow - 6 << "\" fill=\"" << colour << "\"/><text x=\"" << kLabel + std::max(width, 2) + 6 << "\" y=\"" << y + 16
        << "\" font-size=\"12\">" << b.count << "</text>\n";
  }
  out << "</svg></section>\n";
}

void scenario_list(std::ostream& out, const json& r) {
  out << "<section id=\"scenarios\"><h2>Scenarios</h2>\n<table><thead><tr><th>Scenario</th><th>Status</th><th>Covers</th>"
         "</tr></thead><tbody>\n";
  for (const auto& sc : r.at("scenarios")) {
    const std::string status = sc.at("status").get<std::string>();
    out << "<tr><td><code class=\"id\">" << e(sc.at("id")) << "</code></td><td>" << badge(status, status) << "</td><td>";
    for (const auto& c : sc.at("covers")) out << "<code>" << e(c) << "</code> ";
    out << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";
}

}  // namespace

std::string html_report(const json& r) {
  std::ostringstream out;
  const std::string verdict = r.at("verdict").get<std::string>();
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>wnetconf certification: " << e(report::title(r)) << "</title>\n<style>" << kStyle << "</style></head><body>\n"
      << "<header id=\"verdict\" class=\"verdict " << report::verdict_class(r) << "\"><h1>Verdict: " << e(verdict) << "</h1>\n";
  if (const auto why = report::not_conformant_because(r); !why.empty()) {
    out << "<ul id=\"not-conformant-because\">";
    for (const std::string& reason : why) out << "<li>" << e(reason) << "</li>";
    out << "</ul>\n";
  }
  out << "<p>" << e(report::title(r)) << "</p><p>" << e(report::counts(r)) << "</p><p>" << e(report::settings(r))
      << "</p></header>\n";
  requirement_matrix(out, r);
  ledger_table(out, r);
  failures(out, r);
  code_chart(out, r);
  scenario_list(out, r);
  out << "<footer><p>Written by <code>wnetconf certify</code>; <code>wnetconf verify</code> checks this bundle against its "
         "manifest.json.</p></footer>\n</body></html>\n";
  return out.str();
}

}  // namespace wnc
