// LUIDs, users, SIDs and linked partners.
#include "sim/logon_sessions.h"

#include <gtest/gtest.h>

#include "sim/sim_world.h"
#include "steps.h"

namespace wnc::sim {
namespace {

class LogonSessionsTest : public ::testing::Test {
 protected:
  ObjectNamespace ns{Mutant::None};
  LogonSessions sessions{ns};
};

TEST_F(LogonSessionsTest, SystemIsPredefined) {
  EXPECT_EQ(sessions.require("system"), kSystemLuid);
  EXPECT_EQ(sessions.user_of(kSystemLuid), "SYSTEM");
  EXPECT_EQ(sessions.sid_of(kSystemLuid), "S-1-5-18");
}

TEST_F(LogonSessionsTest, LuidsCountUpAndAreNeverReused) {
  EXPECT_EQ(sessions.logon("a", "alice"), 0x10000u);
  EXPECT_EQ(sessions.logon("b", "alice"), 0x10001u);
  sessions.logoff(0x10000);
  EXPECT_THROW(sessions.require("a"), std::invalid_argument);
  EXPECT_EQ(sessions.logon("a", "alice"), 0x10002u);
  EXPECT_EQ(sessions.require("a"), 0x10002u);
}

TEST_F(LogonSessionsTest, InvalidLogonsAreRejected) {
  sessions.logon("a", "alice");
  EXPECT_THROW(sessions.logon("a", "bob"), std::invalid_argument);
  EXPECT_THROW(sessions.logon("system", "bob"), std::invalid_argument);
  EXPECT_THROW(sessions.require("nobody"), std::invalid_argument);
}

TEST_F(LogonSessionsTest, UsersShareASidAndCompareExactly) {
  const Luid a = sessions.logon("a", "alice");
  const Luid a2 = sessions.logon("a2", "alice");
  const Luid cap = sessions.logon("cap", "Alice");
  EXPECT_EQ(sessions.sid_of(a), sessions.sid_of(a2));
  EXPECT_NE(sessions.sid_of(a), sessions.sid_of(cap));
  EXPECT_EQ(sessions.sid_of_user("alice"), sessions.sid_of(a));
}

TEST_F(LogonSessionsTest, PartnersAreLinkedBothWaysWhileLoggedOn) {
  const Luid alice = sessions.logon("alice", "alice");
  const Luid admin = sessions.logon("admin", "alice");
  const Luid bob = sessions.logon("bob", "bob");
  sessions.link(admin, alice);
  EXPECT_EQ(sessions.partner(admin), alice);
  EXPECT_EQ(sessions.partner(alice), admin);
  EXPECT_EQ(sessions.partner(bob), std::nullopt);
  sessions.logoff(admin);
  EXPECT_EQ(sessions.partner(alice), std::nullopt);
}

TEST_F(LogonSessionsTest, PartnersAreLogonSessionsNotNames) {
  const Luid alice = sessions.logon("alice", "alice");
  const Luid admin = sessions.logon("admin", "alice");
  sessions.link(admin, alice);
  sessions.logoff(alice);
  const Luid alice2 = sessions.logon("alice", "alice");
  EXPECT_EQ(sessions.partner(admin), std::nullopt);
  EXPECT_EQ(sessions.partner(alice2), std::nullopt);
}

TEST_F(LogonSessionsTest, LogonStepPairsWithALiveUnpairedLogonOfItsUser) {
  const Luid alice = sessions.logon("alice", "alice");
  const Luid admin = sessions.logon("admin", "alice", alice);
  EXPECT_EQ(sessions.partner(alice), admin);
  EXPECT_EQ(sessions.partner(admin), alice);
}

TEST_F(LogonSessionsTest, ForbiddenLinksAreInvalidAndChangeNothing) {
  const Luid alice = sessions.logon("alice", "alice");
  const Luid bob = sessions.logon("bob", "bob");
  EXPECT_THROW(sessions.logon("x", "bob", alice), std::invalid_argument);  // another user
  EXPECT_THROW(sessions.logon("x", "SYSTEM", kSystemLuid), std::invalid_argument);
  EXPECT_THROW(sessions.require("x"), std::invalid_argument);
  EXPECT_THROW(sessions.link(alice, alice), std::invalid_argument);
  EXPECT_THROW(sessions.link(alice, bob), std::invalid_argument);
  const Luid admin = sessions.logon("admin", "alice", alice);
  EXPECT_THROW(sessions.logon("admin2", "alice", alice), std::invalid_argument);  // paired
  const Luid admin2 = sessions.logon("admin2", "alice");
  EXPECT_THROW(sessions.link(admin2, alice), std::invalid_argument);
  EXPECT_THROW(sessions.link(alice, admin2), std::invalid_argument);
  EXPECT_EQ(sessions.partner(alice), admin);
  EXPECT_EQ(sessions.partner(admin2), std::nullopt);
}

TEST_F(LogonSessionsTest, ALogonWhosePartnerLoggedOffMayPairAgain) {
  const Luid alice = sessions.logon("alice", "alice");
  const Luid admin = sessions.logon("admin", "alice", alice);
  sessions.logoff(admin);
  const Luid admin2 = sessions.logon("admin2", "alice", alice);
  EXPECT_EQ(sessions.partner(alice), admin2);
}

TEST(SimWorldLogons, DeclaredLogonsGetLuidsInNameOrder) {
  SimWorld world(simtest::three_logons(), Mutant::None);
  EXPECT_EQ(world.sessions.require("alice"), 0x10000u);
  EXPECT_EQ(world.sessions.require("alice2"), 0x10001u);
  EXPECT_EQ(world.sessions.require("bob"), 0x10002u);
}

TEST(SimWorldLogons, SetupMayNotDeclareSystem) {
  wnc::Setup s;
  s.logons = {{"system", {"SYSTEM", 0, std::nullopt}}};
  EXPECT_THROW(SimWorld(s, Mutant::None), std::invalid_argument);
}

TEST(SimWorldLogons, DeclaredPairsAreLinkedWhateverTheNameOrder) {
  SimWorld world(simtest::linked_pair(), Mutant::None);  // admin < alice, admin links alice
  EXPECT_EQ(world.sessions.partner(world.sessions.require("alice")),
            world.sessions.require("admin"));
}

TEST(SimWorldLogons, SetupLinksFollowTheLogonStepRules) {
  const std::vector<std::map<std::string, LogonDecl>> bad = {
      {{"admin", {"alice", 1, "alice"}}},                                    // undeclared
      {{"admin", {"alice", 1, "system"}}},                                   // system
      {{"admin", {"alice", 1, "bob"}}, {"bob", {"bob", 1, std::nullopt}}},   // other user
      {{"admin", {"alice", 1, "admin"}}},                                    // itself
      {{"admin", {"alice", 1, "alice"}}, {"alice", {"alice", 1, "admin"}}},  // twice
      {{"a1", {"alice", 1, "alice"}}, {"a2", {"alice", 1, "alice"}}, {"alice", {"alice", 1, {}}}},
  };
  for (const auto& logons : bad) {
    wnc::Setup s;
    s.logons = logons;
    EXPECT_THROW(SimWorld(s, Mutant::None), std::invalid_argument) << logons.begin()->first;
  }
}

TEST(SimWorldLogons, SystemNeverLogsOff) {
  SimWorld world(wnc::Setup{}, Mutant::None);
  EXPECT_THROW(world.logoff(kSystemLuid), std::invalid_argument);
}

}  // namespace
}  // namespace wnc::sim
