// Throughput through the SUT interface: the sim in-process, the sim behind the stdio
// agent, and exploration against each. Targets: stdio agent >= 20,000 steps/s; explore
// in-process >= 100,000 steps/s on one core.
#include <benchmark/benchmark.h>

#include <sstream>

#include "agent/process_sut.h"
#include "explore/explorer.h"
#include "model_sut.h"
#include "scenario/scenario_loader.h"
#include "sim/sim_sut.h"

namespace wnc {
namespace {

ExploreOptions bench_options(int cases) {
  ExploreOptions o;
  o.seed = 42;
  o.cases = cases;
  o.save_dir = "";  // a divergence here is a bug in the bench, not a case to keep
  o.label = "bench";
  return o;
}

const std::vector<Scenario>& corpus() {
  static const std::vector<Scenario> all = load_scenarios({WNETCONF_SCENARIOS});
  return all;
}

std::unique_ptr<Sut> stdio_agent() {
  ProcessSutOptions options;
  options.command = std::string(WNETCONF_BINARY) + " agent --sut sim";
  return make_process_sut(options);
}

// The corpus's step mix, reset per scenario, as the runner drives it.
void corpus_steps(benchmark::State& state, Sut& sut) {
  long long steps = 0;
  for (auto _ : state)
    for (const auto& sc : corpus()) {
      sut.reset(sc.setup);
      for (const auto& st : sc.steps) benchmark::DoNotOptimize(sut.step(st.step));
      steps += static_cast<long long>(sc.steps.size());
    }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}

void BM_SimSteps(benchmark::State& state) {
  auto sut = make_sim_sut();
  corpus_steps(state, *sut);
}
BENCHMARK(BM_SimSteps)->Unit(benchmark::kMillisecond);

void BM_StdioAgentSteps(benchmark::State& state) {
  auto sut = stdio_agent();
  corpus_steps(state, *sut);
  sut->bye();
}
BENCHMARK(BM_StdioAgentSteps)->Unit(benchmark::kMillisecond)->UseRealTime();

// One cheap step: what the protocol adds per step, compared with BM_SimDrives.
void BM_SimDrives(benchmark::State& state) {
  auto sut = make_sim_sut();
  sut->reset(Setup{});
  for (auto _ : state) benchmark::DoNotOptimize(sut->step(DrivesStep{kSystemLogon}));
}
BENCHMARK(BM_SimDrives)->Unit(benchmark::kMicrosecond);

void BM_StdioAgentDrives(benchmark::State& state) {
  auto sut = stdio_agent();
  sut->reset(Setup{});
  for (auto _ : state) benchmark::DoNotOptimize(sut->step(DrivesStep{kSystemLogon}));
  sut->bye();
}
BENCHMARK(BM_StdioAgentDrives)->Unit(benchmark::kMicrosecond)->UseRealTime();

void explore_rate(benchmark::State& state, Sut& sut, int cases) {
  long long steps = 0;
  for (auto _ : state) {
    std::ostringstream log;
    ExploreReport r = explore(sut, bench_options(cases), log);
    if (!r.passed) state.SkipWithError("exploration diverged");
    steps += r.steps;
  }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}

// The explorer's own overhead: the model on both sides.
void BM_ExploreModelVsModel(benchmark::State& state) {
  auto sut = make_model_sut();
  explore_rate(state, *sut, 500);
}
BENCHMARK(BM_ExploreModelVsModel)->Unit(benchmark::kMillisecond);

void BM_ExploreModelVsSim(benchmark::State& state) {
  auto sut = make_sim_sut();
  explore_rate(state, *sut, 500);
}
BENCHMARK(BM_ExploreModelVsSim)->Unit(benchmark::kMillisecond);

void BM_ExploreModelVsStdioAgent(benchmark::State& state) {
  auto sut = stdio_agent();
  explore_rate(state, *sut, 100);
  sut->bye();
}
BENCHMARK(BM_ExploreModelVsStdioAgent)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace wnc
