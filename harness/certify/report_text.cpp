#include "certify/report_text.h"

#include "certify/bundle.h"
#include "certify/results_document.h"
#include "explore/reproduce.h"
#include "run/describe.h"
#include "vocabulary/codes.h"

namespace wnc::report {

using nlohmann::json;

std::string title(const json& r) {
  const json& impl = r.at("implementation");
  const std::string sut = r.at("sut").get<std::string>(), mutant = "sim --mutant ";
  return r.at("vendor").get<std::string>() + ": " + impl.at("name").get<std::string>() + " " +
         impl.at("version").get<std::string>() + " (" + impl.at("platform").get<std::string>() + ")" +
         (sut.rfind(mutant, 0) == 0 ? ", mutant " + sut.substr(mutant.size()) : "");
}

std::string verdict_class(const json& r) {
  if (!r.at("conformant").get<bool>()) return "fail";
  return r.at("summary").at("known_divergences").get<size_t>() ? "known" : "pass";
}

std::string counts(const json& r) {
  const json& s = r.at("summary");
  auto n = [&](const char* key) { return s.at(key).get<long long>(); };
  std::string out = counted(n("scenarios"), "scenario") + ": " + std::to_string(n("passed")) + " passed, " +
                    std::to_string(n("failed")) + " failed, " + counted(n("known_divergences"), "known divergence") + ", " +
                    counted(n("unexpected_passes"), "unexpected pass", "unexpected passes") + ", " +
                    std::to_string(n("not_supported")) + " not supported";
  const json& e = r.at("exploration");
  out += "; exploration: " + counted(e.at("cases_run").get<long long>(), "case") + ", " +
         counted(e.at("steps").get<long long>(), "step") + ", " + (e.at("passed").get<bool>() ? "no divergence" : "DIVERGED");
  return out;
}

std::string settings(const json& r) {
  const json& e = r.at("exploration");
  const json& shard = r.at("shard");
  std::string out = "wnetconf " + r.value("harness_version", std::string("(unrecorded)")) + ", --sut " +
                    r.at("sut").get<std::string>() + ", model " + r.at("model_version").get<std::string>() +
                    ", exploration seed " + std::to_string(e.at("seed").get<std::uint64_t>()) + ", " +
                    counted(e.at("cases").get<int>(), "case") + " of at most " +
                    counted(e.at("max_steps").get<int>(), "step");
  if (shard.at("total").get<int>() > 1)
    out += ", shard " + std::to_string(shard.at("index").get<int>()) + "/" + std::to_string(shard.at("total").get<int>()) +
           " (partial: merge the shards for the verdict)";
  return out;
}

std::vector<std::string> not_conformant_because(const json& r) {
  if (r.at("conformant").get<bool>()) return {};
  const json& s = r.at("summary");
  auto n = [&](const char* key) { return s.at(key).get<long long>(); };
  std::vector<std::string> why;
  if (n("failed")) why.push_back(counted(n("failed"), "scenario") + " failed");
  if (n("unexpected_passes"))
    why.push_back(counted(n("unexpected_passes"), "scenario") + " passed although the ledger lists a divergence");
  if (!s.at("stale_ledger_entries").empty())
    why.push_back(counted(static_cast<long long>(s.at("stale_ledger_entries").size()), "ledger entry", "ledger entries") +
                  " explained nothing (stale)");
  long long diverged = 0;
  for (const auto& b : r.at("exploration").at("blocks")) diverged += !b.at("passed").get<bool>();
  if (diverged) why.push_back("the exploration diverged in " + counted(diverged, "block"));
  if (n("not_supported") == n("scenarios")) why.push_back("nothing was tested: the implementation supports no scenario");
  bool tested = false;
  for (const auto& req : r.at("requirements")) tested = tested || req.at("verdict") != "not tested";
  if (!tested && n("not_supported") < n("scenarios")) why.push_back("no requirement was tested");
  return why;
}

std::string block_reproduce(const json& r, const json& b) {
  return explore_command({sut_flags_of_label(r.at("sut").get<std::string>()), b.at("seed").get<std::uint64_t>(),
                          b.at("cases").get<int>(), r.at("exploration").at("max_steps").get<int>(), false,
                          r.at("ledger").is_null() ? "" : bundle_file::kLedger});
}

std::string block_replay(const json& r, const json& b) {
  return "wnetconf replay " + shell_word(b.at("saved_file").get<std::string>()) + " " +
         sut_flags_of_label(r.at("sut").get<std::string>());
}

std::vector<const json*> traced_scenarios(const json& r) {
  std::vector<const json*> out;
  for (const char* status : {"failed", "unexpected pass", "known divergence"})
    for (const auto& sc : r.at("scenarios"))
      if (sc.at("status") == status) out.push_back(&sc);
  return out;
}

std::vector<const json*> minimal_trace(const json& sc) {
  std::vector<const json*> out;
  const json* last = first_diverging_step(sc);
  for (const auto& step : sc.at("steps")) {
    out.push_back(&step);
    if (&step == last) break;
  }
  return out;
}

std::vector<CodeBar> code_bars(const json& r) {
  const json& hits = r.at("exploration").at("cancel_codes");
  std::vector<CodeBar> out;
  for (Code c : seed_cancel_codes()) {
    const std::string name = code_name(c);
    out.push_back({name, hits.value(name, 0LL), true});
  }
  for (const auto& [name, n] : hits.items()) {
    bool seen = false;
    for (const auto& bar : out) seen = seen || bar.code == name;
    if (!seen) out.push_back({name, n.get<long long>(), false});
  }
  return out;
}

}  // namespace wnc::report
