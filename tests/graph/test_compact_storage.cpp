// The compact forms a big graph relies on: three-byte dates, the node id table and attribute
// columns that hold only the values given.
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "graph/attributes.hpp"
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

TEST_CASE("attribute columns: dense and sparse storage read like one ordered map") {
  // Checked against std::map (the slow obvious column): the same values, counts and order
  // after every kind of write, in the dense part, past it, and where the dense part grows over
  // sparse entries.
  std::mt19937_64 random(7);
  for (const std::size_t span : {std::size_t{10}, std::size_t{200}, std::size_t{100000}}) {
    AttrColumn column("x", AttrType::Integer);
    std::map<std::size_t, std::int64_t> model;
    for (int step = 0; step < 3000; ++step) {
      const auto roll = random() % 10;
      // Ascending writes (the usual import), random ones, and erasures (a missing value).
      const std::size_t element = roll < 4 ? model.empty() ? 0 : model.rbegin()->first + 1 + roll
                                           : static_cast<std::size_t>(random() % span);
      if (roll == 9) {
        column.set(element, Value{});
        model.erase(element);
      } else {
        const auto value = static_cast<std::int64_t>(random() % 1000);
        column.set(element, value);
        model[element] = value;
      }
    }
    CHECK(column.present() == model.size());
    std::vector<std::pair<std::size_t, std::int64_t>> seen;
    column.for_each(
        [&](std::size_t e, const Value& v) { seen.emplace_back(e, std::get<std::int64_t>(v)); });
    CHECK(seen == std::vector<std::pair<std::size_t, std::int64_t>>(model.begin(), model.end()));
    for (std::size_t e = 0; e < span + 10; e += 1 + e / 50) {
      const auto it = model.find(e);
      if (it == model.end())
        CHECK(is_missing(column.get(e)));
      else
        CHECK(std::get<std::int64_t>(column.get(e)) == it->second);
      const auto below =
          static_cast<std::size_t>(std::distance(model.begin(), model.lower_bound(e)));
      CHECK(column.present_below(e) == below);
    }
  }
}

TEST_CASE("attribute columns: memory follows the values held, not names x elements") {
  // 10,000 attributes, each with one value on element 10^8 - 1: dense columns would ask for
  // 10,000 x 10^8 values of 40 bytes (40 TB), and fail with bad_alloc.
  AttributeTable table;
  for (int a = 0; a < 10000; ++a)
    table.set(table.declare("a" + std::to_string(a), AttrType::Integer), 99999999, std::int64_t{a});
  CHECK(std::get<std::int64_t>(table.get(9999, 99999999)) == 9999);
  CHECK(is_missing(table.get(9999, 0)));
  CHECK(table.column(0).present() == 1);
}
