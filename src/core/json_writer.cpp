#include "json_writer.h"

#include <cmath>

namespace hubreport {

// Each value is appended in one piece: in the wasm build std::string's members are calls into the prebuilt libc++, and
// a call per character cost the views' answer (370 KB of JSON a filter change) 0.3-1.4 ms (bench/ab.mjs, 4 states).
void append_json_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  std::size_t clean = 0;  // s[clean .. i) needs no escape: appended in one piece
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&') continue;
    out.append(s.data() + clean, i - clean);
    clean = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        const char escaped[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(escaped, 6);
      }
    }
  }
  out.append(s.data() + clean, s.size() - clean);
  out.push_back('"');
}

// The digits of v, written backwards ending at end; returns where they start.
static char* digits_before(char* end, std::uint64_t v) {
  do {
    *--end = char('0' + v % 10);
    v /= 10;
  } while (v);
  return end;
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  char* first = digits_before(buf + sizeof buf, v);
  out.append(first, std::size_t(buf + sizeof buf - first));
}

void append_int(std::string& out, std::int64_t v) {
  char buf[24];
  const bool negative = v < 0;
  char* first = digits_before(buf + sizeof buf, negative ? std::uint64_t(0) - std::uint64_t(v) : std::uint64_t(v));
  if (negative) *--first = '-';
  out.append(first, std::size_t(buf + sizeof buf - first));
}

void append_fraction(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  // Integer arithmetic on the rounded value: no printf, so every libc prints the same digits.
  bool negative = v < 0;
  double scaled = std::round(std::fabs(v) * 1e6);
  auto micro = std::uint64_t(scaled);
  char buf[32];
  char* end = buf + sizeof buf;
  std::uint64_t frac = micro % 1000000;
  if (frac) {
    int len = 6;
    while (frac % 10 == 0) frac /= 10, --len;  // trailing zeros dropped
    for (int i = 0; i < len; ++i, frac /= 10) *--end = char('0' + frac % 10);
    *--end = '.';
  }
  char* first = digits_before(end, micro / 1000000);
  if (negative && micro) *--first = '-';
  out.append(first, std::size_t(buf + sizeof buf - first));
}

void append_json_string_list(std::string& out, const Names& list) {
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, list[i]);
  }
  out += ']';
}

}  // namespace hubreport
