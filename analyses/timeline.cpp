#include "analyses/timeline.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "graph/errors.hpp"

namespace actornet::analyses {
namespace {

struct Ymd {
  int year, month, day;
};

// The inverse of graph::days_from_civil (proleptic Gregorian, days since 1970-01-01), which
// graph/date.hpp does not offer: counted in 400-year eras of 146097 days starting on 1 March,
// so that the leap day is the last day of an era's year.
Ymd civil_from_days(std::int32_t days) {
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;  // days since 0000-03-01
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // March = 0
  const auto day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

graph::Date from_days(std::int64_t days) {
  if (days < graph::days_from_civil(1, 1, 1) || days > graph::days_from_civil(9999, 12, 31))
    throw InputError("a timeline date falls outside the years 1-9999; narrow --from/--to");
  const auto c = civil_from_days(static_cast<std::int32_t>(days));
  return graph::Date::from_ymd(c.year, c.month, c.day);
}

// The grid date as it is shown: at the step's precision.
graph::Date label(const graph::Date& d, const Period& every) {
  switch (every.unit) {
    case Period::Unit::Month:
      return graph::Date::year_month(d.year(), d.month());
    case Period::Unit::Year:
      return graph::Date::year_only(d.year());
    default:
      return d;
  }
}

// The start of the step holding `d`: first of the month, 1 January, or the day itself.
graph::Date align(const graph::Date& d, const Period& every) {
  switch (every.unit) {
    case Period::Unit::Month:
      return graph::Date::from_ymd(d.year(), d.month(), 1);
    case Period::Unit::Year:
      return graph::Date::from_ymd(d.year(), 1, 1);
    default:
      return graph::Date::from_ymd(d.year(), d.month(), d.day());
  }
}

// First and last day on which anything in the graph is dated.
std::optional<std::pair<std::int32_t, std::int32_t>> data_span(const graph::Graph& g) {
  std::int32_t lo = std::numeric_limits<std::int32_t>::max();
  std::int32_t hi = std::numeric_limits<std::int32_t>::min();
  auto see = [&](const graph::Interval& v) {
    if (v.start) {
      lo = std::min(lo, v.start->first_day());
      hi = std::max(hi, v.start->first_day());
    }
    if (v.end) {
      lo = std::min(lo, v.end->first_day() - 1);
      hi = std::max(hi, v.end->first_day() - 1);
    }
  };
  for (const auto& n : g.nodes())
    see(n.valid);
  for (const auto& e : g.edges())
    see(e.valid);
  if (lo > hi) return std::nullopt;
  return std::pair{lo, hi};
}

}  // namespace

std::optional<Period> parse_period(std::string_view text) {
  if (text == "day") return Period{1, Period::Unit::Day};
  if (text == "week") return Period{1, Period::Unit::Week};
  if (text == "month") return Period{1, Period::Unit::Month};
  if (text == "quarter") return Period{3, Period::Unit::Month};
  if (text == "year") return Period{1, Period::Unit::Year};
  if (text.size() < 2) return std::nullopt;
  int count = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, count);
  if (ec != std::errc{} || ptr != text.data() + text.size() - 1 || count < 1 || count > 10000)
    return std::nullopt;
  switch (text.back()) {
    case 'd':
      return Period{count, Period::Unit::Day};
    case 'w':
      return Period{count, Period::Unit::Week};
    case 'm':
      return Period{count, Period::Unit::Month};
    case 'y':
      return Period{count, Period::Unit::Year};
    default:
      return std::nullopt;
  }
}

std::string to_string(const Period& p) {
  const char* unit = p.unit == Period::Unit::Day     ? "day"
                     : p.unit == Period::Unit::Week  ? "week"
                     : p.unit == Period::Unit::Month ? "month"
                                                     : "year";
  return fmt::format("{} {}{}", p.count, unit, p.count == 1 ? "" : "s");
}

graph::Date advance(const graph::Date& date, const Period& p, int times) {
  const std::int64_t n = static_cast<std::int64_t>(p.count) * times;
  switch (p.unit) {
    case Period::Unit::Day:
      return from_days(date.first_day() + n);
    case Period::Unit::Week:
      return from_days(date.first_day() + 7 * n);
    case Period::Unit::Month:
    case Period::Unit::Year: {
      const std::int64_t months = static_cast<std::int64_t>(date.year()) * 12 + (date.month() - 1) +
                                  (p.unit == Period::Unit::Year ? 12 * n : n);
      const std::int64_t year = months >= 0 ? months / 12 : (months - 11) / 12;
      const int month = static_cast<int>(months - year * 12) + 1;
      if (year < 1 || year > 9999)
        throw InputError("a timeline date falls outside the years 1-9999; narrow --from/--to");
      const int y = static_cast<int>(year);
      return graph::Date::from_ymd(y, month, std::min(date.day(), days_in_month(y, month)));
    }
  }
  return date;
}

TimelineResult timeline(const graph::Graph& g, const TimelineOptions& options) {
  if (options.centrality.measures.size() != 1)
    throw InputError("a timeline follows exactly one measure; name one with --measure");
  std::int32_t first = 0, last = 0;
  const auto span = data_span(g);
  if (options.from) {
    first = options.from->first_day();
  } else if (span) {
    first = span->first;
  } else {
    throw InputError(
        "nothing in the graph is dated (no start, end or date on any node or edge); give the "
        "grid with --from and --to");
  }
  if (options.to) {
    last = options.to->period_end().first_day() - 1;
  } else {
    last = span ? span->second : first;
  }
  if (options.from && options.to && last < first)
    throw InputError(fmt::format("--from {} is after --to {}", options.from->to_string(),
                                 options.to->to_string()));

  TimelineResult result;
  const graph::Date start = align(from_days(first), options.every);
  for (int k = 0;; ++k) {
    const graph::Date t = advance(start, options.every, k);
    if (t.first_day() > last) break;
    if (result.dates.size() == options.max_snapshots)
      throw InputError(fmt::format(
          "the grid has more than {} dates; choose a longer --every or a shorter --from/--to",
          options.max_snapshots));
    result.dates.push_back(label(t, options.every));
    if (options.window) {
      const graph::Date end = advance(start, options.every, k + 1);
      result.windows.push_back(graph::Interval{advance(end, *options.window, -1), end});
    } else {
      result.windows.emplace_back();
    }
  }
  if (last < first) result.notes.push_back("the span is empty: no snapshot");

  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<std::vector<double>> by_node(g.node_count());
  std::vector<bool> present(g.node_count(), false);
  std::set<std::string> seen_notes;
  for (std::size_t s = 0; s < result.dates.size(); ++s) {
    graph::ViewOptions vo = options.view;
    if (options.window) {
      vo.at.reset();
      vo.between = result.windows[s];
    } else {
      vo.between.reset();
      vo.at = result.dates[s];
    }
    const auto view = graph::View::build(g, vo);
    const auto scores = centrality(view, options.centrality);
    for (const auto& note : scores.notes)
      if (seen_notes.insert(note).second)
        result.notes.push_back(fmt::format("{}: {}", result.dates[s].to_string(), note));
    for (graph::Vertex v = 0; v < view.vertex_count(); ++v) {
      const auto n = view.node_of(v);
      if (!present[n]) {
        present[n] = true;
        by_node[n].assign(result.dates.size(), nan);
      }
      by_node[n][s] = scores.scores[0][v];
    }
  }
  for (graph::NodeIndex n = 0; n < g.node_count(); ++n) {
    if (!present[n]) continue;
    result.nodes.push_back(n);
    result.scores.push_back(std::move(by_node[n]));
  }
  return result;
}

}  // namespace actornet::analyses
