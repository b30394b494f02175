// Wine under the developer's control, for real: the Wine chosen by path (--wine), a DLL of
// one's own loaded instead of Wine's (--wine-dll-override) and the debug channels of a
// failing step kept with its result (--wine-debug). The DLL is Wine's own mpr.dll with its
// "Wine builtin DLL" marker overwritten, which is what a locally built mpr.dll looks like to
// the loader: a native DLL. +loaddll then shows where it came from and how it was loaded.
#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "run/runner.h"
#include "wine/host_tool.h"
#include "wine/wine_sut.h"

namespace wnc {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Wine's 64-bit mpr.dll, beside the loader's installation; empty if none is found.
fs::path wines_mpr(const fs::path& wine) {
  const fs::path prefix = wine.parent_path().parent_path();
  for (const char* lib : {"lib/x86_64-linux-gnu/wine", "lib64/wine", "lib/wine"})
    if (fs::exists(prefix / lib / "x86_64-windows/mpr.dll")) return prefix / lib / "x86_64-windows/mpr.dll";
  return {};
}

class WineControlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WineSutOptions options = default_wine_sut_options();
    std::string why = wine_sut_unavailable(options);
    const fs::path mpr = why.empty() ? wines_mpr(wine::find_on_path("wine")) : fs::path();
    if (why.empty() && mpr.empty()) why = "no x86_64-windows/mpr.dll beside " + wine::find_on_path("wine");
    if (!why.empty()) {
      const char* ci = std::getenv("CI");
      if (ci && std::strcmp(ci, "true") == 0) FAIL() << "CI=true, and the test cannot run: " << why;
      GTEST_SKIP() << why;
    }
    fs::remove_all(kDir);
    fs::create_directories(kDir);
    std::string dll = read_all(mpr);
    const std::string marker = "Wine builtin DLL";
    ASSERT_EQ(dll.compare(0x40, marker.size(), marker), 0) << mpr << " has no builtin marker at 0x40";
    dll.replace(0x40, marker.size(), "Local build: mpr");
    local_mpr_ = kDir / "mpr.dll";
    std::ofstream(local_mpr_, std::ios::binary) << dll;

    options.wine = wine::find_on_path("wine");
    options.prefix_dir = (kDir / "prefix").string();  // kept: its system32 is looked at below
    options.wine_debug = "+loaddll,+mpr";
    options.dll_overrides = {local_mpr_.string()};
    sut_ = make_wine_sut(options);
  }
  void TearDown() override {
    if (sut_) sut_->bye();
  }

  const fs::path kDir = WINE_CONTROL_TEST_DIR;
  fs::path local_mpr_;
  std::unique_ptr<Sut> sut_;
};

Setup one_logon() {
  Setup setup;
  setup.logons["alice"].user = "alice";
  return setup;
}

Expectation rc_of(Code c) {
  Expectation e;
  e.rc = c;
  return e;
}

CancelStep cancel_q() {
  CancelStep s;
  s.as = "alice";
  s.name = "Q:";
  return s;
}

TEST_F(WineControlTest, TheOverridingDllIsLoadedNativeFromSystem32) {
  sut_->hello();
  EXPECT_EQ(read_all(kDir / "prefix/drive_c/windows/system32/mpr.dll"), read_all(local_mpr_));
  std::string start = sut_->take_debug_trace();  // the agent's start: mpr is an import ("MPR.dll")
  for (char& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t at = start.find(R"(system32\\mpr.dll)");
  ASSERT_NE(at, std::string::npos) << start;
  const std::string line = start.substr(at, start.find('\n', at) - at);
  EXPECT_NE(line.find(": native"), std::string::npos) << line;
  // And it does mpr's work: a letter never connected is not connected.
  sut_->reset(one_logon());
  EXPECT_EQ(sut_->step(cancel_q()).rc, code::kNotConnected);
}

TEST_F(WineControlTest, AFailingStepKeepsItsTraceAndAPassingOneNone) {
  Scenario sc;
  sc.id = "wine-control.trace";
  sc.setup = one_logon();
  sc.steps.push_back({cancel_q(), rc_of(code::kNotConnected), {}});
  // Wine's WNetGetLastErrorW is a stub that answers 1222 (README, item 10) and says so on
  // the fixme channel, which +mpr keeps: a failing step whose trace is mpr's own.
  LastErrorStep last_error;
  last_error.as = "alice";
  sc.steps.push_back({last_error, rc_of(code::kNoError), {}});
  const ScenarioOutcome o = run_scenario(*sut_, sut_->hello(), sc);
  ASSERT_EQ(o.steps.size(), 2u);
  EXPECT_TRUE(o.steps[0].debug_trace.empty()) << o.steps[0].debug_trace;
  ASSERT_FALSE(o.steps[1].mismatches.empty()) << "Wine's WNetGetLastErrorW is no longer a stub";
  EXPECT_NE(o.steps[1].debug_trace.find("mpr:WNetGetLastErrorW"), std::string::npos) << o.steps[1].debug_trace;
}

}  // namespace
}  // namespace wnc
