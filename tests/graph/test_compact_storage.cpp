// The compact forms a big graph relies on: three-byte dates and the node id table.
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>

#include "graph/date.hpp"
#include "graph/errors.hpp"
#include "graph/graph.hpp"

using namespace actornet;
using namespace actornet::graph;

TEST_CASE("a date is three bytes and an interval eight") {
  CHECK(sizeof(Date) == 3);
  CHECK(sizeof(std::optional<Date>) == 4);
  CHECK(sizeof(Interval) == 8);
}

TEST_CASE("every day of a span of years round-trips through the packed date") {
  // Checked against the independent days_from_civil and is_valid_ymd: each valid day gives
  // back its own year, month and day, and days are consecutive.
  for (int year : {1, 2, 3, 4, 99, 100, 1600, 1899, 1900, 1969, 1970, 2000, 2024, 2100, 9999}) {
    std::int32_t previous = days_from_civil(year, 1, 1) - 1;
    for (int month = 1; month <= 12; ++month)
      for (int day = 1; day <= 31; ++day) {
        if (!is_valid_ymd(year, month, day)) continue;
        const Date d = Date::from_ymd(year, month, day);
        CHECK(d.year() == year);
        CHECK(d.month() == month);
        CHECK(d.day() == day);
        CHECK(d.first_day() == days_from_civil(year, month, day));
        CHECK(d.first_day() == previous + 1);
        previous = d.first_day();
      }
  }
  CHECK(Date::from_ymd(1, 1, 1).to_string() == "0001-01-01");
  CHECK(Date::parse("9999")->period_end().to_string() == "10000");
  CHECK(Date::parse("9999-12-31")->period_end().to_string() == "10000-01-01");
  CHECK(Date::year_month(2024, 7).day() == 1);
  CHECK(Date::year_only(2024).month() == 1);
}

TEST_CASE("packed dates order by first day, then coarser precision first") {
  const std::vector<Date> dates{
      Date::year_only(1),           Date::from_ymd(1, 1, 1),    Date::year_month(1969, 12),
      Date::from_ymd(1969, 12, 31), Date::year_only(1970),      Date::year_month(1970, 1),
      Date::from_ymd(1970, 1, 1),   Date::from_ymd(1970, 1, 2), Date::year_month(2024, 2),
      Date::from_ymd(2024, 2, 29),  Date::year_only(9999),      Date::from_ymd(9999, 12, 31)};
  for (std::size_t i = 0; i < dates.size(); ++i)
    for (std::size_t j = 0; j < dates.size(); ++j) {
      const auto expected = std::tuple(dates[i].first_day(), dates[i].precision()) <=>
                            std::tuple(dates[j].first_day(), dates[j].precision());
      CHECK((dates[i] <=> dates[j]) == expected);
      CHECK((dates[i] == dates[j]) == (i == j));
    }
}

TEST_CASE("a year the packed date cannot hold is an error, not a wrong date") {
  CHECK_THROWS_AS(Date::year_only(20000), std::out_of_range);
  CHECK_THROWS_AS(Date::year_only(-5), std::out_of_range);
  CHECK(Date::year_only(11000).year() == 11000);
  CHECK(Date::year_only(0).year() == 0);
}

TEST_CASE("the node id table finds every node across growth, and only those") {
  Graph g;
  std::vector<std::string> ids;
  // Short (inline) and long ids, ids that differ only at the end, and ids with NUL bytes.
  for (int i = 0; i < 20000; ++i) {
    std::string id = std::to_string(i);
    if (i % 3 == 1) id = "a fairly long node id, longer than any inline form " + id;
    if (i % 7 == 2) id += std::string("\0x", 2);
    ids.push_back(id);
    CHECK(g.add_node(id) == static_cast<NodeIndex>(i));
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    REQUIRE(g.find_node(ids[i]));
    CHECK(*g.find_node(ids[i]) == i);
    CHECK(g.node(static_cast<NodeIndex>(i)).label == ids[i]);
  }
  CHECK_FALSE(g.find_node("20000"));
  CHECK_FALSE(g.find_node(""));
  CHECK_FALSE(g.find_node("a fairly long node id, longer than any inline form 2"));
  CHECK_THROWS_AS(g.add_node("0"), InputError);
  CHECK_THROWS_AS(g.add_node(ids[4]), InputError);
  CHECK(g.node_count() == ids.size());
}

TEST_CASE("the node id table survives reserve, copy and move") {
  Graph g;
  g.reserve(1000, 0);
  g.add_node("x");
  g.reserve(100000, 10);
  g.add_node("y");
  Graph copy = g;
  Graph moved = std::move(copy);
  CHECK(moved.find_node("x") == NodeIndex{0});
  CHECK(moved.find_node("y") == NodeIndex{1});
  CHECK(moved.add_node("z") == NodeIndex{2});
  CHECK_FALSE(g.find_node("z"));
  Graph empty;
  CHECK_FALSE(empty.find_node("x"));
}
