// A trivial implementation for the agent tests: remembers adds and answers get_connection
// and drives from them; last_error tells which process serves it; it declines open and
// rejects a logon of user "nobody" as invalid.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <map>
#include <stdexcept>

#include "sut.h"

namespace wnc::test {

class EchoSut : public Sut {
 public:
  Hello hello() override {
    Hello h;
    h.name = "echo";
    h.version = "1.0";
    h.platform = "test";
    h.capabilities = {"add", "drives", "get_connection", "last_error"};
    return h;
  }

  void reset(const Setup& setup) override {
    if (setup.logons.count("refused")) throw std::invalid_argument("echo refuses a logon named 'refused'");
    last_setup = setup;
    ++resets;
    connections_.clear();
  }

  Result step(const Step& step) override {
    Result r;
    if (auto* add = std::get_if<AddStep>(&step)) {
      if (connections_.count(add->local.value_or(""))) r.rc = code::kAlreadyAssigned;
      else connections_[add->local.value_or("")] = add->remote;
    } else if (auto* get = std::get_if<GetConnectionStep>(&step)) {
      auto it = connections_.find(get->local);
      if (it == connections_.end()) r.rc = code::kNotConnected;
      else r.remote = it->second;
    } else if (std::holds_alternative<DrivesStep>(step)) {
      r.drives = "C";
      for (const auto& [local, remote] : connections_) r.drives->push_back(local.at(0));
    } else if (std::holds_alternative<LastErrorStep>(step)) {
      const char* tag = std::getenv("WNC_FAKE_TAG");
      r.code = static_cast<Code>(resets);
      r.text = std::to_string(getpid());
      r.provider = tag ? tag : "";
    } else if (auto* logon = std::get_if<LogonStep>(&step); logon && logon->user == "nobody") {
      throw std::invalid_argument("no such user 'nobody'");
    } else {
      r.unsupported = std::string("echo does not do ") + step_kind(step);
    }
    return r;
  }

  Setup last_setup;
  int resets = 0;

 private:
  std::map<std::string, std::string> connections_;  // local -> remote
};

}  // namespace wnc::test
