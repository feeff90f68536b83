// libFuzzer target: ingest any bytes as Hub API records (JSON lines or an array), skipping bad records, then build
// a store from them: nothing may crash, hang or read out of bounds.
#include <cstdint>
#include <string_view>

#include "builder.h"
#include "engine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static hubreport::ReferenceTables tables = [] {
    hubreport::ReferenceTables t;
    t.publishers = {{"Qwen", "Qwen", "CN", "industry"}};
    t.families = {{"Qwen/", "Qwen"}};
    t.taxonomy = {{"text-generation", hubreport::Modality::text}};
    return t;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hubreport::BuildOptions opt;
  opt.skip_bad = true;
  hubreport::Builder b(tables, opt);
  if (!b.add_dump(hubreport::RepoType(size % 3), "2025-06-30", "fuzz", text).empty()) return 0;
  auto store = b.finish();
  if (store) {
    hubreport::Engine engine(std::move(store.value()));
    engine.all_views_json(hubreport::ViewState{});
  }
  return 0;
}
