// Fuzzes the bundle reader behind `verify` (harness/certify/): a real bundle (WNETCONF_FUZZ_BUNDLE,
// made by certify) with one of its JSON files replaced by the input, whose first byte picks
// which: results.json, manifest.json or hello.json. The bundle is checked, read, and its
// results read back as verify --rerun, --diff and merge do. Bad content is an InputError;
// anything else escaping is a bug (verify's exit 4).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "certify/bundle.h"
#include "certify/manifest.h"
#include "certify/results_compare.h"
#include "certify/results_reader.h"
#include "fuzz_check.h"
#include "vocabulary/input_error.h"

namespace {

namespace fs = std::filesystem;
using namespace wnc;

const char* const kFuzzed[] = {bundle_file::kResults, bundle_file::kManifest, bundle_file::kHello};

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  FUZZ_CHECK(out.good());
}

// A private copy of the bundle, and the original text of the files the inputs replace.
struct Bundle {
  fs::path dir;
  std::string original[3];
  BundleContents contents;

  Bundle() {
    std::string pattern = (fs::temp_directory_path() / "wnetconf-fuzz-bundle-XXXXXX").string();
    FUZZ_CHECK(::mkdtemp(pattern.data()) != nullptr);
    dir = pattern;
    fs::copy(WNETCONF_FUZZ_BUNDLE, dir, fs::copy_options::recursive);
    for (int i = 0; i < 3; ++i) original[i] = read_all(dir / kFuzzed[i]);
    contents = read_bundle(dir);
  }
  ~Bundle() {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Bundle bundle;
  if (size == 0) return 0;
  const int which = data[0] % 3;
  for (int i = 0; i < 3; ++i)
    write_all(bundle.dir / kFuzzed[i],
              i == which ? std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1) : bundle.original[i]);
  try {
    check_manifest(bundle.dir);
  } catch (const InputError&) {
  }
  try {
    const BundleContents read = read_bundle(bundle.dir);
    compare_results(bundle.contents.results, read.results);
    requirement_changes(bundle.contents.results, read.results);
    settings_from_results(read.results);
    certification_from_results({read.results}, read.corpus, read.ledger, read.hello);
  } catch (const InputError&) {
  }
  return 0;
}
