// A YAML file read as JSON, remembering the file:line:column of every value, so that errors
// the JSON decoders find point back into the file. Scenarios and ledgers are read this way.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "protocol/json_codec.h"
#include "scenario/scenario.h"

namespace wnc {

// YAML 1.2 core schema for plain scalars; quoted scalars are always strings. Only the first
// document is read. Anchors and aliases, which the scenario language does not use, are
// refused, and so is input beyond scenario/input_limits.h.
class YamlDocument {
 public:
  // Throws ScenarioError; `name` stands for the file in messages.
  YamlDocument(const std::string& text, std::string name);

  const nlohmann::json& root() const { return root_; }

  // The position of the value at `path` ("/steps/0/cancel/as", "" for the root), or with
  // `key` of its key; a path that is not there points at the nearest value that contains it,
  // and in an empty document at no line (0).
  SourcePos pos(const std::string& path, bool key = false) const;

  [[noreturn]] void fail_at(const std::string& path, const std::string& message, bool key = false) const;
  // An error of the JSON decoders in the value at `base`; an unknown key points at the key.
  [[noreturn]] void fail_decode(const std::string& base, const DecodeError& e) const;

 private:
  std::string name_;
  nlohmann::json root_;
  std::map<std::string, SourcePos> marks_;  // path, or path + "#key", -> where it stands
};

}  // namespace wnc
