#include "protocol/agent_access.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "vocabulary/input_error.h"

namespace wnc {
namespace {

namespace fs = std::filesystem;

class TokenFile : public ::testing::Test {
 protected:
  fs::path write(const std::string& name, const std::string& text) {
    fs::create_directories(dir_);
    fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  std::string refusal(const fs::path& file) {
    try {
      read_token_file(file);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no InputError";
  }
  void TearDown() override { fs::remove_all(dir_); }

 private:
  fs::path dir_ = fs::temp_directory_path() / ("wnetconf-token-test-" + std::to_string(getpid()));
};

TEST_F(TokenFile, IsTheFirstLineLessTrailingSpace) {
  EXPECT_EQ(read_token_file(write("t", "s3cret\n")), "s3cret");
  EXPECT_EQ(read_token_file(write("t", "two words \r\n\n")), "two words");
}

TEST_F(TokenFile, RefusesWhatIsNoToken) {
  EXPECT_NE(refusal(write("empty", "\n \n")).find("empty"), std::string::npos);
  EXPECT_NE(refusal(write("lines", "a\nb\n")).find("one line of printable characters"), std::string::npos);
  EXPECT_NE(refusal(write("big", std::string(kMaxTokenFile + 1, 'x'))).find("longer than 4096 bytes"), std::string::npos);
  const std::string missing = refusal(write("t", "x").parent_path() / "missing");
  EXPECT_NE(missing.find("--token-file "), std::string::npos) << missing;
  EXPECT_NE(missing.find("missing: not a regular file"), std::string::npos) << missing;
}

TEST(TokenMatches, OnlyTheSameBytes) {
  EXPECT_TRUE(token_matches("s3cret", "s3cret"));
  EXPECT_FALSE(token_matches("s3cret", "s3creT"));
  EXPECT_FALSE(token_matches("s3cret", "s3cre"));
  EXPECT_FALSE(token_matches("s3cret", "s3cretx"));
  EXPECT_FALSE(token_matches("s3cret", ""));
  EXPECT_FALSE(token_matches("a", std::string("a\0", 2)));
}

}  // namespace
}  // namespace wnc
