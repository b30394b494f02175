// SHA-256 (through libcrypto) and the reports' escaping.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "certify/markup.h"
#include "certify/sha256.h"
#include "vocabulary/input_error.h"

namespace wnc {
namespace {

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_THROW(sha256_file("/nonexistent/file"), InputError);
}

// A manifest from a vendor may name any path: one that never ends is refused, not read.
TEST(Sha256, OnlyRegularFilesAreHashed) {
  EXPECT_THROW(sha256_file("/dev/zero"), InputError);
  EXPECT_THROW(sha256_file("/tmp"), InputError);
  const std::string fifo = ::testing::TempDir() + "wnetconf-sha256-fifo";
  ::unlink(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_THROW(sha256_file(fifo), InputError);
  ::unlink(fifo.c_str());
}

TEST(Markup, HtmlEscapesMarkupQuotesAndControlCharacters) {
  EXPECT_EQ(html_escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape(std::string("a\x01" "b\n", 4)), "a\xEF\xBF\xBD" "b\n");
}

TEST(Markup, MarkdownEscapesSyntaxAndKeepsCellsOnOneLine) {
  EXPECT_EQ(md_escape("\\\\fs1\\docs"), "\\\\\\\\fs1\\\\docs");
  EXPECT_EQ(md_escape("a|b *c* _d_ <e> [f] `g` ~h~ &i;"), "a\\|b \\*c\\* \\_d\\_ \\<e\\> \\[f\\] \\`g\\` \\~h\\~ \\&i;");
  EXPECT_EQ(md_escape("two\nlines"), "two lines");
}

}  // namespace
}  // namespace wnc
