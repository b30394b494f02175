// junit.xml: what CI dashboards read. One testcase per scenario, per exploration block and
// per ledger entry; a failure carries the first diverging step, expected vs got.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace wnc {

// Rendered from results.json alone.
std::string junit_report(const nlohmann::json& results);

}  // namespace wnc
