#include "agent/output_tail.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace wnc::agent {
namespace {

TEST(OutputTail, KeepsTheLastBytesAndSaysHowManyWentBefore) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  UniqueFd write_end(fds[1]);
  OutputTail tail(UniqueFd(fds[0]), 10);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(::write(write_end.get(), "0123456789", 10), 10);
  ASSERT_EQ(::write(write_end.get(), "the end", 7), 7);
  // The writer is still there (as a wineserver holding stderr would be): finish() must not wait for it.
  EXPECT_EQ(tail.finish(), "[9997 earlier bytes not kept]\n789the end");
}

TEST(OutputTail, KeepsEverythingUnderTheCapacity) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  OutputTail tail(UniqueFd(fds[0]), 100);
  ASSERT_EQ(::write(fds[1], "oops\n", 5), 5);
  ::close(fds[1]);
  EXPECT_EQ(tail.finish(), "oops\n");
}

// take() reads the pipe itself: what was written before it is in it, whatever the thread did.
TEST(OutputTail, TakeHandsOutEachPieceOnceAndFinishStillHasAll) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  UniqueFd write_end(fds[1]);
  OutputTail tail(UniqueFd(fds[0]), 100);
  ASSERT_EQ(::write(write_end.get(), "one\n", 4), 4);
  EXPECT_EQ(tail.take(), "one\n");
  EXPECT_EQ(tail.take(), "");
  ASSERT_EQ(::write(write_end.get(), "two\n", 4), 4);
  EXPECT_EQ(tail.take(), "two\n");
  EXPECT_EQ(tail.finish(), "one\ntwo\n");
}

TEST(OutputTail, TakeIsBoundedLikeTheTail) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  UniqueFd write_end(fds[1]);
  OutputTail tail(UniqueFd(fds[0]), 10);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(::write(write_end.get(), "0123456789", 10), 10);
  tail.finish();  // everything read: take() now sees all of it
  EXPECT_EQ(tail.take(), "[990 earlier bytes not kept]\n0123456789");
}

}  // namespace
}  // namespace wnc::agent
