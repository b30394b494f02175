// certify --out deletes nothing it did not write: a folder that is not a bundle is refused,
// an earlier bundle is replaced only once the new one is complete, and only its listed files go.
#include "certify/bundle_folder.h"

#include <unistd.h>

#include "certify_fixture.h"

namespace wnc::test {
namespace {

namespace fs = std::filesystem;

class BundleFolderTest : public CertifyTest {
 protected:
  // Every entry beside the bundles: staging or replaced folders must not be left behind.
  static std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
};

// Runs `body` with the current folder set to `dir`, and restores it.
template <class F>
void in_folder(const fs::path& dir, F body) {
  const fs::path before = fs::current_path();
  fs::current_path(dir);
  body();
  fs::current_path(before);
}

TEST_F(BundleFolderTest, AStrayManifestDoesNotMakeAFolderABundle) {
  fs::create_directories(dir("B"));
  write(dir("B") / "manifest.json", "{}");
  write(dir("B") / "NOTES.md", "notes");
  EXPECT_THROW(BundleFolder{dir("B")}, BundleFolderRefused);
  EXPECT_EQ(read(dir("B") / "NOTES.md"), "notes");
  EXPECT_EQ(read(dir("B") / "manifest.json"), "{}");
  EXPECT_EQ(entries(dir("")), (std::vector<std::string>{"B"}));
}

TEST_F(BundleFolderTest, TheCurrentFolderAndItsParentsAreRefused) {
  fs::create_directories(dir("work/sub"));
  write(dir("work") / "precious.txt", "mine");
  in_folder(dir("work/sub"), [] {
    EXPECT_THROW(BundleFolder{"."}, BundleFolderRefused);
    EXPECT_THROW(BundleFolder{".."}, BundleFolderRefused);
    EXPECT_THROW(BundleFolder{"../sub/"}, BundleFolderRefused);
  });
  EXPECT_EQ(read(dir("work") / "precious.txt"), "mine");
  EXPECT_EQ(entries(dir("work")), (std::vector<std::string>{"precious.txt", "sub"}));
}

TEST_F(BundleFolderTest, AFileOrALinkIsRefused) {
  write(dir("file"), "x");
  EXPECT_THROW(BundleFolder{dir("file")}, BundleFolderRefused);
  EXPECT_EQ(read(dir("file")), "x");
  fs::create_directories(dir("real"));
  fs::create_directory_symlink(dir("real"), dir("link"));
  EXPECT_THROW(BundleFolder{dir("link")}, BundleFolderRefused);
}

TEST_F(BundleFolderTest, ABundleWithFilesItsManifestDoesNotListIsRefused) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  write(dir("b") / "NOTES.md", "notes");
  EXPECT_THROW(BundleFolder{dir("b")}, BundleFolderRefused);
  EXPECT_EQ(read(dir("b") / "NOTES.md"), "notes");
  ASSERT_EQ(check_manifest(dir("b")).findings.size(), 1u);  // only the added note
}

TEST_F(BundleFolderTest, AnEarlierBundleStaysUntilTheNewOneIsCommitted) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  const std::string before = read(dir("b") / "results.json");
  {
    BundleFolder abandoned(dir("b"));
    write(abandoned.staging() / "results.json", "half");
    EXPECT_EQ(read(dir("b") / "results.json"), before);
  }  // a run that failed: nothing to commit
  EXPECT_EQ(read(dir("b") / "results.json"), before);
  EXPECT_TRUE(check_manifest(dir("b")).findings.empty());
  EXPECT_EQ(entries(dir("")), (std::vector<std::string>{"b"}));

  certify(dir("b"), sut, settings());  // replaced: whole, and nothing left beside it
  EXPECT_TRUE(check_manifest(dir("b")).findings.empty());
  EXPECT_EQ(entries(dir("")), (std::vector<std::string>{"b"}));
}

TEST_F(BundleFolderTest, AFileAddedDuringTheRunStopsTheSwap) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  BundleFolder folder(dir("b"));
  write(dir("b") / "late.txt", "added while certify ran");
  EXPECT_THROW(folder.commit(), BundleFolderRefused);
  EXPECT_EQ(read(dir("b") / "late.txt"), "added while certify ran");
}

TEST_F(BundleFolderTest, AnEmptyFolderOrAMissingOneTakesABundle) {
  TestSut sut;
  fs::create_directories(dir("empty"));
  certify(dir("empty"), sut, settings());
  certify(dir("new/deeper"), sut, settings());
  EXPECT_TRUE(check_manifest(dir("empty")).findings.empty());
  EXPECT_TRUE(check_manifest(dir("new/deeper")).findings.empty());
  EXPECT_EQ(entries(dir("")), (std::vector<std::string>{"empty", "new"}));
}

}  // namespace
}  // namespace wnc::test
