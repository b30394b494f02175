// report.md: report.html's content as Markdown, for repositories (reports/) and reviews.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace wnc {

// Rendered from results.json alone, less its timings, so equal runs give equal reports.
std::string markdown_report(const nlohmann::json& results);

}  // namespace wnc
