// `--sut tcp:HOST:PORT`: drives an agent listening on a TCP socket.
#pragma once

#include <memory>
#include <string>

#include "sut.h"

namespace wnc {

// Connects and says hello, with `token` when it is not empty (throwing SutFailure when
// that fails, a refused token included). Failures are those of make_process_sut (without
// stderr to attach); after one, the next call reconnects.
std::unique_ptr<Sut> make_tcp_sut(const std::string& host, int port, int step_deadline_ms = 10000,
                                  const std::string& token = {});

}  // namespace wnc
