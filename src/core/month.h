// Calendar months as small integers: the time axis of every view.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hubreport {

// Months since 2000-01 (0 = 2000-01). Enough for the Hub's history and fits a uint16.
using Month = std::uint16_t;
constexpr Month kUnknownMonth = 0xFFFF;

inline Month make_month(int year, int month1to12) { return Month((year - 2000) * 12 + (month1to12 - 1)); }
inline int month_year(Month m) { return 2000 + m / 12; }
inline int month_of_year(Month m) { return m % 12 + 1; }

// "YYYY-MM" (also accepts a longer ISO date/time "YYYY-MM-DD..."). Years 2000..2099 only.
std::optional<Month> parse_month(std::string_view text);
std::string format_month(Month m);  // "YYYY-MM"

}  // namespace hubreport
