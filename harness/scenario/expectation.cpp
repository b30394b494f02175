#include <algorithm>

#include "scenario/scenario.h"

namespace wnc {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string shown(const std::optional<std::string>& s) { return s ? "'" + *s + "'" : "nothing"; }

}  // namespace

Expectation expectation_of(const Result& r) {
  Expectation e;
  e.rc = r.rc;
  e.remote = r.remote;
  e.target_endswith = r.target;
  e.exactly = r.drives;
  e.code = r.code;
  e.text = r.text;
  e.provider = r.provider;
  return e;
}

std::vector<std::string> mismatches(const Expectation& e, const Result& got) {
  std::vector<std::string> out;
  if (got.unsupported) {
    out.push_back("the implementation cannot perform the step: " + *got.unsupported);
    return out;
  }
  if (got.rc != e.rc) out.push_back("rc: expected " + describe_code(e.rc) + ", got " + describe_code(got.rc));
  if (e.remote && (!got.remote || lower(*got.remote) != lower(*e.remote)))
    out.push_back("remote: expected '" + *e.remote + "', got " + shown(got.remote));
  if (e.target_endswith) {
    std::string want = lower(*e.target_endswith);
    std::string have = got.target ? lower(*got.target) : "";
    if (!got.target || have.size() < want.size() || have.compare(have.size() - want.size(), want.size(), want) != 0)
      out.push_back("target: expected one ending in '" + *e.target_endswith + "', got " + shown(got.target));
  }
  const std::string drives = got.drives.value_or("");
  if (e.includes)
    for (char c : *e.includes)
      if (drives.find(c) == std::string::npos)
        out.push_back(std::string("drives: expected ") + c + ": among them, got '" + drives + "'");
  if (e.excludes)
    for (char c : *e.excludes)
      if (drives.find(c) != std::string::npos)
        out.push_back(std::string("drives: expected no ") + c + ":, got '" + drives + "'");
  if (e.exactly) {
    std::string want = *e.exactly;
    std::sort(want.begin(), want.end());
    if (want != drives) out.push_back("drives: expected exactly '" + want + "', got '" + drives + "'");
  }
  if (e.code && got.code != e.code)
    out.push_back("code: expected " + std::to_string(*e.code) + ", got " +
                  (got.code ? std::to_string(*got.code) : "nothing"));
  if (e.text && got.text != e.text) out.push_back("text: expected '" + *e.text + "', got " + shown(got.text));
  if (e.provider && got.provider != e.provider)
    out.push_back("provider: expected '" + *e.provider + "', got " + shown(got.provider));
  return out;
}

}  // namespace wnc
