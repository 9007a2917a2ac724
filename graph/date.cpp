#include "graph/date.hpp"

#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace actornet::graph {
namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Parses exactly `width` ASCII digits at `text[pos]`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  auto first = text.data() + pos;
  auto [ptr, ec] = std::from_chars(first, first + width, value);
  if (ec != std::errc{} || ptr != first + width) return std::nullopt;
  for (std::size_t i = 0; i < width; ++i)
    if (text[pos + i] < '0' || text[pos + i] > '9') return std::nullopt;
  return value;
}

}  // namespace

std::int32_t days_from_civil(int y, int m, int d) {
  // Howard Hinnant's days_from_civil: shift the year to start in March so that the leap day
  // is the last day of the (shifted) year, then count whole 400-year eras.
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_valid_ymd(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

Date::Date(int year, int month, int day, DatePrecision precision) {
  const std::int32_t biased = days_from_civil(year, month, day) + kBias;
  if (biased < 0 || biased >= (1 << 22)) throw std::out_of_range("Date: year outside 0..11000");
  const auto value =
      static_cast<std::uint32_t>(biased) << 2 | static_cast<std::uint32_t>(precision);
  bytes_[0] = static_cast<std::uint8_t>(value);
  bytes_[1] = static_cast<std::uint8_t>(value >> 8);
  bytes_[2] = static_cast<std::uint8_t>(value >> 16);
}

namespace {

struct Civil {
  int year, month, day;
};

// Inverse of days_from_civil (Howard Hinnant's civil_from_days).
Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int32_t doe = z - era * 146097;
  const std::int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int32_t mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

}  // namespace

int Date::year() const {
  return civil_from_days(first_day()).year;
}
int Date::month() const {
  return civil_from_days(first_day()).month;
}
int Date::day() const {
  return civil_from_days(first_day()).day;
}

Date Date::from_ymd(int year, int month, int day) {
  return Date(year, month, day, DatePrecision::Day);
}
Date Date::year_only(int year) {
  return Date(year, 1, 1, DatePrecision::Year);
}
Date Date::year_month(int year, int month) {
  return Date(year, month, 1, DatePrecision::Month);
}

std::optional<Date> Date::parse(std::string_view text) {
  auto year = digits(text, 0, 4);
  if (!year || *year < 1) return std::nullopt;
  if (text.size() == 4) return year_only(*year);
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  auto month = digits(text, 5, 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) return year_month(*year, *month);
  if (text.size() < 10 || text[7] != '-') return std::nullopt;
  auto day = digits(text, 8, 2);
  if (!day || !is_valid_ymd(*year, *month, *day)) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return from_ymd(*year, *month, *day);
}

Date Date::period_end() const {
  const auto [year, month, day] = civil_from_days(first_day());
  switch (precision()) {
    case DatePrecision::Year:
      return year_only(year + 1);
    case DatePrecision::Month:
      return month == 12 ? year_month(year + 1, 1) : year_month(year, month + 1);
    case DatePrecision::Day:
      break;
  }
  if (day < days_in_month(year, month)) return from_ymd(year, month, day + 1);
  return month == 12 ? from_ymd(year + 1, 1, 1) : from_ymd(year, month + 1, 1);
}

std::string Date::to_string() const {
  const auto [year, month, day] = civil_from_days(first_day());
  char buf[40];
  switch (precision()) {
    case DatePrecision::Year:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DatePrecision::Month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case DatePrecision::Day:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      break;
  }
  return buf;
}

bool Interval::contains(const Date& d) const {
  return (!start || start->first_day() <= d.first_day()) &&
         (!end || d.first_day() < end->first_day());
}

bool Interval::overlaps(const Interval& other) const {
  const bool starts_before_other_ends =
      !start || !other.end || start->first_day() < other.end->first_day();
  const bool other_starts_before_end =
      !other.start || !end || other.start->first_day() < end->first_day();
  return starts_before_other_ends && other_starts_before_end;
}

std::string Interval::to_string() const {
  return (start ? start->to_string() : "..") + "/" + (end ? end->to_string() : "..");
}

}  // namespace actornet::graph
