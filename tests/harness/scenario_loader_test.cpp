// Bad input is rejected before anything runs, naming the line, column and what was expected.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/scenario_loader.h"

namespace wnc {
namespace {

const char* kHead =
    "id: t.x\n"
    "title: t\n"
    "covers: [R-ATOMIC]\n"
    "logons: {alice: {user: alice}}\n"
    "steps:\n";

struct BadCase {
  const char* name;
  std::string steps;  // appended after kHead (line 6 on)
  int line, column;
  const char* message;
};

class LoaderRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(LoaderRejects, WithPositionAndReason) {
  const BadCase& c = GetParam();
  try {
    parse_scenario(std::string(kHead) + c.steps, "s.yaml");
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "s.yaml");
    EXPECT_EQ(e.line(), c.line) << e.what();
    EXPECT_EQ(e.column(), c.column) << e.what();
    EXPECT_NE(e.message().find(c.message), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, LoaderRejects,
    ::testing::Values(
        BadCase{"unknown_key", "  - cancel: {as: alice, name: 'Z:', forse: true}\n", 6, 37, "unknown key 'forse'"},
        BadCase{"unknown_step", "  - cancle: {as: alice}\n", 6, 5, "unknown step 'cancle'"},
        BadCase{"undeclared_logon", "  - drives: {as: carol}\n", 6, 18, "undeclared logon 'carol'"},
        BadCase{"logged_off_logon", "  - logoff: {as: alice}\n  - drives: {as: alice}\n", 7, 18,
                "undeclared logon 'alice'"},
        BadCase{"undeclared_handle", "  - io: {handle: h9}\n", 6, 18, "undeclared handle 'h9'"},
        BadCase{"handle_open_twice",
                "  - open: {as: alice, path: 'C:\\a', handle: h}\n  - open: {as: alice, path: 'C:\\b', handle: h}\n",
                7, 45, "already open"},
        BadCase{"wrong_type", "  - cancel: {as: alice, name: 'Z:', force: maybe}\n", 6, 44, "expected true or false"},
        BadCase{"name_must_be_string", "  - cancel: {as: alice, name: 12}\n", 6, 31, "expected a string or null"},
        BadCase{"unknown_code", "  - drives: {as: alice}\n    expect: ERROR_NOPE\n", 7, 13, "unknown code 'ERROR_NOPE'"},
        BadCase{"unknown_expect_key", "  - drives: {as: alice}\n    expect: {rc: 0, inclues: [C]}\n", 7, 21,
                "unknown key 'inclues'"},
        BadCase{"bad_api", "  - cancel: {as: alice, name: 'Z:', api: X}\n", 6, 42, "expected one of W, A, 2W, 2A"},
        BadCase{"update_profile_on_w", "  - cancel: {as: alice, name: 'Z:', update_profile: true}\n", 6, 53,
                "2W and 2A only"},
        BadCase{"missing_key", "  - add: {as: alice, local: 'Z:'}\n", 6, 10, "missing required key 'remote'"},
        BadCase{"system_logoff", "  - logoff: {as: system}\n", 6, 18, "system cannot log off"},
        BadCase{"linked_to_system", "  - logon: {name: s2, user: SYSTEM, linked: system}\n", 6, 45, "only be linked"},
        BadCase{"linked_to_other_user", "  - logon: {name: b, user: bob, linked: alice}\n", 6, 41, "only be linked"},
        BadCase{"linked_twice",
                "  - logon: {name: a2, user: alice, linked: alice}\n  - logon: {name: a3, user: alice, linked: alice}\n", 7,
                44, "unpaired logon"},
        BadCase{"yaml_syntax", "  - drives: {as: alice\n", 7, 1, "end of map flow"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Loader, RejectsAnUnknownRequirementId) {
  try {
    parse_scenario("id: t.x\ntitle: t\ncovers: [R-ATOMIC, R-NOPE]\nsteps:\n  - drives: {as: system}\n", "s.yaml");
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.column(), 20);
    EXPECT_NE(e.message().find("unknown requirement ID 'R-NOPE'"), std::string::npos);
  }
}

TEST(Loader, RejectsDuplicateIdsAcrossFiles) {
  auto dir = std::filesystem::temp_directory_path() / "wnetconf-dup-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string text = "id: same.id\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n";
  std::ofstream(dir / "a.yaml") << text;
  std::ofstream(dir / "b.yaml") << text;
  try {
    load_scenarios({dir});
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("b.yaml:1:1: duplicate scenario id 'same.id'"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

TEST(Loader, ReadsEveryFieldAndDefault) {
  Scenario sc = parse_scenario(std::string(kHead) +
                                   "  - cancel: {as: alice, name: null, api: 2A, update_profile: true}\n"
                                   "    expect: ERROR_NOT_CONNECTED\n"
                                   "  - drives: {as: alice}\n"
                                   "    expect: {includes: [c], exactly: ['C:']}\n"
                                   "  - fault: {provider: {code: 5001, text: boom, name: TestNet}, times: 2}\n",
                               "s.yaml");
  ASSERT_EQ(sc.steps.size(), 3u);
  const auto& c = std::get<CancelStep>(sc.steps[0].step);
  EXPECT_FALSE(c.name.has_value());
  EXPECT_EQ(c.api, Api::A2);
  EXPECT_TRUE(c.update_profile);
  EXPECT_FALSE(c.force);
  EXPECT_EQ(sc.steps[0].expect.rc, code::kNotConnected);
  EXPECT_EQ(sc.steps[0].pos.line, 6);
  EXPECT_EQ(sc.steps[1].expect.includes, "C");
  EXPECT_EQ(sc.steps[1].expect.exactly, "C");
  const auto& f = std::get<ProviderFaultStep>(sc.steps[2].step);
  EXPECT_EQ(f.code, 5001u);
  EXPECT_EQ(f.times, 2);
  EXPECT_EQ(sc.steps[2].expect.rc, code::kNoError) << "no expect means NO_ERROR";
  EXPECT_EQ(sc.setup.network, Network{}) << "the default network";
}

TEST(Loader, QuotedScalarsStayStrings) {
  Scenario sc = parse_scenario(std::string(kHead) + "  - cancel: {as: alice, name: 'null'}\n", "s.yaml");
  EXPECT_EQ(std::get<CancelStep>(sc.steps[0].step).name, "null");
}

TEST(Loader, WritesScenariosItReadsBack) {
  Scenario sc = parse_scenario(std::string(kHead) +
                                   "  - add: {as: alice, local: 'Z:', remote: '\\\\fs1\\it''s', persistent: true}\n"
                                   "    expect: ERROR_BAD_NET_NAME\n"
                                   "  - get_connection: {as: alice, local: 'Z:'}\n"
                                   "    expect: {rc: ERROR_CONNECTION_UNAVAIL, remote: '\\\\fs1\\docs'}\n"
                                   "  - cancel: {as: alice, name: null, api: 2W}\n",
                               "s.yaml");
  Scenario again = parse_scenario(scenario_to_yaml(sc), "again.yaml");
  ASSERT_EQ(again.steps.size(), sc.steps.size());
  EXPECT_EQ(again.setup, sc.setup);
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    EXPECT_EQ(again.steps[i].step, sc.steps[i].step) << i;
    EXPECT_EQ(again.steps[i].expect, sc.steps[i].expect) << i;
  }
  EXPECT_EQ(std::get<AddStep>(again.steps[0].step).remote, "\\\\fs1\\it's");
}

}  // namespace
}  // namespace wnc
