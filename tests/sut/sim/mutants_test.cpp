// Every mutant changes an observable result that the clean sim gets right.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sim/sim_sut.h"
#include "steps.h"
#include "vocabulary/input_error.h"

namespace wnc {
namespace {

using namespace simtest;

const std::string kDocs = R"(\\fs1\docs)";

struct Kill {
  std::string mutant;
  Setup setup;
  std::vector<Step> steps;
  std::size_t at;  // the step whose result differs
  Result clean;
  Result mutated;
};

std::vector<Kill> kills() {
  const Setup s = three_logons();
  const Setup l = linked_pair();
  const auto file = [](const std::string& h) { return open("alice", R"(Z:\a.txt)", h); };
  return {
      {"single-namespace",
       s,
       {add("alice", "Z:", kDocs), drives("alice2")},
       1,
       with_drives("C"),
       with_drives("CZ")},
      {"system-mappings-local",
       s,
       {add("system", "Z:", kDocs), drives("alice")},
       1,
       with_drives("CZ"),
       with_drives("C")},
      {"remote-cancel-drops-devices",
       s,
       {add("alice", "Z:", kDocs), add_deviceless("alice", kDocs), cancel("alice", kDocs),
        drives("alice")},
       3,
       with_drives("CZ"),
       with_drives("C")},
      {"force-ignored",
       s,
       {add("alice", "Z:", kDocs), file("h"), cancel("alice", "Z:", true)},
       2,
       rc(0),
       rc(code::kOpenFiles)},
      {"dir-check-before-files",
       s,
       {add("alice", "Z:", kDocs), file("f"), open("alice", R"(Z:\d)", "d", HandleKind::Directory),
        cancel("alice", "Z:")},
       3,
       rc(code::kOpenFiles),
       rc(code::kDeviceInUse)},
      {"case-sensitive-names",
       s,
       {add_deviceless("alice", kDocs), cancel("alice", R"(\\FS1\DOCS)")},
       1,
       rc(0),
       rc(code::kNotConnected)},
      {"linked-not-mirrored",
       l,
       {add("alice", "Z:", kDocs), drives("admin")},
       1,
       with_drives("CZ"),
       with_drives("C")},
      {"logoff-drops-linked",
       l,
       {add("alice", "Z:", kDocs), logoff("alice"), drives("admin")},
       2,
       with_drives("CZ"),
       with_drives("C")},
      {"deviceless-cancel-one-use",
       s,
       {add_deviceless("alice", kDocs), add_deviceless("alice", kDocs), cancel("alice", kDocs),
        cancel("alice", kDocs)},
       3,
       rc(code::kNotConnected),
       rc(0)},
      {"get-connection-sees-global",
       s,
       {add("system", "Z:", kDocs), get_connection("alice", "Z:")},
       1,
       rc(code::kNotConnected),
       with_remote(0, kDocs)},
      {"orphans-usable",
       s,
       {add("alice", "Z:", kDocs), file("h"), cancel("alice", "Z:", true), io("h")},
       3,
       rc(code::kUnexpNetErr),
       rc(0)},
      {"cwd-not-counted",
       s,
       {add("alice", "Z:", kDocs), chdir("alice", R"(Z:\d)"), cancel("alice", "Z:")},
       2,
       rc(code::kDeviceInUse),
       rc(0)},
      {"jobs-not-counted",
       s,
       {add("alice", "LPT1:", R"(\\ps1\laser)"), job("alice", "LPT1:", "j"),
        cancel("alice", "LPT1:")},
       2,
       rc(code::kOpenFiles),
       rc(0)},
      {"cancel-keeps-profile",
       s,
       {add("alice", "Z:", kDocs, true), cancel("alice", "Z:"), get_connection("alice", "Z:")},
       2,
       rc(code::kNotConnected),
       with_remote(code::kConnectionUnavail, kDocs)},
      {"failed-cancel-forgets-profile",
       s,
       {add("alice", "Z:", kDocs, true), file("h"), cancel("alice", "Z:"),
        get_connection("alice2", "Z:")},
       3,
       with_remote(code::kConnectionUnavail, kDocs),
       rc(code::kNotConnected)},
      {"profile-errors-ignored",
       s,
       {add("alice", "Z:", kDocs), profile_fault("alice", ProfileHealth::Unreadable),
        cancel("alice", "Z:")},
       2,
       rc(code::kCannotOpenProfile),
       rc(0)},
      {"corrupt-entry-skipped",
       s,
       {profile_fault("alice", ProfileHealth::Corrupt, "Z:"), cancel("alice", "Z:")},
       1,
       rc(code::kBadProfile),
       rc(code::kNotConnected)},
      {"failed-add-remembers",
       s,
       {add("alice", "Z:", R"(\\fs9\nope)", true), get_connection("alice", "Z:")},
       1,
       rc(code::kNotConnected),
       with_remote(code::kConnectionUnavail, R"(\\fs9\nope)")},
      {"extended-error-not-recorded",
       s,
       {provider_fault(), cancel("alice", "Z:"), last_error("alice")},
       2,
       with_last_error(31, "The share is offline", "Test Network"),
       with_last_error(0, "", "")},
      {"trailing-backslash-device",
       s,
       {add("alice", "Z:", kDocs), cancel("alice", R"(Z:\)")},
       1,
       rc(code::kNotConnected),
       rc(0)},
      {"bad-name-reaches-provider",
       s,
       {provider_fault(), cancel("alice", "foo")},
       1,
       rc(code::kNotConnected),
       rc(code::kExtendedError)},
      {"ansi-drops-force",
       s,
       {add("alice", "Z:", kDocs), file("h"), cancel("alice", "Z:", true, Api::A)},
       2,
       rc(0),
       rc(code::kOpenFiles)},
  };
}

TEST(Mutants, AtLeastFourteenWithNamesAndDescriptions) {
  EXPECT_GE(sim_mutants().size(), 14u);
  std::set<std::string> names;
  for (const MutantInfo& m : sim_mutants()) {
    EXPECT_FALSE(m.description.empty()) << m.name;
    EXPECT_TRUE(names.insert(m.name).second) << "duplicate " << m.name;
  }
}

TEST(Mutants, EveryMutantHasAKill) {
  std::set<std::string> killed;
  for (const Kill& k : kills()) killed.insert(k.mutant);
  for (const MutantInfo& m : sim_mutants()) EXPECT_TRUE(killed.count(m.name)) << m.name;
}

class MutantKill : public ::testing::TestWithParam<Kill> {};

TEST_P(MutantKill, CleanAndMutatedSimsDifferWhereExpected) {
  const Kill& k = GetParam();
  ASSERT_LT(k.at, k.steps.size());
  auto clean = make_sim_sut();
  auto mutated = make_sim_sut(k.mutant);
  const auto a = run(*clean, k.setup, k.steps);
  const auto b = run(*mutated, k.setup, k.steps);
  EXPECT_EQ(a[k.at], k.clean);
  EXPECT_EQ(b[k.at], k.mutated);
  for (std::size_t i = 0; i < k.at; ++i) EXPECT_EQ(a[i], b[i]) << "step " << i;
}

// Stacked mutants: a sim carrying several shows each one's bug where that one's kill does.
TEST(Mutants, StackedOnesAllBite) {
  const std::vector<std::string> stack = {"orphans-usable", "extended-error-not-recorded", "get-connection-sees-global"};
  auto stacked = make_sim_sut(stack[0] + "," + stack[1] + "," + stack[2]);
  int bitten = 0;
  for (const Kill& k : kills()) {
    if (std::find(stack.begin(), stack.end(), k.mutant) == stack.end()) continue;
    EXPECT_EQ(run(*stacked, k.setup, k.steps)[k.at], k.mutated) << k.mutant;
    ++bitten;
  }
  EXPECT_EQ(bitten, 3);
}

TEST(Mutants, AListNamesEachMutantOnce) {
  EXPECT_NO_THROW(make_sim_sut("force-ignored,orphans-usable"));
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"force-ignored,no-such-bug", "unknown sim mutant 'no-such-bug'"},
      {"force-ignored,,orphans-usable", "has an empty name in its list"},
      {"force-ignored,", "has an empty name in its list"}};
  for (const auto& [names, why] : bad) {
    try {
      make_sim_sut(names);
      ADD_FAILURE() << "accepted " << names;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Sim, MutantKill, ::testing::ValuesIn(kills()),
                         [](const ::testing::TestParamInfo<Kill>& info) {
                           std::string name;
                           for (char c : info.param.mutant) name += c == '-' ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace wnc
