// report.html: one self-contained page (inline CSS and SVG, no scripts, nothing fetched):
// verdict, requirement coverage matrix, divergence ledger, the trace of every failure with
// expected and got side by side, and the exploration's return-code coverage chart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace wnc {

// Rendered from results.json alone; every string in it is escaped.
std::string html_report(const nlohmann::json& results);

}  // namespace wnc
