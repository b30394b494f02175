// Throughput on the corpus's own step mix: the model alone, and the runner end to end.
#include <benchmark/benchmark.h>

#include "model_sut.h"
#include "reference_model.h"
#include "run/runner.h"
#include "scenario/scenario_loader.h"

namespace wnc {
namespace {

const std::vector<Scenario>& corpus() {
  static const std::vector<Scenario> all = load_scenarios({WNETCONF_SCENARIOS});
  return all;
}

// Target: at least 1,000,000 steps/s on one core.
void BM_ModelSteps(benchmark::State& state) {
  long long steps = 0;
  for (auto _ : state) {
    for (const auto& sc : corpus()) {
      model::State world = model::initial_state(sc.setup);
      for (const auto& st : sc.steps) benchmark::DoNotOptimize(model::apply(world, st.step));
      steps += static_cast<long long>(sc.steps.size());
    }
  }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ModelSteps)->Unit(benchmark::kMillisecond);

void BM_RunnerScenarios(benchmark::State& state) {
  auto sut = make_model_sut();
  long long scenarios = 0;
  for (auto _ : state) {
    RunReport r = run_scenarios(*sut, corpus(), nullptr);
    scenarios += static_cast<long long>(r.outcomes.size());
  }
  state.counters["scenarios/s"] = benchmark::Counter(static_cast<double>(scenarios), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_RunnerScenarios)->Unit(benchmark::kMillisecond);


}  // namespace
}  // namespace wnc
