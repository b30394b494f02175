#include "certify/results_compare.h"

#include <map>

#include "certify/results_document.h"

namespace wnc {

namespace {

using nlohmann::json;

std::map<std::string, const json*> by_key(const json& list, const char* key) {
  std::map<std::string, const json*> out;
  for (const auto& item : list) out[item.at(key).is_string() ? item[key].get<std::string>() : item[key].dump()] = &item;
  return out;
}

std::string brief(const json& j) {
  std::string s = j.is_string() ? j.get<std::string>() : j.dump(-1, ' ', false, json::error_handler_t::replace);
  return s.size() > 160 ? s.substr(0, 157) + "..." : s;
}

// How the two documents are named in the words: "recorded"/"re-run", "old"/"new".
struct Sides {
  const char* a;
  const char* b;
};
constexpr Sides kRerun{"recorded", "re-run"};

std::string answer(const json& step) { return brief(step.at("got_text")) + (step.at("passed") == true ? "" : " (diverged)"); }

void compare_scenario(const std::string& id, const json& a, const json& b, const Sides& w, std::vector<std::string>& out) {
  if (a == b) return;
  const size_t before = out.size();
  if (a.at("status") != b.at("status"))
    out.push_back("scenario " + id + ": " + w.a + " " + brief(a["status"]) + ", " + w.b + " " + brief(b.at("status")));
  const json& sa = a.at("steps");
  const json& sb = b.at("steps");
  for (size_t i = 0; i < std::max(sa.size(), sb.size()); ++i) {
    const std::string where = "scenario " + id + " step " + std::to_string(i + 1) + ": ";
    if (i >= sa.size()) out.push_back(where + "not in the " + w.a + " run, " + w.b + " got " + brief(sb[i].at("got_text")));
    else if (i >= sb.size()) out.push_back(where + w.a + " " + brief(sa[i].at("got_text")) + ", not reached in the " + w.b + " run");
    else if (sa[i] != sb[i]) out.push_back(where + w.a + " " + answer(sa[i]) + ", " + w.b + " " + answer(sb[i]));
  }
  if (out.size() == before)
    out.push_back("scenario " + id + ": " + w.a + " and " + w.b + " results differ (" + brief(a.value("note", "")) + " / " +
                  brief(b.value("note", "")) + ")");
}

void compare_lists(const char* what, const json& recorded, const json& rerun, const char* key,
                   std::vector<std::string>& out) {
  const auto a = by_key(recorded, key), b = by_key(rerun, key);
  for (const auto& [id, item] : a) {
    if (!b.count(id)) out.push_back(std::string(what) + " " + id + ": recorded, not in the re-run");
    else if (std::string(what) == "scenario") compare_scenario(id, *item, *b.at(id), kRerun, out);
    else if (*item != *b.at(id))
      out.push_back(std::string(what) + " " + id + ": recorded " + (item->at("passed").get<bool>() ? "passed" : "failed") + " after " +
                    brief(item->at("steps")) + " steps, re-run " + (b.at(id)->at("passed").get<bool>() ? "passed" : "failed") +
                    " after " + brief(b.at(id)->at("steps")) + " steps");
  }
  for (const auto& [id, item] : b)
    if (!a.count(id)) out.push_back(std::string(what) + " " + id + ": in the re-run, not recorded");
}

}  // namespace

std::vector<std::string> compare_results(const json& recorded_doc, const json& rerun_doc) {
  return reading_results([&] {
    json a = without_timings(recorded_doc), b = without_timings(rerun_doc);
    a.erase("sut");
    b.erase("sut");
    std::vector<std::string> out;
    for (const char* key : {"schema", "vendor", "implementation", "capabilities", "model_version", "shard", "verdict"})
      if (a.value(key, json()) != b.value(key, json()))
        out.push_back(std::string(key) + ": recorded " + brief(a.value(key, json())) + ", re-run " + brief(b.value(key, json())));
    compare_lists("scenario", a.at("scenarios"), b.at("scenarios"), "id", out);
    compare_lists("exploration block", a.at("exploration").at("blocks"), b.at("exploration").at("blocks"), "block", out);
    // The rest follows from the above; it is named only when nothing above explains it.
    if (out.empty())
      for (const auto& [key, value] : a.items())
        if (b.value(key, json()) != value) out.push_back(key + ": recorded and re-run differ");
    return out;
  });
}

std::vector<std::string> scenario_changes(const json& before, const json& after) {
  return reading_results([&] {
    constexpr Sides kDiff{"old", "new"};
    const auto a = by_key(before.at("scenarios"), "id"), b = by_key(after.at("scenarios"), "id");
    std::vector<std::string> out;
    for (const auto& [id, item] : a) {
      if (!b.count(id)) out.push_back("scenario " + id + ": in the old bundle only");
      else compare_scenario(id, *item, *b.at(id), kDiff, out);
    }
    for (const auto& [id, item] : b)
      if (!a.count(id)) out.push_back("scenario " + id + ": in the new bundle only, " + brief(item->at("status")));
    return out;
  });
}

std::vector<RequirementChange> requirement_changes(const json& before, const json& after) {
  return reading_results([&] {
    std::vector<std::string> order;
    std::map<std::string, std::string> a, b;
    for (const auto& r : before.at("requirements")) {
      order.push_back(r.at("id").get<std::string>());
      a[order.back()] = r.at("verdict").get<std::string>();
    }
    for (const auto& r : after.at("requirements")) {
      const std::string id = r.at("id").get<std::string>();
      if (!a.count(id)) order.push_back(id);
      b[id] = r.at("verdict").get<std::string>();
    }
    std::vector<RequirementChange> out;
    for (const auto& id : order) {
      const std::string x = a.count(id) ? a[id] : "absent", y = b.count(id) ? b[id] : "absent";
      if (x != y) out.push_back({id, x, y});
    }
    return out;
  });
}

}  // namespace wnc
