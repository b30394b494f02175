#include "agent/line_channel.h"

#include <fcntl.h>
#include <signal.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "agent/unique_fd.h"

namespace wnc::agent {
namespace {

struct PipePair {
  PipePair() {
    int fds[2];
    EXPECT_EQ(pipe2(fds, O_CLOEXEC), 0);
    read.reset(fds[0]);
    write.reset(fds[1]);
  }
  void put(const std::string& s) { ASSERT_EQ(::write(write.get(), s.data(), s.size()), static_cast<ssize_t>(s.size())); }
  UniqueFd read, write;
};

TEST(LineChannel, SplitsAndJoinsLinesWhateverTheWritesWere) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  in.put("{\"a\"");
  in.put(":1}\r\nsecond\nthi");
  EXPECT_EQ(channel.read_line(1000), "{\"a\":1}");
  EXPECT_EQ(channel.read_line(1000), "second");
  in.put("rd\n");
  EXPECT_EQ(channel.read_line(1000), "third");
}

TEST(LineChannel, RequestWritesALineAndReadsTheAnswer) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  in.put("answer\n");
  EXPECT_EQ(channel.request("question", 1000), "answer");
  char got[16] = {};
  EXPECT_EQ(::read(out.read.get(), got, sizeof got), 9);
  EXPECT_STREQ(got, "question\n");
}

TEST(LineChannel, SilenceIsATimeoutWithWhatArrived) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  in.put("half a li");
  try {
    channel.read_line(50);
    FAIL() << "no timeout";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.kind(), ChannelError::Kind::Timeout);
    EXPECT_EQ(e.partial(), "half a li");
  }
}

TEST(LineChannel, AClosedPeerIsClosedWithTheUnfinishedLine) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  in.put("last words");
  in.write.reset();
  try {
    channel.read_line(1000);
    FAIL() << "no error";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.kind(), ChannelError::Kind::Closed);
    EXPECT_EQ(e.partial(), "last words");
  }
}

// Were SIGPIPE raised, it would end this test program.
TEST(LineChannel, WritingToAGoneReaderIsClosedNotSigpipe) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  out.read.reset();
  try {
    channel.write_line("anyone?", 1000);
    FAIL() << "no error";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.kind(), ChannelError::Kind::Closed);
  }
}

// Inside a hold the writes make no mask calls; after it the mask is as before, with no
// SIGPIPE left pending to end the program when something unblocks it.
TEST(LineChannel, AHoldBlocksSigpipeAndLeavesNonePending) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  out.read.reset();
  sigset_t before, during, after, pending;
  pthread_sigmask(SIG_SETMASK, nullptr, &before);
  {
    const SigpipeHold hold;
    pthread_sigmask(SIG_SETMASK, nullptr, &during);
    EXPECT_TRUE(sigismember(&during, SIGPIPE));
    for (int i = 0; i < 2; ++i) EXPECT_THROW(channel.write_line("anyone?", 1000), ChannelError);
    sigpending(&pending);
    EXPECT_TRUE(sigismember(&pending, SIGPIPE));  // the writes raised one, held until the end
  }
  pthread_sigmask(SIG_SETMASK, nullptr, &after);
  EXPECT_EQ(sigismember(&after, SIGPIPE), sigismember(&before, SIGPIPE));
  sigpending(&pending);
  EXPECT_FALSE(sigismember(&pending, SIGPIPE));
}

TEST(LineChannel, AFullPipeIsATimeoutNotABlock) {
  PipePair in, out;
  LineChannel channel(in.read.get(), out.write.get());
  std::string big(1 << 20, 'x');  // more than a pipe holds, and nobody reads
  try {
    channel.write_line(big, 50);
    FAIL() << "no timeout";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.kind(), ChannelError::Kind::Timeout);
  }
}

TEST(LineChannel, ClipsLongLinesForReports) {
  EXPECT_EQ(clip_line("short"), "short");
  std::string clipped = clip_line(std::string(5000, 'y'));
  EXPECT_EQ(clipped, std::string(4096, 'y') + "... (904 more bytes)");
}

}  // namespace
}  // namespace wnc::agent
