// Bad input in a scenario or ledger file, with where it is.
#pragma once

#include <string>

#include "vocabulary/input_error.h"

namespace wnc {

// Bad input: what() is "file:line:column: message", or "file: message" without a position.
class ScenarioError : public InputError {
 public:
  ScenarioError(std::string file, int line, int column, const std::string& message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_, column_;
  std::string message_;
};

}  // namespace wnc
