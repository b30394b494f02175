#include "explore/adaptive_weights.h"

#include <algorithm>
#include <cstdio>

namespace wnc {

namespace {

std::optional<Api> api_of(const Step& step) {
  const auto* cancel = std::get_if<CancelStep>(&step);
  return cancel ? std::optional(cancel->api) : std::nullopt;
}

}  // namespace

std::string AdaptiveWeights::cell_of(const Step& step, Code rc) {
  const std::optional<Api> api = api_of(step);
  return std::string(step_kind(step)) + "/" + (api ? api_name(*api) : "-") + "/" + std::to_string(rc);
}

void AdaptiveWeights::record(std::string_view entry, const Step& step, Code rc) {
  // Where a cell's name goes among cell numbers kept in name order.
  auto place_of = [&](std::vector<int>& numbers, const std::string& name) {
    return std::lower_bound(numbers.begin(), numbers.end(), name,
                            [&](int n, const std::string& other) { return cells_[n].name < other; });
  };
  const std::optional<Api> api = api_of(step);
  const std::uint64_t key = (std::uint64_t{step.index()} << 40) |
                            (std::uint64_t{api ? static_cast<unsigned>(*api) + 1 : 0} << 32) | rc;
  auto [cell, new_key] = cell_numbers_.try_emplace(key, static_cast<int>(cells_.size()));
  if (new_key) {  // two step types may share a kind, and so a cell
    const std::string name = cell_of(step, rc);
    const auto at = place_of(cells_by_name_, name);
    if (at != cells_by_name_.end() && cells_[*at].name == name) {
      cell->second = *at;
    } else {
      cells_by_name_.insert(at, cell->second);
      cells_.push_back({name, 0});
    }
  }
  auto found = entry_numbers_.find(entry);
  if (found == entry_numbers_.end()) {
    found = entry_numbers_.emplace(std::string(entry), static_cast<int>(entries_.size())).first;
    entries_.emplace_back();
  }
  Entry& e = entries_[found->second];
  if (e.steps.size() <= static_cast<size_t>(cell->second)) e.steps.resize(cell->second + 1);
  if (e.steps[cell->second]++ == 0) e.cells.insert(place_of(e.cells, cells_[cell->second].name), cell->second);
  ++cells_[cell->second].steps;
}

AdaptiveWeights::Factors AdaptiveWeights::factors() const {
  std::vector<double> score;  // per entry in name order: the mean of 1/count over the cells it produced
  score.reserve(entry_numbers_.size());
  for (const auto& [name, number] : entry_numbers_) {
    const Entry& e = entries_[number];
    double sum = 0;
    long long steps = 0;
    for (const int cell : e.cells) {
      sum += static_cast<double>(e.steps[cell]) / static_cast<double>(cells_[cell].steps);
      steps += e.steps[cell];
    }
    score.push_back(sum / static_cast<double>(steps));
  }
  double mean = 0;
  for (const double s : score) mean += s / static_cast<double>(score.size());
  Factors out;
  auto s = score.begin();
  for (const auto& [name, number] : entry_numbers_)
    out.emplace_hint(out.end(), name, mean > 0 ? std::clamp(*s++ / mean, kLowest, kHighest) : 1.0);
  return out;
}

std::map<std::string, long long> AdaptiveWeights::cells() const {
  std::map<std::string, long long> out;
  for (const Cell& c : cells_) out[c.name] = c.steps;
  return out;
}

std::string describe(const AdaptiveWeights::Factors& factors) {
  std::string out;
  for (const auto& [entry, f] : factors) {
    if (f == 1.0) continue;
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", f);
    out += (out.empty() ? "" : " ") + entry + "=" + text;
  }
  return out.empty() ? "all 1" : out;
}

}  // namespace wnc
