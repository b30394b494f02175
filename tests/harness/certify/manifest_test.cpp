// verify's digest check: an intact bundle passes; any file changed, removed or added is named.
#include "certify/manifest.h"
#include "certify/sha256.h"
#include "certify_fixture.h"
#include "vocabulary/input_error.h"

namespace wnc::test {
namespace {

std::vector<std::string> named(const ManifestCheck& check) {
  std::vector<std::string> files;
  for (const auto& f : check.findings) files.push_back(f.file);
  return files;
}

TEST_F(CertifyTest, AFreshBundleVerifies) {
  TestSut sut;
  certify(dir("b"), sut, settings(), true, FakeExplorer{42});  // block 0 fails: a saved case too
  const ManifestCheck check = check_manifest(dir("b"));
  EXPECT_TRUE(check.findings.empty()) << check.findings.front().file << ": " << check.findings.front().problem;
  const auto& files = check.manifest.at("files");
  for (const char* f : {"results.json", "junit.xml", "report.html", "report.md", "hello.json", "seeds.json",
                        "model-version.txt", "requirements.txt", "ledger.yaml", "corpus/open-files/open-files.yaml",
                        "exploration/regression.certify.42.yaml"})
    EXPECT_TRUE(files.contains(f)) << f;
  const auto& subjects = check.manifest.at("subjects");
  EXPECT_EQ(subjects.at("model_version").at("value"), "1.0.0");
  EXPECT_EQ(subjects.at("corpus").at("files"), 5);
  EXPECT_EQ(subjects.at("hello").at("sha256"), files.at("hello.json"));
  EXPECT_TRUE(subjects.at("agent_binary").is_null());
}

TEST_F(CertifyTest, ChangingAnyFileIsNamed) {
  TestSut sut;
  certify(dir("b"), sut, settings(), true, FakeExplorer{42});
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir("b")))
    if (e.is_regular_file()) files.push_back(e.path());
  ASSERT_GE(files.size(), 16u);
  for (const auto& file : files) {
    const std::string rel = fs::relative(file, dir("b")).generic_string();
    const std::string original = read(file);
    std::string changed = original;
    changed[changed.size() / 2] ^= 1;  // one bit, in the middle
    write(file, changed);
    const auto check = check_manifest(dir("b"));
    const auto files_named = named(check);
    EXPECT_NE(std::find(files_named.begin(), files_named.end(), rel), files_named.end()) << rel << " changed, not named";
    write(file, original);
  }
  EXPECT_TRUE(check_manifest(dir("b")).findings.empty());
}

TEST_F(CertifyTest, AnEditedManifestIsNamedEvenWhenStillValidJson) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  auto manifest = nlohmann::json::parse(read(dir("b") / "manifest.json"));
  manifest["vendor"] = "Someone else";
  write(dir("b") / "manifest.json", manifest.dump(2));
  EXPECT_EQ(named(check_manifest(dir("b"))), std::vector<std::string>{"manifest.json"});
  // Even one rewritten with a fresh self digest, when it lost its shape.
  manifest.erase("subjects");
  manifest["manifest_sha256"] = manifest_self_digest(manifest);
  write(dir("b") / "manifest.json", json_file_text(manifest));
  EXPECT_EQ(named(check_manifest(dir("b"))), std::vector<std::string>{"manifest.json"});
}

TEST_F(CertifyTest, RemovedAndAddedFilesAreNamed) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  fs::remove(dir("b") / "report.md");
  write(dir("b") / "corpus" / "extra.yaml", "id: extra\n");
  const auto files = named(check_manifest(dir("b")));
  EXPECT_NE(std::find(files.begin(), files.end(), "report.md"), files.end());
  EXPECT_NE(std::find(files.begin(), files.end(), "corpus/extra.yaml"), files.end());
  EXPECT_NE(std::find(files.begin(), files.end(), "corpus/"), files.end());  // the digest over all
}

TEST_F(CertifyTest, TheCorpusDigestIsSha256sumsDigest) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  const auto manifest = check_manifest(dir("b")).manifest;
  // As `find corpus -type f | LC_ALL=C sort | xargs sha256sum | sha256sum` computes it.
  std::map<std::string, fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir("b") / "corpus"))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir("b")).generic_string()] = e.path();
  std::string lines;
  for (const auto& [rel, path] : files) lines += sha256_file(path) + "  " + rel + "\n";
  EXPECT_EQ(manifest.at("subjects").at("corpus").at("sha256"), sha256_hex(lines));
}

TEST_F(CertifyTest, AMissingManifestIsAFindingAndNoFolderIsAnError) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  fs::remove(dir("b") / "manifest.json");
  EXPECT_EQ(named(check_manifest(dir("b"))), std::vector<std::string>{"manifest.json"});
  EXPECT_THROW(check_manifest(dir("nothing-here")), InputError);
}

TEST_F(CertifyTest, AnAgentBinaryIsPinnedAndChecked) {
  TestSut sut;
  Certification c = certify(dir("b"), sut, settings());
  write(dir("agent"), "#!/bin/sh\n");
  write_manifest(dir("b"), {"Test vendor", agent_binary_entry(dir("agent")), {}});
  EXPECT_TRUE(check_manifest(dir("b")).findings.empty());
  write(dir("agent"), "#!/bin/sh\nexit 1\n");
  ASSERT_EQ(check_manifest(dir("b")).findings.size(), 1u);
  fs::remove(dir("agent"));
  const auto check = check_manifest(dir("b"));
  EXPECT_TRUE(check.findings.empty());
  ASSERT_EQ(check.notes.size(), 1u);  // moved to another machine: noted, not failed
}

}  // namespace
}  // namespace wnc::test
