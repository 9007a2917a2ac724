#include <doctest/doctest.h>

#include "graph/date.hpp"

using actornet::graph::Date;
using actornet::graph::DatePrecision;
using actornet::graph::Interval;

TEST_CASE("dates parse at year, month and day precision") {
  auto y = Date::parse("2024");
  REQUIRE(y);
  CHECK(y->precision() == DatePrecision::Year);
  CHECK(y->to_string() == "2024");
  auto m = Date::parse("2024-07");
  REQUIRE(m);
  CHECK(m->precision() == DatePrecision::Month);
  CHECK(m->month() == 7);
  auto d = Date::parse("2024-02-29");
  REQUIRE(d);
  CHECK(d->precision() == DatePrecision::Day);
  CHECK(d->to_string() == "2024-02-29");
  // Timestamps keep the day.
  CHECK(Date::parse("2014-01-01 00:00:00")->to_string() == "2014-01-01");
  CHECK(Date::parse("2014-01-01T10:00:00Z")->to_string() == "2014-01-01");
}

TEST_CASE("impossible or malformed dates are rejected") {
  for (const char* bad : {"", "24", "2023-02-29", "2024-13", "2024-00", "2024-1", "2024/01/01",
                          "0000", "2024-01-32", "2024-01-01x", "abcd", "1e10"})
    CHECK_MESSAGE(!Date::parse(bad), bad);
}

TEST_CASE("days from civil matches known epochs") {
  // 1970-01-01 is day 0; 2000-03-01 is 11017 (a well-known value: 30 years + 8 leap days + 59).
  CHECK(Date::from_ymd(1970, 1, 1).first_day() == 0);
  CHECK(Date::from_ymd(2000, 3, 1).first_day() == 11017);
  CHECK(Date::from_ymd(1969, 12, 31).first_day() == -1);
  CHECK(Date::from_ymd(2025, 1, 20).first_day() - Date::from_ymd(2021, 1, 20).first_day() ==
        4 * 365 + 1);
}

TEST_CASE("a date stands for its first day; coarser precision sorts first") {
  CHECK(*Date::parse("2024") < *Date::parse("2024-01"));
  CHECK(*Date::parse("2024-01") < *Date::parse("2024-01-01"));
  CHECK(*Date::parse("2023-12-31") < *Date::parse("2024"));
  CHECK(Date::parse("2024")->first_day() == Date::parse("2024-01-01")->first_day());
  CHECK(*Date::parse("2024-07") != *Date::parse("2024-07-01"));
}

TEST_CASE("period_end is the day after the period a date names") {
  CHECK(Date::parse("2024")->period_end().to_string() == "2025");
  CHECK(Date::parse("2024-12")->period_end().to_string() == "2025-01");
  CHECK(Date::parse("2024-07")->period_end().to_string() == "2024-08");
  CHECK(Date::parse("2024-02-29")->period_end().to_string() == "2024-03-01");
  CHECK(Date::parse("2024-12-31")->period_end().to_string() == "2025-01-01");
}

TEST_CASE("intervals are half-open with optional ends") {
  Interval tenure{Date::parse("2021-01-26"), Date::parse("2025-01-20")};
  CHECK(tenure.contains(*Date::parse("2021-01-26")));
  CHECK(tenure.contains(*Date::parse("2025-01-19")));
  CHECK_FALSE(tenure.contains(*Date::parse("2025-01-20")));
  CHECK_FALSE(tenure.contains(*Date::parse("2021-01-25")));
  CHECK(Interval{}.contains(*Date::parse("1900")));
  CHECK(Interval{Date::parse("2025-01-20"), std::nullopt}.contains(*Date::parse("2030")));
  CHECK(tenure.to_string() == "2021-01-26/2025-01-20");
  CHECK(Interval{std::nullopt, Date::parse("2025")}.to_string() == "../2025");

  Interval july{Date::parse("2024-07"), Date::parse("2024-08")};
  CHECK(july.overlaps(tenure));
  CHECK(tenure.overlaps(july));
  Interval after{Date::parse("2025-01-20"), std::nullopt};
  CHECK_FALSE(tenure.overlaps(after));  // touching ends do not overlap
  CHECK(after.overlaps(Interval{}));
  CHECK_FALSE(after.overlaps(Interval{std::nullopt, Date::parse("2025-01-20")}));
}
