#include "certify/certify_run.h"

#include <algorithm>

#include "certify/bundle.h"
#include "certify/progress.h"
#include "certify/results_document.h"
#include "explore/reproduce.h"
#include "scenario/scenario_loader.h"

namespace wnc {

namespace {

const Scenario& in_corpus(const std::vector<Scenario>& corpus, const std::string& id) {
  auto it = std::lower_bound(corpus.begin(), corpus.end(), id, [](const Scenario& s, const std::string& v) { return s.id < v; });
  return *it;
}

void run_corpus(Sut& sut, const CertifyRequest& req, Certification& c) {
  const std::vector<Scenario> mine = shard(*req.corpus, req.settings.shard);
  std::optional<ProgressMeter> meter;
  if (req.progress) meter.emplace("scenarios", mine.size(), *req.progress);
  c.run = run_scenarios(sut, mine, req.ledger ? &*req.ledger : nullptr,
                        [&](const ScenarioOutcome& o, size_t done, size_t) {
                          if (meter) meter->tick(done, o.scenario->id);
                        });
  // `mine` holds copies; the certification outlives them and points into the corpus.
  for (auto& o : c.run.outcomes) o.scenario = &in_corpus(*req.corpus, o.scenario->id);
  // A shard sees only some of the scenarios a requirement entry may explain: whether the
  // entry has gone stale is judged when the shards are merged.
  if (req.settings.shard.partial()) c.run.stale_ledger_entries.clear();
}

// The saved failing case, run again, gives its trace: the model's results as expectations
// beside the implementation's.
nlohmann::json failing_trace(Sut& sut, const Hello& hello, const std::filesystem::path& file, const std::string& relative) {
  Scenario sc = load_scenario(file);
  sc.file = relative;
  return scenario_json(run_scenario(sut, hello, sc));
}

void run_exploration(Sut& sut, const CertifyRequest& req, const ExploreFn& explore, Certification& c) {
  std::optional<ProgressMeter> meter;
  if (req.progress)
    meter.emplace("exploration blocks", explore_slices(req.settings.seed, req.settings.cases, req.settings.shard).size(),
                  *req.progress);
  ExploreOptions whole;
  whole.seed = req.settings.seed;
  whole.cases = req.settings.cases;
  whole.max_steps = req.settings.max_steps;
  whole.save_dir = (req.bundle / kExplorationDir).string();
  whole.label = "certify";
  whole.ledger = req.ledger ? &*req.ledger : nullptr;  // what it explains is known, and the block goes on
  std::ostream no_log(nullptr);  // the explorer logs only in verbose mode, which certify does not use
  // A block's saved case names the command that explores that block alone, from the bundle's folder.
  const ExploreFn explore_block = [&](Sut& s, const ExploreOptions& block, std::ostream& log) {
    ExploreOptions named = block;
    named.command = explore_command({sut_flags_of_label(req.settings.sut), block.seed, block.cases, block.max_steps, false,
                                     req.ledger ? bundle_file::kLedger : ""});
    return explore(s, named, log);
  };
  explore_blocks(sut, whole, req.settings.shard, no_log, explore_block,
                 {nullptr, [&](const ExploreSlice& slice, ExploreReport report) {
                    ExplorationBlock block{slice, std::move(report), nullptr};
                    if (!block.report.saved_file.empty()) {
                      const std::filesystem::path saved = block.report.saved_file;
                      block.report.saved_file = std::string(kExplorationDir) + "/" + saved.filename().string();
                      try {
                        block.trace = failing_trace(sut, c.run.hello, saved, block.report.saved_file);
                      } catch (const ScenarioError& e) {  // the failure stays reported, only its trace is lost
                        block.report.failure += "\n(the saved case cannot be run again: " + e.message() + ")\n";
                      }
                    }
                    c.exploration.push_back(std::move(block));
                    if (meter) meter->tick(c.exploration.size(), "block " + std::to_string(slice.block));
                    return true;
                  }});
}

}  // namespace

Certification run_certification(Sut& sut, const CertifyRequest& req, const ExploreFn& explore) {
  Certification c;
  c.settings = req.settings;
  c.corpus = req.corpus;
  c.ledger = req.ledger;
  run_corpus(sut, req, c);
  run_exploration(sut, req, explore, c);
  return c;
}

}  // namespace wnc
