// The registry, MPR's remembered connections in it, and profile faults made in it.
#include "sim/registry.h"

#include <gtest/gtest.h>

#include "sim/fault_injection.h"
#include "sim/profile.h"

namespace wnc::sim {
namespace {

using State = RememberedEntry::State;
const std::string kSid = "S-1-5-21-1-2-3-1000";

TEST(Registry, KeyAndValueNamesAreCaseInsensitive) {
  Registry reg;
  reg.create_key(R"(\REGISTRY\USER\S\Network\Z)").set_value("RemotePath", {RegType::Sz, "x", 0});
  RegKey* key = nullptr;
  ASSERT_EQ(reg.open_key(R"(\registry\user\s\NETWORK\z)", &key), code::kNoError);
  ASSERT_NE(key->value("remotepath"), nullptr);
  EXPECT_EQ(key->value("REMOTEPATH")->sz, "x");
}

TEST(Registry, MissingKeyIsFileNotFoundAndDeniedKeyIsAccessDenied) {
  Registry reg;
  RegKey* key = nullptr;
  EXPECT_EQ(reg.open_key(R"(\REGISTRY\USER\S\Network)", &key), code::kFileNotFound);
  reg.create_key(R"(\REGISTRY\USER\S\Network)").deny_read = true;
  EXPECT_EQ(reg.open_key(R"(\REGISTRY\USER\S\Network)", &key), kRegAccessDenied);
  EXPECT_EQ(key, nullptr);
}

TEST(Registry, CreateKeyKeepsExistingContent) {
  Registry reg;
  reg.create_key(R"(\A\B)").set_value("v", {RegType::Dword, "", 7});
  EXPECT_EQ(reg.create_key(R"(\a\b)").value("v")->dword, 7u);
  EXPECT_EQ(reg.create_key(R"(\A)").subkey_names(), std::vector<std::string>{"B"});
}

TEST(Profile, NoNetworkKeyMeansNothingRemembered) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  RememberedEntry e;
  EXPECT_EQ(profile.read(kSid, "Z:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Absent);
}

TEST(Profile, RememberWritesTypedValuesUnderTheKeyWithoutColon) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  profile.remember(kSid, "LPT1:", R"(\\ps1\Laser\)", "alice", ResourceType::Print);
  RegKey* key = nullptr;
  ASSERT_EQ(reg.open_key(user_hive(kSid) + R"(\Network\LPT1)", &key), code::kNoError);
  EXPECT_EQ(key->value("RemotePath")->type, RegType::Sz);
  EXPECT_EQ(key->value("RemotePath")->sz, R"(\\ps1\Laser\)");
  EXPECT_EQ(key->value("UserName")->sz, "alice");
  EXPECT_EQ(key->value("ProviderName")->sz, "Microsoft Windows Network");
  EXPECT_EQ(key->value("ProviderType")->type, RegType::Dword);
  EXPECT_EQ(key->value("ProviderType")->dword, 0x20000u);
  EXPECT_EQ(key->value("ConnectionType")->dword, 2u);

  RememberedEntry e;
  EXPECT_EQ(profile.read(kSid, "lpt1:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Healthy);
  EXPECT_EQ(e.remote, R"(\\ps1\Laser\)");
  profile.forget(kSid, "LPT1:");
  EXPECT_EQ(profile.read(kSid, "LPT1:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Absent);
}

TEST(Profile, EntryWithoutRemotePathOrWithWrongTypeIsCorrupt) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  profile.remember(kSid, "Y:", R"(\\fs1\docs)", "alice", ResourceType::Disk);
  profile.remember(kSid, "Z:", R"(\\fs1\docs)", "alice", ResourceType::Disk);
  reg.create_key(network_key(kSid) + R"(\Y)").delete_value("RemotePath");
  reg.create_key(network_key(kSid) + R"(\Z)").set_value("RemotePath", {RegType::Dword, "", 1});
  RememberedEntry e;
  EXPECT_EQ(profile.read(kSid, "Y:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Corrupt);
  EXPECT_EQ(profile.read(kSid, "Z:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Corrupt);
}

TEST(Profile, UnreadableNetworkKeyCannotBeOpened) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  reg.create_key(network_key(kSid)).deny_read = true;
  RememberedEntry e;
  EXPECT_EQ(profile.read(kSid, "Z:", &e), code::kCannotOpenProfile);
}

TEST(FaultInjection, UnreadableHidesEntriesAndOkRestoresThem) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  profile.remember(kSid, "Z:", R"(\\fs1\docs)", "alice", ResourceType::Disk);
  inject_profile_fault(reg, kSid, {ProfileHealth::Unreadable, "alice", ""});
  RememberedEntry e;
  EXPECT_EQ(profile.read(kSid, "Z:", &e), code::kCannotOpenProfile);
  inject_profile_fault(reg, kSid, {ProfileHealth::Ok, "alice", ""});
  EXPECT_EQ(profile.read(kSid, "Z:", &e), code::kNoError);
  EXPECT_EQ(e.state, State::Healthy);
}

TEST(FaultInjection, CorruptCreatesTheEntryAndOkDeletesOnlyCorruptEntries) {
  Registry reg;
  Profile profile(reg, Mutant::None);
  profile.remember(kSid, "Y:", R"(\\fs1\docs)", "alice", ResourceType::Disk);
  inject_profile_fault(reg, kSid, {ProfileHealth::Corrupt, "alice", "Z:"});
  inject_profile_fault(reg, kSid, {ProfileHealth::Corrupt, "alice", "lpt2:"});
  RememberedEntry e;
  profile.read(kSid, "Z:", &e);
  EXPECT_EQ(e.state, State::Corrupt);
  profile.read(kSid, "LPT2:", &e);
  EXPECT_EQ(e.state, State::Corrupt);
  inject_profile_fault(reg, kSid, {ProfileHealth::Ok, "alice", ""});
  profile.read(kSid, "Z:", &e);
  EXPECT_EQ(e.state, State::Absent);
  profile.read(kSid, "Y:", &e);
  EXPECT_EQ(e.state, State::Healthy);
}

TEST(FaultInjection, CorruptNeedsADeviceName) {
  Registry reg;
  EXPECT_THROW(inject_profile_fault(reg, kSid, {ProfileHealth::Corrupt, "alice", "foo"}),
               std::invalid_argument);
  EXPECT_THROW(inject_profile_fault(reg, kSid, {ProfileHealth::Corrupt, "alice", ""}),
               std::invalid_argument);
  EXPECT_THROW(inject_profile_fault(reg, kSid, {ProfileHealth::Corrupt, "alice", "Z"}),
               std::invalid_argument);
}

}  // namespace
}  // namespace wnc::sim
