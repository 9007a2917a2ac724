// Timeline: one centrality measure per node on each snapshot of a dated graph, over a grid of
// dates.
//
// Definition. The grid runs from `from` to `to` (by default the first and last day any node or
// edge is dated, through its start or its last day) in steps of `every` (N days, weeks,
// months or years), each grid date aligned to the start of its step: the first of the month for
// months, 1 January for years, the date itself for days and weeks. A snapshot is
// - without a window: the View at the grid date, exactly what `View::build` with `at` gives
//   (and so what `actornet centrality --at DATE` computes): nodes and edges valid on that day;
// - with a window W: the View of everything valid at some time in [end - W, end), where end is
//   the next grid date (the end of the step the grid date opens). With W equal to the step,
//   the snapshot is the step itself (the month for a monthly grid): what point events need,
//   since an event is valid on its day only.
// The measure is analyses::centrality on each snapshot, with the caller's options; see
// centrality.hpp for its normalisation, parallel edges, direction and disconnection: each
// snapshot is a View like any other, built with the caller's ViewOptions (relations, kinds,
// selections, direction and parallel policy), whose own `at` and `between` are replaced.
//
// Rows are the nodes present in at least one snapshot, in graph order; a node absent from a
// snapshot (its validity misses it, or a filter drops it) has NaN there, while a present node
// with no edge gets the measure's value for an isolated vertex (0 for most).
//
// Complexity: one View build (O(|V| + |E|)) and one centrality run per snapshot. This takes
// the Graph rather than a View, unlike the other analyses, because each snapshot is a view of
// its own.
//
// Reference: the rolling-window snapshot approach of e.g. Holme & Saramaki (2012) Temporal
// networks, Phys. Rep. 519:97, section 4.1 (time-window graphs).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyses/centrality.hpp"
#include "graph/date.hpp"
#include "graph/graph.hpp"
#include "graph/view.hpp"

namespace actornet::analyses {

/// A length of time: `count` days, weeks, months or years.
struct Period {
  enum class Unit { Day, Week, Month, Year };
  int count = 1;
  Unit unit = Unit::Month;
  friend bool operator==(const Period&, const Period&) = default;
};

/// `day`, `week`, `month`, `quarter` (3 months), `year`, or a count and a unit letter: `10d`,
/// `2w`, `3m`, `1y` (count 1..10000); nullopt otherwise.
std::optional<Period> parse_period(std::string_view text);
/// `1 month`, `3 months`, `2 weeks`...
std::string to_string(const Period& period);

/// `date` (read as its first day) moved by `times` periods; months and years keep the day of
/// the month when it exists and otherwise clamp to the month's last day (31 January + 1 month
/// = 28 or 29 February). The result has day precision.
graph::Date advance(const graph::Date& date, const Period& period, int times = 1);

struct TimelineOptions {
  CentralityOptions centrality;  ///< exactly one measure
  graph::ViewOptions view;       ///< filters and policies of every snapshot (at/between ignored)
  Period every;                  ///< the grid step
  std::optional<Period> window;  ///< none: snapshots at the grid dates
  std::optional<graph::Date> from, to;  ///< grid bounds (inclusive); default: the data's span
  std::size_t max_snapshots = 5000;
};

struct TimelineResult {
  /// The grid dates, at the step's precision (`2024-07` for months, `2024` for years, full
  /// dates for days and weeks).
  std::vector<graph::Date> dates;
  /// The window of each snapshot ([start, end)); empty intervals when snapshots are at dates.
  std::vector<graph::Interval> windows;
  std::vector<graph::NodeIndex> nodes;      ///< the rows, in graph order
  std::vector<std::vector<double>> scores;  ///< scores[row][snapshot]; NaN where absent
  std::vector<std::string> notes;           ///< centrality's notes, each once, and ours
};

/// Computes the timeline (see the file comment). Throws InputError when the options ask for no
/// measure or several, `from` is after `to`, the graph has no date at all and no bounds are
/// given, or the grid has more than max_snapshots dates; and whatever View::build or
/// centrality throw.
TimelineResult timeline(const graph::Graph& graph, const TimelineOptions& options);

}  // namespace actornet::analyses
