// The explorer credits a requirement only to the steps that exercise it.
#include "explore/coverage.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace wnc {
namespace {

bool credits(const std::string& name, const std::string& requirement) {
  const model::State s = model::initial_state(Setup{});
  const CancelStep cancel{kSystemLogon, name, false, Api::W, false};
  Result not_connected;
  not_connected.rc = code::kNotConnected;
  const auto ids = requirements_exercised(s, cancel, not_connected);
  return std::find(ids.begin(), ids.end(), requirement) != ids.end();
}

TEST(Coverage, CreditsTheProfileUpdateOnlyToDeviceNames) {
  EXPECT_TRUE(credits("Z:", "R-COMPAT-PROFILE"));
  EXPECT_TRUE(credits("lpt1:", "R-COMPAT-PROFILE"));
  EXPECT_FALSE(credits("Z:\\", "R-COMPAT-PROFILE")) << "not a device name (P-NAME-FORM)";
  EXPECT_FALSE(credits("a:b", "R-COMPAT-PROFILE"));
  EXPECT_FALSE(credits("\\\\fs1\\docs", "R-COMPAT-PROFILE"));
}

}  // namespace
}  // namespace wnc
