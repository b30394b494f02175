// The router (MPR): the check order of docs/behaviour.md (sections 2 and 4), the profile, the last error.
#include <gtest/gtest.h>

#include "sim/fault_injection.h"
#include "sim/sim_world.h"
#include "steps.h"

namespace wnc::sim {
namespace {

const std::string kDocs = R"(\\fs1\docs)";

class RouterTest : public ::testing::Test {
 protected:
  RouterTest()
      : world(simtest::three_logons(), Mutant::None),
        alice(world.sessions.require("alice")),
        alice2(world.sessions.require("alice2")) {}

  Code add(Luid luid, const std::string& local, const std::string& remote,
           bool persistent = false) {
    const ResourceType type = local.starts_with("LPT") ? ResourceType::Print : ResourceType::Disk;
    return world.router.add_connection2(luid, {type, local, remote},
                                        persistent ? kConnectUpdateProfile : 0);
  }
  Code cancel(Luid luid, const std::optional<std::string>& name, bool force = false) {
    return world.router.cancel_connection_w(luid, name, force);
  }
  Code get(Luid luid, const std::string& local, std::string* remote = nullptr) {
    std::string r;
    const Code rc = world.router.get_connection(luid, local, &r);
    if (remote) *remote = r;
    return rc;
  }
  HandleId open(Luid luid, const std::string& path, HandleKind kind = HandleKind::File) {
    HandleId h = 0;
    EXPECT_EQ(world.io.open(luid, path, kind, &h), code::kNoError) << path;
    return h;
  }
  void profile(ProfileHealth health, const std::string& device = "") {
    inject_profile_fault(world.registry, world.sessions.sid_of_user("alice"),
                         {health, "alice", device});
  }
  void arm_fault(int times = 1) { world.redirector.arm_fault({31, "offline", "Test Net"}, times); }
  bool visible(Luid luid, const std::string& device) {
    return world.ns.resolve(luid, device).has_value();
  }

  SimWorld world;
  Luid alice;
  Luid alice2;
};

// Check 1 fails before the provider is reached: the armed fault is still there afterwards.
TEST_F(RouterTest, BadNamesAreNotConnectedAndReachNoProvider) {
  ASSERT_EQ(add(alice, "Z:", kDocs), code::kNoError);
  arm_fault();
  for (const char* bad : {"", R"(Z:\)", "LPT1", "foo", "Z", "COM1:", "LPT10:", "lpt0:"})
    EXPECT_EQ(cancel(alice, std::string(bad)), code::kNotConnected) << bad;
  EXPECT_EQ(cancel(alice, std::nullopt), code::kNotConnected);
  EXPECT_TRUE(visible(alice, "Z:"));
  EXPECT_EQ(cancel(alice, "Z:"), code::kExtendedError);
}

TEST_F(RouterTest, ProviderFaultComesBeforeEverythingElseAndSetsTheLastError) {
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  open(alice, R"(Z:\a.txt)");
  profile(ProfileHealth::Unreadable);
  arm_fault();
  EXPECT_EQ(cancel(alice, "Z:"), code::kExtendedError);
  EXPECT_EQ(world.router.get_last_error(alice).code, 31u);
  EXPECT_EQ(world.router.get_last_error(alice).text, "offline");
  EXPECT_EQ(world.router.get_last_error(alice).provider, "Test Net");
  EXPECT_EQ(world.router.get_last_error(alice2).code, 0u);
  EXPECT_EQ(cancel(alice, "Z:"), code::kOpenFiles);
  // Other failures keep the last error.
  EXPECT_EQ(world.router.get_last_error(alice).code, 31u);
}

TEST_F(RouterTest, FaultIsConsumedByANotConnectedRemoteName) {
  arm_fault();
  EXPECT_EQ(cancel(alice, R"(\\fs1\nothing)"), code::kExtendedError);
  EXPECT_EQ(cancel(alice, R"(\\fs1\nothing)"), code::kNotConnected);
}

TEST_F(RouterTest, OpenFilesThenInUseThenProfileThenSuccess) {
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  const HandleId file = open(alice, R"(Z:\a.txt)");
  const HandleId dir = open(alice, R"(Z:\dir)", HandleKind::Directory);
  profile(ProfileHealth::Corrupt, "Z:");
  profile(ProfileHealth::Unreadable);
  EXPECT_EQ(cancel(alice, "Z:"), code::kOpenFiles);
  world.handles.close(file);
  EXPECT_EQ(cancel(alice, "Z:"), code::kDeviceInUse);
  world.handles.close(dir);
  EXPECT_EQ(cancel(alice, "Z:"), code::kCannotOpenProfile);
  profile(ProfileHealth::Ok);  // deletes the corrupt entry
  profile(ProfileHealth::Corrupt, "Z:");
  EXPECT_EQ(cancel(alice, "Z:"), code::kBadProfile);
  EXPECT_TRUE(visible(alice, "Z:"));
  profile(ProfileHealth::Ok);
  EXPECT_EQ(cancel(alice, "Z:"), code::kNoError);
  EXPECT_FALSE(visible(alice, "Z:"));
}

TEST_F(RouterTest, CurrentDirectoryIsInUse) {
  ASSERT_EQ(add(alice, "Z:", kDocs), code::kNoError);
  ASSERT_EQ(world.processes.change_directory(alice, R"(Z:\dir)"), code::kNoError);
  EXPECT_EQ(cancel(alice, "Z:"), code::kDeviceInUse);
  ASSERT_EQ(world.processes.change_directory(alice, R"(C:\)"), code::kNoError);
  EXPECT_EQ(cancel(alice, "Z:"), code::kNoError);
}

TEST_F(RouterTest, ForceCancelsAndOrphans) {
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  const HandleId file = open(alice, R"(Z:\a.txt)");
  EXPECT_EQ(cancel(alice, "Z:", true), code::kNoError);
  EXPECT_EQ(world.handles.io(file), code::kUnexpNetErr);
  EXPECT_EQ(get(alice, "Z:"), code::kNotConnected);  // the entry is forgotten too
}

TEST_F(RouterTest, NotConnectedDeviceConsultsTheProfile) {
  EXPECT_EQ(cancel(alice, "Q:"), code::kNotConnected);
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  // alice2 shares alice's profile but not her namespace: the entry is only remembered there.
  std::string remote;
  EXPECT_EQ(get(alice2, "Z:", &remote), code::kConnectionUnavail);
  EXPECT_EQ(remote, kDocs);
  profile(ProfileHealth::Corrupt, "Y:");
  EXPECT_EQ(cancel(alice2, "Y:"), code::kBadProfile);
  profile(ProfileHealth::Unreadable);
  EXPECT_EQ(cancel(alice2, "Z:"), code::kCannotOpenProfile);
  EXPECT_EQ(cancel(alice2, "Y:"), code::kCannotOpenProfile);
  profile(ProfileHealth::Ok);
  EXPECT_EQ(cancel(alice2, "Z:"), code::kNoError);
  EXPECT_EQ(get(alice2, "Z:"), code::kNotConnected);
  EXPECT_EQ(get(alice, "Z:"), code::kNoError);  // alice's connection is untouched
  EXPECT_EQ(cancel(alice2, "Z:"), code::kNotConnected);
}

TEST_F(RouterTest, Cancel2WithoutUpdateProfileLeavesTheProfileAlone) {
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  EXPECT_EQ(world.router.cancel_connection2_w(alice2, "Z:", 0, false), code::kNotConnected);
  profile(ProfileHealth::Corrupt, "Y:");
  EXPECT_EQ(world.router.cancel_connection2_a(alice, "Y:", 0, false), code::kNotConnected);
  EXPECT_EQ(world.router.cancel_connection2_w(alice, "Z:", 0, false), code::kNoError);
  std::string remote;
  EXPECT_EQ(get(alice, "Z:", &remote), code::kConnectionUnavail);
  EXPECT_EQ(world.router.cancel_connection2_w(alice, "Z:", kConnectUpdateProfile, false),
            code::kNoError);
  EXPECT_EQ(get(alice, "Z:"), code::kNotConnected);
}

TEST_F(RouterTest, RemoteNameCancelNeverReadsTheProfile) {
  ASSERT_EQ(add(alice, "Z:", kDocs), code::kNoError);
  ASSERT_EQ(add(alice, "", kDocs), code::kNoError);
  const HandleId h = open(alice, R"(\\fs1\docs\a.txt)");
  profile(ProfileHealth::Unreadable);
  EXPECT_EQ(cancel(alice, R"(\\FS1\Docs\)"), code::kOpenFiles);
  world.handles.close(h);
  EXPECT_EQ(cancel(alice, R"(\\FS1\Docs\)"), code::kNoError);
  EXPECT_TRUE(visible(alice, "Z:"));  // R-REMOTE-ONLY
  EXPECT_EQ(cancel(alice, kDocs), code::kNotConnected);
}

TEST_F(RouterTest, AnsiAndUnicodeAgree) {
  ASSERT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  open(alice, R"(Z:\a.txt)");
  EXPECT_EQ(world.router.cancel_connection_a(alice, "z:", false), code::kOpenFiles);
  EXPECT_EQ(world.router.cancel_connection_a(alice, "z:", true), code::kNoError);
  EXPECT_EQ(get(alice, "Z:"), code::kNotConnected);
}

TEST_F(RouterTest, AddChecksRunInOrder) {
  profile(ProfileHealth::Unreadable);
  arm_fault();
  EXPECT_EQ(add(alice, R"(Z:\)", "nowhere", true), code::kBadDevice);
  EXPECT_EQ(world.router.add_connection2(alice, {ResourceType::Print, "Z:", kDocs}, 1),
            code::kBadDevType);
  EXPECT_EQ(world.router.add_connection2(alice, {ResourceType::Disk, "LPT1:", kDocs}, 1),
            code::kBadDevType);
  EXPECT_EQ(add(alice, "c:", "nowhere", true), code::kAlreadyAssigned);
  EXPECT_EQ(add(alice, "Z:", "nowhere", true), code::kCannotOpenProfile);
  profile(ProfileHealth::Corrupt, "Z:");
  EXPECT_EQ(add(alice, "Z:", "nowhere", true), code::kCannotOpenProfile);  // 1205 before 1206
  profile(ProfileHealth::Ok);
  profile(ProfileHealth::Corrupt, "Z:");
  EXPECT_EQ(add(alice, "Z:", "nowhere", true), code::kBadProfile);
  profile(ProfileHealth::Ok);
  EXPECT_EQ(add(alice, "Z:", "nowhere", true), code::kExtendedError);
  EXPECT_EQ(add(alice, "Z:", "nowhere", true), code::kBadNetName);
  EXPECT_EQ(get(alice, "Z:"), code::kNotConnected);  // nothing remembered by failures
  EXPECT_EQ(add(alice, "Z:", kDocs, true), code::kNoError);
  EXPECT_EQ(add(alice2, "Z:", R"(\\fs2\home)", true), code::kDeviceAlreadyRemembered);
  EXPECT_EQ(add(alice2, "Z:", R"(\\fs2\home)"), code::kNoError);
  std::string remote;
  EXPECT_EQ(get(alice2, "Z:", &remote), code::kNoError);
  EXPECT_EQ(remote, R"(\\fs2\home)");
}

TEST_F(RouterTest, DevicelessAddIgnoresPersistentAndTheProfile) {
  profile(ProfileHealth::Unreadable);
  EXPECT_EQ(add(alice, "", kDocs, true), code::kNoError);
  EXPECT_EQ(world.router.add_connection2(alice, {ResourceType::Disk, std::nullopt, kDocs}, 1),
            code::kNoError);
  EXPECT_EQ(cancel(alice, kDocs), code::kNoError);
  EXPECT_EQ(cancel(alice, kDocs), code::kNotConnected);
}

TEST_F(RouterTest, GetConnectionReportsTheRemoteAsGivenAndNeverProfileErrors) {
  EXPECT_EQ(get(alice, "Z:\\"), code::kBadDevice);
  EXPECT_EQ(get(alice, "C:"), code::kNotConnected);
  ASSERT_EQ(add(alice, "z:", R"(\\FS1\Docs\)", true), code::kNoError);
  std::string remote;
  EXPECT_EQ(get(alice, "Z:", &remote), code::kNoError);
  EXPECT_EQ(remote, R"(\\FS1\Docs\)");
  EXPECT_EQ(get(alice2, "Z:", &remote), code::kConnectionUnavail);
  EXPECT_EQ(remote, R"(\\FS1\Docs\)");
  profile(ProfileHealth::Unreadable);
  EXPECT_EQ(get(alice2, "Z:"), code::kNotConnected);
  EXPECT_EQ(get(alice, "Z:"), code::kNoError);
  profile(ProfileHealth::Ok);
  profile(ProfileHealth::Corrupt, "Z:");
  EXPECT_EQ(get(alice2, "Z:"), code::kNotConnected);
}

TEST_F(RouterTest, SystemMappingsAreVisibleButNotConnectedForOthers) {
  ASSERT_EQ(add(kSystemLuid, "Y:", kDocs), code::kNoError);
  EXPECT_TRUE(visible(alice, "Y:"));
  EXPECT_EQ(add(alice, "Y:", kDocs), code::kAlreadyAssigned);
  EXPECT_EQ(get(alice, "Y:"), code::kNotConnected);
  EXPECT_EQ(cancel(alice, "Y:", true), code::kNotConnected);
  const HandleId h = open(alice, R"(Y:\a.txt)");
  EXPECT_EQ(cancel(kSystemLuid, "Y:"), code::kOpenFiles);  // P-IN-USE: whoever opened it
  world.handles.close(h);
  EXPECT_EQ(cancel(kSystemLuid, "Y:"), code::kNoError);
  EXPECT_FALSE(visible(alice, "Y:"));
}

TEST_F(RouterTest, LogoffDropsTheLastError) {
  const Luid bob = world.sessions.require("bob");
  arm_fault();
  EXPECT_EQ(cancel(bob, "Z:"), code::kExtendedError);
  world.logoff(bob);
  const Luid bob2 = world.sessions.logon("bob", "bob");
  EXPECT_EQ(world.router.get_last_error(bob2).code, 0u);
  EXPECT_EQ(world.router.get_last_error(bob2).text, "");
}

}  // namespace
}  // namespace wnc::sim
