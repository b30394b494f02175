// Only regular files within the size limit are read; anything else is refused unread.
#include "scenario/input_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"

namespace wnc {
namespace {

namespace fs = std::filesystem;

class InputFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("wnetconf-input-file-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, std::size_t bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << std::string(bytes, '#');
    return dir_ / name;
  }
  static std::string refusal(const fs::path& file) {
    try {
      read_input_file(file);
    } catch (const ScenarioError& e) {
      EXPECT_EQ(e.file(), file.string());
      return e.message();
    }
    return "accepted";
  }

  fs::path dir_;
};

TEST_F(InputFile, ReadsARegularFileUpToTheLimit) {
  EXPECT_EQ(read_input_file(write("small.yaml", 3)), "###");
  EXPECT_EQ(read_input_file(write("full.yaml", limits::kMaxFileBytes)).size(), limits::kMaxFileBytes);
}

TEST_F(InputFile, RefusesAFileOverTheLimit) {
  EXPECT_EQ(refusal(write("big.yaml", limits::kMaxFileBytes + 1)), "larger than the limit of 4 MiB");
}

// Bundle files: within limits::kBundleJson, refused as file:line:column.
TEST_F(InputFile, ReadsAJsonFileWithinItsLimitsNamingWhereOneIsPassed) {
  const auto json_refusal = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    try {
      read_json_input_file(dir_ / name, limits::kBundleJson);
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(json_refusal("ok.json", "{\"a\": [1, 2]}"), "accepted");
  EXPECT_EQ(json_refusal("deep.json", "{\n  \"a\": " + std::string(40, '[') + std::string(40, ']') + "}"),
            (dir_ / "deep.json").string() + ":2:40: nested deeper than the limit of 32 levels");
  EXPECT_EQ(json_refusal("long.json", "\n\n\"" + std::string(limits::kBundleJson.max_string_bytes + 1, 's') + "\""),
            (dir_ / "long.json").string() + ":3:1048580: a string longer than the limit of 1048576 bytes");
  EXPECT_EQ(json_refusal("bad.json", "{\n\"a\": tru}").substr((dir_ / "bad.json").string().size()), ":2:9: not JSON: "
            "[json.exception.parse_error.101] parse error at line 2, column 9: syntax error while parsing value - "
            "invalid literal; last read: '\"a\": tru}'");
  EXPECT_EQ(json_refusal("big.json", std::string(limits::kBundleJson.max_bytes + 1, ' ')),
            (dir_ / "big.json").string() + ": larger than the limit of 32 MiB");
}

TEST_F(InputFile, RefusesWhatIsNotARegularFileWithoutReadingIt) {
  fs::create_directories(dir_ / "folder.yaml");
  EXPECT_EQ(refusal(dir_ / "folder.yaml"), "not a regular file");
  ASSERT_EQ(::mkfifo((dir_ / "fifo.yaml").c_str(), 0600), 0);
  EXPECT_EQ(refusal(dir_ / "fifo.yaml"), "not a regular file") << "opening a FIFO would block";
  EXPECT_EQ(refusal("/dev/zero"), "not a regular file") << "reading it would never end";
  EXPECT_EQ(refusal(dir_ / "missing.yaml"), "no such file");
}

}  // namespace
}  // namespace wnc
