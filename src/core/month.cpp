#include "month.h"

namespace hubreport {

static bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// Only after digits() said yes. Not std::stoi: its out-of-range error path alone pulls printf into the module.
static int decimal(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::optional<Month> parse_month(std::string_view t) {
  if (t.size() < 7 || t[4] != '-' || !digits(t.substr(0, 4)) || !digits(t.substr(5, 2))) return std::nullopt;
  if (t.size() > 7 && t[7] != '-') return std::nullopt;
  int year = decimal(t.substr(0, 4));
  int month = decimal(t.substr(5, 2));
  if (year < 2000 || year > 2099 || month < 1 || month > 12) return std::nullopt;
  return make_month(year, month);
}

std::string format_month(Month m) {
  // By hand, not snprintf: this is the module's only use of printf for integers (which alone costs it about 3 KB).
  int year = month_year(m), month = month_of_year(m);
  char buf[8] = {char('0' + year / 1000 % 10), char('0' + year / 100 % 10), char('0' + year / 10 % 10), char('0' + year % 10),
                 '-', char('0' + month / 10), char('0' + month % 10), 0};
  return buf;
}

}  // namespace hubreport
