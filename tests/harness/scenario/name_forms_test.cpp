// P-NAME-FORM: device names are A: to Z: and LPT1: to LPT9: in any case; nothing else is.
#include "scenario/name_forms.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

TEST(NameForms, DeviceNames) {
  for (const char* name : {"A:", "z:", "LPT1:", "lpt9:", "LpT5:"}) EXPECT_TRUE(is_device_name(name)) << name;
  for (const char* name : {"Z:\\", "LPT1", "LPT0:", "LPT10:", "C", "1:", "::", "", "\\\\fs1\\docs", "COM1:"})
    EXPECT_FALSE(is_device_name(name)) << name;
}

TEST(NameForms, DiskDevicesAreTheLetters) {
  EXPECT_TRUE(is_disk_device("y:"));
  EXPECT_FALSE(is_disk_device("LPT1:"));
  EXPECT_FALSE(is_disk_device("Y:\\"));
}

TEST(NameForms, RemoteNamesStartWithTwoBackslashes) {
  EXPECT_TRUE(is_remote_name("\\\\fs1\\docs"));
  EXPECT_TRUE(is_remote_name("\\\\"));
  EXPECT_FALSE(is_remote_name("\\fs1\\docs"));
  EXPECT_FALSE(is_remote_name("Z:"));
}

}  // namespace
}  // namespace wnc
