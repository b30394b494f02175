// A real user's HKCU\Network outlives the agent. Every reset empties it (a scenario starts
// from an empty profile), so on a real machine the agent saves it first, in memory and in a
// backup file under its scratch root, and puts it back when it exits; an agent that died
// before that leaves the file, and the next one restores from it before saving. Under Wine
// the prefix is made for one run and thrown away, so nothing is kept unless asked for.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace wnc::win {

class ProfileKeeper {
 public:
  // Throws std::runtime_error when HKCU\Network cannot be saved: the agent must not start.
  ProfileKeeper();
  ~ProfileKeeper() { restore(); }
  ProfileKeeper(const ProfileKeeper&) = delete;
  ProfileKeeper& operator=(const ProfileKeeper&) = delete;

  // Puts the saved HKCU\Network back and removes the backup file; once.
  void restore();

 private:
  std::wstring backup_file_;
  nlohmann::json saved_;  // null: there was no HKCU\Network
  bool restored_ = false;
};

}  // namespace wnc::win
