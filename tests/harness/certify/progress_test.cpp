// Progress goes to its own stream: a bar redrawn in place on a terminal, lines in logs.
#include "certify/progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace wnc {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

TEST(Progress, PlainModePrintsALineEveryNItemsAndAtTheEnd) {
  std::ostringstream out;
  {
    ProgressMeter meter("scenarios", 10, out, {false, 4, 1e9});
    for (size_t i = 1; i <= 10; ++i) meter.tick(i, "s" + std::to_string(i));
  }
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << out.str();
  EXPECT_THAT(lines[0], MatchesRegex("scenarios: 4/10 \\(40%\\), [0-9.]+/s"));
  EXPECT_THAT(lines[1], HasSubstr("8/10 (80%)"));
  EXPECT_THAT(lines[2], HasSubstr("10/10 (100%)"));
  EXPECT_EQ(out.str().find('\r'), std::string::npos);
}

TEST(Progress, PlainModePrintsAfterSomeSecondsToo) {
  std::ostringstream out;
  ProgressMeter meter("blocks", 100, out, {false, 1000, 0});
  meter.tick(1);
  meter.tick(2);
  EXPECT_THAT(out.str(), HasSubstr("blocks: 2/100"));
}

TEST(Progress, TerminalModeRedrawsOneLineWithABar) {
  std::ostringstream out;
  ProgressMeter meter("scenarios", 4, out, {true, 1, 0});
  meter.tick(4, "cancel.open-files");
  meter.finish();
  const std::string s = out.str();
  EXPECT_THAT(s, HasSubstr("\rscenarios [##############################] 4/4 (100%)"));
  EXPECT_THAT(s, HasSubstr("cancel.open-files"));
  EXPECT_EQ(s.back(), '\n');
}

}  // namespace
}  // namespace wnc
