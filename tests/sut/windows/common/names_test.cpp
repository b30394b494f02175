// The test provider decides, on Wine, every answer that depends on a name alone (Wine's mpr
// checks none): add's local name (1200, 66), which connection a cancel or get_connection
// names, and which remote an add reaches. Each of those answers must be the model's, or the
// harness itself diverges. These tests run the provider's decisions (names.cpp) and the
// model's steps on many spellings and compare them.
#include "names.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "reference_model.h"

namespace wnc::win {
namespace {

constexpr Code kProviderBusy = code::kAlreadyAssigned;

// UTF-8 for the model from the provider's UTF-16 (BMP only, which is all the lists hold).
std::string utf8(const std::wstring& w) {
  std::string out;
  for (wchar_t c : w) {
    auto u = static_cast<unsigned>(c);
    if (u < 0x80) {
      out += static_cast<char>(u);
    } else if (u < 0x800) {
      out += static_cast<char>(0xC0 | (u >> 6));
      out += static_cast<char>(0x80 | (u & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (u >> 12));
      out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (u & 0x3F));
    }
  }
  return out;
}

// Devices (and near misses) in every case, with and without colon, backslash and junk.
std::vector<std::wstring> local_names() {
  std::vector<std::wstring> names;
  for (const wchar_t* base : {L"Z", L"z", L"A", L"C", L"c", L"Q", L"LPT1", L"lpt1", L"Lpt9", L"LPT0", L"LPT10",
                              L"LPT", L"COM1", L"com2", L"PRN", L"AUX", L"NUL", L"1", L"ZZ", L"\u00c4", L" Z", L"Z "})
    for (const wchar_t* suffix : {L"", L":", L":\\", L"\\", L"::", L": ", L":x", L":/"}) names.push_back(std::wstring(base) + suffix);
  for (const wchar_t* other : {L"", L" ", L":", L"docs", L"foo", L"\\\\fs1\\docs", L"\\\\fs1\\public", L"\\\\ps1\\laser",
                               L"\\\\", L"Z:\\a.txt", L"\uff3a:", L"LPT1:\\"})
    names.push_back(other);
  return names;
}

std::vector<std::wstring> remote_names() {
  std::vector<std::wstring> names;
  for (const wchar_t* share : {L"\\\\fs1\\docs", L"\\\\FS1\\DOCS", L"\\\\Fs1\\Docs", L"\\\\fs1\\public", L"\\\\fs2\\home",
                               L"\\\\ps1\\laser", L"\\\\PS1\\Laser", L"\\\\fs1\\nope", L"\\\\fs1", L"\\\\", L"\\\\fs1\\docs\\sub",
                               L"\\\\fs1\\docs ", L"\\fs1\\docs", L"//fs1/docs", L"fs1\\docs", L"\\\\fs1\\d\u00f6cs", L"", L"Z:"})
    for (const wchar_t* suffix : {L"", L"\\", L"\\\\"}) names.push_back(std::wstring(share) + suffix);
  return names;
}

Setup one_logon() {
  Setup setup;
  setup.logons["alice"].user = "alice";
  return setup;
}

Code model_rc(model::State& state, const Step& step) { return model::apply(state, step).rc; }

// What the provider answers for an add of `local` to a share or printer that exists, in a
// fresh world: its name check, then the namespace (which holds only C:), then it connects.
Code provider_add_local(const std::wstring& local, bool disk) {
  if (unsigned long bad = add_local_check(local, disk)) return static_cast<Code>(bad);
  if (!local.empty() && same_device(local, L"C:")) return kProviderBusy;
  return code::kNoError;
}

TEST(ProviderNames, AddLocalNamesGetTheModelsAnswer) {
  for (const auto& local : local_names())
    for (bool disk : {true, false}) {
      model::State state = model::initial_state(one_logon());
      AddStep add{"alice", utf8(local), disk ? R"(\\fs1\docs)" : R"(\\ps1\laser)",
                  disk ? ResourceType::Disk : ResourceType::Print, false};
      EXPECT_EQ(provider_add_local(local, disk), model_rc(state, add))
          << "add {local: '" << utf8(local) << "', type: " << (disk ? "disk" : "print") << "}";
    }
}

// The provider reaches a remote when it names, in its form, a share (or printer) the
// network declares: is_remote_name and same_remote against each.
TEST(ProviderNames, AddRemoteNamesReachTheModelsShares) {
  const wnc::Setup setup = one_logon();
  for (const auto& remote : remote_names())
    for (bool disk : {true, false}) {
      bool declared = false;
      for (const auto& r : disk ? setup.network.shares : setup.network.printers)
        declared |= same_remote(std::wstring(r.begin(), r.end()), remote);
      const Code provider = is_remote_name(remote) && declared ? code::kNoError : code::kBadNetName;
      model::State state = model::initial_state(setup);
      AddStep add{"alice", std::nullopt, utf8(remote), disk ? ResourceType::Disk : ResourceType::Print, false};
      EXPECT_EQ(provider, model_rc(state, add))
          << "add {remote: '" << utf8(remote) << "', type: " << (disk ? "disk" : "print") << "}";
    }
}

struct Held {
  std::wstring local;  // empty: deviceless
  std::wstring remote;
};

// alice holds Z:, LPT1: and the deviceless \\fs1\public, in the model and for the provider.
const std::vector<Held> kHeld = {{L"Z:", L"\\\\fs1\\docs"}, {L"LPT1:", L"\\\\ps1\\laser"}, {L"", L"\\\\fs1\\public"}};

model::State held_world() {
  model::State state = model::initial_state(one_logon());
  for (const auto& h : kHeld) {
    AddStep add{"alice", utf8(h.local), utf8(h.remote), h.local.rfind(L"LPT", 0) == 0 ? ResourceType::Print : ResourceType::Disk,
                false};
    EXPECT_EQ(model_rc(state, add), code::kNoError);
  }
  return state;
}

// The connection the provider's cancel (and get_connection) would find: the first that matches.
std::optional<size_t> provider_match(const wchar_t* name) {
  for (size_t i = 0; i < kHeld.size(); ++i)
    if (cancel_matches(name, kHeld[i].local, kHeld[i].remote)) return i;
  return std::nullopt;
}

// Which of kHeld the model still holds, by device or (deviceless) remote as given.
std::vector<bool> model_holds(const model::State& state) {
  std::vector<bool> holds(kHeld.size(), false);
  for (const auto& [id, c] : state.connections)
    for (size_t i = 0; i < kHeld.size(); ++i)
      if (c.remote == utf8(kHeld[i].remote)) holds[i] = true;
  return holds;
}

TEST(ProviderNames, CancelRemovesWhatTheModelRemoves) {
  std::vector<std::optional<std::wstring>> names{std::nullopt};
  for (const auto& n : local_names()) names.push_back(n);
  for (const auto& n : remote_names()) names.push_back(n);
  for (const auto& name : names) {
    // 2W without CONNECT_UPDATE_PROFILE: the profile (mpr's, never the provider's) stays out.
    model::State state = held_world();
    CancelStep cancel{"alice", name ? std::optional(utf8(*name)) : std::nullopt, true, Api::W2, false};
    const Code model = model_rc(state, cancel);
    const std::optional<size_t> match = provider_match(name ? name->c_str() : nullptr);
    const std::string shown = name ? "'" + utf8(*name) + "'" : "NULL";
    EXPECT_EQ(match ? code::kNoError : code::kNotConnected, model) << "cancel " << shown;
    std::vector<bool> provider_holds(kHeld.size(), true);
    if (match) provider_holds[*match] = false;
    EXPECT_EQ(provider_holds, model_holds(state)) << "what cancel " << shown << " leaves";
  }
}

TEST(ProviderNames, GetConnectionFindsWhatTheModelFinds) {
  for (const auto& local : local_names()) {
    model::State state = held_world();
    const Result model = model::apply(state, GetConnectionStep{"alice", utf8(local)});
    Result provider;
    provider.rc = code::kBadDevice;
    if (is_device_name(local)) {
      const std::optional<size_t> match = provider_match(local.c_str());
      provider.rc = match ? code::kNoError : code::kNotConnected;
      if (match) provider.remote = utf8(kHeld[*match].remote);
    }
    EXPECT_EQ(provider, model) << "get_connection {local: '" << utf8(local) << "'}";
  }
}

// The device keys the agent writes under HKCU\Network are the model's (P-PROFILE-KEY).
TEST(ProviderNames, DeviceKeysAreTheModelsProfileKeys) {
  for (const auto& local : local_names()) {
    if (!is_device_name(local)) continue;
    const auto canonical = model::canonical_device(utf8(local));
    ASSERT_TRUE(canonical) << utf8(local);
    EXPECT_EQ(utf8(device_key(local)), canonical->substr(0, canonical->size() - 1)) << utf8(local);
  }
}

}  // namespace
}  // namespace wnc::win
