// libFuzzer target: a snapshot decoder fed a damaged row group (the input replaces one part of a valid snapshot,
// chosen by its first byte) must reject it with an error or load a store every view can run on.
#include <cstdint>
#include <string>
#include <string_view>

#include "builder.h"
#include "engine.h"
#include "snapshot.h"

namespace {
struct Valid {
  std::string manifest;
  std::vector<std::string> parts;
};
const Valid& valid() {
  static Valid v = [] {
    hubreport::ReferenceTables t;
    t.taxonomy = {{"text-generation", hubreport::Modality::text}};
    hubreport::Builder b(t, hubreport::BuildOptions{});
    b.add_dump(hubreport::RepoType::model, "2025-06-30", "seed",
               "{\"id\":\"a/b\",\"createdAt\":\"2024-01-02\",\"downloads\":5,\"downloadsAllTime\":9,\"tags\":[\"license:mit\"]}\n"
               "{\"id\":\"c/d\",\"createdAt\":\"2025-03-02\",\"downloads\":1,\"tags\":[\"base_model:a/b\"]}\n");
    auto store = b.finish();
    Valid out;
    auto parts = hubreport::encode_snapshot(store.value(), 1);
    for (auto& p : parts) p.sha256 = std::string(64, '0');
    out.manifest = hubreport::encode_manifest(store.value(), parts);
    for (auto& p : parts) out.parts.push_back(p.text);
    return out;
  }();
  return v;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Valid& v = valid();
  if (size == 0) return 0;
  std::size_t which = (data[0] & 0x7F) % (v.parts.size() + 1);  // the last choice replaces the manifest
  bool backwards = data[0] & 0x80;  // the dictionaries, then the row groups in reverse order: each waits for those before it
  std::string_view damaged(reinterpret_cast<const char*>(data + 1), size - 1);
  hubreport::SnapshotLoader loader;
  if (!loader.begin(which == v.parts.size() ? damaged : std::string_view(v.manifest)).empty()) return 0;
  for (std::size_t k = 0; k < v.parts.size(); ++k) {
    std::size_t i = backwards && k ? v.parts.size() - k : k;
    // A damaged part must match the manifest's raw size to get past the first check: let it.
    std::string text = i == which ? std::string(damaged) : v.parts[i];
    if (i == which) text.resize(loader.manifest().files[i].raw_bytes, ' ');
    if (!loader.add_part(i, text).empty()) return 0;
  }
  auto store = loader.finish();
  if (store) {
    hubreport::Engine engine(std::move(store.value()));
    engine.all_views_json(hubreport::ViewState{});
  }
  return 0;
}
