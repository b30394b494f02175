// Round trips through the real agent under Wine: the provider is loaded, connections
// reach the platform's namespace, faults come back, and a crash inside mpr is survived.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "vocabulary/capabilities.h"
#include "wine/wine_sut.h"

namespace wnc {
namespace {

using Clock = std::chrono::steady_clock;

long long ms_since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::strcmp(ci, "true") == 0;
}

Setup one_logon() {
  Setup setup;
  setup.logons["alice"].user = "alice";
  return setup;
}

AddStep add_z() { return AddStep{"alice", "Z:", R"(\\fs1\docs)", ResourceType::Disk, false}; }

CancelStep cancel(std::optional<std::string> name, bool force = false, Api api = Api::W) {
  CancelStep s;
  s.as = "alice";
  s.name = std::move(name);
  s.force = force;
  s.api = api;
  return s;
}

class WineSutTest : public ::testing::Test {
 protected:
  // One prefix and one agent for the whole suite, as in a real run.
  static void SetUpTestSuite() {
    WineSutOptions options = default_wine_sut_options();
    unavailable_ = wine_sut_unavailable(options);
    if (!unavailable_.empty()) return;
    auto start = Clock::now();
    sut_ = make_wine_sut(options);
    std::cout << "[ timing ] prefix and agent start: " << ms_since(start) << " ms\n";
  }
  static void TearDownTestSuite() { sut_.reset(); }

  void SetUp() override {
    if (unavailable_.empty()) return sut_->reset(one_logon());
    if (in_ci()) FAIL() << "CI=true, and the Wine SUT cannot run: " << unavailable_;
    GTEST_SKIP() << unavailable_;
  }

  static Result step(const Step& s) { return sut_->step(s); }

  static std::string unavailable_;
  static std::unique_ptr<Sut> sut_;
};

std::string WineSutTest::unavailable_;
std::unique_ptr<Sut> WineSutTest::sut_;

TEST_F(WineSutTest, HelloReportsWineAndOnlyWhatItCanDo) {
  Hello hello = sut_->hello();
  EXPECT_EQ(hello.name, "wnetconf-agent");
  EXPECT_NE(hello.platform.find("Wine"), std::string::npos) << hello.platform;
  EXPECT_TRUE(hello.capabilities.count("cancel"));
  EXPECT_TRUE(hello.capabilities.count(capability::kFaultProvider)) << "mpr did not load wnetconf-np.dll";
  EXPECT_FALSE(hello.capabilities.count(capability::kLogonMultiple));
  EXPECT_FALSE(hello.capabilities.count(capability::kLogonSystem));
}

TEST_F(WineSutTest, AddThenCancelADrive) {
  EXPECT_EQ(step(add_z()).rc, 0u);
  Result drives = step(DrivesStep{"alice"});
  ASSERT_TRUE(drives.drives);
  EXPECT_NE(drives.drives->find('Z'), std::string::npos) << *drives.drives;

  EXPECT_EQ(step(cancel("Z:")).rc, 0u);
  drives = step(DrivesStep{"alice"});
  ASSERT_TRUE(drives.drives);
  EXPECT_EQ(drives.drives->find('Z'), std::string::npos) << *drives.drives;
}

TEST_F(WineSutTest, OpenFileBlocksCancelUntilForced) {
  ASSERT_EQ(step(add_z()).rc, 0u);
  ASSERT_EQ(step(OpenStep{"alice", R"(Z:\report.txt)", "h1", HandleKind::File}).rc, 0u);
  EXPECT_EQ(step(cancel("Z:")).rc, 2401u);  // ERROR_OPEN_FILES
  EXPECT_EQ(step(cancel("Z:", true)).rc, 0u);
  EXPECT_EQ(step(IoStep{"h1"}).rc, 59u);  // orphaned: ERROR_UNEXP_NET_ERR
  EXPECT_EQ(step(CloseStep{"h1"}).rc, 0u);
}

TEST_F(WineSutTest, ProviderFaultFailsTheNextCall) {
  ASSERT_EQ(step(ProviderFaultStep{5, "injected", "wnetconf", 1}).rc, 0u);
  EXPECT_EQ(step(add_z()).rc, 1208u);  // ERROR_EXTENDED_ERROR
  EXPECT_EQ(step(add_z()).rc, 0u);     // the fault was for one call
}

// Wine's mpr hands a NULL name to the provider (Windows stops it first): the provider's
// armed fault answers it.
TEST_F(WineSutTest, NullNameReachesTheProvider) {
  ASSERT_EQ(step(ProviderFaultStep{5, "injected", "wnetconf", 1}).rc, 0u);
  EXPECT_EQ(step(cancel(std::nullopt)).rc, 1208u);
  EXPECT_EQ(step(cancel(std::nullopt, false, Api::A)).rc, 2250u);  // the A form stops at NULL
}

// A deviceless add with CONNECT_UPDATE_PROFILE succeeds in the provider, then mpr writes
// the profile under "Network\<first character of the NULL local name>" and crashes.
TEST_F(WineSutTest, CrashInsideMprIsAFailedStepThenAFreshAgent) {
  auto start = Clock::now();
  try {
    step(AddStep{"alice", std::nullopt, R"(\\fs1\docs)", ResourceType::Disk, true});
    FAIL() << "expected the agent to crash";
  } catch (const SutFailure& e) {
    EXPECT_NE(e.output().find("crashed"), std::string::npos) << e.what() << "\n" << e.output();
  }
  sut_->reset(one_logon());
  std::cout << "[ timing ] crash, fresh agent and reset: " << ms_since(start) << " ms\n";
  EXPECT_EQ(step(add_z()).rc, 0u);
}

TEST_F(WineSutTest, StepRoundTripTime) {
  constexpr int kRounds = 50;
  auto start = Clock::now();
  for (int i = 0; i < kRounds; ++i) {
    ASSERT_EQ(step(add_z()).rc, 0u);
    ASSERT_EQ(step(cancel("Z:")).rc, 0u);
  }
  auto per_step_us = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count() / (2 * kRounds);
  start = Clock::now();
  for (int i = 0; i < 10; ++i) sut_->reset(one_logon());
  std::cout << "[ timing ] add/cancel step round trip: " << per_step_us << " us; reset: " << ms_since(start) / 10
            << " ms\n";
}

}  // namespace
}  // namespace wnc
