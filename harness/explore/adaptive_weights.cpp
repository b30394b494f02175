#include "explore/adaptive_weights.h"

#include <algorithm>
#include <cstdio>

namespace wnc {

std::string AdaptiveWeights::cell_of(const Step& step, Code rc) {
  const auto* cancel = std::get_if<CancelStep>(&step);
  return std::string(step_kind(step)) + "/" + (cancel ? api_name(cancel->api) : "-") + "/" + std::to_string(rc);
}

void AdaptiveWeights::record(const std::string& entry, const Step& step, Code rc) {
  const std::string cell = cell_of(step, rc);
  ++cells_[cell];
  ++produced_[entry][cell];
}

AdaptiveWeights::Factors AdaptiveWeights::factors() const {
  std::map<std::string, double> score;  // entry -> mean of 1/count over the cells it produced
  for (const auto& [entry, cells] : produced_) {
    double sum = 0;
    long long steps = 0;
    for (const auto& [cell, n] : cells) {
      sum += static_cast<double>(n) / static_cast<double>(cells_.at(cell));
      steps += n;
    }
    score[entry] = sum / static_cast<double>(steps);
  }
  double mean = 0;
  for (const auto& [entry, s] : score) mean += s / static_cast<double>(score.size());
  Factors out;
  for (const auto& [entry, s] : score) out[entry] = mean > 0 ? std::clamp(s / mean, kLowest, kHighest) : 1.0;
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
