#include "run/describe.h"

#include "protocol/json_codec.h"
#include "scenario/scenario_writer.h"

namespace wnc {

std::string describe_step(const Step& step) {
  nlohmann::json j = step_to_json(step);
  return j.begin().key() + " " + yaml_flow(j.begin().value());
}

std::string describe_result(const Result& r) {
  if (r.unsupported) return "unsupported: " + *r.unsupported;
  std::string out = describe_code(r.rc);
  if (r.remote) out += ", remote '" + *r.remote + "'";
  if (r.target) out += ", target '" + *r.target + "'";
  if (r.drives) out += ", drives '" + *r.drives + "'";
  if (r.code) out += ", code " + std::to_string(*r.code);
  if (r.text) out += ", text '" + *r.text + "'";
  if (r.provider) out += ", provider '" + *r.provider + "'";
  return out;
}

std::string describe_expectation(const Expectation& e) {
  std::string out = describe_code(e.rc);
  if (e.remote) out += ", remote '" + *e.remote + "'";
  if (e.target_endswith) out += ", target ending '" + *e.target_endswith + "'";
  if (e.includes) out += ", drives including " + *e.includes;
  if (e.excludes) out += ", drives excluding " + *e.excludes;
  if (e.exactly) out += ", drives exactly " + *e.exactly;
  if (e.code) out += ", code " + std::to_string(*e.code);
  if (e.text) out += ", text '" + *e.text + "'";
  if (e.provider) out += ", provider '" + *e.provider + "'";
  return out;
}

std::string counted(long long n, std::string_view one, std::string_view many) {
  if (n == 1) return "1 " + std::string(one);
  return std::to_string(n) + " " + (many.empty() ? std::string(one) + "s" : std::string(many));
}

}  // namespace wnc
