// Minimal JSON/CSV text output shared by slices, manifests and the snapshot writer.
// Formatting is locale-free and identical on every platform so native and wasm output match byte for byte.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include <string_view>

#include "names.h"

namespace hubreport {

// Appends s as a JSON string literal. Escapes <, > and & too, so the text is inert even if pasted into HTML.
void append_json_string(std::string& out, std::string_view s);
// ["a","b",...]
void append_json_string_list(std::string& out, const Names& list);
void append_int(std::string& out, std::int64_t v);
void append_uint(std::string& out, std::uint64_t v);
// A fraction or ratio with at most 6 decimals, trailing zeros removed ("0.4961", "1", "0").
void append_fraction(std::string& out, double v);

// Builds one JSON object field by field: {"a":1,"b":"x"}. Keys are trusted literals; text values are escaped.
class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_.push_back('{'); }
  JsonObject& text(std::string_view key, std::string_view value) { return key_(key), append_json_string(out_, value), *this; }
  JsonObject& uint(std::string_view key, std::uint64_t value) { return key_(key), append_uint(out_, value), *this; }
  JsonObject& boolean(std::string_view key, bool value) { return key_(key), out_ += value ? "true" : "false", *this; }
  JsonObject& raw(std::string_view key, std::string_view json) { return key_(key), out_ += json, *this; }
  void close() { out_.push_back('}'); }

 private:
  void key_(std::string_view key) {
    if (!first_) out_.push_back(',');
    first_ = false;
    append_json_string(out_, key);
    out_.push_back(':');
  }
  std::string& out_;
  bool first_ = true;
};

}  // namespace hubreport
