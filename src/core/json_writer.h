// Minimal JSON/CSV text output shared by slices, manifests and the snapshot writer.
// Formatting is locale-free and identical on every platform so native and wasm output match byte for byte.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace hubreport {

// Appends s as a JSON string literal. Escapes <, > and & too, so the text is inert even if pasted into HTML.
void append_json_string(std::string& out, std::string_view s);
void append_int(std::string& out, std::int64_t v);
void append_uint(std::string& out, std::uint64_t v);
// A fraction or ratio with at most 6 decimals, trailing zeros removed ("0.4961", "1", "0").
void append_fraction(std::string& out, double v);

}  // namespace hubreport
