// docs/behaviour.md against the requirement catalog: its "### ID" entries are exactly the
// catalog's requirements and picks, each with the catalog's Rule, Source and Picks lines (a
// P-* pick's rule is its row of docs/picks.md), and it names no ID the catalog lacks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "requirements.h"

namespace wnc {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path << ": cannot be read";
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::regex& id_pattern() {
  static const std::regex re(R"(\b(?:R|PS|P)-[A-Z0-9]+(?:-[A-Z0-9]+)*\b)");
  return re;
}

std::vector<std::string> ids_in(const std::string& text) {
  std::vector<std::string> ids;
  for (std::sregex_iterator it(text.begin(), text.end(), id_pattern()), end; it != end; ++it)
    ids.push_back(it->str());
  return ids;
}

// One "### ID" entry: its "- **Label.** text" lines by label.
using Entry = std::map<std::string, std::string>;

// The rows "| P-… | rule |" of docs/picks.md.
std::map<std::string, std::string> pick_rows(const std::string& picks_md) {
  static const std::regex row(R"(^\| (P-[A-Z0-9-]+) \| (.*) \|$)");
  std::map<std::string, std::string> rows;
  std::smatch m;
  for (const auto& line : lines_of(picks_md))
    if (std::regex_match(line, m, row)) rows[m[1]] = m[2];
  return rows;
}

void expect_line(std::vector<std::string>& problems, const std::string& id, const Entry& entry,
                 const std::string& label, const std::string& want) {
  auto it = entry.find(label);
  if (it == entry.end())
    problems.push_back(id + ": no \"- **" + label + ".**\" line");
  else if (it->second != want)
    problems.push_back(id + ": " + label + " is \"" + it->second + "\", the catalog says \"" + want + "\"");
}

// What is wrong with the page, given docs/picks.md; empty when it matches the catalog.
std::vector<std::string> problems(const std::string& behaviour, const std::string& picks_md) {
  std::vector<std::string> found;
  static const std::regex heading(R"(^#{2,4} ((?:R|PS|P)-[A-Z0-9-]+)$)");
  static const std::regex item(R"(^- \*\*([A-Za-z]+)\.\*\* (.*)$)");
  std::map<std::string, Entry> entries;
  Entry* current = nullptr;
  std::smatch m;
  for (const auto& line : lines_of(behaviour)) {
    if (std::regex_match(line, m, heading)) {
      if (entries.count(m[1])) found.push_back(m[1].str() + ": two entries");
      current = &entries[m[1]];
    } else if (line.starts_with("#")) {
      current = nullptr;
    } else if (current && std::regex_match(line, m, item)) {
      (*current)[m[1]] = m[2];
    }
  }

  std::set<std::string> catalog;
  for (const auto& r : requirements()) {
    const std::string id(r.id);
    catalog.insert(id);
    if (!entries.count(id)) {
      found.push_back(id + ": no entry");
      continue;
    }
    const Entry& e = entries[id];
    expect_line(found, id, e, "Rule", std::string(r.rule));
    expect_line(found, id, e, "Source", std::string(r.source));
    std::vector<std::string> want(r.picks.begin(), r.picks.end());
    std::vector<std::string> got = e.count("Picks") ? ids_in(e.at("Picks")) : std::vector<std::string>{};
    if (got != want) found.push_back(id + ": Picks differ from the catalog's");
  }
  const auto rows = pick_rows(picks_md);
  std::set<std::string> row_ids;
  for (const auto& [id, rule] : rows) row_ids.insert(id);
  std::set<std::string> catalog_rows;
  for (const auto& p : picks()) {
    const std::string id(p.id);
    catalog.insert(id);
    const bool in_picks_md = p.rule == "docs/picks.md";
    if (in_picks_md) catalog_rows.insert(id);
    if (!entries.count(id)) {
      found.push_back(id + ": no entry");
      continue;
    }
    const auto row = rows.find(id);
    if (in_picks_md && row == rows.end()) found.push_back(id + ": no row in docs/picks.md");
    else expect_line(found, id, entries[id], "Rule", in_picks_md ? row->second : std::string(p.rule));
  }
  for (const auto& id : row_ids)
    if (!catalog_rows.count(id)) found.push_back(id + ": a row of docs/picks.md the catalog lacks");
  for (const auto& id : ids_in(behaviour))
    if (!catalog.count(id)) found.push_back(id + ": named by the page, not in the catalog");
  return found;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& line : lines) s += line + "\n";
  return s;
}

class BehaviourDoc : public ::testing::Test {
 protected:
  const std::string doc = read(WNETCONF_DOCS "/behaviour.md");
  const std::string picks_md = read(WNETCONF_DOCS "/picks.md");

  std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
  }
};

TEST_F(BehaviourDoc, MatchesTheCatalogAndPicksMd) { EXPECT_EQ(joined(problems(doc, picks_md)), ""); }

// The check itself: each kind of drift is caught.
TEST_F(BehaviourDoc, EachKindOfDriftIsFound) {
  auto found = [&](const std::string& page, const std::string& rows) { return joined(problems(page, rows)); };
  EXPECT_EQ(found(with(doc, "### R-ATOMIC\n", "### R-ATOMlC\n"), picks_md), "R-ATOMIC: no entry\n");
  EXPECT_EQ(found(with(doc, "### R-LINKED\n", "### R-LINKED\n\n### R-LINKED\n"), picks_md),
            "R-LINKED: two entries\n");
  EXPECT_THAT(found(with(doc, "removes that one redirection", "removes the redirection"), picks_md),
              ::testing::StartsWith("R-DEVICE-ONLY: Rule is"));
  EXPECT_THAT(found(with(doc, "- **Source.** pick: Windows", "- **Source.** Windows"), picks_md),
              ::testing::StartsWith("R-NAME-CASE: Source is"));
  EXPECT_EQ(found(with(doc, "- **Picks.** [P-LINKED](#p-linked)\n", "\n"), picks_md),
            "R-LINKED: Picks differ from the catalog's\n");
  EXPECT_EQ(found(with(doc, "[P-PROFILE-KEY](#p-profile-key))", "[P-KEY](#p-key))"), picks_md),
            "P-KEY: named by the page, not in the catalog\n");
  EXPECT_THAT(found(doc, with(picks_md, "| P-JOB | `job` needs", "| P-JOB | `job` wants")),
              ::testing::StartsWith("P-JOB: Rule is"));
  EXPECT_EQ(found(doc, picks_md + "| P-NEW | a rule |\n"), "P-NEW: a row of docs/picks.md the catalog lacks\n");
}

}  // namespace
}  // namespace wnc
