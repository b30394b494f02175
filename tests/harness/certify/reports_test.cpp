// The reports: JUnit for dashboards, HTML and Markdown for people; all escape what they quote.
#include <gmock/gmock.h>

#include "certify/html_report.h"
#include "certify/junit_report.h"
#include "certify/markdown_report.h"
#include "certify_fixture.h"

namespace wnc::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class ReportsTest : public CertifyTest {
 protected:
  // Broken cancels, an implementation without print, a ledger, a failing exploration block.
  void SetUp() override {
    CertifyTest::SetUp();
    TestSut sut;
    sut.break_cancel = true;
    sut.drop = {"print"};
    certify(dir("b"), sut, settings(), true, FakeExplorer{42});
  }
  std::string junit() { return read(dir("b") / "junit.xml"); }
  std::string html() { return read(dir("b") / "report.html"); }
  std::string md() { return read(dir("b") / "report.md"); }
};

TEST_F(ReportsTest, JunitHasOneTestcasePerScenarioWithTheFirstDivergingStep) {
  const std::string x = junit();
  EXPECT_THAT(x, HasSubstr("<testsuite name=\"scenarios\" tests=\"5\" failures=\"3\" errors=\"0\" skipped=\"2\""));
  EXPECT_THAT(x, HasSubstr("name=\"certify.open-files\" file=\"corpus/open-files/open-files.yaml\""));
  EXPECT_THAT(x, HasSubstr("<failure type=\"failed\" message=\"step 5: expected NO_ERROR (0), got ERROR_DEVICE_IN_USE (2404)\">"));
  EXPECT_THAT(x, HasSubstr("<skipped message=\"not supported: the implementation lacks print\"/>"));
  EXPECT_THAT(x, HasSubstr("<skipped message=\"known divergence: cancels report &lt;in use&gt; &amp; stay\"/>"));
  EXPECT_THAT(x, HasSubstr("<testcase classname=\"exploration\" name=\"block 0 (seed 42, 25 cases)\""));
  EXPECT_THAT(x, HasSubstr("<testsuite name=\"ledger\" tests=\"2\" failures=\"0\""));
}

TEST_F(ReportsTest, HtmlIsSelfContainedAndShowsVerdictMatrixLedgerTracesAndChart) {
  const std::string h = html();
  EXPECT_THAT(h, HasSubstr("<h1>Verdict: not conformant</h1>"));
  EXPECT_THAT(h, HasSubstr("<table id=\"requirement-matrix\">"));
  EXPECT_THAT(h, HasSubstr("<table id=\"ledger-table\">"));
  EXPECT_THAT(h, HasSubstr("<svg id=\"code-chart\""));
  EXPECT_THAT(h, HasSubstr("<td>ERROR_DEVICE_IN_USE (2404)"));              // got, beside...
  EXPECT_THAT(h, HasSubstr("<td>NO_ERROR (0)</td>"));                        // ...expected
  EXPECT_THAT(h, HasSubstr("Exploration block 0"));
  EXPECT_THAT(h, HasSubstr("exploration/regression.certify.42.yaml"));
  EXPECT_THAT(h, Not(HasSubstr("http://")));  // nothing fetched
  EXPECT_THAT(h, Not(HasSubstr("https://")));
  EXPECT_THAT(h, Not(HasSubstr("<script")));
}

TEST_F(ReportsTest, EverythingQuotedIsEscaped) {
  const std::string h = html();
  EXPECT_THAT(h, HasSubstr("Markup &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;quoted&quot;"));
  EXPECT_THAT(h, Not(HasSubstr("<b>&amp;</b>")));
  EXPECT_THAT(h, HasSubstr("\\\\fs1\\docs"));
  const std::string m = md();
  EXPECT_THAT(m, HasSubstr("Markup \\<b\\>\\&amp;\\</b\\> \"quoted\" \\| pipe \\*star\\* \\`tick\\`"));
  EXPECT_THAT(m, HasSubstr("\\\\\\\\fs1\\\\docs"));  // each backslash of \\fs1\docs doubled
}

TEST_F(ReportsTest, MarkdownSaysWhatHtmlSays) {
  const std::string m = md();
  EXPECT_THAT(m, HasSubstr("**Verdict: not conformant** ❌"));
  // Step 5 diverges, but it expects 0: R-RC-OPEN-FILES is met by step 3's 2401, R-FORCE-FALSE is not.
  EXPECT_THAT(m, HasSubstr("| R-RC-OPEN-FILES | met | certify.open-files (failed) | 1 | certify.open-files @5 ("));
  EXPECT_THAT(m, HasSubstr("| R-FORCE-FALSE | not met | certify.open-files (failed) | 2 |  |"));
  EXPECT_THAT(m, HasSubstr("| ERROR\\_OPEN\\_FILES (2401) | ERROR\\_OPEN\\_FILES (2401) | platform |"));
  EXPECT_THAT(m, HasSubstr("| 5 ❌ | cancel {api: 'W', as: 'alice', force: false, name: 'Z:'} | NO\\_ERROR (0) | ERROR\\_DEVICE\\_IN\\_USE (2404)"));
  EXPECT_THAT(m, HasSubstr("### Exploration block 0 (failed)"));
  EXPECT_THAT(m, HasSubstr("| ERROR\\_OPEN\\_FILES | 0 | never returned |"));
}

TEST_F(ReportsTest, HtmlSaysWhyNotConformantWhatPillsMeanAndKeepsIdsWhole) {
  const std::string h = html();
  EXPECT_THAT(h, HasSubstr("<ul id=\"not-conformant-because\"><li>2 scenarios failed</li>"
                           "<li>1 scenario passed although the ledger lists a divergence</li>"));
  EXPECT_THAT(h, HasSubstr("<li>the exploration diverged in 1 block</li></ul>"));
  EXPECT_THAT(h, HasSubstr("<p id=\"legend\" class=\"legend\">Requirements: <span class=\"badge s-met\">met</span> every"));
  EXPECT_THAT(h, HasSubstr("code.id{white-space:nowrap}"));
  EXPECT_THAT(h, HasSubstr("<td><code class=\"id\">R-RC-OPEN-FILES</code></td>"));
  EXPECT_THAT(md(), HasSubstr("**Verdict: not conformant** ❌\n\n- 2 scenarios failed\n"));
}

TEST_F(ReportsTest, ABlockSaysTheWholeCommandThatReproducesIt) {
  const std::string command = "wnetconf explore --sut test --seed 42 --cases 25 --max-steps 40 --expect ledger.yaml";
  EXPECT_THAT(html(), HasSubstr("reproduce with <code class=\"reproduce\">" + command + "</code>"));
  EXPECT_THAT(md(), HasSubstr("reproduce with `" + command + "`"));
  EXPECT_THAT(md(), HasSubstr("replayed by `wnetconf replay exploration/regression.certify.42.yaml --sut test`"));

  CertifySettings under_mutants = settings();
  under_mutants.sut = "sim --mutant force-ignored,orphans-usable";
  TestSut sut;
  certify(dir("mutant"), sut, under_mutants, false, FakeExplorer{42});
  const std::string h = read(dir("mutant") / "report.html");
  EXPECT_THAT(h, HasSubstr(", mutant force-ignored,orphans-usable</title>"));
  EXPECT_THAT(h, HasSubstr("<code class=\"reproduce\">wnetconf explore --sut sim --mutant force-ignored,orphans-usable --seed 42"
                           " --cases 25 --max-steps 40</code>"));
  EXPECT_THAT(read(dir("mutant") / "report.md"), HasSubstr(", mutant force-ignored,orphans-usable\n"));
}

TEST_F(ReportsTest, TheResultsDocumentKeepsTimingsApart) {
  const auto doc = results(dir("b"));
  EXPECT_EQ(doc.at("schema"), "wnetconf-results/1");
  EXPECT_TRUE(doc.at("timings").contains("total_seconds"));
  EXPECT_EQ(json_file_text(without_timings(doc)).find("seconds"), std::string::npos);
  const auto& open_files = doc.at("scenarios")[3];
  EXPECT_EQ(open_files.at("id"), "certify.open-files");
  EXPECT_EQ(open_files.at("first_divergence"), 5);
  EXPECT_EQ(open_files.at("steps")[4].at("got").at("rc"), 2404);
  EXPECT_EQ(doc.at("exploration").at("blocks")[0].at("trace").at("status"), "failed");
}

}  // namespace
}  // namespace wnc::test
