// Dates with precision and half-open validity intervals.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace actornet::graph {

enum class DatePrecision : std::uint8_t { Year, Month, Day };

/// A calendar date known to the year, the month or the day (proleptic Gregorian, years 1..9999).
/// For ordering, a date stands for its first day: `2024` compares as 2024-01-01 and `2024-07`
/// as 2024-07-01; two dates with the same first day but different precision are ordered
/// coarser first, so ordering is total and consistent with equality.
class Date {
 public:
  /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a `T...` time suffix on a full date is ignored).
  /// Returns nullopt for anything else, including impossible days such as 2023-02-29.
  static std::optional<Date> parse(std::string_view text);
  static Date from_ymd(int year, int month, int day);  ///< full precision; month/day must be valid
  static Date year_only(int year);
  static Date year_month(int year, int month);

  int year() const;
  int month() const;  ///< 1..12; 1 when precision is Year
  int day() const;    ///< 1..31; 1 when precision is Year or Month
  DatePrecision precision() const { return static_cast<DatePrecision>(packed() & 3U); }

  /// Days since 1970-01-01 of the first day this date stands for.
  std::int32_t first_day() const { return static_cast<std::int32_t>(packed() >> 2) - kBias; }
  /// The first day after the period this date names: 2024 -> 2025-01-01, 2024-07 -> 2024-08-01,
  /// 2024-07-09 -> 2024-07-10. `[d, d.period_end())` is the period a single date covers.
  Date period_end() const;

  /// ISO text at the date's own precision: `2024`, `2024-07` or `2024-07-09`.
  std::string to_string() const;

  friend bool operator==(const Date&, const Date&) = default;
  /// By first day, then coarser precision first: the order of the packed value itself.
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.packed() <=> b.packed();
  }

 private:
  // Three bytes, so that std::optional<Date> takes four and an Interval eight: graphs hold
  // one Interval per edge. The value is ((first_day + kBias) << 2) | precision, which orders
  // like (first_day, precision); kBias puts 0000-01-01 at 0, so years 0..11000 fit 22 bits.
  static constexpr std::int32_t kBias = 719528;
  Date(int year, int month, int day, DatePrecision precision);
  std::uint32_t packed() const {
    return std::uint32_t{bytes_[0]} | std::uint32_t{bytes_[1]} << 8 |
           std::uint32_t{bytes_[2]} << 16;
  }
  std::uint8_t bytes_[3];
};

static_assert(sizeof(Date) == 3 && sizeof(std::optional<Date>) == 4);

/// Days since 1970-01-01 for a valid proleptic Gregorian date.
std::int32_t days_from_civil(int year, int month, int day);
/// Whether year-month-day names a real day (1 <= year <= 9999).
bool is_valid_ymd(int year, int month, int day);

/// Half-open interval [start, end) on dates; either end may be open (nullopt = unbounded).
/// The empty optional on both ends means "always valid".
struct Interval {
  std::optional<Date> start;
  std::optional<Date> end;

  bool unbounded() const { return !start && !end; }
  /// Whether the interval holds day `d` (compared by first day).
  bool contains(const Date& d) const;
  /// Whether the interval shares at least one day with [from, to).
  bool overlaps(const Interval& other) const;
  /// `start/end` in ISO form with `..` for an open end, e.g. `2021-01-20/2025-01-20`, `../2025`.
  std::string to_string() const;

  friend bool operator==(const Interval&, const Interval&) = default;
};

}  // namespace actornet::graph
