#include "scenario/scenario_error.h"

namespace wnc {

ScenarioError::ScenarioError(std::string file, int line, int column, const std::string& message)
    : InputError(line > 0 ? file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message
                                  : file + ": " + message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

}  // namespace wnc
