// The I/O manager's paths (P-PATH), current directories and the spooler's jobs.
#include <gtest/gtest.h>

#include "sim/sim_world.h"
#include "steps.h"

namespace wnc::sim {
namespace {

class IoTest : public ::testing::Test {
 protected:
  IoTest() : world(simtest::three_logons(), Mutant::None), alice(world.sessions.require("alice")) {
    add(alice, "Z:", R"(\\fs1\docs)");
    add(alice, std::nullopt, R"(\\fs1\public)");
    add(alice, "LPT1:", R"(\\ps1\laser)", ResourceType::Print);
    add(alice, std::nullopt, R"(\\ps1\laser)", ResourceType::Print);
  }
  void add(Luid luid, std::optional<std::string> local, const std::string& remote,
           ResourceType type = ResourceType::Disk) {
    ASSERT_EQ(world.router.add_connection2(luid, {type, local, remote}, 0), code::kNoError);
  }
  Code open(Luid luid, const std::string& path, HandleId* h = nullptr) {
    HandleId id = 0;
    const Code rc = world.io.open(luid, path, HandleKind::File, &id);
    if (h) *h = id;
    return rc;
  }
  ConnId conn_of(const std::string& device, ResourceType type = ResourceType::Disk) {
    return *world.redirector.connection_at(*world.ns.resolve(alice, device), type);
  }

  SimWorld world;
  Luid alice;
};

TEST_F(IoTest, PathsOnTheLocalVolumeHoldNoConnection) {
  for (const char* p : {"C:", R"(C:\)", R"(c:\windows\win.ini)"})
    EXPECT_EQ(open(alice, p), code::kNoError) << p;
  EXPECT_EQ(world.handles.count_open(conn_of("Z:"), HandleKind::File), 0);
}

TEST_F(IoTest, PathsThroughRedirectionsAndDevicelessSharesHoldThem) {
  HandleId h = 0;
  EXPECT_EQ(open(alice, "z:", &h), code::kNoError);
  EXPECT_EQ(open(alice, R"(Z:\a\b.txt)"), code::kNoError);
  EXPECT_EQ(world.handles.count_open(conn_of("Z:"), HandleKind::File), 2);
  const ConnId pub = *world.redirector.deviceless(alice, R"(\\fs1\public)", ResourceType::Disk);
  EXPECT_EQ(open(alice, R"(\\FS1\Public)"), code::kNoError);
  EXPECT_EQ(open(alice, R"(\\fs1\public\x.txt)"), code::kNoError);
  EXPECT_EQ(world.handles.count_open(pub, HandleKind::File), 2);
}

TEST_F(IoTest, EverythingElseIsPathNotFound) {
  for (const char* p :
       {R"(Y:\a.txt)", R"(LPT1:\a)", "LPT1:", R"(\\ps1\laser)", R"(\\fs1\docs\a)", R"(\\fs2\home)",
        R"(\\fs1)", R"(\\fs1\)", R"(\\)", "Z:a.txt", "C:a.txt", "a.txt", ""})
    EXPECT_EQ(open(alice, p), code::kPathNotFound) << p;
  const Luid alice2 = world.sessions.require("alice2");
  EXPECT_EQ(open(alice2, R"(Z:\a.txt)"), code::kPathNotFound);
  EXPECT_EQ(open(alice2, R"(\\fs1\public\a.txt)"), code::kPathNotFound);
}

TEST_F(IoTest, CurrentDirectoryHoldsOneConnectionAtATime) {
  const ConnId z = conn_of("Z:");
  const ConnId pub = *world.redirector.deviceless(alice, R"(\\fs1\public)", ResourceType::Disk);
  ASSERT_EQ(world.processes.change_directory(alice, R"(Z:\dir)"), code::kNoError);
  EXPECT_EQ(world.handles.count_open(z, HandleKind::Directory), 1);
  EXPECT_EQ(world.processes.change_directory(alice, R"(Q:\dir)"), code::kPathNotFound);
  EXPECT_EQ(world.handles.count_open(z, HandleKind::Directory), 1);
  ASSERT_EQ(world.processes.change_directory(alice, R"(\\fs1\public\d)"), code::kNoError);
  EXPECT_EQ(world.handles.count_open(z, HandleKind::Directory), 0);
  EXPECT_EQ(world.handles.count_open(pub, HandleKind::Directory), 1);
  world.processes.exit(alice);
  EXPECT_EQ(world.handles.count_open(pub, HandleKind::Directory), 0);
}

TEST_F(IoTest, JobsNeedAPrintRedirectionInViewAndHoldItLikeAFile) {
  JobId j = 0;
  EXPECT_EQ(world.spooler.start_job(alice, "Z:", &j), code::kNotConnected);
  EXPECT_EQ(world.spooler.start_job(alice, "LPT2:", &j), code::kNotConnected);
  EXPECT_EQ(world.spooler.start_job(alice, R"(\\ps1\laser)", &j), code::kNotConnected);
  EXPECT_EQ(world.spooler.start_job(world.sessions.require("bob"), "LPT1:", &j),
            code::kNotConnected);
  ASSERT_EQ(world.spooler.start_job(alice, "lpt1:", &j), code::kNoError);
  const ConnId lpt = conn_of("LPT1:", ResourceType::Print);
  EXPECT_EQ(world.handles.count_open(lpt, HandleKind::File), 1);
  world.spooler.end_job(j);
  EXPECT_EQ(world.handles.count_open(lpt, HandleKind::File), 0);
}

TEST_F(IoTest, JobsMayUseSystemsPrintRedirection) {
  ASSERT_EQ(world.router.add_connection2(kSystemLuid,
                                         {ResourceType::Print, "LPT2:", R"(\\ps1\laser)"}, 0),
            code::kNoError);
  JobId j = 0;
  EXPECT_EQ(world.spooler.start_job(world.sessions.require("bob"), "LPT2:", &j), code::kNoError);
  EXPECT_EQ(world.router.cancel_connection_w(kSystemLuid, "LPT2:", false), code::kOpenFiles);
}

TEST_F(IoTest, LogoffOrphansEverythingTheLogonOpened) {
  HandleId local = 0;
  HandleId sys = 0;
  ASSERT_EQ(
      world.router.add_connection2(kSystemLuid, {ResourceType::Disk, "Y:", R"(\\fs2\home)"}, 0),
      code::kNoError);
  ASSERT_EQ(open(alice, R"(C:\a)", &local), code::kNoError);
  ASSERT_EQ(open(alice, R"(Y:\a)", &sys), code::kNoError);
  world.logoff(alice);
  EXPECT_EQ(world.handles.io(local), code::kUnexpNetErr);
  EXPECT_EQ(world.handles.io(sys), code::kUnexpNetErr);
  EXPECT_EQ(world.router.cancel_connection_w(kSystemLuid, "Y:", false), code::kNoError);
}

}  // namespace
}  // namespace wnc::sim
