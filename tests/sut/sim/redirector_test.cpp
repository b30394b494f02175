// The redirector: connections, DOS device links, use counts, holders, orphaning, faults.
#include "sim/redirector.h"

#include <gtest/gtest.h>

namespace wnc::sim {
namespace {

const std::string kDocs = R"(\\fs1\docs)";
const std::optional<std::string> kZ = "Z:";

class RedirectorTest : public ::testing::Test {
 protected:
  explicit RedirectorTest(bool linked = false) {
    registry.create_key(kPoliciesSystemKey)
        .set_value("EnableLinkedConnections", {RegType::Dword, "", linked ? 1u : 0u});
    alice = sessions.logon("alice", "alice");
    admin = sessions.logon("admin", "alice");
    sessions.link(admin, alice);
  }

  Code add(Luid luid, const std::optional<std::string>& device, const std::string& remote,
           ResourceType type = ResourceType::Disk) {
    ExtendedError e;
    return redirector.add(luid, device, remote, type, &e);
  }
  Code cancel(Luid luid, const std::string& name, bool force = false) {
    CancelPlan plan;
    ExtendedError e;
    const Code rc = redirector.prepare_cancel(luid, name, force, &plan, &e);
    if (rc == code::kNoError) redirector.commit_cancel(plan);
    return rc;
  }
  HandleId open_on(Luid luid, ConnId conn, HandleKind kind) {
    return handles.insert({luid, kind, conn, false});
  }

  Registry registry;
  ObjectNamespace ns{Mutant::None};
  LogonSessions sessions{ns};
  HandleTable handles{Mutant::None};
  Redirector redirector{Network{}, ns, handles, sessions, registry, Mutant::None};
  Luid alice = 0;
  Luid admin = 0;
};

TEST_F(RedirectorTest, DeviceLinkTargetNamesDeviceLuidAndShare) {
  ASSERT_EQ(add(alice, kZ, R"(\\FS1\Docs\)"), code::kNoError);
  const auto target = ns.resolve(alice, "Z:");
  ASSERT_TRUE(target);
  EXPECT_EQ(*target, R"(\Device\LanmanRedirector\;Z:0000000000010000\FS1\Docs)");
  EXPECT_EQ(redirector.connection_at(*target, ResourceType::Disk).has_value(), true);
  EXPECT_EQ(redirector.connection_at(*target, ResourceType::Print), std::nullopt);
  std::string remote;
  EXPECT_EQ(redirector.get_connection(alice, "Z:", &remote), code::kNoError);
  EXPECT_EQ(remote, R"(\\FS1\Docs\)");
  EXPECT_EQ(redirector.get_connection(admin, "Z:", &remote), code::kNotConnected);
}

TEST_F(RedirectorTest, UnknownShareOrWrongKindIsBadNetName) {
  EXPECT_EQ(add(alice, kZ, R"(\\fs9\nope)"), code::kBadNetName);
  EXPECT_EQ(add(alice, "LPT1:", kDocs, ResourceType::Print), code::kBadNetName);
  EXPECT_EQ(add(alice, std::nullopt, R"(\\ps1\laser)"), code::kBadNetName);
  EXPECT_EQ(ns.resolve(alice, "Z:"), std::nullopt);
}

TEST_F(RedirectorTest, DevicelessUsesAreOneConnectionAndOneCancelRemovesAll) {
  ASSERT_EQ(add(alice, std::nullopt, kDocs), code::kNoError);
  ASSERT_EQ(add(alice, std::nullopt, R"(\\FS1\DOCS\)"), code::kNoError);
  const auto conn = redirector.deviceless(alice, R"(\\fs1\Docs)", ResourceType::Disk);
  ASSERT_TRUE(conn);
  CancelPlan plan;
  ExtendedError e;
  ASSERT_EQ(redirector.prepare_cancel(alice, R"(\\fs1\docs\)", false, &plan, &e), code::kNoError);
  EXPECT_EQ(plan.connections, std::vector<ConnId>{*conn});
  redirector.commit_cancel(plan);
  EXPECT_EQ(redirector.deviceless(alice, kDocs, ResourceType::Disk), std::nullopt);
  EXPECT_EQ(cancel(alice, kDocs), code::kNotConnected);
}

TEST_F(RedirectorTest, RemoteCancelIgnoresDevicesAndDeviceCancelIgnoresDeviceless) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  EXPECT_EQ(cancel(alice, kDocs), code::kNotConnected);
  ASSERT_EQ(add(alice, std::nullopt, kDocs), code::kNoError);
  EXPECT_EQ(cancel(alice, kDocs), code::kNoError);
  EXPECT_TRUE(ns.resolve(alice, "Z:"));
  EXPECT_EQ(cancel(alice, "z:"), code::kNoError);
  EXPECT_EQ(ns.resolve(alice, "Z:"), std::nullopt);
}

TEST_F(RedirectorTest, OnlyTheCallersConnectionsCount) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  ASSERT_EQ(add(alice, std::nullopt, kDocs), code::kNoError);
  EXPECT_EQ(cancel(admin, "Z:"), code::kNotConnected);
  EXPECT_EQ(cancel(admin, kDocs), code::kNotConnected);
}

TEST_F(RedirectorTest, FilesWinOverDirectoriesAndPrepareChangesNothing) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  const ConnId conn = *redirector.connection_at(*ns.resolve(alice, "Z:"), ResourceType::Disk);
  const HandleId dir = open_on(admin, conn, HandleKind::Directory);
  EXPECT_EQ(cancel(alice, "Z:"), code::kDeviceInUse);
  const HandleId file = open_on(admin, conn, HandleKind::File);
  EXPECT_EQ(cancel(alice, "Z:"), code::kOpenFiles);
  EXPECT_TRUE(ns.resolve(alice, "Z:"));
  EXPECT_EQ(handles.io(file), code::kNoError);
  EXPECT_EQ(cancel(alice, "Z:", /*force=*/true), code::kNoError);
  EXPECT_EQ(handles.io(file), code::kUnexpNetErr);
  EXPECT_EQ(handles.io(dir), code::kUnexpNetErr);
  EXPECT_EQ(handles.count_open(conn, HandleKind::File), 0);
}

TEST_F(RedirectorTest, FaultFailsTheNextCallsThatReachTheProvider) {
  redirector.arm_fault({31, "offline", "Test Network"}, 2);
  ExtendedError e;
  EXPECT_EQ(redirector.add(alice, kZ, kDocs, ResourceType::Disk, &e), code::kExtendedError);
  EXPECT_EQ(e.code, 31u);
  EXPECT_EQ(e.text, "offline");
  EXPECT_EQ(e.provider, "Test Network");
  EXPECT_EQ(cancel(alice, "Q:"), code::kExtendedError);
  EXPECT_EQ(cancel(alice, "Q:"), code::kNotConnected);
  EXPECT_EQ(add(alice, kZ, kDocs), code::kNoError);
}

TEST_F(RedirectorTest, LogoffOrphansHandlesOnItsConnections) {
  ASSERT_EQ(add(admin, kZ, kDocs), code::kNoError);
  const ConnId conn = *redirector.connection_at(*ns.resolve(admin, "Z:"), ResourceType::Disk);
  const HandleId h = open_on(alice, conn, HandleKind::File);
  redirector.logoff(admin);
  EXPECT_EQ(handles.io(h), code::kUnexpNetErr);
  EXPECT_EQ(redirector.connection_at(R"(\Device\LanmanRedirector\;Z:0000000000010001\fs1\docs)",
                                     ResourceType::Disk),
            std::nullopt);
}

TEST_F(RedirectorTest, WithoutLinkedConnectionsNothingIsMirrored) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  EXPECT_EQ(ns.resolve(admin, "Z:"), std::nullopt);
}

class LinkedRedirectorTest : public RedirectorTest {
 protected:
  LinkedRedirectorTest() : RedirectorTest(/*linked=*/true) {}
};

TEST_F(LinkedRedirectorTest, DeviceRedirectionIsSharedWithTheLivePartner) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  EXPECT_EQ(ns.resolve(admin, "Z:"), ns.resolve(alice, "Z:"));
  std::string remote;
  EXPECT_EQ(redirector.get_connection(admin, "Z:", &remote), code::kNoError);
  EXPECT_EQ(cancel(admin, "Z:"), code::kNoError);
  EXPECT_EQ(ns.resolve(alice, "Z:"), std::nullopt);
}

TEST_F(LinkedRedirectorTest, DevicelessConnectionsAreNeverShared) {
  ASSERT_EQ(add(alice, std::nullopt, kDocs), code::kNoError);
  EXPECT_EQ(redirector.deviceless(admin, kDocs, ResourceType::Disk), std::nullopt);
}

TEST_F(LinkedRedirectorTest, PartnerUsingTheLetterKeepsItsOwn) {
  redirector.logoff(alice);
  sessions.logoff(alice);
  ASSERT_EQ(add(admin, kZ, R"(\\fs2\home)"), code::kNoError);  // no partner: admin's alone
  const std::string admins = *ns.resolve(admin, "Z:");
  const Luid alice2 = sessions.logon("alice", "alice");
  sessions.link(alice2, admin);
  ASSERT_EQ(add(alice2, kZ, kDocs), code::kNoError);
  EXPECT_EQ(ns.resolve(admin, "Z:"), std::optional(admins));
  EXPECT_NE(ns.resolve(alice2, "Z:"), std::optional(admins));
  EXPECT_EQ(cancel(admin, "Z:"), code::kNoError);
  EXPECT_TRUE(ns.resolve(alice2, "Z:"));
}

TEST_F(LinkedRedirectorTest, SharedRedirectionPassesToThePartnerOnLogoff) {
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  const std::string target = *ns.resolve(alice, "Z:");
  const ConnId conn = *redirector.connection_at(target, ResourceType::Disk);
  const HandleId h = open_on(admin, conn, HandleKind::File);
  redirector.logoff(alice);
  EXPECT_EQ(ns.resolve(admin, "Z:"), std::optional(target));
  EXPECT_EQ(handles.io(h), code::kNoError);
  EXPECT_EQ(cancel(admin, "Z:"), code::kOpenFiles);
}

TEST_F(LinkedRedirectorTest, RedirectionMadeWhilePartnerIsAwayIsTheCreatorsAlone) {
  redirector.logoff(admin);
  sessions.logoff(admin);
  ASSERT_EQ(add(alice, kZ, kDocs), code::kNoError);
  const Luid admin2 = sessions.logon("admin", "alice");
  sessions.link(admin2, alice);
  EXPECT_EQ(ns.resolve(admin2, "Z:"), std::nullopt);
  EXPECT_EQ(cancel(admin2, "Z:"), code::kNotConnected);
}

}  // namespace
}  // namespace wnc::sim
