#include "certify/results_reader.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "certify/results_document.h"
#include "protocol/json_codec.h"
#include "vocabulary/input_error.h"

namespace wnc {

namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& why) { throw InputError("cannot merge: " + why); }

// The runner's own judgement, before the ledger: the ledger is applied again to the whole.
Status unjudged(const std::string& name, std::string& note) {
  if (name == "passed") return Status::Passed;
  if (name == "failed") return Status::Failed;
  if (name == "not supported") return Status::NotSupported;
  note.clear();  // the ledger wrote it, and will again
  if (name == "known divergence") return Status::Failed;
  if (name == "unexpected pass") return Status::Passed;
  fail("unknown status '" + name + "'");
}

ScenarioOutcome outcome_from_json(const json& j, const Scenario& sc, const json& timings) {
  ScenarioOutcome o;
  o.scenario = &sc;
  o.note = j.value("note", "");
  o.status = unjudged(j.at("status").get<std::string>(), o.note);
  for (const auto& s : j.at("steps")) {
    StepRecord rec;
    rec.index = s.at("index").get<size_t>() - 1;
    if (!s.at("got").is_null()) rec.got = result_from_json(s.at("got"));
    rec.mismatches = s.value("mismatches", std::vector<std::string>{});
    rec.failure = s.value("agent_output", "");
    rec.debug_trace = s.value("debug_trace", "");
    if (j.contains("first_divergence") && j["first_divergence"].get<size_t>() == rec.index + 1 && !o.first_divergence)
      o.first_divergence = o.steps.size();
    o.steps.push_back(std::move(rec));
  }
  o.seconds = timings.value(sc.id, 0.0);
  return o;
}

ExplorationBlock block_from_json(const json& j, const json& timings) {
  ExplorationBlock b;
  b.slice = {j.at("block").get<int>(), j.at("seed").get<std::uint64_t>(), j.at("cases").get<int>()};
  ExploreReport& r = b.report;
  r.seed = b.slice.seed;
  r.passed = j.at("passed").get<bool>();
  r.cases = j.at("cases_run").get<int>();
  r.steps = j.at("steps").get<long long>();
  r.shrunk_length = j.at("shrunk_length").get<int>();
  r.saved_file = j.at("saved_file").get<std::string>();
  r.failure = j.at("failure").get<std::string>();
  r.reproduce = j.at("reproduce").get<std::string>();
  if (j.contains("known"))  // bundles before ledger-aware exploration have none
    for (const auto& k : j.at("known"))
      r.known.push_back({k.at("signature").get<std::string>(), k.at("cases").get<long long>(), k.at("first_case").get<int>(),
                         k.at("entry").get<std::string>(), ""});
  r.cancel_codes = j.at("cancel_codes").get<std::map<std::string, long long>>();
  r.requirements = j.at("requirements").get<std::map<std::string, long long, std::less<>>>();
  r.seconds = timings.value(std::to_string(b.slice.block), 0.0);
  b.trace = j.at("trace");
  return b;
}

}  // namespace

CertifySettings settings_from_results(const json& doc) {
  return reading_results([&] {
    CertifySettings s;
    s.vendor = doc.at("vendor").get<std::string>();
    s.sut = doc.at("sut").get<std::string>();
    s.seed = doc.at("exploration").at("seed").get<std::uint64_t>();
    s.cases = doc.at("exploration").at("cases").get<int>();
    s.max_steps = doc.at("exploration").at("max_steps").get<int>();
    s.shard = {doc.at("shard").at("index").get<int>(), doc.at("shard").at("total").get<int>()};
    return s;
  });
}

Certification certification_from_results(const std::vector<json>& docs, std::shared_ptr<const std::vector<Scenario>> corpus,
                                          std::optional<Ledger> ledger, const Hello& hello) {
  return reading_results([&] {
    if (docs.empty()) fail("no results");
    Certification c;
    c.settings = settings_from_results(docs.front());
    std::set<int> shards;
    for (const auto& doc : docs) {
      if (doc.value("schema", "") != kResultsSchema) fail("a results document is not " + std::string(kResultsSchema));
      CertifySettings s = settings_from_results(doc);
      if (s.vendor != c.settings.vendor || s.sut != c.settings.sut || s.seed != c.settings.seed ||
          s.cases != c.settings.cases || s.max_steps != c.settings.max_steps || s.shard.total != c.settings.shard.total)
        fail("the bundles are not shards of one certification (vendor, sut, seed, cases or shard count differ)");
      if (!shards.insert(s.shard.index).second) fail("shard " + s.shard.text() + " is given twice");
    }
    if (static_cast<int>(shards.size()) != c.settings.shard.total)
      fail(std::to_string(shards.size()) + " of " + std::to_string(c.settings.shard.total) + " shards given");
    c.settings.shard = {};
    c.corpus = std::move(corpus);
    c.ledger = std::move(ledger);
    c.run.hello = hello;

    for (const auto& doc : docs) {
      const json& timings = doc.at("timings");
      for (const auto& j : doc.at("scenarios")) {
        const std::string id = j.at("id").get<std::string>();
        auto it = std::lower_bound(c.corpus->begin(), c.corpus->end(), id,
                                   [](const Scenario& s, const std::string& v) { return s.id < v; });
        if (it == c.corpus->end() || it->id != id) fail("scenario " + id + " is not in the corpus");
        c.run.outcomes.push_back(outcome_from_json(j, *it, timings.at("scenarios")));
      }
      for (const auto& j : doc.at("exploration").at("blocks"))
        c.exploration.push_back(block_from_json(j, timings.at("exploration_blocks")));
    }
    std::sort(c.run.outcomes.begin(), c.run.outcomes.end(),
              [](const ScenarioOutcome& a, const ScenarioOutcome& b) { return a.scenario->id < b.scenario->id; });
    std::sort(c.exploration.begin(), c.exploration.end(),
              [](const ExplorationBlock& a, const ExplorationBlock& b) { return a.slice.block < b.slice.block; });
    for (size_t i = 1; i < c.run.outcomes.size(); ++i)
      if (c.run.outcomes[i].scenario == c.run.outcomes[i - 1].scenario) fail("scenario " + c.run.outcomes[i].scenario->id + " ran in two shards");
    if (c.run.outcomes.size() != c.corpus->size()) fail("the shards did not run the whole corpus");
    if (static_cast<int>(c.exploration.size()) != explore_block_count(c.settings.cases))
      fail("the shards did not run every exploration block");
    if (c.ledger) apply_ledger(c.run, *c.ledger);
    return c;
  });
}

}  // namespace wnc
