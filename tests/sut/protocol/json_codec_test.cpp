// The JSON form of steps: every type of the step registry round-trips, kinds are named by
// the registry alone, and bad steps are refused with the path and what was expected.
#include "protocol/json_codec.h"

#include <gtest/gtest.h>

#include <set>

namespace wnc {
namespace {

using nlohmann::json;

// One step of every type, with every optional field set where it has one.
std::vector<Step> one_of_each() {
  return {AddStep{"alice", "Z:", R"(\\fs1\docs)", ResourceType::Print, true},
          CancelStep{"alice", std::nullopt, true, Api::A2, true},
          GetConnectionStep{"alice", "Z:"},
          DrivesStep{"bob"},
          QueryDosDeviceStep{"alice", "LPT1:"},
          OpenStep{"alice", R"(Z:\a.txt)", "h1", HandleKind::Directory},
          CloseStep{"h1"},
          IoStep{"h2"},
          ChdirStep{"alice", R"(Z:\dir)"},
          JobStep{"alice", "LPT1:", "j1"},
          EndJobStep{"j1"},
          ProfileFaultStep{ProfileHealth::Corrupt, "alice", "Z:"},
          ProviderFaultStep{5001, "server on fire", "TestNet", 3},
          LastErrorStep{"alice"},
          LogonStep{"admin", "alice", 2, std::string("alice")},
          LogoffStep{"alice2"},
          ProfileStep{"alice", "LPT1:"}};
}

TEST(StepJson, EveryStepTypeRoundTrips) {
  const std::vector<Step> steps = one_of_each();
  size_t types = 0;
  for_each_step_type([&]<class T>(std::type_identity<T>) { ++types; });
  ASSERT_EQ(steps.size(), types) << "one_of_each() misses a step type of the registry";
  std::set<size_t> seen;
  for (const Step& step : steps) {
    seen.insert(step.index());
    const json j = step_to_json(step);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j.begin().key(), step_kind(step));
    EXPECT_EQ(step_from_json(j), step) << j.dump();
  }
  EXPECT_EQ(seen.size(), types);
}

TEST(StepJson, TheKindsAreTheRegistrysInItsOrder) {
  EXPECT_EQ(step_kinds(), (std::vector<std::string>{"add", "cancel", "get_connection", "drives", "query_dos_device",
                                                    "open", "close", "io", "chdir", "job", "end_job", "fault",
                                                    "last_error", "logon", "logoff", "profile"}));
  try {
    step_from_json(json::parse(R"({"mount": {"as": "alice"}})"));
    FAIL() << "an unknown step was accepted";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.where(), "/mount");
    EXPECT_EQ(std::string(e.what()),
              "unknown step 'mount' (expected one of add, cancel, get_connection, drives, query_dos_device, open, "
              "close, io, chdir, job, end_job, fault, last_error, logon, logoff, profile)");
  }
}

TEST(StepJson, ASharedKindIsResolvedByItsSelectingKey) {
  EXPECT_TRUE(std::holds_alternative<ProfileFaultStep>(
      step_from_json(json::parse(R"({"fault": {"profile": "unreadable", "user": "alice"}})"))));
  EXPECT_TRUE(std::holds_alternative<ProviderFaultStep>(
      step_from_json(json::parse(R"({"fault": {"provider": {"code": 5}, "times": 2}})"))));
  try {
    step_from_json(json::parse(R"({"fault": {"user": "alice"}})"));
    FAIL() << "a fault without profile or provider was accepted";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.where(), "/fault");
    EXPECT_EQ(std::string(e.what()), "a fault needs 'profile' or 'provider'");
  }
  EXPECT_THROW(step_from_json(json::parse(R"({"fault": 3})")), DecodeError);
}

TEST(StepJson, BadArgumentsNameTheKeyAndWhatWasExpected) {
  try {
    step_from_json(json::parse(R"({"cancel": {"as": "alice", "name": "Z:", "forse": true}})"));
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.where(), "/cancel/forse");
    EXPECT_EQ(std::string(e.what()), "unknown key 'forse' (expected as, name, force, api, update_profile)");
  }
  try {
    step_from_json(json::parse(R"({"cancel": {"as": "alice", "name": "Z:", "api": "W", "update_profile": true}})"));
    FAIL();
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.where(), "/cancel/update_profile");
  }
  EXPECT_THROW(step_from_json(json::parse(R"({"add": {"remote": "x"}})")), DecodeError);  // no `as`
  EXPECT_THROW(step_from_json(json::parse(R"({"add": {}, "cancel": {}})")), DecodeError);
}

TEST(StepTraits, ActorsAndFeaturesComeFromTheRegistry) {
  for (const Step& step : one_of_each()) {
    const StepTraits& t = step_traits(step);
    EXPECT_EQ(step_actor(step) != nullptr, t.has_actor) << t.kind;
  }
  EXPECT_STREQ(step_traits(JobStep{}).feature, capability::kPrint);
  EXPECT_STREQ(step_traits(LogonStep{}).feature, capability::kLogonMultiple);
  EXPECT_EQ(step_traits(GetConnectionStep{}).outputs, kRemoteOutput);
  EXPECT_EQ(step_traits(CancelStep{}).outputs, kNoOutput);
}

}  // namespace
}  // namespace wnc
