// Well-formed UTF-8 passes; every kind of malformed sequence is found at its first byte.
#include "scenario/utf8.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

TEST(Utf8, AcceptsEveryLengthOfWellFormedSequence) {
  EXPECT_EQ(first_invalid_utf8("ascii \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"), std::nullopt);
  EXPECT_EQ(first_invalid_utf8(""), std::nullopt);
}

TEST(Utf8, FindsTheFirstByteOfAMalformedSequence) {
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u) << "a lone continuation byte";
  EXPECT_EQ(first_invalid_utf8("a\xC1\xBF"), 1u) << "an overlong two-byte form";
  EXPECT_EQ(first_invalid_utf8("a\xE0\x9F\xBF"), 1u) << "an overlong three-byte form";
  EXPECT_EQ(first_invalid_utf8("a\xF0\x8F\xBF\xBF"), 1u) << "an overlong four-byte form";
  EXPECT_EQ(first_invalid_utf8("a\xED\xA0\x80"), 1u) << "a surrogate";
  EXPECT_EQ(first_invalid_utf8("a\xF4\x90\x80\x80"), 1u) << "above U+10FFFF";
  EXPECT_EQ(first_invalid_utf8("a\xF5\x80\x80\x80"), 1u) << "no such lead byte";
  EXPECT_EQ(first_invalid_utf8("a\xE2\x82"), 1u) << "cut short at the end";
  EXPECT_EQ(first_invalid_utf8("a\xE2\x82x"), 1u) << "cut short by another character";
  EXPECT_EQ(first_invalid_utf8("\xC3\xA9\xFF"), 2u) << "after a good sequence";
}

TEST(Utf8, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"), 4u);
}

}  // namespace
}  // namespace wnc
