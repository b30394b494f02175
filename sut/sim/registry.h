// The configuration manager: a tree of keys holding typed values. Key and value names
// compare case-insensitively, as in Windows. Profile faults are states of this tree.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vocabulary/codes.h"

namespace wnc::sim {

inline constexpr Code kRegAccessDenied = 5;  // ERROR_ACCESS_DENIED from RegOpenKeyEx

enum class RegType { Sz, Dword };

struct RegValue {
  RegType type = RegType::Sz;
  std::string sz;
  std::uint32_t dword = 0;
};

struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

class RegKey {
 public:
  RegKey* subkey(const std::string& name) const;
  RegKey& create_subkey(const std::string& name);
  void delete_subkey(const std::string& name);
  std::vector<std::string> subkey_names() const;

  const RegValue* value(const std::string& name) const;
  void set_value(const std::string& name, RegValue value);
  void delete_value(const std::string& name);

  // A security descriptor that denies the caller read access: opening the key fails.
  bool deny_read = false;

 private:
  std::map<std::string, std::unique_ptr<RegKey>, CaseInsensitiveLess> subkeys_;
  std::map<std::string, RegValue, CaseInsensitiveLess> values_;
};

class Registry {
 public:
  // RegOpenKeyEx on a full path ("\REGISTRY\USER\S-1-5-18\Network"): NO_ERROR,
  // ERROR_FILE_NOT_FOUND when a key on the way is missing, kRegAccessDenied when the key
  // denies read access.
  Code open_key(const std::string& path, RegKey** out);
  // RegCreateKeyEx, bypassing security: the tree owner (setup, fault injection) uses it.
  RegKey& create_key(const std::string& path);

 private:
  RegKey root_;
};

// HKEY_CURRENT_USER of the user with this SID.
std::string user_hive(const std::string& sid);

// Where EnableLinkedConnections lives.
inline constexpr const char* kPoliciesSystemKey =
    R"(\REGISTRY\MACHINE\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System)";

}  // namespace wnc::sim
