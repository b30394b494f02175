// One test per rule of docs/behaviour.md (sections 2-4) and docs/picks.md, driving the model through apply().
#include <gtest/gtest.h>

#include "invariants.h"
#include "reference_model.h"

namespace wnc::model {
namespace {

using namespace code;

class Model : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }

  void start(std::map<std::string, LogonDecl> logons, BehaviourProfile p = BehaviourProfile::Nt) {
    wnc::Setup setup;
    setup.profile = p;
    setup.logons = logons.empty() ? std::map<std::string, LogonDecl>{{"alice", {"alice", 1, {}}},
                                                                     {"alice2", {"alice", 2, {}}},
                                                                     {"bob", {"bob", 1, {}}}}
                                  : logons;
    s = initial_state(setup);
    EXPECT_EQ(check_invariants(s), std::nullopt);
  }
  // Every step of every test also checks that the model's invariants still hold.
  Result step(const Step& st) {
    Result r = apply(s, st);
    EXPECT_EQ(check_invariants(s), std::nullopt) << "after " << step_kind(st);
    return r;
  }
  Code rc(const Step& st) { return step(st).rc; }

  Code add(const std::string& as, std::optional<std::string> local, const std::string& remote,
           bool persistent = false, ResourceType type = ResourceType::Disk) {
    return rc(AddStep{as, local, remote, type, persistent});
  }
  Code cancel(const std::string& as, std::optional<std::string> name, bool force = false, Api api = Api::W,
              bool update_profile = false) {
    return rc(CancelStep{as, name, force, api, update_profile});
  }
  Code open(const std::string& as, const std::string& path, const std::string& h,
            HandleKind kind = HandleKind::File) {
    return rc(OpenStep{as, path, h, kind});
  }
  std::string drives(const std::string& as) { return *step(DrivesStep{as}).drives; }
  Result get(const std::string& as, const std::string& local) { return step(GetConnectionStep{as, local}); }
  void arm_fault(int times = 1) { step(ProviderFaultStep{5001, "server on fire", "TestNet", times}); }

  State s;
};

TEST_F(Model, NullOrEmptyNameIsNotConnectedAndNeverReachesTheProvider) {
  arm_fault();
  EXPECT_EQ(cancel("alice", std::nullopt), kNotConnected);
  EXPECT_EQ(cancel("alice", ""), kNotConnected);
  EXPECT_EQ(cancel("alice", "foo"), kNotConnected);
  EXPECT_EQ(s.fault.remaining, 1);
}

TEST_F(Model, DeviceNameWithTrailingBackslashIsNotADevice) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(cancel("alice", R"(Z:\)"), kNotConnected);
  EXPECT_EQ(drives("alice"), "CZ");
}

TEST_F(Model, NamesCompareCaseInsensitively) {
  ASSERT_EQ(add("alice", "z:", R"(\\FS1\Docs)"), kNoError);
  ASSERT_EQ(add("alice", std::nullopt, R"(\\fs1\PUBLIC)"), kNoError);
  EXPECT_EQ(cancel("alice", "Z:"), kNoError);
  EXPECT_EQ(cancel("alice", R"(\\FS1\public)"), kNoError);
}

TEST_F(Model, OneTrailingBackslashIsStrippedFromARemoteName) {
  ASSERT_EQ(add("alice", "", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs\\)"), kNotConnected);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs\)"), kNoError);
}

TEST_F(Model, ProviderFaultComesBeforeEveryDeviceCheckAndSetsTheLastError) {
  arm_fault(2);
  EXPECT_EQ(cancel("alice", "Q:"), kExtendedError);
  Result e = step(LastErrorStep{"alice"});
  EXPECT_EQ(e.code, 5001u);
  EXPECT_EQ(e.text, "server on fire");
  EXPECT_EQ(e.provider, "TestNet");
  EXPECT_EQ(step(LastErrorStep{"bob"}).code, 0u) << "the last error is per logon";
  EXPECT_EQ(cancel("bob", R"(\\fs1\docs)"), kExtendedError);
  EXPECT_EQ(cancel("bob", R"(\\fs1\docs)"), kNotConnected) << "the fault was armed for two calls";
  EXPECT_EQ(step(LastErrorStep{"bob"}).code, 5001u) << "other failures do not clear it";
}

TEST_F(Model, OpenFilesWinOverDirectories) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(open("alice", R"(Z:\dir)", "d", HandleKind::Directory), kNoError);
  EXPECT_EQ(cancel("alice", "Z:"), kDeviceInUse);
  ASSERT_EQ(open("alice", R"(Z:\a.txt)", "f"), kNoError);
  EXPECT_EQ(cancel("alice", "Z:"), kOpenFiles);
}

TEST_F(Model, ACurrentDirectoryOfAnyLogonMakesTheDeviceInUse) {
  start({{"alice", {"alice", 1, {}}}});
  ASSERT_EQ(add("system", "S:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(rc(ChdirStep{"alice", R"(S:\work)"}), kNoError);
  EXPECT_EQ(cancel("system", "S:"), kDeviceInUse);
  ASSERT_EQ(rc(ChdirStep{"alice", R"(C:\)"}), kNoError);
  EXPECT_EQ(cancel("system", "S:"), kNoError);
}

TEST_F(Model, ForceCancelsDespiteUsesAndOrphansThem) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(open("alice", R"(Z:\a.txt)", "f"), kNoError);
  ASSERT_EQ(rc(ChdirStep{"alice", R"(Z:\)"}), kNoError);
  EXPECT_EQ(cancel("alice", "Z:", true), kNoError);
  EXPECT_EQ(rc(IoStep{"f"}), kUnexpNetErr);
  EXPECT_EQ(rc(CloseStep{"f"}), kNoError);
  EXPECT_EQ(rc(IoStep{"f"}), kInvalidHandle);
  EXPECT_FALSE(s.logons.at("alice").cwd.has_value());
}

TEST_F(Model, APrintJobCountsAsAnOpenFile) {
  ASSERT_EQ(add("alice", "LPT1:", R"(\\ps1\laser)", false, ResourceType::Print), kNoError);
  ASSERT_EQ(rc(JobStep{"alice", "lpt1:", "j"}), kNoError);
  EXPECT_EQ(cancel("alice", "LPT1:"), kOpenFiles);
  ASSERT_EQ(rc(EndJobStep{"j"}), kNoError);
  EXPECT_EQ(cancel("alice", "LPT1:"), kNoError);
  EXPECT_EQ(rc(JobStep{"alice", "LPT1:", "j"}), kNotConnected);
}

TEST_F(Model, NotConnectedDeviceConsultsTheProfileInOrder) {
  ASSERT_EQ(add("alice", "Y:", R"(\\fs1\docs)", true), kNoError);
  ASSERT_EQ(cancel("alice", "Y:", false, Api::W2), kNoError) << "flags 0: the entry stays";
  step(ProfileFaultStep{ProfileHealth::Unreadable, "alice", ""});
  step(ProfileFaultStep{ProfileHealth::Corrupt, "alice", "X:"});
  EXPECT_EQ(cancel("alice", "X:"), kCannotOpenProfile) << "unreadable wins over corrupt";
  step(ProfileFaultStep{ProfileHealth::Ok, "alice", ""});
  step(ProfileFaultStep{ProfileHealth::Corrupt, "alice", "X:"});
  EXPECT_EQ(cancel("alice", "X:"), kBadProfile);
  EXPECT_EQ(cancel("alice", "Y:"), kNoError) << "remembered: forgotten";
  EXPECT_EQ(cancel("alice", "Y:"), kNotConnected);
}

TEST_F(Model, ConnectedDeviceChecksUsesBeforeTheProfile) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)", true), kNoError);
  ASSERT_EQ(open("alice", R"(Z:\a)", "f"), kNoError);
  step(ProfileFaultStep{ProfileHealth::Unreadable, "alice", ""});
  EXPECT_EQ(cancel("alice", "Z:"), kOpenFiles);
  EXPECT_EQ(cancel("alice", "Z:", true), kCannotOpenProfile);
  step(ProfileFaultStep{ProfileHealth::Ok, "alice", ""});
  step(ProfileFaultStep{ProfileHealth::Corrupt, "alice", "Z:"});
  EXPECT_EQ(cancel("alice", "Z:", true), kBadProfile);
  EXPECT_EQ(cancel("alice", "Z:", true, Api::A2, false), kNoError) << "flags 0 never reads the profile";
}

TEST_F(Model, CancelTwoWithoutUpdateProfileKeepsTheEntryRemembered) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)", true), kNoError);
  ASSERT_EQ(cancel("alice", "Z:", false, Api::W2), kNoError);
  Result g = get("alice", "Z:");
  EXPECT_EQ(g.rc, kConnectionUnavail);
  EXPECT_EQ(g.remote, R"(\\fs1\docs)");
  EXPECT_EQ(cancel("alice", "Z:", false, Api::W2), kNotConnected);
  EXPECT_EQ(cancel("alice", "Z:", false, Api::W2, true), kNoError);
  EXPECT_EQ(get("alice", "Z:").rc, kNotConnected);
}

TEST_F(Model, RemoteNameCancelsOnlyDevicelessConnections) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs)"), kNotConnected);
  ASSERT_EQ(add("alice", std::nullopt, R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(add("alice", std::nullopt, R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(open("alice", R"(\\fs1\docs\a.txt)", "f"), kNoError);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs)"), kOpenFiles);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs)", true), kNoError);
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs)"), kNotConnected) << "every deviceless use went";
  EXPECT_EQ(drives("alice"), "CZ");
}

TEST_F(Model, DeviceNameCancelsOnlyThatRedirection) {
  ASSERT_EQ(add("alice", "Y:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(add("alice", std::nullopt, R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(cancel("alice", "Z:"), kNoError);
  EXPECT_EQ(drives("alice"), "CY");
  EXPECT_EQ(cancel("alice", R"(\\fs1\docs)"), kNoError);
}

TEST_F(Model, ASecondLogonOfTheSameUserDoesNotSeeTheFirstsLetter) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)", true), kNoError);
  EXPECT_EQ(drives("alice2"), "C");
  EXPECT_EQ(step(QueryDosDeviceStep{"alice2", "Z:"}).rc, kFileNotFound);
  EXPECT_EQ(get("alice2", "Z:").rc, kConnectionUnavail) << "remembered in the shared profile";
  EXPECT_EQ(cancel("alice2", "Z:", false, Api::W2), kNotConnected);
  EXPECT_EQ(add("alice2", "Z:", R"(\\fs2\home)"), kNoError);
  EXPECT_EQ(get("alice", "Z:").remote, R"(\\fs1\docs)");
  EXPECT_EQ(get("alice2", "Z:").remote, R"(\\fs2\home)");
  EXPECT_EQ(drives("alice"), "CZ");
}

TEST_F(Model, SystemMappingsAreGlobalAndOnlySystemCancelsThem) {
  ASSERT_EQ(add("system", "S:", R"(\\fs1\public)"), kNoError);
  EXPECT_EQ(drives("alice"), "CS");
  EXPECT_EQ(drives("bob"), "CS");
  EXPECT_EQ(get("alice", "S:").rc, kNotConnected);
  EXPECT_EQ(cancel("alice", "S:"), kNotConnected);
  EXPECT_EQ(add("alice", "S:", R"(\\fs1\docs)"), kAlreadyAssigned);
  EXPECT_EQ(cancel("system", "S:"), kNoError);
  EXPECT_EQ(drives("alice"), "C");
}

TEST_F(Model, AUsersOwnLetterShadowsSystems) {
  ASSERT_EQ(add("alice", "S:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(add("system", "S:", R"(\\fs1\public)"), kNoError) << "system sees only the global namespace";
  EXPECT_EQ(step(QueryDosDeviceStep{"alice", "S:"}).target, R"(\fs1\docs)");
  EXPECT_EQ(step(QueryDosDeviceStep{"bob", "S:"}).target, R"(\fs1\public)");
  EXPECT_EQ(drives("system"), "CS");
  EXPECT_EQ(cancel("alice", "S:"), kNoError);
  EXPECT_EQ(step(QueryDosDeviceStep{"alice", "S:"}).target, R"(\fs1\public)");
}

TEST_F(Model, LinkedPartnersShareRedirectionsOnlyUnderNtLinked) {
  std::map<std::string, LogonDecl> pair = {{"alice", {"alice", 1, {}}}, {"admin", {"alice", 1, "alice"}}};
  start(pair, BehaviourProfile::NtLinked);
  ASSERT_EQ(add("admin", "Z:", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(drives("alice"), "CZ");
  EXPECT_EQ(cancel("alice", "Z:"), kNoError);
  EXPECT_EQ(drives("admin"), "C");
  start(pair, BehaviourProfile::Nt);
  ASSERT_EQ(add("admin", "Z:", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(drives("alice"), "C");
}

TEST_F(Model, AMirrorIsSkippedWhereThePartnerHoldsTheLetter) {
  start({{"alice", {"alice", 1, {}}}}, BehaviourProfile::NtLinked);
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError) << "before the pair exists";
  ASSERT_EQ(rc(LogonStep{"admin", "alice", 1, "alice"}), kNoError);
  ASSERT_EQ(add("admin", "Z:", R"(\\fs2\home)"), kNoError);
  EXPECT_EQ(get("alice", "Z:").remote, R"(\\fs1\docs)");
  EXPECT_EQ(get("admin", "Z:").remote, R"(\\fs2\home)");
  ASSERT_EQ(add("admin", "Y:", R"(\\fs2\home)"), kNoError);
  EXPECT_EQ(drives("alice"), "CYZ") << "a free letter is mirrored";
}

TEST_F(Model, ASharedLinkedConnectionOutlivesOneLogoff) {
  start({{"alice", {"alice", 1, {}}}, {"admin", {"alice", 1, "alice"}}}, BehaviourProfile::NtLinked);
  ASSERT_EQ(add("admin", "Z:", R"(\\fs1\docs)"), kNoError);
  ASSERT_EQ(open("admin", R"(Z:\a)", "f"), kNoError);
  ASSERT_EQ(rc(LogoffStep{"admin"}), kNoError);
  EXPECT_EQ(drives("alice"), "CZ");
  EXPECT_EQ(rc(IoStep{"f"}), kUnexpNetErr) << "the logging-off logon's handles are orphaned";
  EXPECT_EQ(cancel("alice", "Z:"), kNoError) << "orphaned handles count for nothing";
}

TEST_F(Model, RememberedConnectionsSurviveLogoffAndLogon) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)", true), kNoError);
  ASSERT_EQ(rc(LogoffStep{"alice"}), kNoError);
  ASSERT_EQ(rc(LogonStep{"alice3", "alice", 1, {}}), kNoError);
  Result g = get("alice3", "Z:");
  EXPECT_EQ(g.rc, kConnectionUnavail);
  EXPECT_EQ(g.remote, R"(\\fs1\docs)");
  EXPECT_EQ(drives("alice3"), "C");
  EXPECT_EQ(cancel("alice3", "z:"), kNoError) << "a remembered-only device is forgotten";
  EXPECT_EQ(get("alice3", "Z:").rc, kNotConnected);
}

TEST_F(Model, AddChecksRunInOrder) {
  step(ProfileFaultStep{ProfileHealth::Unreadable, "alice", ""});
  arm_fault();
  EXPECT_EQ(add("alice", R"(Z:\)", R"(\\nowhere\x)", true), kBadDevice);
  EXPECT_EQ(add("alice", "LPT1:", R"(\\nowhere\x)", true), kBadDevType);
  EXPECT_EQ(add("alice", "C:", R"(\\nowhere\x)", true), kAlreadyAssigned);
  EXPECT_EQ(add("alice", "Z:", R"(\\nowhere\x)", true), kCannotOpenProfile);
  step(ProfileFaultStep{ProfileHealth::Ok, "alice", ""});
  step(ProfileFaultStep{ProfileHealth::Corrupt, "alice", "Z:"});
  EXPECT_EQ(add("alice", "Z:", R"(\\nowhere\x)", true), kBadProfile);
  ASSERT_EQ(s.fault.remaining, 1) << "no add so far reached the provider";
  EXPECT_EQ(add("alice", "Y:", R"(\\nowhere\x)", true), kExtendedError);
  EXPECT_EQ(add("alice", "Y:", R"(\\nowhere\x)", true), kBadNetName);
  EXPECT_EQ(add("alice", "Y:", R"(\\fs1\docs)", true), kNoError);
  EXPECT_EQ(cancel("alice", "Y:", false, Api::W2), kNoError);
  EXPECT_EQ(add("alice", "Y:", R"(\\fs1\docs)", true), kDeviceAlreadyRemembered);
  EXPECT_EQ(add("alice", "Y:", R"(\\fs1\docs)", false), kNoError) << "connects, entry as it was";
  EXPECT_EQ(add("alice", "Y:", R"(\\ps1\laser)", false, ResourceType::Print), kBadDevType);
}

TEST_F(Model, PathsResolveThroughTheCallersView) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)"), kNoError);
  EXPECT_EQ(open("alice", R"(C:\x)", "c"), kNoError);
  EXPECT_EQ(open("bob", R"(Z:\x)", "b"), kPathNotFound);
  EXPECT_EQ(open("alice", R"(\\fs1\docs\x)", "u"), kPathNotFound) << "no deviceless connection";
  EXPECT_EQ(open("alice", R"(Z:x)", "r"), kPathNotFound);
  EXPECT_EQ(rc(ChdirStep{"bob", R"(Z:\)"}), kPathNotFound);
  EXPECT_EQ(rc(CloseStep{"b"}), kInvalidHandle) << "its open failed";
}

TEST_F(Model, AFailingCancelChangesNothing) {
  ASSERT_EQ(add("alice", "Z:", R"(\\fs1\docs)", true), kNoError);
  ASSERT_EQ(add("alice", "Y:", R"(\\fs1\public)", true), kNoError);
  ASSERT_EQ(add("alice", std::nullopt, R"(\\fs2\home)"), kNoError);
  ASSERT_EQ(add("system", "S:", R"(\\fs1\public)"), kNoError);
  ASSERT_EQ(open("alice", R"(Z:\a)", "f"), kNoError);
  ASSERT_EQ(open("alice", R"(\\fs2\home\d)", "d", HandleKind::Directory), kNoError);
  step(ProfileFaultStep{ProfileHealth::Corrupt, "alice", "Y:"});
  const std::vector<CancelStep> failing = {
      {"alice", "Z:", false, Api::W, false},          {"alice", R"(\\fs2\home)", false, Api::A, false},
      {"alice", "Y:", true, Api::W, false},           {"alice", "S:", true, Api::W, false},
      {"alice", R"(\\fs1\docs)", true, Api::W, false}, {"alice", std::nullopt, true, Api::A2, true},
      {"bob", "Z:", true, Api::W, false},             {"alice2", "Y:", true, Api::W2, true}};
  for (const auto& c : failing) {
    const State before = s;
    EXPECT_NE(apply(s, c).rc, kNoError);
    EXPECT_EQ(s, before) << "cancel as " << c.as << " of " << c.name.value_or("NULL");
  }
  arm_fault();
  State expected = s;
  expected.fault.remaining = 0;
  expected.logons.at("alice").last_error = {5001, "server on fire", "TestNet"};
  EXPECT_EQ(cancel("alice", "Z:", true), kExtendedError);
  EXPECT_EQ(s, expected) << "a provider fault changes only its budget and the last error";
}

TEST_F(Model, InvalidStepsAreRejected) {
  EXPECT_THROW(step(DrivesStep{"carol"}), InvalidStep);
  ASSERT_EQ(rc(LogoffStep{"bob"}), kNoError);
  EXPECT_THROW(step(DrivesStep{"bob"}), InvalidStep);
  EXPECT_THROW(step(LogoffStep{"system"}), InvalidStep);
  EXPECT_THROW(step(LogonStep{"alice", "alice", 1, {}}), InvalidStep);
}

}  // namespace
}  // namespace wnc::model
