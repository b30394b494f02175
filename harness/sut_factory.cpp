#include "sut_factory.h"

#include <stdexcept>

#include "agent/process_sut.h"
#include "agent/tcp_sut.h"
#include "model_sut.h"
#include "sim/sim_sut.h"
#include "wine/wine_sut.h"

namespace wnc {

namespace {

std::unique_ptr<Sut> make_tcp(const std::string& address, int deadline_ms) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0) throw std::invalid_argument("--sut tcp:<host>:<port>, got tcp:" + address);
  int port = 0;
  try {
    port = std::stoi(address.substr(colon + 1));
  } catch (const std::exception&) {
    throw std::invalid_argument("--sut tcp: the port is not a number: " + address.substr(colon + 1));
  }
  return make_tcp_sut(address.substr(0, colon), port, deadline_ms);
}

}  // namespace

std::unique_ptr<Sut> make_sut(const SutChoice& c) {
  if (!c.mutant.empty() && c.spec != "sim") throw std::invalid_argument("--mutant applies to --sut sim only");
  if (c.spec == "model") return make_model_sut();
  if (c.spec == "sim") return make_sim_sut(c.mutant);
  if (c.spec == "wine") {
    WineSutOptions options = default_wine_sut_options();
    options.step_deadline_ms = c.step_deadline_ms;
    if (std::string why = wine_sut_unavailable(options); !why.empty())
      throw SutFailure("--sut wine is unavailable: " + why);
    return make_wine_sut(options);
  }
  if (c.spec.rfind("cmd:", 0) == 0 && c.spec.size() > 4) {
    ProcessSutOptions options;
    options.command = c.spec.substr(4);
    options.step_deadline_ms = c.step_deadline_ms;
    return make_process_sut(options);
  }
  if (c.spec.rfind("tcp:", 0) == 0) return make_tcp(c.spec.substr(4), c.step_deadline_ms);
  throw std::invalid_argument("unknown --sut '" + c.spec + "' (expected model, sim, wine, cmd:<command>, tcp:<host>:<port>)");
}

}  // namespace wnc
