// What the certification tests share: a model-backed implementation that can be broken on
// purpose, a deterministic stand-in for the explorer, and bundles in a scratch folder.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "certify/bundle.h"
#include "certify/bundle_folder.h"
#include "certify/certify_run.h"
#include "certify/results_document.h"
#include "model_sut.h"
#include "protocol/hello_json.h"
#include "scenario/scenario_loader.h"

namespace wnc::test {

namespace fs = std::filesystem;

// The model, with a bug when asked: a cancel that should succeed reports the device in use.
class TestSut : public Sut {
 public:
  bool break_cancel = false;
  std::set<std::string> drop;  // capabilities to leave out of hello

  Hello hello() override {
    Hello h = model_->hello();
    for (const auto& c : drop) h.capabilities.erase(c);
    h.raw = hello_to_json(h);
    return h;
  }
  void reset(const Setup& setup) override { model_->reset(setup); }
  Result step(const Step& step) override {
    Result r = model_->step(step);
    if (break_cancel && std::holds_alternative<CancelStep>(step) && r.rc == code::kNoError) r.rc = code::kDeviceInUse;
    return r;
  }

 private:
  std::unique_ptr<Sut> model_ = make_model_sut();
};

// Deterministic in the options alone, like the real explorer. A block whose seed is
// `fail_seed` diverges and saves a failing case, as the explorer would.
struct FakeExplorer {
  std::uint64_t fail_seed = 0;
  ExploreReport operator()(Sut&, const ExploreOptions& o, std::ostream&) const {
    ExploreReport r;
    r.seed = o.seed;
    r.cases = o.cases;
    r.steps = o.cases * 3LL;
    r.cancel_codes = {{"NO_ERROR", static_cast<long long>(o.seed % 7 + 1)}, {"ERROR_NOT_CONNECTED", 2}, {"ERROR_INVALID_PARAMETER", 1}};
    r.requirements = {{"R-RC-NO-ERROR", o.cases}};
    r.seconds = 0.25;
    if (o.seed == fail_seed) {
      r.passed = false;
      r.failure = "step 2: cancel {as: alice, name: 'Z:'}\n  rc: expected NO_ERROR, got ERROR_DEVICE_IN_USE\n";
      fs::create_directories(o.save_dir);
      r.saved_file = (fs::path(o.save_dir) / ("regression." + o.label + "." + std::to_string(o.seed) + ".yaml")).string();
      std::ofstream(r.saved_file) << "id: regression." << o.label << "." << o.seed
                                  << "\ntitle: found\ncovers: [R-RC-NO-ERROR]\nlogons: {alice: {user: alice}}\nsteps:\n"
                                     "  - add: {as: alice, local: 'Z:', remote: '\\\\fs1\\docs'}\n"
                                     "  - cancel: {as: alice, name: 'Z:', force: false}\n    expect: NO_ERROR\n";
      r.shrunk_length = 2;
    }
    return r;
  }
};

class CertifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "wnetconf-certify-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    scratch_ = pattern;
  }
  void TearDown() override { fs::remove_all(scratch_); }

  fs::path data() const { return WNETCONF_CERTIFY_DATA; }
  fs::path dir(const std::string& name) const { return scratch_ / name; }

  CertifySettings settings(ShardSpec shard = {}) const {
    CertifySettings s;
    s.vendor = "Test vendor";
    s.sut = "test";
    s.seed = 42;
    s.cases = 60;  // three blocks
    s.shard = shard;
    return s;
  }

  // What `wnetconf certify` does, with the test's implementation and explorer.
  Certification certify(const fs::path& out, Sut& sut, CertifySettings s, bool with_ledger = false,
                        const FakeExplorer& explorer = {}) {
    const fs::path corpus_root = data() / "corpus";
    BundleFolder folder(out);
    const fs::path& staged = folder.staging();
    CertifyRequest request{s, import_corpus(load_scenarios({corpus_root}), corpus_root, staged), std::nullopt, staged, nullptr};
    if (with_ledger) request.ledger = import_ledger(data() / "ledger.yaml", staged);
    Certification c = run_certification(sut, request, explorer);
    write_bundle(staged, c, {s.vendor, nullptr, {}});
    folder.commit();
    return c;
  }

  static std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }
  static nlohmann::json results(const fs::path& bundle) { return nlohmann::json::parse(read(bundle / "results.json")); }
  // results.json as equal runs must agree on it, byte for byte.
  static std::string comparable(const fs::path& bundle) { return json_file_text(without_timings(results(bundle))); }

 private:
  fs::path scratch_;
};

}  // namespace wnc::test
