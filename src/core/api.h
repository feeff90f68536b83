// The request dispatcher behind the wasm boundary (JSON request in, status + bytes out). Shared with native
// tests so the boundary's behaviour is proven without a browser.
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "engine.h"
#include "snapshot.h"

namespace hubreport {

struct Reply {
  int status = 0;    // 0 = ok; otherwise `body` is the error text
  std::string body;
};

// Browser memory an engine needs per repository after load, measured on the full-scale default snapshot
// (bench/engine_bench.mjs: wasm heap over repositories), with a margin.
constexpr double kHeapBytesPerRepository = 360;

class Api {
 public:
  // memory_limit: the most memory a snapshot may need (0 = no limit); a larger one is refused from its manifest,
  // before anything is downloaded.
  explicit Api(double memory_limit = 0) : memory_limit_(memory_limit) {}
  Reply call(std::string_view request_json);
  // Raw bytes of part `index` (decompressed), after {"op":"begin"}.
  Reply part(std::size_t index, std::string_view bytes);
  Engine* engine() { return engine_.get(); }

 private:
  double memory_limit_;
  SnapshotLoader loader_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace hubreport
