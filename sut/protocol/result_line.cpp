#include "protocol/result_line.h"

#include <nlohmann/json.hpp>

namespace wnc {

namespace {

using nlohmann::json;

// SAX events of one flat result object; any event a plain result does not have stops the parse.
class PlainResult : public json::json_sax_t {
 public:
  explicit PlainResult(const JsonLimits& limits) : limits_(limits) {}
  Result result;
  bool has_rc = false;

  bool null() override { return false; }
  bool boolean(bool) override { return false; }
  bool number_integer(number_integer_t) override { return false; }  // negative: out of range
  bool number_unsigned(number_unsigned_t n) override {
    if (n > 0xFFFFFFFFULL || !(key_ == Key::Rc || key_ == Key::Code)) return false;
    if (key_ == Key::Rc) {
      result.rc = static_cast<Code>(n);
      has_rc = true;
    } else {
      result.code = static_cast<Code>(n);
    }
    return next_key();
  }
  bool number_float(number_float_t, const string_t&) override { return false; }
  bool string(string_t& s) override {
    if (s.size() > limits_.max_string_bytes) return false;
    std::optional<std::string>* field = string_field();
    if (!field) return false;
    *field = std::move(s);
    return next_key();
  }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return ++depth_ == 1; }
  bool end_object() override { return depth_-- == 1; }
  bool start_array(std::size_t) override { return false; }
  bool end_array() override { return false; }
  bool key(string_t& k) override {
    static constexpr std::string_view kKeys[] = {"rc", "remote", "target", "drives", "code", "text", "provider"};
    for (int i = 0; i < static_cast<int>(std::size(kKeys)); ++i)
      if (k == kKeys[i]) {
        if (seen_ & (1u << i)) return false;  // repeated: the full decoder keeps the last
        seen_ |= 1u << i;
        key_ = static_cast<Key>(i);
        return true;
      }
    return false;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  enum class Key { Rc, Remote, Target, Drives, Code, Text, Provider, None };

  std::optional<std::string>* string_field() {
    switch (key_) {
      case Key::Remote: return &result.remote;
      case Key::Target: return &result.target;
      case Key::Drives: return &result.drives;
      case Key::Text: return &result.text;
      case Key::Provider: return &result.provider;
      default: return nullptr;
    }
  }
  bool next_key() {
    key_ = Key::None;
    return true;
  }

  const JsonLimits& limits_;
  int depth_ = 0;
  unsigned seen_ = 0;
  Key key_ = Key::None;
};

}  // namespace

std::optional<Result> plain_result(std::string_view line, const JsonLimits& limits) {
  if (line.size() > limits.max_bytes) return std::nullopt;
  PlainResult sax(limits);
  if (!json::sax_parse(line.data(), line.data() + line.size(), &sax) || !sax.has_rc) return std::nullopt;
  if (limits.max_nesting < 1 || limits.max_values < 8) return std::nullopt;  // the fields and their object
  return std::move(sax.result);
}

}  // namespace wnc
