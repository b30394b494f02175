// The client's fast reading of a step's answer: a plain result reads as the full decoder reads
// it, and every other line is left to the full decoder (which names what is wrong).
#include "protocol/result_line.h"

#include <gtest/gtest.h>

#include "protocol/json_codec.h"
#include "protocol/protocol_limits.h"

namespace wnc {
namespace {

using protocol_limits::kLine;

std::vector<Result> plain_results() {
  Result connected;
  connected.rc = 0;
  connected.remote = R"(\\fs1\docs "quoted" é)";
  Result last_error;
  last_error.rc = 0;
  last_error.code = 0xFFFFFFFF;
  last_error.text = "server on fire\n";
  last_error.provider = "TestNet";
  Result target;
  target.rc = 0;
  target.target = R"(\Device\LanmanRedirector\;Z:0000000000001234\fs1\docs)";
  Result drives;
  drives.rc = 0;
  drives.drives = "";
  Result failed;
  failed.rc = 2250;
  return {connected, last_error, target, drives, failed};
}

TEST(PlainResult, ReadsWhatTheFullDecoderReads) {
  for (const Result& r : plain_results()) {
    const std::string line = result_to_json(r).dump();
    SCOPED_TRACE(line);
    const std::optional<Result> fast = plain_result(line, kLine);
    ASSERT_TRUE(fast);
    EXPECT_EQ(*fast, r);
    EXPECT_EQ(*fast, result_from_json(protocol_limits::parse_line(line)));
  }
}

// Each is left to the full decoder: it refuses most of them, and reads the last two
// (unsupported ignores the other keys) in a way the fast reading does not try.
TEST(PlainResult, LeavesAnythingElseToTheFullDecoder) {
  const std::string long_text(kLine.max_string_bytes + 1, 'x');
  for (const std::string& line : std::vector<std::string>{
           R"({"error":"no such logon"})", R"({})", R"({"remote":"\\\\fs1\\docs"})", R"({"rc":-1})",
           R"({"rc":4294967296})", R"({"rc":1.0})", R"({"rc":"0"})", R"({"rc":0,"rc":2})", R"({"rc":0,"drives":null})",
           R"({"rc":0,"drives":["C"]})", R"({"rc":0,"code":-5})", R"({"rc":0,"remote":5})", R"({"rc":0,"extra":1})",
           R"({"rc":0,"remote":{"a":"b"}})", R"([{"rc":0}])", R"({"rc":0} {"rc":0})", R"({"rc":0)", "{\"rc\":0,\"text\":\"\xff\"}",
           R"({"rc":0,"text":")" + long_text + R"("})", R"({"unsupported":"no"})", R"({"rc":0,"unsupported":"no"})"}) {
    SCOPED_TRACE(line.substr(0, 80));
    EXPECT_FALSE(plain_result(line, kLine));
  }
}

}  // namespace
}  // namespace wnc
