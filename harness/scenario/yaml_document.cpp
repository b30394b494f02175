#include "scenario/yaml_document.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>
#include <vector>

#include "scenario/input_file.h"
#include "scenario/input_limits.h"
#include "scenario/scenario_error.h"
#include "scenario/utf8.h"

namespace wnc {

using nlohmann::json;

namespace {

const char* const kNoAnchors = "anchors and aliases are not part of the scenario language";

SourcePos pos_of(const YAML::Mark& mark) { return {mark.line + 1, mark.column + 1}; }

// Non-empty, and every character passes `pred`.
bool all_are(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Builds the JSON while yaml-cpp's parser reports events: nothing is expanded or copied, so
// memory stays in proportion to the text, and the nesting limit stops yaml-cpp's recursive
// descent long before its stack could run out.
class Builder : public YAML::EventHandler {
 public:
  Builder(const std::string& name, std::map<std::string, SourcePos>& marks) : name_(name), marks_(marks) {}

  json take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    refuse_key(mark);
    value(nullptr, mark);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { fail(mark, kNoAnchors); }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& text) override {
    refuse_anchor(mark, anchor);
    // yaml-cpp decodes the escapes \N and \_ to single bytes, not UTF-8.
    if (first_invalid_utf8(text))
      fail(mark, "a string that is not UTF-8 once its escapes are read: write \\N and \\_ as \\u0085 and \\u00a0");
    if (utf8_length(text) > limits::kMaxStringChars)
      fail(mark, "a string longer than the limit of " + std::to_string(limits::kMaxStringChars) + " characters");
    if (expecting_key()) return key(text, mark);
    value(tag == "!" ? json(text) : plain(text, mark), mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, json::array());
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
    open(mark, anchor, json::object());
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {  // a sequence or map being read
    json value;
    std::string path;
    std::optional<std::string> key;  // a map's key whose value comes next
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    const SourcePos p = pos_of(mark);
    throw ScenarioError(name_, p.line, p.column, message);
  }
  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) fail(mark, kNoAnchors);
  }
  bool expecting_key() const { return !stack_.empty() && stack_.back().value.is_object() && !stack_.back().key; }
  void refuse_key(const YAML::Mark& mark) const {
    if (expecting_key()) fail(mark, "expected a plain key");
  }

  // A plain scalar by the YAML 1.2 core schema: null, a boolean, a decimal or 0x integer, or text.
  json plain(const std::string& s, const YAML::Mark& mark) const {
    if (s == "null" || s == "~" || s == "Null" || s == "NULL") return nullptr;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    std::string_view digits = s;
    int base = 10;
    if (digits.starts_with("0x")) {
      digits.remove_prefix(2);
      if (!all_are(digits, is_hex_digit)) return s;
      base = 16;
    } else {
      std::string_view unsigned_part = digits.substr(digits.starts_with('-') || digits.starts_with('+') ? 1 : 0);
      if (!all_are(unsigned_part, is_digit)) return s;
      if (digits.starts_with('+')) digits.remove_prefix(1);
    }
    long long n = 0;
    if (std::from_chars(digits.data(), digits.data() + digits.size(), n, base).ec != std::errc())
      fail(mark, "a number out of range (numbers are 64-bit signed integers)");
    return n;
  }

  void key(const std::string& k, const YAML::Mark& mark) {
    Open& map = stack_.back();
    if (map.value.contains(k)) fail(mark, "duplicate key '" + k + "'");
    marks_[map.path + "/" + k + "#key"] = pos_of(mark);
    map.key = k;
  }
  // The path of the value that comes next.
  std::string next_path() const {
    if (stack_.empty()) return "";
    const Open& o = stack_.back();
    return o.path + "/" + (o.key ? *o.key : std::to_string(o.value.size()));
  }
  // Each value costs a position besides itself: the count bounds memory below the file size's.
  void count(const YAML::Mark& mark) {
    if (++values_ > limits::kMaxValues)
      fail(mark, "more values than the limit of " + std::to_string(limits::kMaxValues) + " in one file");
  }
  void value(json v, const YAML::Mark& mark) {
    count(mark);
    marks_[next_path()] = pos_of(mark);
    place(std::move(v));
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
    o.value[*o.key] = std::move(v);
    o.key.reset();
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor, json empty) {
    refuse_anchor(mark, anchor);
    refuse_key(mark);
    if (stack_.size() >= limits::kMaxNesting)
      fail(mark, "nested deeper than the limit of " + std::to_string(limits::kMaxNesting) + " levels");
    count(mark);
    std::string path = next_path();
    marks_[path] = pos_of(mark);
    stack_.push_back({std::move(empty), std::move(path), std::nullopt});
  }
  void close() {
    json v = std::move(stack_.back().value);
    stack_.pop_back();
    place(std::move(v));
  }

  const std::string& name_;
  std::map<std::string, SourcePos>& marks_;
  std::vector<Open> stack_;
  json root_;
  std::size_t values_ = 0;
};

// The first tab in a line's indentation up to `last_line`: yaml-cpp reports what it could not
// parse after it, which does not say that YAML forbids tabs there.
std::optional<SourcePos> tab_in_indentation(std::string_view text, int last_line) {
  int line = 1;
  for (std::size_t start = 0; start < text.size() && line <= last_line; ++line) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::size_t indent_end = text.find_first_not_of(" \t", start);
    const std::size_t tab = text.find('\t', start);
    if (tab < std::min(indent_end, end)) return SourcePos{line, static_cast<int>(tab - start) + 1};
    start = end + 1;
  }
  return std::nullopt;
}

}  // namespace

YamlDocument::YamlDocument(const std::string& text, std::string name) : name_(std::move(name)) {
  if (auto bad = first_invalid_utf8(text)) {
    const SourcePos p = position_of_offset(text, *bad);
    std::ostringstream byte;
    byte << std::hex << std::uppercase << static_cast<int>(static_cast<unsigned char>(text[*bad]));
    throw ScenarioError(name_, p.line, p.column, "not valid UTF-8 (byte 0x" + byte.str() + "): the file must be UTF-8 text");
  }
  std::istringstream in(text);
  Builder builder(name_, marks_);
  try {
    YAML::Parser(in).HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    // An alias of an anchor never defined fails in the parser, before the builder sees it.
    const bool alias = e.msg == YAML::ErrorMsg::UNKNOWN_ANCHOR;
    if (auto tab = tab_in_indentation(text, e.mark.line + 1))
      throw ScenarioError(name_, tab->line, tab->column, "a tab character in the indentation: YAML indents with spaces");
    throw ScenarioError(name_, e.mark.line + 1, e.mark.column + 1, alias ? kNoAnchors : e.msg);
  }
  root_ = builder.take();
}

SourcePos YamlDocument::pos(const std::string& path, bool key) const {
  if (key)
    if (auto it = marks_.find(path + "#key"); it != marks_.end()) return it->second;
  std::string p = path;
  while (true) {
    if (auto it = marks_.find(p); it != marks_.end()) return it->second;
    if (p.empty()) return {};  // an empty document: the message names the file alone
    p = p.substr(0, p.rfind('/'));
  }
}

void YamlDocument::fail_at(const std::string& path, const std::string& message, bool key) const {
  const SourcePos p = pos(path, key);
  throw ScenarioError(name_, p.line, p.column, message);
}

void YamlDocument::fail_decode(const std::string& base, const DecodeError& e) const {
  std::string path = base;
  for (const auto& p : e.path()) path += "/" + p;
  const std::string what = e.what();
  fail_at(path, what, what.starts_with("unknown key") || what.starts_with("unknown step"));
}

}  // namespace wnc
