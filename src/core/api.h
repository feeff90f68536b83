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

class Api {
 public:
  Reply call(std::string_view request_json);
  // Raw bytes of part `index` (decompressed), after {"op":"begin"}.
  Reply part(std::size_t index, std::string_view bytes);
  Engine* engine() { return engine_.get(); }

 private:
  SnapshotLoader loader_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace hubreport
