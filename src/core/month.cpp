#include "month.h"

#include <cstdio>

namespace hubreport {

static bool digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::optional<Month> parse_month(std::string_view t) {
  if (t.size() < 7 || t[4] != '-' || !digits(t.substr(0, 4)) || !digits(t.substr(5, 2))) return std::nullopt;
  if (t.size() > 7 && t[7] != '-') return std::nullopt;
  int year = std::stoi(std::string(t.substr(0, 4)));
  int month = std::stoi(std::string(t.substr(5, 2)));
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
