// The object manager's DOS device directories: \GLOBAL?? and one
// \Sessions\0\DosDevices\<LUID> per logon, holding symbolic links. Link names compare
// case-insensitively (they are stored upper case).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mutants.h"
#include "sim_types.h"

namespace wnc::sim {

inline constexpr const char* kGlobalDirectory = R"(\GLOBAL??)";
inline constexpr const char* kLocalVolumeTarget = R"(\Device\HarddiskVolume1)";

class ObjectNamespace {
 public:
  // A fresh namespace: \GLOBAL?? holding C: -> \Device\HarddiskVolume1.
  explicit ObjectNamespace(Mutants mutants);

  // The directory a logon's DOS device names are created in: \GLOBAL?? for LocalSystem.
  std::string dos_devices(Luid luid) const;

  void create_logon_directory(Luid luid);
  void delete_logon_directory(Luid luid);

  // False on a name collision (STATUS_OBJECT_NAME_COLLISION); the directory must exist.
  bool create_link(const std::string& directory, const std::string& name,
                   const std::string& target);
  void delete_link(const std::string& directory, const std::string& name);

  // A logon's view: its own directory, then \GLOBAL?? (local shadows global).
  std::optional<std::string> resolve(Luid luid, const std::string& name) const;
  // Every name in the logon's view, ascending.
  std::vector<std::string> visible_names(Luid luid) const;

 private:
  using Directory = std::map<std::string, std::string>;  // upper-case name -> target
  std::vector<const Directory*> view(Luid luid) const;

  Mutants mutants_;
  std::map<std::string, Directory> directories_;
};

}  // namespace wnc::sim
