// Sharded certifications merge into what one run gives; equal runs give equal results.
#include "certify/merge.h"
#include "certify_fixture.h"
#include "vocabulary/input_error.h"

namespace wnc::test {
namespace {

TEST_F(CertifyTest, EqualRunsGiveByteIdenticalResultsButForTimings) {
  TestSut a, b;
  b.break_cancel = a.break_cancel = true;
  certify(dir("one"), a, settings(), true);
  certify(dir("two"), b, settings(), true);
  EXPECT_EQ(comparable(dir("one")), comparable(dir("two")));
  EXPECT_EQ(read(dir("one") / "report.md"), read(dir("two") / "report.md"));
  EXPECT_EQ(read(dir("one") / "report.html"), read(dir("two") / "report.html"));
}

// Broken cancels, a ledger (known divergences, an unexpected pass), a failing exploration
// block: everything a merge has to carry across.
TEST_F(CertifyTest, MergedShardsEqualTheUnshardedRun) {
  TestSut sut;
  sut.break_cancel = true;
  const FakeExplorer explorer{42};
  const Certification whole = certify(dir("whole"), sut, settings(), true, explorer);
  for (int shards : {2, 3, 7}) {  // 7: more shards than blocks and scenarios
    std::vector<fs::path> parts;
    for (int i = 0; i < shards; ++i) {
      parts.push_back(dir("shard" + std::to_string(i)));
      certify(parts.back(), sut, settings({i, shards}), true, explorer);
    }
    const Certification merged = merge_bundles(dir("merged"), parts);
    EXPECT_EQ(std::string(merged.verdict()), whole.verdict());
    EXPECT_EQ(comparable(dir("merged")), comparable(dir("whole"))) << shards << " shards";
    EXPECT_EQ(read(dir("merged") / "report.md"), read(dir("whole") / "report.md"));
    const auto check = check_manifest(dir("merged"));
    EXPECT_TRUE(check.findings.empty());
    EXPECT_EQ(check.manifest.at("merged_from").size(), static_cast<size_t>(shards));
    EXPECT_TRUE(fs::exists(dir("merged") / "exploration" / "regression.certify.42.yaml"));
  }
}

TEST_F(CertifyTest, StaleLedgerEntriesAreJudgedAtTheMerge) {
  // With a working implementation the ledger's R-RC-NO-ERROR entry is stale: a shard cannot
  // tell (another shard may need it), the merge can.
  TestSut sut;
  for (int i = 0; i < 2; ++i) {
    Certification shard = certify(dir("shard" + std::to_string(i)), sut, settings({i, 2}), true);
    EXPECT_TRUE(shard.run.stale_ledger_entries.empty());
  }
  Certification merged = merge_bundles(dir("merged"), {dir("shard0"), dir("shard1")});
  ASSERT_EQ(merged.run.stale_ledger_entries.size(), 1u);
  EXPECT_NE(merged.run.stale_ledger_entries[0].find("R-RC-NO-ERROR"), std::string::npos);
  certify(dir("whole"), sut, settings(), true);
  EXPECT_EQ(comparable(dir("merged")), comparable(dir("whole")));
}

TEST_F(CertifyTest, MergeRefusesIncompleteOrForeignShards) {
  TestSut sut;
  certify(dir("shard0"), sut, settings({0, 2}));
  certify(dir("shard1"), sut, settings({1, 2}));
  EXPECT_THROW(merge_bundles(dir("merged"), {dir("shard0")}), InputError);
  EXPECT_THROW(merge_bundles(dir("merged"), {dir("shard0"), dir("shard0")}), InputError);
  CertifySettings other = settings({1, 2});
  other.seed = 7;
  certify(dir("foreign"), sut, other);
  EXPECT_THROW(merge_bundles(dir("merged"), {dir("shard0"), dir("foreign")}), InputError);
  write(dir("shard1") / "report.md", "tampered");
  EXPECT_THROW(merge_bundles(dir("merged"), {dir("shard0"), dir("shard1")}), InputError);
}

}  // namespace
}  // namespace wnc::test
