// Files the harness writes appear whole or not at all, and a folder that cannot take them
// is refused before any work is done.
#include "output/atomic_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

namespace wnc {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "wnetconf-atomic-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  static std::string read(const fs::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  fs::path dir_;
};

TEST_F(AtomicFile, ReplacesWholeAndLeavesNothingBeside) {
  write_file_atomically(dir_ / "a.yaml", "first");
  write_file_atomically(dir_ / "a.yaml", "second");
  EXPECT_EQ(read(dir_ / "a.yaml"), "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(AtomicFile, AFolderThatIsNotThereIsAnErrorNamingTheFile) {
  try {
    write_file_atomically(dir_ / "missing" / "a.yaml", "x");
    FAIL() << "written";
  } catch (const OutputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing/a.yaml: cannot be written"), std::string::npos) << e.what();
  }
}

TEST_F(AtomicFile, AFolderUnderAFileIsRefusedAndNothingIsCreated) {
  std::ofstream(dir_ / "file") << "x";
  EXPECT_THROW(require_writable_folder(dir_ / "file" / "saves"), OutputError);
  EXPECT_NO_THROW(require_writable_folder(dir_ / "new" / "saves"));
  EXPECT_FALSE(fs::exists(dir_ / "new")) << "the check created the folder";
}

}  // namespace
}  // namespace wnc
