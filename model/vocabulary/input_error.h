// Bad input: a scenario, ledger, bundle, flag or path the user gave that wnetconf cannot
// use. The command line reports it with exit code 2; every other exception is a bug in
// wnetconf (exit code 4), so each kind of bad input derives from this one.
#pragma once

#include <stdexcept>

namespace wnc {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace wnc
