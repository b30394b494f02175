// What report.html and report.md both say, worded once: titles, counts, which scenarios
// need a trace, and the return-code chart's rows.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace wnc::report {

std::string title(const nlohmann::json& results);         // "Acme: wine-agent 1.0 (Wine 8.0)[, mutant M]"
std::string verdict_class(const nlohmann::json& results); // "pass", "known" or "fail"
std::string counts(const nlohmann::json& results);         // "99 scenarios: 97 passed, ..."
std::string settings(const nlohmann::json& results);       // sut, model, seed, cases, shard
// Why the bundle is not conformant, one reason each ("2 scenarios failed", ...); empty when it is.
std::vector<std::string> not_conformant_because(const nlohmann::json& results);

// The command that explores a block alone and the one that replays its saved case, both to be
// run in the bundle's folder (where its ledger.yaml is).
std::string block_reproduce(const nlohmann::json& results, const nlohmann::json& block);
std::string block_replay(const nlohmann::json& results, const nlohmann::json& block);

// Scenarios whose trace the report shows: failures first, then known divergences.
std::vector<const nlohmann::json*> traced_scenarios(const nlohmann::json& results);

// The steps up to and including the first diverging one (all steps when none diverged).
std::vector<const nlohmann::json*> minimal_trace(const nlohmann::json& scenario);

struct CodeBar {
  std::string code;
  long long count = 0;
  bool documented = false;  // one of the seven codes the seed page documents
};
// The documented return codes first (hit or not), then any other code cancel returned.
std::vector<CodeBar> code_bars(const nlohmann::json& results);

}  // namespace wnc::report
