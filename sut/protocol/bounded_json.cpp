#include "protocol/bounded_json.h"

#include <iterator>
#include <optional>
#include <vector>

namespace wnc {

using nlohmann::json;

namespace {

// Walks the text for nlohmann's lexer and remembers how far it has read, so that an event
// the SAX handler refuses has a position (the lexer is at most one byte past the token).
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* p, const char** furthest) : p_(p), furthest_(furthest) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    ++p_;
    if (p_ > *furthest_) *furthest_ = p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }

 private:
  const char* p_ = nullptr;
  const char** furthest_ = nullptr;
};

// Builds the value from the parser's events, refusing any beyond the limits at once, before
// it is stored. nlohmann's own parser is not recursive, so only the limits bound the value.
class Builder {
 public:
  Builder(const JsonLimits& limits, const char* begin, const char* const* furthest)
      : limits_(limits), begin_(begin), furthest_(furthest) {}

  json take() { return std::move(root_); }
  // Set when an event was refused or the text is not JSON.
  const std::optional<JsonInputError>& error() const { return error_; }

  bool null() { return value(nullptr); }
  bool boolean(bool b) { return value(b); }
  bool number_integer(json::number_integer_t n) { return value(n); }
  bool number_unsigned(json::number_unsigned_t n) { return value(n); }
  bool number_float(json::number_float_t n, const json::string_t&) { return value(n); }
  bool string(json::string_t& s) { return long_string(s) ? false : value(std::move(s)); }
  bool binary(json::binary_t&) { return refuse("binary values are not JSON text"); }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (long_string(k)) return false;
    stack_.back().key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error_.emplace(position == 0 ? 0 : position - 1, std::string("not JSON: ") + e.what());  // position counts from 1
    return false;
  }

 private:
  struct Open {
    json value;
    std::optional<std::string> key;  // an object's key whose value comes next
  };

  bool refuse(const std::string& message) {
    error_.emplace(static_cast<std::size_t>(*furthest_ - begin_), message);
    return false;
  }
  bool long_string(const std::string& s) {
    if (s.size() <= limits_.max_string_bytes) return false;
    refuse("a string longer than the limit of " + std::to_string(limits_.max_string_bytes) + " bytes");
    return true;
  }
  bool count() {
    if (++values_ <= limits_.max_values) return true;
    return refuse("more values than the limit of " + std::to_string(limits_.max_values));
  }
  bool value(json v) {
    if (!count()) return false;
    place(std::move(v));
    return true;
  }
  bool open(json empty) {
    if (stack_.size() >= limits_.max_nesting)
      return refuse("nested deeper than the limit of " + std::to_string(limits_.max_nesting) + " levels");
    if (!count()) return false;
    stack_.push_back({std::move(empty), std::nullopt});
    return true;
  }
  bool close() {
    json v = std::move(stack_.back().value);
    stack_.pop_back();
    place(std::move(v));
    return true;
  }
  void place(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return;
    }
    Open& o = stack_.back();
    if (!o.key) {
      o.value.push_back(std::move(v));
      return;
    }
    o.value[*o.key] = std::move(v);  // a repeated key keeps the last value, as json::parse does
    o.key.reset();
  }

  const JsonLimits& limits_;
  const char* begin_;
  const char* const* furthest_;
  std::vector<Open> stack_;
  json root_;
  std::size_t values_ = 0;
  std::optional<JsonInputError> error_;
};

}  // namespace

// Refusing an event needs the lexer's position, which only the tracking iterator gives, and
// it slows the lexer down: the text is parsed with plain pointers first, and again tracked
// only to place an error.
json parse_bounded_json(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes)
    throw JsonInputError(limits.max_bytes, "larger than the limit of " + std::to_string(limits.max_bytes) + " bytes");
  {
    const char* const end = text.data() + text.size();
    Builder builder(limits, text.data(), &end);
    if (json::sax_parse(text.data(), end, &builder) && !builder.error()) return builder.take();
  }
  const char* furthest = text.data();
  Builder builder(limits, text.data(), &furthest);
  const bool ok = json::sax_parse(TrackingIterator(text.data(), &furthest),
                                  TrackingIterator(text.data() + text.size(), &furthest), &builder);
  if (builder.error()) throw *builder.error();
  if (!ok) throw JsonInputError(text.size(), "not JSON");
  return builder.take();
}

}  // namespace wnc
