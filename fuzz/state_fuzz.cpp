// libFuzzer target: any query string either parses to a state that prints and re-parses to itself, or fails
// with a message naming what is wrong.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "state.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view q(reinterpret_cast<const char*>(data), size);
  auto st = hubreport::parse_state(q);
  if (!st) {
    if (st.error().empty()) std::abort();
    return 0;
  }
  std::string printed = hubreport::print_state(st.value());
  auto again = hubreport::parse_state(printed);
  if (!again || !(again.value() == st.value()) || hubreport::print_state(again.value()) != printed) std::abort();
  hubreport::state_to_json(st.value());
  return 0;
}
