#include "protocol/json_codec.h"

#include <algorithm>
#include <array>
#include <set>

namespace wnc {

using nlohmann::json;

std::string DecodeError::where() const {
  std::string out;
  for (const auto& p : path_) out += "/" + p;
  return out.empty() ? "/" : out;
}

namespace {

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "a map";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

// Reads the fields of one JSON object, rejecting keys nobody asked for.
class Fields {
 public:
  Fields(const json& obj, std::vector<std::string> path, const std::string& what)
      : obj_(obj), path_(std::move(path)) {
    if (!obj_.is_object())
      throw DecodeError(path_, "expected " + what + " (a map), got " + type_name(obj_));
  }

  std::string str(const std::string& key) {
    const json& v = need(key);
    if (!v.is_string()) fail(key, "expected a string, got " + std::string(type_name(v)));
    return v.get<std::string>();
  }
  std::optional<std::string> opt_str(const std::string& key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) fail(key, "expected a string, got " + std::string(type_name(*v)));
    return v->get<std::string>();
  }
  // Present-and-null is distinct from absent: lpName may be NULL.
  std::optional<std::string> str_or_null(const std::string& key) {
    const json& v = need(key);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) fail(key, "expected a string or null, got " + std::string(type_name(v)));
    return v.get<std::string>();
  }
  bool boolean(const std::string& key, bool fallback) {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_boolean()) fail(key, "expected true or false, got " + std::string(type_name(*v)));
    return v->get<bool>();
  }
  long long integer(const std::string& key, long long fallback, long long lo, long long hi) {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_number_integer())
      fail(key, "expected an integer, got " + std::string(type_name(*v)));
    long long n = v->get<long long>();
    if (n < lo || n > hi)
      fail(key, "expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
    return n;
  }
  std::string one_of(const std::string& key, std::initializer_list<std::string_view> choices,
                     std::string_view fallback) {
    std::optional<std::string> v = fallback.empty() ? std::optional(str(key)) : opt_str(key);
    std::string s = v ? std::move(*v) : std::string(fallback);
    for (const auto c : choices)
      if (c == s) return s;
    std::string list;
    for (const auto c : choices) (list += list.empty() ? "" : ", ") += c;
    fail(key, "expected one of " + list + ", got '" + s + "'");
  }
  const json* find(const std::string& key) {
    auto it = obj_.find(key);
    if (it == obj_.end()) return nullptr;
    const std::string* present = &it.key();
    if (std::find(found_.begin(), found_.end(), present) == found_.end()) found_.push_back(present);
    return &*it;
  }
  const json& need(const std::string& key) {
    const json* v = find(key);
    if (!v) throw DecodeError(path_, "missing required key '" + key + "'");
    return *v;
  }
  std::vector<std::string> path_to(const std::string& key) const {
    auto p = path_;
    p.push_back(key);
    return p;
  }
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw DecodeError(path_to(key), message);
  }
  bool all_asked() const { return found_.size() == obj_.size(); }
  // Call last: every key of the object must have been asked for.
  void done(std::string_view expected) const {
    if (all_asked()) return;
    for (auto it = obj_.begin(); it != obj_.end(); ++it)
      if (std::find(found_.begin(), found_.end(), &it.key()) == found_.end())
        throw DecodeError(path_to(it.key()),
                          "unknown key '" + it.key() + "' (expected " + std::string(expected) + ")");
  }

 private:
  const json& obj_;
  std::vector<std::string> path_;
  // The object's keys asked for, by address: done() needs only whether every key was.
  std::vector<const std::string*> found_;
};

std::vector<std::string> string_list(const json& v, const std::vector<std::string>& path) {
  if (!v.is_array()) throw DecodeError(path, "expected a list of strings, got " + std::string(type_name(v)));
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string()) {
      auto p = path;
      p.push_back(std::to_string(i));
      throw DecodeError(p, "expected a string, got " + std::string(type_name(v[i])));
    }
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

Api api_from(const std::string& s) {
  if (s == "A") return Api::A;
  if (s == "2W") return Api::W2;
  if (s == "2A") return Api::A2;
  return Api::W;
}

// Steps whose arguments are all required strings: one list of (key, member) is both their
// decoder and their encoder.
template <class T>
struct StringField {
  const char* key;
  std::string T::*member;
};
constexpr std::array<StringField<GetConnectionStep>, 2> string_fields(std::type_identity<GetConnectionStep>) {
  return {{{"as", &GetConnectionStep::as}, {"local", &GetConnectionStep::local}}};
}
constexpr std::array<StringField<DrivesStep>, 1> string_fields(std::type_identity<DrivesStep>) {
  return {{{"as", &DrivesStep::as}}};
}
constexpr std::array<StringField<QueryDosDeviceStep>, 2> string_fields(std::type_identity<QueryDosDeviceStep>) {
  return {{{"as", &QueryDosDeviceStep::as}, {"name", &QueryDosDeviceStep::name}}};
}
constexpr std::array<StringField<CloseStep>, 1> string_fields(std::type_identity<CloseStep>) {
  return {{{"handle", &CloseStep::handle}}};
}
constexpr std::array<StringField<IoStep>, 1> string_fields(std::type_identity<IoStep>) {
  return {{{"handle", &IoStep::handle}}};
}
constexpr std::array<StringField<ChdirStep>, 2> string_fields(std::type_identity<ChdirStep>) {
  return {{{"as", &ChdirStep::as}, {"path", &ChdirStep::path}}};
}
constexpr std::array<StringField<JobStep>, 3> string_fields(std::type_identity<JobStep>) {
  return {{{"as", &JobStep::as}, {"device", &JobStep::device}, {"job", &JobStep::job}}};
}
constexpr std::array<StringField<EndJobStep>, 1> string_fields(std::type_identity<EndJobStep>) {
  return {{{"job", &EndJobStep::job}}};
}
constexpr std::array<StringField<LastErrorStep>, 1> string_fields(std::type_identity<LastErrorStep>) {
  return {{{"as", &LastErrorStep::as}}};
}
constexpr std::array<StringField<LogoffStep>, 1> string_fields(std::type_identity<LogoffStep>) {
  return {{{"as", &LogoffStep::as}}};
}
constexpr std::array<StringField<ProfileStep>, 2> string_fields(std::type_identity<ProfileStep>) {
  return {{{"user", &ProfileStep::user}, {"device", &ProfileStep::device}}};
}

template <class T>
concept StringFieldsStep = requires { string_fields(std::type_identity<T>{}); };

template <StringFieldsStep T>
T decode(std::type_identity<T> type, Fields& f) {
  T s{};
  for (const auto& field : string_fields(type)) s.*field.member = f.str(field.key);
  if (f.all_asked()) return s;
  std::string keys;
  for (const auto& field : string_fields(type)) (keys += keys.empty() ? "" : ", ") += field.key;
  f.done(keys);
  return s;
}
template <StringFieldsStep T>
json encode(const T& s) {
  json body = json::object();
  for (const auto& field : string_fields(std::type_identity<T>{})) body[field.key] = s.*field.member;
  return body;
}

// The other step types, one decoder and one encoder each: a type of the registry with
// neither fails to compile. Each decoder reads the keys it knows and closes with the list it accepts.
AddStep decode(std::type_identity<AddStep>, Fields& f) {
  AddStep s{f.str("as"), f.opt_str("local"), f.str("remote"), ResourceType::Disk, false};
  s.type = f.one_of("type", {"disk", "print"}, "disk") == "print" ? ResourceType::Print : ResourceType::Disk;
  s.persistent = f.boolean("persistent", false);
  f.done("as, local, remote, type, persistent");
  return s;
}
json encode(const AddStep& s) {
  json body = json::object();
  body["as"] = s.as;
  if (s.local) body["local"] = *s.local;
  body["remote"] = s.remote;
  body["type"] = s.type == ResourceType::Print ? "print" : "disk";
  body["persistent"] = s.persistent;
  return body;
}

CancelStep decode(std::type_identity<CancelStep>, Fields& f) {
  CancelStep s;
  s.as = f.str("as");
  s.name = f.str_or_null("name");
  s.force = f.boolean("force", false);
  s.api = api_from(f.one_of("api", {"W", "A", "2W", "2A"}, "W"));
  if (f.find("update_profile") && (s.api == Api::W || s.api == Api::A))
    f.fail("update_profile", "update_profile applies to api 2W and 2A only");
  s.update_profile = f.boolean("update_profile", false);
  f.done("as, name, force, api, update_profile");
  return s;
}
json encode(const CancelStep& s) {
  json body = json::object();
  body["as"] = s.as;
  body["name"] = s.name ? json(*s.name) : json(nullptr);
  body["force"] = s.force;
  body["api"] = api_name(s.api);
  if (s.api == Api::W2 || s.api == Api::A2) body["update_profile"] = s.update_profile;
  return body;
}

OpenStep decode(std::type_identity<OpenStep>, Fields& f) {
  OpenStep s{f.str("as"), f.str("path"), f.str("handle"), HandleKind::File};
  s.kind = f.one_of("kind", {"file", "directory"}, "file") == "directory" ? HandleKind::Directory : HandleKind::File;
  f.done("as, path, handle, kind");
  return s;
}
json encode(const OpenStep& s) {
  return {{"as", s.as}, {"path", s.path}, {"handle", s.handle}, {"kind", s.kind == HandleKind::Directory ? "directory" : "file"}};
}

ProfileFaultStep decode(std::type_identity<ProfileFaultStep>, Fields& f) {
  ProfileFaultStep s;
  const std::string health = f.one_of("profile", {"unreadable", "corrupt", "ok"}, "");
  s.user = f.str("user");
  if (health == "corrupt") {
    s.health = ProfileHealth::Corrupt;
    s.device = f.str("device");
    f.done("profile, user, device");
  } else {
    s.health = health == "ok" ? ProfileHealth::Ok : ProfileHealth::Unreadable;
    f.done("profile, user");
  }
  return s;
}
json encode(const ProfileFaultStep& s) {
  const char* h = s.health == ProfileHealth::Ok ? "ok" : s.health == ProfileHealth::Unreadable ? "unreadable" : "corrupt";
  json body = {{"profile", h}, {"user", s.user}};
  if (s.health == ProfileHealth::Corrupt) body["device"] = s.device;
  return body;
}

ProviderFaultStep decode(std::type_identity<ProviderFaultStep>, Fields& f) {
  const json& p = f.need("provider");
  Fields pf(p, f.path_to("provider"), "the provider fault {code, text, name}");
  ProviderFaultStep s;
  s.code = static_cast<Code>(pf.integer("code", -1, 0, 0xFFFFFFFFLL));
  if (!p.contains("code")) pf.fail("code", "missing required key 'code'");
  s.text = pf.opt_str("text").value_or("");
  s.name = pf.opt_str("name").value_or("");
  pf.done("code, text, name");
  s.times = static_cast<int>(f.integer("times", 1, 1, 1000000));
  f.done("provider, times");
  return s;
}
json encode(const ProviderFaultStep& s) {
  return {{"provider", {{"code", s.code}, {"text", s.text}, {"name", s.name}}}, {"times", s.times}};
}

LogonStep decode(std::type_identity<LogonStep>, Fields& f) {
  LogonStep s;
  s.name = f.str("name");
  s.user = f.str("user");
  s.session = static_cast<int>(f.integer("session", 1, 0, 65535));
  s.linked = f.opt_str("linked");
  f.done("name, user, session, linked");
  return s;
}
json encode(const LogonStep& s) {
  json body = {{"name", s.name}, {"user", s.user}, {"session", s.session}};
  if (s.linked) body["linked"] = *s.linked;
  return body;
}

// 'a', 'a' or 'b', 'a', 'b' or 'c'
std::string alternatives(const std::vector<std::string>& names) {
  std::string list;
  for (size_t i = 0; i < names.size(); ++i)
    list += std::string(i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + "'" + names[i] + "'";
  return list;
}

std::string step_kind_list() {
  std::string list;
  for (const auto& k : step_kinds()) list += (list.empty() ? "" : ", ") + k;
  return list;
}

}  // namespace

Step step_from_json(const json& j) {
  if (!j.is_object() || j.size() != 1)
    throw DecodeError({}, "expected a step: a map with exactly one of " + step_kind_list());
  const std::string kind = j.begin().key();
  const json& body = j.begin().value();
  const std::vector<std::string> path{kind};
  // The type of this kind; of several, the one whose selecting key the body holds.
  std::optional<Step> step;
  std::vector<std::string> selectors;
  for_each_step_type([&]<class T>(std::type_identity<T>) {
    if (step || kind != T::traits.kind) return;
    if (T::traits.selected_by) {
      selectors.emplace_back(T::traits.selected_by);
      if (!body.is_object() || !body.contains(T::traits.selected_by)) return;
    }
    Fields f(body, path, "the arguments of " + kind);
    step = decode(std::type_identity<T>{}, f);
  });
  if (step) return *step;
  if (selectors.empty())
    throw DecodeError({kind}, "unknown step '" + kind + "' (expected one of " + step_kind_list() + ")");
  Fields f(body, path, "the arguments of " + kind);  // a body that is not a map is named as such
  throw DecodeError(path, "a " + kind + " needs " + alternatives(selectors));
}

json step_to_json(const Step& step) {
  json j = json::object();
  j.emplace(step_kind(step), std::visit([](const auto& s) { return encode(s); }, step));
  return j;
}

json setup_to_json(const Setup& setup) {
  json logons = json::object();
  for (const auto& [name, d] : setup.logons) {
    json l = {{"user", d.user}, {"session", d.session}};
    if (d.linked) l["linked"] = *d.linked;
    logons[name] = l;
  }
  return {{"profile", profile_name(setup.profile)},
          {"network", {{"shares", setup.network.shares}, {"printers", setup.network.printers}}},
          {"logons", logons}};
}

Setup setup_from_json(const json& j) {
  if (!j.is_object()) throw DecodeError({}, "expected a map");
  Setup setup;
  if (auto it = j.find("profile"); it != j.end()) {
    if (*it == "nt-linked") setup.profile = BehaviourProfile::NtLinked;
    else if (*it != "nt") throw DecodeError({"profile"}, "expected one of nt, nt-linked");
  }
  if (auto it = j.find("network"); it != j.end()) {
    Fields f(*it, {"network"}, "the network {shares, printers}");
    setup.network.shares = f.find("shares") ? string_list(f.need("shares"), f.path_to("shares"))
                                            : std::vector<std::string>{};
    setup.network.printers = f.find("printers")
                                 ? string_list(f.need("printers"), f.path_to("printers"))
                                 : std::vector<std::string>{};
    f.done("shares, printers");
  }
  if (auto it = j.find("logons"); it != j.end()) {
    if (!it->is_object()) throw DecodeError({"logons"}, "expected a map of logon name to {user, session, linked}");
    for (auto l = it->begin(); l != it->end(); ++l) {
      if (l.key() == kSystemLogon)
        throw DecodeError({"logons", l.key()}, "'system' is predefined and cannot be declared");
      Fields f(l.value(), {"logons", l.key()}, "a logon {user, session, linked}");
      LogonDecl d;
      d.user = f.str("user");
      d.session = static_cast<int>(f.integer("session", 1, 0, 65535));
      d.linked = f.opt_str("linked");
      f.done("user, session, linked");
      setup.logons[l.key()] = d;
    }
  }
  return setup;
}

json result_to_json(const Result& r) {
  if (r.unsupported) return {{"unsupported", *r.unsupported}};
  json j = {{"rc", r.rc}};
  if (r.remote) j["remote"] = *r.remote;
  if (r.target) j["target"] = *r.target;
  if (r.drives) j["drives"] = *r.drives;
  if (r.code) j["code"] = *r.code;
  if (r.text) j["text"] = *r.text;
  if (r.provider) j["provider"] = *r.provider;
  return j;
}

Result result_from_json(const json& j) {
  Fields f(j, {}, "a step result");
  Result r;
  if (auto u = f.opt_str("unsupported")) {
    r.unsupported = u;
    return r;
  }
  r.rc = static_cast<Code>(f.integer("rc", -1, 0, 0xFFFFFFFFLL));
  if (!j.contains("rc")) throw DecodeError({}, "missing required key 'rc'");
  r.remote = f.opt_str("remote");
  r.target = f.opt_str("target");
  r.drives = f.opt_str("drives");
  if (j.contains("code")) r.code = static_cast<Code>(f.integer("code", 0, 0, 0xFFFFFFFFLL));
  r.text = f.opt_str("text");
  r.provider = f.opt_str("provider");
  f.done("rc, remote, target, drives, code, text, provider, unsupported");
  return r;
}

}  // namespace wnc
