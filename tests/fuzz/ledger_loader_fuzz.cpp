// Fuzzes the ledger loader (harness/run/ledger.*, `--expect`): any text is a ledger or a
// ScenarioError, and every divergence it holds is one the runner can use.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "run/ledger.h"
#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const wnc::Ledger ledger = wnc::parse_ledger(text, "fuzz-ledger.yaml");
    for (const auto& d : ledger.divergences) {
      FUZZ_CHECK(d.scenario.empty() + d.requirement.empty() + d.signature.empty() == 2);
      FUZZ_CHECK(d.cause.empty() || std::any_of(ledger.causes.begin(), ledger.causes.end(),
                                                [&](const wnc::Cause& c) { return c.id == d.cause; }));
      FUZZ_CHECK(!d.step || (*d.step >= 1 && *d.step <= static_cast<int>(wnc::limits::kMaxSteps)));
      FUZZ_CHECK(d.line >= 1);
    }
  } catch (const wnc::ScenarioError&) {
  }
  return 0;
}
