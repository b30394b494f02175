// Bad input is rejected before anything runs, naming the line, column and what was expected.
#include "scenario/scenario_loader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "scenario/input_limits.h"

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
        BadCase{"output_the_step_lacks", "  - cancel: {as: alice, name: 'Z:'}\n    expect: {rc: 2250, remote: x}\n", 7,
                32, "cancel has no output 'remote': it can expect only rc"},
        BadCase{"drives_on_get_connection", "  - get_connection: {as: alice, local: 'Z:'}\n    expect: {rc: 2250, includes: [C]}\n",
                7, 34, "get_connection has no output 'includes': it can expect only rc, remote"},
        BadCase{"profile_device_form", "  - profile: {user: alice, device: 'Z:\\'}\n", 6, 36, "device name"},
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

TEST(Loader, RefusesACorruptProfileEntryThatIsNotADevice) {
  try {
    parse_scenario(std::string(kHead) + "  - fault: {profile: corrupt, user: alice, device: 'Z:\\'}\n", "s.yaml");
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 6);
    EXPECT_EQ(e.column(), 52);
    EXPECT_EQ(e.message(), "expected a device name such as Z: or LPT1:");
  }
  Scenario sc = parse_scenario(std::string(kHead) + "  - fault: {profile: corrupt, user: alice, device: 'lpt3:'}\n", "s.yaml");
  EXPECT_EQ(std::get<ProfileFaultStep>(sc.steps[0].step).device, "lpt3:");
}

TEST(Loader, RefusesAMisdeclaredLinkAtItsLogon) {
  try {
    parse_scenario("id: t.x\ntitle: t\ncovers: [R-LINKED]\nlogons: {a: {user: alice, linked: b}, b: {user: bob}}\n"
                   "steps:\n  - drives: {as: a}\n",
                   "s.yaml");
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.column(), 35);
    EXPECT_EQ(e.message(), "a logon can only be linked to one other declared logon of its own user 'alice'");
  }
}

TEST(Loader, ChecksTheIdForm) {
  for (const char* id : {"a", "cancel.open-files.w", "a-.b", "0.9"})
    EXPECT_EQ(parse_scenario(std::string("id: ") + id + "\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n",
                             "s.yaml")
                  .id,
              id);
  for (const char* id : {"A.b", "a..b", ".a", "a.", "-a", "a.-b", "a_b", "a b"}) {
    try {
      parse_scenario(std::string("id: '") + id + "'\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n",
                     "s.yaml");
      ADD_FAILURE() << "accepted " << id;
    } catch (const ScenarioError& e) {
      EXPECT_NE(e.message().find("dotted lower-case id"), std::string::npos) << id << ": " << e.what();
    }
  }
}

TEST(Loader, RefusesMoreStepsThanTheLimit) {
  std::string steps;
  for (std::size_t i = 0; i <= limits::kMaxSteps; ++i) steps += "  - drives: {as: alice}\n";
  try {
    parse_scenario(std::string(kHead) + steps, "s.yaml");
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line(), 6 + static_cast<int>(limits::kMaxSteps)) << "the first step over the limit";
    EXPECT_EQ(e.message(), "more steps than the limit of 10000 in one scenario");
  }
  steps.resize(steps.size() - std::string("  - drives: {as: alice}\n").size());
  EXPECT_EQ(parse_scenario(std::string(kHead) + steps, "s.yaml").steps.size(), limits::kMaxSteps);
}

TEST(Loader, RefusesHugeScalarsWithoutCrashing) {
  for (const std::string& text : {"id: " + std::string(60000, 'a') + "\n", "id: " + std::string(60000, '1') + "\n"}) {
    try {
      parse_scenario(text, "s.yaml");
      FAIL() << "accepted";
    } catch (const ScenarioError& e) {
      EXPECT_EQ(std::string(e.what()), "s.yaml:1:5: a string longer than the limit of 4096 characters");
    }
  }
}

class LoaderFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("wnetconf-loader-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "empty" / "sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  static std::string refusal(const std::vector<std::filesystem::path>& paths) {
    try {
      load_scenarios(paths);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "accepted";
  }
  std::filesystem::path dir_;
};

TEST_F(LoaderFiles, NamesEveryBrokenFile) {
  std::ofstream(dir_ / "a.yaml") << "id: a\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system, forse: 1}\n";
  std::ofstream(dir_ / "b.yaml") << "id: b\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n";
  std::ofstream(dir_ / "c.yaml") << "id: c\ntitle: t\ncovers: [R-NOPE]\nsteps:\n  - drives: {as: system}\n";
  try {
    load_scenarios({dir_});
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    FAIL() << "only one error: " << e.what();
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.substr(0, what.find('\n')), "2 of 3 scenario files are broken:");
    EXPECT_NE(what.find("\n" + (dir_ / "a.yaml").string() + ":5:"), std::string::npos) << what;
    EXPECT_NE(what.find("\n" + (dir_ / "c.yaml").string() + ":3:"), std::string::npos) << what;
  }
}

TEST_F(LoaderFiles, RefusesAFolderWithoutScenarios) {
  std::ofstream(dir_ / "empty" / "sub" / "notes.txt") << "not a scenario";
  EXPECT_EQ(refusal({dir_ / "empty"}), (dir_ / "empty").string() + ": no scenario files found (no *.yaml in it or its subfolders)");
}

TEST_F(LoaderFiles, RefusesAFifoAmongTheScenariosUnread) {
  std::ofstream(dir_ / "empty" / "a.yaml") << "id: a\ntitle: t\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n";
  ASSERT_EQ(::mkfifo((dir_ / "empty" / "sub" / "b.yaml").c_str(), 0600), 0);
  EXPECT_EQ(refusal({dir_ / "empty"}), (dir_ / "empty" / "sub" / "b.yaml").string() + ": not a regular file");
}

TEST_F(LoaderFiles, NamesTheFirstByteOfInvalidUtf8) {
  std::ofstream(dir_ / "bad.yaml") << "id: a\ntitle: 'caf\xE9'\ncovers: [R-ATOMIC]\nsteps:\n  - drives: {as: system}\n";
  EXPECT_EQ(refusal({dir_ / "bad.yaml"}),
            (dir_ / "bad.yaml").string() + ":2:12: not valid UTF-8 (byte 0xE9): the file must be UTF-8 text");
}

}  // namespace
}  // namespace wnc
