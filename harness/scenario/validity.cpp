#include "scenario/validity.h"

#include "scenario/name_forms.h"

namespace wnc {

using Rule = Problem::Rule;

Validity::Validity(const Setup& setup) {
  logons_[kSystemLogon].user = kSystemUser;
  for (const auto& [name, d] : setup.logons) {
    logons_[name].user = d.user;
    if (d.linked) pair(name, *d.linked);
  }
}

const std::string* Validity::misdeclared_link(const Setup& setup) {
  std::set<std::string> paired;
  for (const auto& [name, d] : setup.logons) {
    if (!d.linked) continue;
    const auto partner = setup.logons.find(*d.linked);
    if (partner == setup.logons.end() || partner->second.user != d.user || *d.linked == name ||
        !paired.insert(name).second || !paired.insert(*d.linked).second)
      return &name;
  }
  return nullptr;
}

std::optional<Problem> Validity::check(const Step& step) const {
  if (const std::string* as = step_actor(step); as && !logons_.count(*as)) return Problem{Rule::UndeclaredLogon, "as", *as};
  return check_kind(step);
}

std::optional<Problem> Validity::check_kind(const Step& step) const {
  return std::visit(
      [&](const auto& s) -> std::optional<Problem> {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, OpenStep>) {
          if (open_handles_.count(s.handle)) return Problem{Rule::HandleOpen, "handle", s.handle};
        } else if constexpr (std::is_same_v<T, CloseStep> || std::is_same_v<T, IoStep>) {
          if (!declared_handles_.count(s.handle)) return Problem{Rule::UndeclaredHandle, "handle", s.handle};
        } else if constexpr (std::is_same_v<T, JobStep>) {
          if (active_jobs_.count(s.job)) return Problem{Rule::JobActive, "job", s.job};
        } else if constexpr (std::is_same_v<T, EndJobStep>) {
          if (!declared_jobs_.count(s.job)) return Problem{Rule::UndeclaredJob, "job", s.job};
        } else if constexpr (std::is_same_v<T, LogonStep>) {
          if (logons_.count(s.name)) return Problem{Rule::AlreadyLoggedOn, "name", s.name};
          if (!s.linked) return std::nullopt;
          const auto partner = logons_.find(*s.linked);
          if (partner == logons_.end()) return Problem{Rule::UndeclaredLogon, "linked", *s.linked};
          if (*s.linked == kSystemLogon || partner->second.user != s.user || partner->second.partner)
            return Problem{Rule::BadPartner, "linked", s.user};
        } else if constexpr (std::is_same_v<T, LogoffStep>) {
          if (s.as == kSystemLogon) return Problem{Rule::SystemLogoff, "as", s.as};
        } else if constexpr (std::is_same_v<T, ProfileFaultStep>) {
          if (s.health == ProfileHealth::Corrupt && !is_device_name(s.device))
            return Problem{Rule::NotADevice, "device", s.device};
        } else if constexpr (std::is_same_v<T, ProfileStep>) {
          if (!is_device_name(s.device)) return Problem{Rule::NotADevice, "device", s.device};
        }
        return std::nullopt;
      },
      step);
}

void Validity::apply(const Step& step) {
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, OpenStep>) {
          declared_handles_.insert(s.handle);
          open_handles_.insert(s.handle);
        } else if constexpr (std::is_same_v<T, CloseStep>) {
          open_handles_.erase(s.handle);
        } else if constexpr (std::is_same_v<T, JobStep>) {
          declared_jobs_.insert(s.job);
          active_jobs_.insert(s.job);
        } else if constexpr (std::is_same_v<T, EndJobStep>) {
          active_jobs_.erase(s.job);
        } else if constexpr (std::is_same_v<T, LogonStep>) {
          logons_[s.name].user = s.user;
          if (s.linked) pair(s.name, *s.linked);
        } else if constexpr (std::is_same_v<T, LogoffStep>) {
          const auto it = logons_.find(s.as);
          if (it->second.partner) logons_.at(*it->second.partner).partner.reset();  // it may pair again
          logons_.erase(it);
        }
      },
      step);
}

void Validity::pair(const std::string& a, const std::string& b) {
  logons_[a].partner = b;
  logons_[b].partner = a;
}

std::string Validity::explain(const Problem& p) const {
  const std::string name(p.name);
  switch (p.rule) {
    case Rule::UndeclaredLogon: {
      std::string live;
      for (const auto& [n, l] : logons_) live += (live.empty() ? "" : ", ") + n;
      return "undeclared logon '" + name + "' (live logons here: " + live + ")";
    }
    case Rule::AlreadyLoggedOn: return "logon '" + name + "' is already logged on";
    case Rule::BadPartner: return "a logon can only be linked to an unpaired logon of its own user '" + name + "'";
    case Rule::SystemLogoff: return "system cannot log off";
    case Rule::UndeclaredHandle: return "undeclared handle '" + name + "' (no open step names it before here)";
    case Rule::HandleOpen: return "handle '" + name + "' is already open (close it first)";
    case Rule::UndeclaredJob: return "undeclared job '" + name + "' (no job step names it before here)";
    case Rule::JobActive: return "job '" + name + "' is already live (end it first)";
    case Rule::NotADevice: return "expected a device name such as Z: or LPT1:";
  }
  return name;
}

}  // namespace wnc
