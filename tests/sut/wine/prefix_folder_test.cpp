#include "wine/prefix_folder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include "vocabulary/input_error.h"

namespace wnc::wine {
namespace {

namespace fs = std::filesystem;

class PrefixFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("wnetconf-prefix-folder-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::set<std::string> stopped_;
  PrefixFolder::StopServer stop_ = [this](const std::string& dir) { stopped_.insert(dir); };
  fs::path root_;
};

TEST_F(PrefixFolderTest, PrivateFoldersAreDistinctAndGoAfterTheRun) {
  std::string first, second;
  {
    PrefixFolder a("", root_ / "cache", stop_);
    PrefixFolder b("", root_ / "cache", stop_);  // a second run side by side
    first = a.path();
    second = b.path();
    EXPECT_NE(first, second);
    EXPECT_TRUE(a.is_private());
    EXPECT_TRUE(fs::exists(first + "/" + kPrefixMarker));
    EXPECT_TRUE(stopped_.empty()) << "a live run's folder was swept";
  }
  EXPECT_FALSE(fs::exists(first));
  EXPECT_FALSE(fs::exists(second));
}

TEST_F(PrefixFolderTest, AKilledRunsFolderIsSweptAndItsServerStopped) {
  const fs::path stale = root_ / "cache" / "wine-abc123";
  fs::create_directories(stale);
  std::ofstream(stale / kPrefixMarker) << "";
  const fs::path foreign = root_ / "cache" / "notes";  // not a prefix: never touched
  fs::create_directories(foreign);
  PrefixFolder fresh("", root_ / "cache", stop_);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_EQ(stopped_, std::set<std::string>{stale.string()});
  EXPECT_TRUE(fs::exists(foreign));
}

TEST_F(PrefixFolderTest, AFolderKilledBeforeItsMarkerIsSwept) {
  const fs::path half_made = root_ / "cache" / "wine-def456";
  fs::create_directories(half_made);
  PrefixFolder fresh("", root_ / "cache", stop_);
  EXPECT_FALSE(fs::exists(half_made));
}

// Runs starting and ending side by side: none may take another's folder, being made or being
// deleted, for a killed run's.
TEST_F(PrefixFolderTest, RunsStartingTogetherNeverSweepEachOther) {
  constexpr int kRuns = 4, kRounds = 150;
  std::vector<std::string> failures(kRuns);
  std::vector<std::thread> runs;
  const PrefixFolder::StopServer no_server = [](const std::string&) {};
  for (int r = 0; r < kRuns; ++r)
    runs.emplace_back([&, r] {
      for (int i = 0; i < kRounds && failures[r].empty(); ++i) {
        try {
          PrefixFolder folder("", root_ / "cache", no_server);
          std::ofstream(folder.path() + "/system.reg") << "x";
          if (!fs::exists(folder.path() + "/system.reg")) failures[r] = folder.path() + " was swept while in use";
        } catch (const InputError& e) {
          failures[r] = e.what();
        }
      }
    });
  for (auto& run : runs) run.join();
  for (const auto& failure : failures) EXPECT_EQ(failure, "");
}

TEST_F(PrefixFolderTest, AChosenFolderIsKeptAndLockedAgainstASecondRun) {
  const fs::path chosen = root_ / "mine";
  {
    PrefixFolder held(chosen.string(), "", stop_);
    EXPECT_FALSE(held.is_private());
    std::ofstream(chosen / "system.reg") << "x";
    try {
      PrefixFolder second(chosen.string(), "", stop_);
      FAIL() << "two runs held one prefix";
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("in use by another wnetconf run"), std::string::npos) << e.what();
    }
    held.clear();
    EXPECT_FALSE(fs::exists(chosen / "system.reg"));
    EXPECT_TRUE(fs::exists(chosen / kPrefixMarker));
  }
  EXPECT_TRUE(fs::exists(chosen));
  PrefixFolder again(chosen.string(), "", stop_);  // the lock went with the first run
}

TEST_F(PrefixFolderTest, AChosenFolderThatWnetconfDidNotMakeIsRefusedUntouched) {
  const fs::path users = root_ / "dot-wine";
  fs::create_directories(users);
  std::ofstream(users / "user.reg") << "the user's own prefix";
  EXPECT_THROW(PrefixFolder(users.string(), "", stop_), InputError);
  EXPECT_TRUE(fs::exists(users / "user.reg"));
  std::ofstream(root_ / "file") << "";
  EXPECT_THROW(PrefixFolder((root_ / "file").string(), "", stop_), InputError);
}

TEST_F(PrefixFolderTest, NoCacheRootIsAClearError) {
  try {
    PrefixFolder none("", "", stop_);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--wine-prefix"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace wnc::wine
