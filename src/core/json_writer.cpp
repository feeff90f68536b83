#include "json_writer.h"

#include <cmath>

namespace hubreport {

void append_json_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
          out += "\\u00";
          out.push_back(hex[c >> 4]);
          out.push_back(hex[c & 15]);
        } else {
          out.push_back(char(c));
        }
    }
  }
  out.push_back('"');
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = char('0' + v % 10);
    v /= 10;
  } while (v);
  while (n) out.push_back(buf[--n]);
}

void append_int(std::string& out, std::int64_t v) {
  if (v < 0) {
    out.push_back('-');
    append_uint(out, std::uint64_t(0) - std::uint64_t(v));
  } else {
    append_uint(out, std::uint64_t(v));
  }
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
  if (negative && micro) out.push_back('-');
  append_uint(out, micro / 1000000);
  std::uint64_t frac = micro % 1000000;
  if (frac) {
    char digits[7];
    for (int i = 5; i >= 0; --i) {
      digits[i] = char('0' + frac % 10);
      frac /= 10;
    }
    int len = 6;
    while (digits[len - 1] == '0') --len;
    out.push_back('.');
    out.append(digits, std::size_t(len));
  }
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
