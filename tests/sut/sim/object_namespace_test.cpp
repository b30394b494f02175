// The object manager's DOS device directories and the logons' views of them.
#include "sim/object_namespace.h"

#include <gtest/gtest.h>

namespace wnc::sim {
namespace {

constexpr Luid kAlice = 0x10000;
constexpr Luid kBob = 0x10001;

class NamespaceTest : public ::testing::Test {
 protected:
  explicit NamespaceTest(Mutant m = Mutant::None) : ns(m) {
    for (Luid l : {kSystemLuid, kAlice, kBob}) ns.create_logon_directory(l);
  }
  ObjectNamespace ns;
};

TEST_F(NamespaceTest, DirectoriesAreNamedAsInWindows) {
  EXPECT_EQ(ns.dos_devices(kSystemLuid), R"(\GLOBAL??)");
  EXPECT_EQ(ns.dos_devices(kAlice), R"(\Sessions\0\DosDevices\00000000-00010000)");
}

TEST_F(NamespaceTest, CIsGlobalAndVisibleToEveryone) {
  for (Luid l : {kSystemLuid, kAlice, kBob})
    EXPECT_EQ(ns.resolve(l, "c:"), std::optional<std::string>(R"(\Device\HarddiskVolume1)"));
}

TEST_F(NamespaceTest, LocalLinksAreSeenOnlyByTheirLogon) {
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kAlice), "Z:", "alice-target"));
  EXPECT_EQ(ns.resolve(kAlice, "Z:"), std::optional<std::string>("alice-target"));
  EXPECT_EQ(ns.resolve(kBob, "Z:"), std::nullopt);
  EXPECT_EQ(ns.resolve(kSystemLuid, "Z:"), std::nullopt);
  EXPECT_EQ(ns.visible_names(kAlice), (std::vector<std::string>{"C:", "Z:"}));
  EXPECT_EQ(ns.visible_names(kBob), (std::vector<std::string>{"C:"}));
}

TEST_F(NamespaceTest, LocalShadowsGlobal) {
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kAlice), "Z:", "alice-target"));
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kSystemLuid), "z:", "system-target"));
  EXPECT_EQ(ns.resolve(kAlice, "Z:"), std::optional<std::string>("alice-target"));
  EXPECT_EQ(ns.resolve(kBob, "Z:"), std::optional<std::string>("system-target"));
  EXPECT_EQ(ns.resolve(kSystemLuid, "Z:"), std::optional<std::string>("system-target"));
  EXPECT_EQ(ns.visible_names(kAlice), (std::vector<std::string>{"C:", "Z:"}));
  ns.delete_link(ns.dos_devices(kAlice), "Z:");
  EXPECT_EQ(ns.resolve(kAlice, "Z:"), std::optional<std::string>("system-target"));
}

TEST_F(NamespaceTest, NamesCollideCaseInsensitively) {
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kAlice), "Z:", "a"));
  EXPECT_FALSE(ns.create_link(ns.dos_devices(kAlice), "z:", "b"));
  EXPECT_EQ(ns.resolve(kAlice, "z:"), std::optional<std::string>("a"));
}

TEST_F(NamespaceTest, DeletingALogonDirectoryDropsItsLinksButNeverGlobal) {
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kAlice), "Z:", "a"));
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kSystemLuid), "Y:", "s"));
  ns.delete_logon_directory(kAlice);
  ns.create_logon_directory(kAlice);
  EXPECT_EQ(ns.resolve(kAlice, "Z:"), std::nullopt);
  EXPECT_EQ(ns.resolve(kAlice, "Y:"), std::optional<std::string>("s"));
}

class SingleNamespaceTest : public NamespaceTest {
 protected:
  SingleNamespaceTest() : NamespaceTest(Mutant::SingleNamespace) {}
};

TEST_F(SingleNamespaceTest, EveryLogonSharesGlobal) {
  EXPECT_EQ(ns.dos_devices(kAlice), R"(\GLOBAL??)");
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kAlice), "Z:", "a"));
  EXPECT_EQ(ns.resolve(kBob, "Z:"), std::optional<std::string>("a"));
  ns.delete_logon_directory(kAlice);
  EXPECT_EQ(ns.resolve(kBob, "C:"), std::optional<std::string>(R"(\Device\HarddiskVolume1)"));
}

class SystemLocalTest : public NamespaceTest {
 protected:
  SystemLocalTest() : NamespaceTest(Mutant::SystemMappingsLocal) {}
};

TEST_F(SystemLocalTest, SystemMappingsStayInSystemsOwnDirectory) {
  EXPECT_EQ(ns.dos_devices(kSystemLuid), R"(\Sessions\0\DosDevices\00000000-000003e7)");
  ASSERT_TRUE(ns.create_link(ns.dos_devices(kSystemLuid), "Z:", "s"));
  EXPECT_EQ(ns.resolve(kSystemLuid, "Z:"), std::optional<std::string>("s"));
  EXPECT_EQ(ns.resolve(kAlice, "Z:"), std::nullopt);
}

}  // namespace
}  // namespace wnc::sim
