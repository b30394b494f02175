// Throughput through the SUT interface: the sim in-process, the sim behind the stdio
// agent, and exploration against each (docs/benchmarks.md has the targets).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>
#include <sstream>

#include "agent/process_sut.h"
#include "explore/explorer.h"
#include "model_sut.h"
#include "reference_model.h"
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

double seconds_of(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// The ratios of issue 11, each iteration measuring all three rates back to back by one clock
// (wall time: the agent's work is another process's), reported as medians over iterations:
// exploration model-vs-sim over the model's own steps/s, and exploration through the stdio
// agent (pipelined) over exploration in-process.
void BM_ExploreRatios(benchmark::State& state) {
  auto sim = make_sim_sut();
  auto agent = stdio_agent();
  std::vector<double> model_rate, explore_rate, stdio_rate, explore_pct, stdio_pct;
  for (auto _ : state) {
    long long model_steps = 0, explore_steps = 0, stdio_steps = 0;
    const double model_s = seconds_of([&] {
      for (int i = 0; i < 20; ++i)
        for (const auto& sc : corpus()) {
          model::State world = model::initial_state(sc.setup);
          for (const auto& st : sc.steps) benchmark::DoNotOptimize(model::apply(world, st.step));
          model_steps += static_cast<long long>(sc.steps.size());
        }
    });
    std::ostringstream log;
    const double explore_s = seconds_of([&] { explore_steps = explore(*sim, bench_options(500), log).steps; });
    const double stdio_s = seconds_of([&] { stdio_steps = explore(*agent, bench_options(500), log).steps; });
    model_rate.push_back(static_cast<double>(model_steps) / model_s);
    explore_rate.push_back(static_cast<double>(explore_steps) / explore_s);
    stdio_rate.push_back(static_cast<double>(stdio_steps) / stdio_s);
    explore_pct.push_back(100 * explore_rate.back() / model_rate.back());
    stdio_pct.push_back(100 * stdio_rate.back() / explore_rate.back());
  }
  agent->bye();
  state.counters["model_steps/s"] = median(model_rate);
  state.counters["explore_steps/s"] = median(explore_rate);
  state.counters["stdio_explore_steps/s"] = median(stdio_rate);
  state.counters["explore_vs_model_%"] = median(explore_pct);
  state.counters["stdio_vs_inprocess_%"] = median(stdio_pct);
}
BENCHMARK(BM_ExploreRatios)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace wnc
