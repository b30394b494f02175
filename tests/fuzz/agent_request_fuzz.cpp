// Fuzzes the agent's request decoding (sut/agent/agent_server.*, sut/protocol/): each line of
// the input is a request to `wnetconf agent` serving the sim; every line gets one answer that
// is a JSON object, and nothing escapes but a bug.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "agent/agent_server.h"
#include "fuzz_check.h"
#include "sim/sim_sut.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  const auto sut = wnc::make_sim_sut();
  FUZZ_CHECK(wnc::serve_agent(*sut, in, out) == 0);
  std::istringstream answers(out.str());
  for (std::string line; std::getline(answers, line);) {
    const auto answer = nlohmann::json::parse(line, nullptr, false);
    FUZZ_CHECK(answer.is_object());
  }
  return 0;
}
