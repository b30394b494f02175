// Scenarios the explorer writes load back as they were.
#include "scenario/scenario_writer.h"

#include <gtest/gtest.h>

#include "scenario/scenario_loader.h"

namespace wnc {
namespace {

// A setup with every part the writer writes: profile, network, a linked pair.
const char* kHead =
    "id: w.round-trip\n"
    "title: 'it''s written back'\n"
    "covers: [R-ATOMIC, R-LINKED]\n"
    "profile: nt-linked\n"
    "network: {shares: ['\\\\fs1\\docs', '\\\\fs2\\home'], printers: []}\n"
    "logons: {alice: {user: alice}, admin: {user: alice, linked: alice, session: 2}}\n"
    "steps:\n";

TEST(Writer, WritesScenariosTheLoaderReadsBack) {
  Scenario sc = parse_scenario(std::string(kHead) +
                                   "  - add: {as: alice, local: 'Z:', remote: '\\\\fs1\\it''s', persistent: true}\n"
                                   "    expect: ERROR_BAD_NET_NAME\n"
                                   "  - get_connection: {as: alice, local: 'Z:'}\n"
                                   "    expect: {rc: ERROR_CONNECTION_UNAVAIL, remote: '\\\\fs1\\docs'}\n"
                                   "  - cancel: {as: alice, name: null, api: 2W}\n",
                               "s.yaml");
  Scenario again = parse_scenario(scenario_to_yaml(sc), "again.yaml");
  ASSERT_EQ(again.steps.size(), sc.steps.size());
  EXPECT_EQ(again.id, sc.id);
  EXPECT_EQ(again.title, "it's written back");
  EXPECT_EQ(again.covers, sc.covers);
  EXPECT_EQ(again.setup, sc.setup);
  EXPECT_EQ(again.setup.profile, BehaviourProfile::NtLinked);
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    EXPECT_EQ(again.steps[i].step, sc.steps[i].step) << i;
    EXPECT_EQ(again.steps[i].expect, sc.steps[i].expect) << i;
  }
  EXPECT_EQ(std::get<AddStep>(again.steps[0].step).remote, "\\\\fs1\\it's");
}

}  // namespace
}  // namespace wnc
