// P-INVALID as the loader and the explorer apply it: what a step may name at each point.
#include "scenario/validity.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

using Rule = Problem::Rule;

Setup alice_and_bob() {
  wnc::Setup s;
  s.logons["alice"] = {"alice", 1, std::nullopt};
  s.logons["bob"] = {"bob", 1, std::nullopt};
  return s;
}

// "rule field 'name'" of the problem, or "ok".
std::string verdict(const Validity& v, const Step& step) {
  auto p = v.check(step);
  if (!p) return "ok";
  return std::to_string(static_cast<int>(p->rule)) + " " + p->field + " '" + std::string(p->name) + "'";
}
std::string problem(Rule rule, const char* field, const char* name) {
  return std::to_string(static_cast<int>(rule)) + " " + field + " '" + name + "'";
}

TEST(Validity, StepsOnlyAsLiveLogons) {
  Validity v(alice_and_bob());
  EXPECT_EQ(verdict(v, DrivesStep{"system"}), "ok");
  EXPECT_EQ(verdict(v, DrivesStep{"carol"}), problem(Rule::UndeclaredLogon, "as", "carol"));
  v.apply(LogoffStep{"alice"});
  EXPECT_EQ(verdict(v, DrivesStep{"alice"}), problem(Rule::UndeclaredLogon, "as", "alice"));
  EXPECT_EQ(v.explain(*v.check(DrivesStep{"alice"})), "undeclared logon 'alice' (live logons here: bob, system)");
  EXPECT_EQ(verdict(v, LogonStep{"alice", "alice", 1, std::nullopt}), "ok") << "a name may log on again";
  EXPECT_EQ(verdict(v, LogonStep{"bob", "bob", 1, std::nullopt}), problem(Rule::AlreadyLoggedOn, "name", "bob"));
  EXPECT_EQ(verdict(v, LogoffStep{"system"}), problem(Rule::SystemLogoff, "as", "system"));
}

TEST(Validity, HandlesAndJobsAreNamedBeforeUseAndOpenOnce) {
  Validity v(alice_and_bob());
  EXPECT_EQ(verdict(v, IoStep{"h"}), problem(Rule::UndeclaredHandle, "handle", "h"));
  EXPECT_EQ(verdict(v, CloseStep{"h"}), problem(Rule::UndeclaredHandle, "handle", "h"));
  const OpenStep open{"alice", "C:\\a", "h", HandleKind::File};
  v.apply(open);
  EXPECT_EQ(verdict(v, open), problem(Rule::HandleOpen, "handle", "h"));
  v.apply(CloseStep{"h"});
  EXPECT_EQ(verdict(v, IoStep{"h"}), "ok") << "a closed handle stays declared";
  EXPECT_EQ(verdict(v, open), "ok") << "and may be opened again";

  EXPECT_EQ(verdict(v, EndJobStep{"j"}), problem(Rule::UndeclaredJob, "job", "j"));
  const JobStep job{"alice", "LPT1:", "j"};
  v.apply(job);
  EXPECT_EQ(verdict(v, job), problem(Rule::JobActive, "job", "j"));
  v.apply(EndJobStep{"j"});
  EXPECT_EQ(verdict(v, job), "ok");
  EXPECT_EQ(v.declared_handles(), std::set<std::string>{"h"});
  EXPECT_TRUE(v.open_handles().empty());
  EXPECT_EQ(v.declared_jobs(), std::set<std::string>{"j"});
  EXPECT_TRUE(v.active_jobs().empty());
}

TEST(Validity, LinksOnlyToAnUnpairedLogonOfTheSameUser) {
  Validity v(alice_and_bob());
  EXPECT_EQ(verdict(v, LogonStep{"s2", "SYSTEM", 1, "system"}), problem(Rule::BadPartner, "linked", "SYSTEM"));
  EXPECT_EQ(verdict(v, LogonStep{"b", "bob", 1, "alice"}), problem(Rule::BadPartner, "linked", "bob"));
  EXPECT_EQ(verdict(v, LogonStep{"a2", "alice", 1, "carol"}), problem(Rule::UndeclaredLogon, "linked", "carol"));
  const LogonStep a2{"a2", "alice", 1, "alice"};
  EXPECT_EQ(verdict(v, a2), "ok");
  v.apply(a2);
  EXPECT_EQ(verdict(v, LogonStep{"a3", "alice", 1, "alice"}), problem(Rule::BadPartner, "linked", "alice"));
  EXPECT_EQ(verdict(v, LogonStep{"a3", "alice", 1, "a2"}), problem(Rule::BadPartner, "linked", "alice"));
  v.apply(LogoffStep{"a2"});
  EXPECT_EQ(verdict(v, LogonStep{"a3", "alice", 1, "alice"}), "ok") << "a logon whose partner logged off pairs again";
}

TEST(Validity, DeclaredPairsCount) {
  wnc::Setup s = alice_and_bob();
  s.logons["admin"] = {"alice", 1, std::string("alice")};
  ASSERT_EQ(Validity::misdeclared_link(s), nullptr);
  Validity v(s);
  EXPECT_EQ(verdict(v, LogonStep{"a3", "alice", 1, "alice"}), problem(Rule::BadPartner, "linked", "alice"));
  EXPECT_EQ(verdict(v, LogonStep{"a3", "alice", 1, "admin"}), problem(Rule::BadPartner, "linked", "alice"));
}

TEST(Validity, FindsAMisdeclaredLink) {
  auto bad = [](std::map<std::string, LogonDecl> logons) {
    wnc::Setup s;
    s.logons = std::move(logons);
    const std::string* name = Validity::misdeclared_link(s);
    return name ? *name : std::string("none");
  };
  EXPECT_EQ(bad({{"a", {"alice", 1, "b"}}, {"b", {"bob", 1, std::nullopt}}}), "a") << "another user";
  EXPECT_EQ(bad({{"a", {"alice", 1, "x"}}}), "a") << "undeclared";
  EXPECT_EQ(bad({{"a", {"alice", 1, "a"}}}), "a") << "itself";
  EXPECT_EQ(bad({{"a", {"alice", 1, "c"}}, {"b", {"alice", 1, "c"}}, {"c", {"alice", 1, std::nullopt}}}), "b")
      << "two partners for c";
  EXPECT_EQ(bad({{"a", {"alice", 1, "b"}}, {"b", {"alice", 1, "a"}}}), "b") << "one pair declared twice";
  EXPECT_EQ(bad({{"a", {"alice", 1, "b"}}, {"b", {"alice", 1, std::nullopt}}}), "none");
}

TEST(Validity, CorruptProfileEntriesAreDeviceNames) {
  Validity v(alice_and_bob());
  EXPECT_EQ(verdict(v, ProfileFaultStep{ProfileHealth::Corrupt, "alice", "lpt2:"}), "ok");
  EXPECT_EQ(verdict(v, ProfileFaultStep{ProfileHealth::Corrupt, "alice", "Z:\\"}), problem(Rule::NotADevice, "device", "Z:\\"));
  EXPECT_EQ(verdict(v, ProfileFaultStep{ProfileHealth::Unreadable, "alice", ""}), "ok");
}

TEST(Validity, ExplainsEveryRule) {
  const Validity v(alice_and_bob());
  EXPECT_EQ(v.explain({Rule::AlreadyLoggedOn, "name", "bob"}), "logon 'bob' is already logged on");
  EXPECT_EQ(v.explain({Rule::BadPartner, "linked", "bob"}),
            "a logon can only be linked to an unpaired logon of its own user 'bob'");
  EXPECT_EQ(v.explain({Rule::SystemLogoff, "as", "system"}), "system cannot log off");
  EXPECT_EQ(v.explain({Rule::UndeclaredHandle, "handle", "h"}), "undeclared handle 'h' (no open step names it before here)");
  EXPECT_EQ(v.explain({Rule::HandleOpen, "handle", "h"}), "handle 'h' is already open (close it first)");
  EXPECT_EQ(v.explain({Rule::UndeclaredJob, "job", "j"}), "undeclared job 'j' (no job step names it before here)");
  EXPECT_EQ(v.explain({Rule::JobActive, "job", "j"}), "job 'j' is already live (end it first)");
  EXPECT_EQ(v.explain({Rule::NotADevice, "device", "Z"}), "expected a device name such as Z: or LPT1:");
}

}  // namespace
}  // namespace wnc
