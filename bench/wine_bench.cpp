// Issue 5.7: throughput through the Wine agent, against a plain loop of the same API calls in
// one Wine process, and the cost of `reset`. Needs wine and the cross-built agent; built only
// when both were found at configure time (bench/CMakeLists.txt).
//
//   build-wine/bench/wnetconf_wine_bench [--benchmark_repetitions=N ...]
//
// One prefix for the whole run (~15 s to make, reported on stderr, outside every timing), under
// the bench's own build directory so that it never clashes with `wnetconf run --sut wine`.
// The step mix, the same in both modes: add Z: -> \\fs1\docs, drives, get_connection Z:,
// query_dos_device Z:, cancel Z: (W, no force), last_error. Times are wall-clock (UseRealTime
// or manual): the work happens in Wine's processes, not in this one.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "explore/explorer.h"
#include "run/ledger.h"
#include "wine/host_tool.h"
#include "wine/wine_sut.h"

namespace wnc {
namespace {

WineSutOptions bench_options() {
  WineSutOptions options = default_wine_sut_options();
  options.prefix_dir = WNETCONF_WINE_BENCH_PREFIX;
  return options;
}

Setup one_logon() {
  Setup setup;
  setup.logons["alice"].user = "alice";
  return setup;
}

const std::string kAlice = "alice";
const std::string kZ = "Z:";

AddStep add_z() { return AddStep{kAlice, kZ, R"(\\fs1\docs)", ResourceType::Disk, false}; }
CancelStep cancel_z() {
  CancelStep s;
  s.as = kAlice;
  s.name = kZ;
  return s;
}

const std::vector<Step>& step_mix() {
  static const std::vector<Step> mix = {add_z(),        DrivesStep{kAlice},  GetConnectionStep{kAlice, kZ},
                                        QueryDosDeviceStep{kAlice, kZ}, cancel_z(), LastErrorStep{kAlice}};
  return mix;
}

// The prefix and agent, made on first use; `why` says why they cannot be.
struct Wine {
  std::unique_ptr<Sut> sut;
  std::string why;
};

std::unique_ptr<Wine> g_wine;

Wine& wine() {
  if (g_wine) return *g_wine;
  g_wine = std::make_unique<Wine>();
  WineSutOptions options = bench_options();
  g_wine->why = wine_sut_unavailable(options);
  if (!g_wine->why.empty()) return *g_wine;
  auto start = std::chrono::steady_clock::now();
  try {
    g_wine->sut = make_wine_sut(options);
    g_wine->sut->reset(one_logon());
  } catch (const std::exception& e) {
    g_wine->sut.reset();
    g_wine->why = std::string("the Wine SUT could not start: ") + e.what();
    return *g_wine;
  }
  std::fprintf(stderr, "[ wine ] prefix made and agent started in %.1f s; %s\n",
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
               g_wine->sut->hello().platform.c_str());
  return *g_wine;
}

// Runs one step; false (and the benchmark skipped with the reason) when it did not give `want`.
bool step_ok(benchmark::State& state, const Step& step, std::optional<Code> want) {
  Result r = wine().sut->step(step);
  if (r.unsupported) {
    state.SkipWithError(("unsupported: " + *r.unsupported).c_str());
    return false;
  }
  if (want && r.rc != *want) {
    state.SkipWithError((std::string(step_kind(step)) + " gave rc " + std::to_string(r.rc)).c_str());
    return false;
  }
  return true;
}

bool ready(benchmark::State& state) {
  if (wine().sut) return true;
  state.SkipWithError(wine().why.c_str());
  return false;
}

// The mix through the harness: host -> JSON line -> agent under Wine -> API -> back.
void BM_AgentStepMix(benchmark::State& state) {
  if (!ready(state)) return;
  long long steps = 0;
  for (auto _ : state) {
    for (const Step& s : step_mix()) {
      // add and cancel must really connect and disconnect, or the mix measures nothing.
      std::optional<Code> want;
      if (std::holds_alternative<AddStep>(s) || std::holds_alternative<CancelStep>(s)) want = code::kNoError;
      if (!step_ok(state, s, want)) return;
    }
    steps += static_cast<long long>(step_mix().size());
  }
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(steps), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AgentStepMix)->Unit(benchmark::kMillisecond)->UseRealTime();

// One step kind alone through the agent, Z: connected around it (as in the mix). The
// round-trip floor is last_error: a stub that calls nothing in Wine's mpr.
template <class S>
void agent_single(benchmark::State& state, const S& step) {
  if (!ready(state) || !step_ok(state, add_z(), code::kNoError)) return;
  for (auto _ : state)
    if (!step_ok(state, step, std::nullopt)) break;
  state.counters["steps/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  step_ok(state, cancel_z(), code::kNoError);
}
void BM_AgentLastError(benchmark::State& state) { agent_single(state, LastErrorStep{kAlice}); }
void BM_AgentDrives(benchmark::State& state) { agent_single(state, DrivesStep{kAlice}); }
void BM_AgentGetConnection(benchmark::State& state) { agent_single(state, GetConnectionStep{kAlice, kZ}); }
void BM_AgentQueryDosDevice(benchmark::State& state) { agent_single(state, QueryDosDeviceStep{kAlice, kZ}); }
BENCHMARK(BM_AgentLastError)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_AgentDrives)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_AgentGetConnection)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_AgentQueryDosDevice)->Unit(benchmark::kMicrosecond)->UseRealTime();

// add Z: then cancel Z: through the agent: two steps an iteration.
void BM_AgentAddCancel(benchmark::State& state) {
  if (!ready(state)) return;
  for (auto _ : state)
    if (!step_ok(state, add_z(), code::kNoError) || !step_ok(state, cancel_z(), code::kNoError)) break;
  state.counters["steps/s"] =
      benchmark::Counter(2.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AgentAddCancel)->Unit(benchmark::kMillisecond)->UseRealTime();

// The cost of `reset` between scenarios: empty world, and after a scenario that left a
// connection, a file handle and a persistent entry behind.
void BM_AgentReset(benchmark::State& state) {
  if (!ready(state)) return;
  const bool dirty = state.range(0) != 0;
  for (auto _ : state) {
    if (dirty) {
      state.PauseTiming();
      AddStep add = add_z();
      add.persistent = true;
      bool ok = step_ok(state, add, code::kNoError) &&
                step_ok(state, OpenStep{kAlice, R"(Z:\bench.txt)", "h1", HandleKind::File}, code::kNoError);
      state.ResumeTiming();
      if (!ok) break;
    }
    wine().sut->reset(one_logon());
  }
}
BENCHMARK(BM_AgentReset)->ArgName("dirty")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// The plain loop: the same calls inside one Wine process (wine_plain_loop.cpp), timed by that
// process; its start (~0.1 s in the warm prefix) is outside the timing. Run in the bench's
// prefix while the agent, freshly reset, holds the network the provider reads. Returns the
// fields of its line (mixes, calls, seconds, <kind>_us), empty (benchmark skipped) on failure.
std::map<std::string, double> plain_loop(benchmark::State& state, int mixes) {
  const std::string prefix = std::filesystem::absolute(WNETCONF_WINE_BENCH_PREFIX).lexically_normal().string();
  const wine::Env env = {{"WINEPREFIX", prefix}, {"WINEDEBUG", "-all"}, {"WINEDLLOVERRIDES", "mscoree,mshtml="}};
  wine::ToolRun run = wine::run_tool({"wine", WNETCONF_WINE_PLAIN_LOOP, std::to_string(mixes)}, env,
                                     std::string(WNETCONF_WINE_BENCH_PREFIX) + ".plain-loop.log", 120000);
  std::map<std::string, double> fields;
  const size_t at = run.log.find("mixes=");
  std::istringstream line(at == std::string::npos ? std::string() : run.log.substr(at));
  for (std::string kv; line >> kv;)
    if (auto eq = kv.find('='); eq != std::string::npos) fields[kv.substr(0, eq)] = std::atof(kv.c_str() + eq + 1);
  if (run.status != 0 || !fields.count("seconds") || fields["seconds"] <= 0) {
    state.SkipWithError(("wnetconf-plain-loop.exe failed (" + std::to_string(run.status) + "): " + run.log).c_str());
    fields.clear();
  }
  return fields;
}

void BM_PlainLoopStepMix(benchmark::State& state) {
  if (!ready(state)) return;
  wine().sut->reset(one_logon());
  double calls = 0;
  std::map<std::string, double> per_call_us;
  for (auto _ : state) {
    auto fields = plain_loop(state, static_cast<int>(state.range(0)));
    if (fields.empty()) return;
    state.SetIterationTime(fields["seconds"]);
    calls += fields["calls"];
    for (const auto& [k, v] : fields)
      if (k.size() > 3 && k.compare(k.size() - 3, 3, "_us") == 0) per_call_us[k] += v;
  }
  state.counters["steps/s"] = benchmark::Counter(calls, benchmark::Counter::kIsRate);
  for (const auto& [k, v] : per_call_us) state.counters[k] = v / static_cast<double>(state.iterations());
}
BENCHMARK(BM_PlainLoopStepMix)->Arg(100)->ArgName("mixes")->Iterations(3)->Unit(benchmark::kMillisecond)->UseManualTime();

// The issue's ratio, robust to a machine whose load drifts: each iteration times N mixes
// through the agent, then N mixes in the plain loop, back to back. `ratio` is the agent's
// rate over the plain loop's on the totals, `median_ratio` the median of the per-pair ratios
// (target: at least 0.5).
void BM_AgentVsPlainLoop(benchmark::State& state) {
  if (!ready(state)) return;
  const int mixes = static_cast<int>(state.range(0));
  const double steps = static_cast<double>(mixes) * static_cast<double>(step_mix().size());
  double agent_s = 0, plain_s = 0;
  std::vector<double> ratios;
  for (auto _ : state) {
    wine().sut->reset(one_logon());
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < mixes; ++i)
      for (const Step& s : step_mix()) {
        std::optional<Code> want;
        if (std::holds_alternative<AddStep>(s) || std::holds_alternative<CancelStep>(s)) want = code::kNoError;
        if (!step_ok(state, s, want)) return;
      }
    const double a = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto fields = plain_loop(state, mixes);
    if (fields.empty()) return;
    const double p = fields["seconds"];
    agent_s += a;
    plain_s += p;
    ratios.push_back(p / a);  // (steps / a) / (steps / p)
  }
  std::sort(ratios.begin(), ratios.end());
  state.counters["agent_steps/s"] = steps * static_cast<double>(ratios.size()) / agent_s;
  state.counters["plain_steps/s"] = steps * static_cast<double>(ratios.size()) / plain_s;
  state.counters["ratio"] = plain_s / agent_s;
  state.counters["median_ratio"] = ratios[ratios.size() / 2];
  state.counters["min_ratio"] = ratios.front();
}
BENCHMARK(BM_AgentVsPlainLoop)->Arg(30)->ArgName("mixes")->Iterations(9)->Unit(benchmark::kMillisecond)->UseRealTime();

// Exploration through Wine as a ledgered campaign runs it (known divergences counted, not
// failures; --max-steps 20), against the plain loop, back to back per iteration: `ratio` is
// the campaign's steps/s over the plain loop's, by medians of the iterations.
void BM_ExploreVsPlainLoop(benchmark::State& state) {
  if (!ready(state)) return;
  const Ledger ledger = load_ledger(WNETCONF_WINE_LEDGER);
  std::vector<double> explore_rates, plain_rates, ratios;
  for (auto _ : state) {
    ExploreOptions options;
    options.seed = 1 + explore_rates.size();
    options.cases = 1000000;
    options.max_steps = 20;
    options.keep_going = true;
    options.budget_seconds = 5;
    options.save_dir = WNETCONF_WINE_BENCH_PREFIX "-findings";
    options.ledger = &ledger;
    std::ostringstream log;
    const auto start = std::chrono::steady_clock::now();
    const ExploreReport r = explore(*wine().sut, options, log);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    wine().sut->reset(one_logon());  // the plain loop's network, in the provider's shared state
    auto fields = plain_loop(state, 30);
    if (fields.empty()) return;
    explore_rates.push_back(static_cast<double>(r.steps) / seconds);
    plain_rates.push_back(30.0 * static_cast<double>(step_mix().size()) / fields["seconds"]);
    ratios.push_back(explore_rates.back() / plain_rates.back());
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  state.counters["explore_steps/s"] = median(explore_rates);
  state.counters["plain_steps/s"] = median(plain_rates);
  state.counters["ratio"] = median(ratios);
}
BENCHMARK(BM_ExploreVsPlainLoop)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace
}  // namespace wnc

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  wnc::g_wine.reset();  // stops the agent and the bench prefix's wineserver, if one was made
  benchmark::Shutdown();
  return 0;
}
