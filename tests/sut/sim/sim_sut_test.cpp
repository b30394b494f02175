// The whole sim driven through the Sut interface, as the runner drives it.
#include "sim/sim_sut.h"

#include <gtest/gtest.h>

#include "vocabulary/capabilities.h"
#include "steps.h"
#include "vocabulary/input_error.h"
#include "vocabulary/version.h"

namespace wnc {
namespace {

using namespace simtest;

const std::string kDocs = R"(\\fs1\docs)";
const std::string kHome = R"(\\fs2\home)";

class SimSutTest : public ::testing::Test {
 protected:
  std::vector<Result> go(const std::vector<Step>& steps, const wnc::Setup& setup = three_logons()) {
    return run(*sut, setup, steps);
  }
  std::unique_ptr<Sut> sut = make_sim_sut();
};

TEST_F(SimSutTest, HelloNamesTheSimAndEveryCapability) {
  const Hello h = sut->hello();
  EXPECT_EQ(h.name, "wnetconf-sim");
  EXPECT_EQ(h.version, kVersion);
  EXPECT_EQ(h.platform, "simulated Windows NT (in-process)");
  EXPECT_EQ(h.capabilities, capability::all());
  EXPECT_EQ(h.capabilities.size(), 24u);
  EXPECT_EQ(h.raw["ok"], true);
  EXPECT_EQ(h.raw["protocol"], 1);
  EXPECT_EQ(h.raw["implementation"]["name"], "wnetconf-sim");
  EXPECT_EQ(h.raw["implementation"]["version"], kVersion);
  EXPECT_EQ(h.raw["capabilities"].size(), 24u);
}

TEST(SimSutFactory, UnknownMutantIsRejectedWithTheKnownNames) {
  try {
    make_sim_sut("no-such-bug");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("no-such-bug"), std::string::npos);
    EXPECT_NE(what.find("force-ignored"), std::string::npos);
    EXPECT_NE(what.find("single-namespace"), std::string::npos);
  }
  EXPECT_NO_THROW(make_sim_sut("force-ignored"));
}

TEST_F(SimSutTest, CrossLogonQuirk) {
  const auto r = go({
      add("alice", "Z:", kDocs),         // 0
      drives("alice2"),                  // 1
      query_dos_device("alice2", "Z:"),  // 2
      get_connection("alice2", "Z:"),    // 3
      cancel("alice2", "Z:"),            // 4
      add("alice2", "Z:", kHome),        // 5
      get_connection("alice", "Z:"),     // 6
      get_connection("alice2", "Z:"),    // 7
      query_dos_device("alice", "Z:"),   // 8
      query_dos_device("alice2", "z:"),  // 9
      drives("alice"),                   // 10
  });
  EXPECT_EQ(r[0], rc(0));
  EXPECT_EQ(r[1], with_drives("C"));
  EXPECT_EQ(r[2], rc(code::kFileNotFound));
  EXPECT_EQ(r[3], rc(code::kNotConnected));
  EXPECT_EQ(r[4], rc(code::kNotConnected));
  EXPECT_EQ(r[5], rc(0));
  EXPECT_EQ(r[6], with_remote(0, kDocs));
  EXPECT_EQ(r[7], with_remote(0, kHome));
  EXPECT_EQ(r[8], with_target(R"(\Device\LanmanRedirector\;Z:0000000000010000\fs1\docs)"));
  EXPECT_EQ(r[9], with_target(R"(\Device\LanmanRedirector\;Z:0000000000010001\fs2\home)"));
  EXPECT_EQ(r[10], with_drives("CZ"));
}

TEST_F(SimSutTest, CrossLogonQuirkWithARememberedDevice) {
  const auto r = go({add("alice", "Z:", kDocs, true), get_connection("alice2", "Z:"),
                     get_connection("bob", "Z:"), drives("alice2")});
  EXPECT_EQ(r[1], with_remote(code::kConnectionUnavail, kDocs));
  EXPECT_EQ(r[2], rc(code::kNotConnected));
  EXPECT_EQ(r[3], with_drives("C"));
}

TEST_F(SimSutTest, SystemMappingsAreGlobalAndOnlySystemCancelsThem) {
  const auto r = go({
      add("alice", "Y:", kHome),        // 0: alice's own Y: will shadow system's
      add("system", "Y:", kDocs),       // 1
      add("system", "X:", kDocs),       // 2
      drives("bob"),                    // 3
      drives("system"),                 // 4
      cancel("bob", "X:", true),        // 5
      query_dos_device("alice", "Y:"),  // 6
      query_dos_device("bob", "Y:"),    // 7
      cancel("alice", "Y:"),            // 8
      query_dos_device("alice", "Y:"),  // 9
      cancel("system", "X:"),           // 10
      drives("alice"),                  // 11
      add("bob", "Y:", kDocs),          // 12
  });
  EXPECT_EQ(r[1], rc(0));
  EXPECT_EQ(r[3], with_drives("CXY"));
  EXPECT_EQ(r[4], with_drives("CXY"));
  EXPECT_EQ(r[5], rc(code::kNotConnected));
  EXPECT_EQ(r[6], with_target(R"(\Device\LanmanRedirector\;Y:0000000000010000\fs2\home)"));
  EXPECT_EQ(r[7], with_target(R"(\Device\LanmanRedirector\;Y:00000000000003e7\fs1\docs)"));
  EXPECT_EQ(r[8], rc(0));
  EXPECT_EQ(r[9], with_target(R"(\Device\LanmanRedirector\;Y:00000000000003e7\fs1\docs)"));
  EXPECT_EQ(r[10], rc(0));
  EXPECT_EQ(r[11], with_drives("CY"));
  EXPECT_EQ(r[12], rc(code::kAlreadyAssigned));
}

TEST_F(SimSutTest, QueryDosDeviceOfTheLocalVolumeAndOfNonDevices) {
  const auto r = go({query_dos_device("bob", "c:"), query_dos_device("bob", "foo"),
                     query_dos_device("bob", R"(C:\)"), add("bob", "LPT3:", R"(\\ps1\laser)"),
                     query_dos_device("bob", "LPT3:"), drives("bob")});
  EXPECT_EQ(r[0], with_target(R"(\Device\HarddiskVolume1)"));
  EXPECT_EQ(r[1], rc(code::kFileNotFound));
  EXPECT_EQ(r[2], rc(code::kFileNotFound));
  EXPECT_EQ(r[4], with_target(R"(\Device\LanmanRedirector\;LPT3:0000000000010002\ps1\laser)"));
  EXPECT_EQ(r[5], with_drives("C"));
}

TEST_F(SimSutTest, LinkedPartnersMirrorUnderNtLinkedOnly) {
  const std::vector<Step> steps = {add("alice", "Z:", kDocs), drives("admin"),
                                   get_connection("admin", "Z:"), cancel("admin", "Z:"),
                                   drives("alice")};
  wnc::Setup nt = linked_pair();
  nt.profile = BehaviourProfile::Nt;
  const auto linked = go(steps, linked_pair());
  EXPECT_EQ(linked[1], with_drives("CZ"));
  EXPECT_EQ(linked[2], with_remote(0, kDocs));
  EXPECT_EQ(linked[3], rc(0));
  EXPECT_EQ(linked[4], with_drives("C"));
  const auto plain = go(steps, nt);
  EXPECT_EQ(plain[1], with_drives("C"));
  EXPECT_EQ(plain[3], rc(code::kNotConnected));
  EXPECT_EQ(plain[4], with_drives("CZ"));
}

TEST_F(SimSutTest, SharedRedirectionLastsUntilBothLogOff) {
  const auto r = go({add("admin", "Z:", kDocs), logoff("alice"), drives("admin"),
                     logon("alice", "alice"), drives("alice"), logoff("admin"), drives("alice")},
                    linked_pair());
  EXPECT_EQ(r[2], with_drives("CZ"));
  EXPECT_EQ(r[4], with_drives("C"));  // the new alice logon was not there when Z: was made
  EXPECT_EQ(r[6], with_drives("C"));
}

TEST_F(SimSutTest, PartnersArePairedAtLogonNotByName) {
  const auto r = go({logoff("alice"), logon("alice", "alice"), add("alice", "Z:", kDocs),
                     drives("admin"), logoff("admin"), logon("admin", "alice", "alice"),
                     add("alice", "Y:", kDocs), drives("admin")},
                    linked_pair());
  EXPECT_EQ(r[3], with_drives("C"));   // the new alice is not admin's partner
  EXPECT_EQ(r[7], with_drives("CY"));  // the new admin named her when it logged on
}

TEST_F(SimSutTest, HandleLifecycle) {
  const auto r = go({
      add("alice", "Z:", kDocs),       // 0
      open("alice", R"(Q:\a)", "h1"),  // 1 fails
      io("h1"),                        // 2
      close("h1"),                     // 3
      open("alice", R"(Z:\a)", "h1"),  // 4 the name is free again
      io("h1"),                        // 5
      cancel("alice", "Z:", true),     // 6
      io("h1"),                        // 7
      close("h1"),                     // 8
      close("h1"),                     // 9
      io("h1"),                        // 10
  });
  EXPECT_EQ(r[1], rc(code::kPathNotFound));
  EXPECT_EQ(r[2], rc(code::kInvalidHandle));
  EXPECT_EQ(r[3], rc(code::kInvalidHandle));
  EXPECT_EQ(r[4], rc(0));
  EXPECT_EQ(r[5], rc(0));
  EXPECT_EQ(r[6], rc(0));
  EXPECT_EQ(r[7], rc(code::kUnexpNetErr));
  EXPECT_EQ(r[8], rc(0));
  EXPECT_EQ(r[9], rc(code::kInvalidHandle));
  EXPECT_EQ(r[10], rc(code::kInvalidHandle));
}

TEST_F(SimSutTest, JobLifecycle) {
  const auto r = go({
      job("alice", "LPT1:", "j1"),                    // 0 no redirection
      end_job("j1"),                                  // 1
      add("alice", "LPT1:", R"(\\ps1\laser)", true),  // 2
      job("alice", "LPT1:", "j1"),                    // 3
      cancel("alice", "LPT1:"),                       // 4
      cancel("alice", "LPT1:", true),                 // 5
      end_job("j1"),                                  // 6 orphaned
      end_job("j1"),                                  // 7
      get_connection("alice2", "LPT1:"),              // 8 forgotten with the cancel
  });
  EXPECT_EQ(r[0], rc(code::kNotConnected));
  EXPECT_EQ(r[1], rc(code::kInvalidHandle));
  EXPECT_EQ(r[3], rc(0));
  EXPECT_EQ(r[4], rc(code::kOpenFiles));
  EXPECT_EQ(r[5], rc(0));
  EXPECT_EQ(r[6], rc(0));
  EXPECT_EQ(r[7], rc(code::kInvalidHandle));
  EXPECT_EQ(r[8], rc(code::kNotConnected));
}

TEST_F(SimSutTest, LastErrorIsEmptyUntilAProviderFaultAndSurvivesOtherFailures) {
  const auto r = go({last_error("alice"), provider_fault(1), add("alice", "", kDocs),
                     add("alice", "", R"(\\nope\x)"), last_error("alice"), last_error("bob")});
  EXPECT_EQ(r[0], with_last_error(0, "", ""));
  EXPECT_EQ(r[2], rc(code::kExtendedError));
  EXPECT_EQ(r[3], rc(code::kBadNetName));
  EXPECT_EQ(r[4], with_last_error(31, "The share is offline", "Test Network"));
  EXPECT_EQ(r[5], with_last_error(0, "", ""));
}

TEST_F(SimSutTest, NewLogonStartsWithRememberedDevicesNotConnected) {
  const auto r =
      go({add("alice", "Z:", kDocs, true), logon("late", "alice"), get_connection("late", "Z:"),
          cancel("late", "Z:"), get_connection("alice", "Z:"), logoff("alice"),
          logon("alice", "alice"), get_connection("alice", "Z:")});
  EXPECT_EQ(r[2], with_remote(code::kConnectionUnavail, kDocs));
  EXPECT_EQ(r[3], rc(0));  // only remembered: the entry is forgotten
  EXPECT_EQ(r[4], with_remote(0, kDocs));
  EXPECT_EQ(r[7], rc(code::kNotConnected));
}

TEST_F(SimSutTest, InvalidInputThrows) {
  sut->reset(three_logons());
  EXPECT_THROW(sut->step(drives("nobody")), std::invalid_argument);
  EXPECT_THROW(sut->step(logoff("system")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("alice", "alice")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("system", "x")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("x", "x", "x")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("x", "x", "nobody")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("x", "bob", "system")), std::invalid_argument);
  EXPECT_THROW(sut->step(logon("x", "bob", "alice")), std::invalid_argument);
  EXPECT_THROW(sut->step(drives("x")), std::invalid_argument);  // nothing was logged on
  EXPECT_THROW(sut->step(io("never")), std::invalid_argument);
  EXPECT_THROW(sut->step(close("never")), std::invalid_argument);
  EXPECT_THROW(sut->step(end_job("never")), std::invalid_argument);
  EXPECT_THROW(sut->step(profile_fault("alice", ProfileHealth::Corrupt, "foo")),
               std::invalid_argument);
  sut->step(open("alice", R"(C:\a)", "h"));
  EXPECT_THROW(sut->step(open("alice", R"(C:\b)", "h")), std::invalid_argument);
  sut->step(logoff("bob"));
  EXPECT_THROW(sut->step(drives("bob")), std::invalid_argument);
  wnc::Setup bad;
  bad.logons = {{"system", {"SYSTEM", 0, std::nullopt}}};
  EXPECT_THROW(sut->reset(bad), std::invalid_argument);
}

TEST_F(SimSutTest, ResetStartsAFreshWorldWithTheSameLuids) {
  const std::vector<Step> steps = {logon("x", "x"), add("x", "Z:", kDocs),
                                   open("x", R"(Z:\a)", "h"), query_dos_device("x", "Z:")};
  const auto first = go(steps);
  const auto second = go(steps);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first[3], with_target(R"(\Device\LanmanRedirector\;Z:0000000000010003\fs1\docs)"));
}

TEST_F(SimSutTest, ScenarioNetworkReplacesTheDefault) {
  wnc::Setup s = three_logons();
  s.network.shares = {R"(\\corp\Eng\)"};
  s.network.printers = {};
  const auto r = go({add("bob", "Z:", kDocs), add("bob", "Z:", R"(\\CORP\eng)"),
                     add("bob", "LPT1:", R"(\\ps1\laser)")},
                    s);
  EXPECT_EQ(r[0], rc(code::kBadNetName));
  EXPECT_EQ(r[1], rc(0));
  EXPECT_EQ(r[2], rc(code::kBadNetName));
}

}  // namespace
}  // namespace wnc
