// --wine and --wine-dll-override before any prefix is made: which paths are a Wine, and the
// errors for those that are not (no Wine needed, except for the one real loader below).
#include "wine/wine_tools.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "vocabulary/input_error.h"
#include "wine/host_tool.h"

namespace wnc::wine {
namespace {

namespace fs = std::filesystem;

class WineToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("wnetconf-wine-tools-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path script(const fs::path& rel, const std::string& body) {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(p, fs::perms::owner_all);
    return p;
  }

  // The InputError's text, or "" when `chosen` resolves.
  static std::string error_of(const std::string& chosen) {
    try {
      resolve_wine(chosen);
    } catch (const InputError& e) {
      return e.what();
    }
    return {};
  }

  fs::path root_;
};

TEST_F(WineToolsTest, NoSuchPathIsNamed) {
  const std::string missing = (root_ / "nowhere").string();
  EXPECT_EQ(error_of(missing), "--wine " + missing + ": no such file or folder");
}

TEST_F(WineToolsTest, AFolderWithoutALoaderOrServer) {
  EXPECT_NE(error_of(root_.string()).find("neither wine nor loader/wine"), std::string::npos) << error_of(root_.string());
  script("loader/wine", "exit 0");
  EXPECT_NE(error_of(root_.string()).find("neither server/wineserver nor wineserver"), std::string::npos);
}

TEST_F(WineToolsTest, ALoaderWithoutItsServer) {
  const fs::path wine = script("bin/wine", "echo wine-9.0");
  const std::string why = error_of(wine.string());
  EXPECT_NE(why.find("--wine " + wine.string() + ": no wineserver beside it"), std::string::npos) << why;
}

TEST_F(WineToolsTest, SomethingThatIsNotAWine) {
  const fs::path wine = script("bin/wine", "echo hello");
  script("bin/wineserver", "exit 0");
  const std::string why = error_of(wine.string());
  EXPECT_NE(why.find("is not a Wine loader"), std::string::npos) << why;
  EXPECT_NE(why.find("printed 'hello"), std::string::npos) << why;
  std::ofstream(root_ / "plain") << "x";
  EXPECT_NE(error_of((root_ / "plain").string()).find("not an executable file"), std::string::npos);
}

TEST_F(WineToolsTest, BuildTreeAndBinaryLayouts) {
  script("loader/wine", "echo wine-9.0-rc1");
  const fs::path server = script("server/wineserver", "exit 0");
  const WineTools tree = resolve_wine(root_.string());
  EXPECT_EQ(tree.wine, (root_ / "loader/wine").string());
  EXPECT_EQ(tree.wineserver, server.string());
  const WineTools loader = resolve_wine((root_ / "loader/wine").string());  // ../server/wineserver
  EXPECT_EQ(loader.wineserver, server.string());
}

TEST_F(WineToolsTest, DefaultIsPathAndARealLoaderPasses) {
  const WineTools path = resolve_wine("");
  EXPECT_EQ(path.wine, find_on_path("wine"));
  EXPECT_EQ(path.wineserver, find_on_path("wineserver"));
  if (path.wine.empty()) GTEST_SKIP() << "no wine on PATH";
  EXPECT_EQ(resolve_wine(path.wine).wineserver, (fs::path(path.wine).parent_path() / "wineserver").string());
}

TEST_F(WineToolsTest, OverridesMustBeDllFiles) {
  const std::string missing = (root_ / "mpr.dll").string();
  try {
    check_dll_overrides({missing});
    FAIL() << "a missing DLL was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "--wine-dll-override " + missing + ": no such file");
  }
  std::ofstream(root_ / "mpr.so") << "x";
  EXPECT_THROW(check_dll_overrides({(root_ / "mpr.so").string()}), InputError);
  std::ofstream(root_ / "MPR.DLL") << "x";
  std::ofstream(root_ / "foo.dll") << "x";
  EXPECT_NO_THROW(check_dll_overrides({(root_ / "MPR.DLL").string(), (root_ / "foo.dll").string()}));
  EXPECT_EQ(override_names({(root_ / "MPR.DLL").string(), (root_ / "foo.dll").string()}), "mpr,foo");
  EXPECT_EQ(dll_file_name((root_ / "MPR.DLL").string()), "mpr.dll");
}

}  // namespace
}  // namespace wnc::wine
