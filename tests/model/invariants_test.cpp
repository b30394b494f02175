// Each invariant fires on a State broken by hand in exactly that one way.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "invariants.h"

namespace wnc::model {
namespace {

using ::testing::HasSubstr;

constexpr const char* kDocs = R"(\\fs1\docs)";
constexpr const char* kLaser = R"(\\ps1\laser)";

// A world with something of every kind: a linked pair sharing Z:, system's LPT1:, a
// deviceless connection, an open handle, an active job, a current directory, a profile.
class Invariants : public ::testing::Test {
 protected:
  void SetUp() override {
    wnc::Setup setup;
    setup.profile = BehaviourProfile::NtLinked;
    setup.logons = {{"alice", {"alice", 1, {}}}, {"alice2", {"alice", 2, "alice"}}, {"bob", {"bob", 1, {}}}};
    s = initial_state(setup);
    for (const Step& step : std::vector<Step>{
             AddStep{"alice", "Z:", kDocs, ResourceType::Disk, true},
             AddStep{"system", "LPT1:", kLaser, ResourceType::Print, false},
             AddStep{"bob", std::nullopt, kDocs, ResourceType::Disk, false},
             OpenStep{"alice2", R"(Z:\a)", "h", HandleKind::File},
             JobStep{"bob", "LPT1:", "j"},
             ChdirStep{"alice", R"(Z:\)"},
         })
      ASSERT_EQ(apply(s, step).rc, code::kNoError) << step_kind(step);
    ASSERT_EQ(check_invariants(s), std::nullopt);
  }

  // The description of the first broken invariant, "" when all hold.
  std::string broken() { return check_invariants(s).value_or(""); }

  Connection& shared_z() { return s.connections.at(1); }
  Connection& system_lpt() { return s.connections.at(2); }
  Connection& deviceless() { return s.connections.at(3); }

  State s;
};

TEST_F(Invariants, SystemIsAlwaysLiveAsSYSTEM) {
  s.logons.at("system").user = "alice";
  EXPECT_THAT(broken(), HasSubstr("system logon's user"));
  s.logons.erase("system");
  EXPECT_THAT(broken(), HasSubstr("system logon is not live"));
}

TEST_F(Invariants, PartnersAreSymmetric) {
  s.logons.at("alice2").partner = "bob";
  EXPECT_THAT(broken(), HasSubstr("'alice' is linked to 'alice2', which is not linked back"));
}

TEST_F(Invariants, PartnersAreOneUsersLiveLogonsOtherThanItselfAndSystem) {
  s.logons.at("bob").partner = "carol";
  EXPECT_THAT(broken(), HasSubstr("which is not live"));
  s.logons.at("bob").partner = "bob";
  EXPECT_THAT(broken(), HasSubstr("itself"));
  s.logons.at("bob").partner = "system";
  EXPECT_THAT(broken(), HasSubstr("system is never linked"));
  s.logons.at("bob").partner.reset();
  s.logons.at("alice2").user = "bob";
  EXPECT_THAT(broken(), HasSubstr("a logon of another user"));
}

TEST_F(Invariants, IdsAreInRange) {
  s.connections[9] = deviceless();
  EXPECT_THAT(broken(), HasSubstr("connection 9 is outside 1..3"));
  s.connections.erase(9);
  s.handles.at("h").connection = 0;
  EXPECT_THAT(broken(), HasSubstr("handle 'h' is on connection 0, never created"));
  s.handles.at("h").connection = 1;
  s.jobs.at("j").connection = 4;
  EXPECT_THAT(broken(), HasSubstr("job 'j' is on connection 4"));
  s.jobs.at("j").connection = 2;
  s.logons.at("alice").cwd = 7;
  EXPECT_THAT(broken(), HasSubstr("current directory on connection 7, never created"));
}

TEST_F(Invariants, OwnersAreLiveAndNeverNone) {
  deviceless().owners = {"carol"};
  EXPECT_THAT(broken(), HasSubstr("held by 'carol', which is not live"));
  deviceless().owners.clear();
  EXPECT_THAT(broken(), HasSubstr("connection 3 has no owner"));
}

TEST_F(Invariants, OnlyALinkedPairSharesAndOnlyADeviceRedirectionUnderNtLinked) {
  system_lpt().owners.insert("bob");
  EXPECT_THAT(broken(), HasSubstr("held by system and another logon"));
  system_lpt().owners = {"system"};
  shared_z().owners.insert("bob");
  EXPECT_THAT(broken(), HasSubstr("more than two"));
  shared_z().owners = {"alice", "bob"};
  EXPECT_THAT(broken(), HasSubstr("shared by 'alice' and 'bob', which are not linked"));
  shared_z().owners = {"alice", "alice2"};
  deviceless().owners = {"alice", "alice2"};
  EXPECT_THAT(broken(), HasSubstr("connection 3 is deviceless and shared"));
  deviceless().owners = {"bob"};
  s.behaviour = BehaviourProfile::Nt;
  EXPECT_THAT(broken(), HasSubstr("connection 1 is shared under nt"));
}

TEST_F(Invariants, ConnectionsRedirectAnAssignableDeviceOfTheirTypeToADeclaredResource) {
  shared_z().device = "z:";
  EXPECT_THAT(broken(), HasSubstr("'z:', not a redirectable device name"));
  shared_z().device = "C:";
  EXPECT_THAT(broken(), HasSubstr("'C:', not a redirectable device name"));
  shared_z().device = "LPT2:";
  EXPECT_THAT(broken(), HasSubstr("'LPT2:' to the wrong type"));
  shared_z().device = "Z:";
  shared_z().uses = 2;
  EXPECT_THAT(broken(), HasSubstr("device redirection with 2 uses"));
  shared_z().uses = 1;
  deviceless().uses = 0;
  EXPECT_THAT(broken(), HasSubstr("connection 3 has 0 uses"));
  deviceless().uses = 3;
  deviceless().type = ResourceType::Print;
  EXPECT_THAT(broken(), HasSubstr("not a declared resource of its type"));
}

TEST_F(Invariants, ALogonNeverHoldsTwoRedirectionsOfOneDevice) {
  s.connections[s.next_connection++] = Connection{kDocs, R"(\\fs1\docs)", "Z:", ResourceType::Disk, {"alice2"}, 1};
  EXPECT_THAT(broken(), HasSubstr("'alice2' holds two redirections of Z:"));
}

TEST_F(Invariants, ALogonHoldsOneDevicelessConnectionPerRemote) {
  s.connections[s.next_connection++] = deviceless();
  EXPECT_THAT(broken(), HasSubstr("'bob' holds two deviceless connections"));
}

TEST_F(Invariants, OpenHandlesAreOnLiveDiskConnectionsOfLiveLogons) {
  s.handles.at("h").opener = "carol";
  EXPECT_THAT(broken(), HasSubstr("handle 'h' is open for 'carol', which is not live"));
  s.handles.at("h").opener = "alice2";
  s.handles.at("h").connection = 2;
  EXPECT_THAT(broken(), HasSubstr("handle 'h' is open on connection 2, not a live disk connection"));
  s.handles.at("h").orphaned = true;
  EXPECT_EQ(broken(), "") << "an orphaned handle may point anywhere it once was";
}

TEST_F(Invariants, ActiveJobsAreOnLivePrintConnectionsOfLiveLogons) {
  s.jobs.at("j").opener = "carol";
  EXPECT_THAT(broken(), HasSubstr("job 'j' is active for 'carol'"));
  s.jobs.at("j").opener = "bob";
  s.connections.erase(2);
  EXPECT_THAT(broken(), HasSubstr("job 'j' is active on connection 2, not a live print connection"));
  s.jobs.at("j").orphaned = true;
  EXPECT_EQ(broken(), "");
}

TEST_F(Invariants, CurrentDirectoriesAreOnLiveDiskConnections) {
  s.logons.at("alice").cwd = 3;
  EXPECT_EQ(broken(), "");
  s.connections.erase(3);
  EXPECT_THAT(broken(), HasSubstr("'alice' has its current directory on connection 3, not a live disk connection"));
}

TEST_F(Invariants, ProfileEntriesAreKeyedByDeviceOfTheirType) {
  s.profiles.at("alice").entries["Z:"] = ProfileEntry{kDocs, ResourceType::Disk};
  EXPECT_THAT(broken(), HasSubstr("remembers 'Z:', not a profile key"));
  s.profiles.at("alice").entries.erase("Z:");
  s.profiles.at("alice").entries["Z"].type = ResourceType::Print;
  EXPECT_THAT(broken(), HasSubstr("remembers 'Z' with the wrong type"));
}

TEST_F(Invariants, TheFaultBudgetIsNeverNegative) {
  s.fault.remaining = -1;
  EXPECT_THAT(broken(), HasSubstr("-1 calls left"));
}

}  // namespace
}  // namespace wnc::model
