// The three event readers share one EventBuilder: filters, actor resolution through the alias
// table, one edge per event or aggregation to dyads, and the report. Each reader only splits
// its rows and parses its columns.
#include "importers/events.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "graph/errors.hpp"
#include "importers/aliases.hpp"
#include "importers/cameo.hpp"
#include "importers/csv.hpp"
#include "importers/events_stream.hpp"
#include "importers/formats.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"

namespace actornet::importers {
namespace events {

std::optional<graph::Date> parse_gdelt_day(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  int v[3] = {0, 0, 0};
  const std::size_t widths[3] = {4, 2, 2};
  std::size_t at = 0;
  for (int part = 0; part < 3; ++part) {
    for (std::size_t k = 0; k < widths[part]; ++k, ++at) {
      const char c = text[at];
      if (c < '0' || c > '9') return std::nullopt;
      v[part] = v[part] * 10 + (c - '0');
    }
  }
  if (!graph::is_valid_ymd(v[0], v[1], v[2])) return std::nullopt;
  return graph::Date::from_ymd(v[0], v[1], v[2]);
}

std::optional<graph::Date> parse_acled_date(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  if (const auto iso = graph::Date::parse(text);
      iso && iso->precision() == graph::DatePrecision::Day && text.size() == 10)
    return iso;
  // D Month YYYY, with spaces or dashes.
  std::array<std::string_view, 3> parts;
  std::size_t n = 0, start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ' || text[i] == '-') {
      if (i > start) {
        if (n == 3) return std::nullopt;
        parts[n++] = text.substr(start, i - start);
      }
      start = i + 1;
    }
  }
  if (n != 3) return std::nullopt;
  const auto day = detail::parse_integer(parts[0]);
  const auto year = detail::parse_integer(parts[2]);
  if (!day || !year || parts[2].size() != 4) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string month = detail::ascii_lower(parts[1]);
  int m = 0;
  for (std::size_t k = 0; k < kMonths.size(); ++k)
    if (month == kMonths[k] || (month.size() == 3 && kMonths[k].starts_with(month)))
      m = static_cast<int>(k) + 1;
  if (m == 0 || !graph::is_valid_ymd(static_cast<int>(*year), m, static_cast<int>(*day)))
    return std::nullopt;
  return graph::Date::from_ymd(static_cast<int>(*year), m, static_cast<int>(*day));
}

std::optional<std::string> normalise_cameo_code(std::string_view code) {
  if (cameo::find_event(code)) return std::string(code);
  const std::string padded = "0" + std::string(code);
  if (code.size() >= 2 && cameo::find_event(padded)) return padded;
  return std::nullopt;
}

}  // namespace events

namespace {

enum class Source { Gdelt, Icews, Acled };

constexpr std::size_t kMaxRejectedListed = 10000;
constexpr std::size_t kMaxUnmatchedListed = 200;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// An actor as one event row names it.
struct Actor {
  std::string_view name;
  std::string_view code;  // GDELT
  std::string_view country;
  std::string_view known_group;             // GDELT
  std::array<std::string_view, 3> types{};  // GDELT
  std::string_view sectors;                 // ICEWS, comma-separated
  std::string_view inter;                   // ACLED
  std::string_view iso3;                    // ACLED, for the country filter only

  bool empty() const { return name.empty() && code.empty(); }
  std::string_view key_name() const { return name.empty() ? code : name; }
};

/// One event as a row gives it.
struct Event {
  std::size_t line = 0;
  graph::Date date = graph::Date::from_ymd(1970, 1, 1);
  std::string_view event_id;
  std::string cameo;  // GDELT, ICEWS
  int root = 0;
  int quad = 0;
  double goldstein = 0;
  std::int64_t mentions = 0, sources = 0, articles = 0;  // GDELT
  double tone = 0;                                       // GDELT
  std::string_view event_type, sub_event_type;           // ACLED
  std::int64_t fatalities = 0;                           // ACLED
  std::string_view provenance;
};

struct AggKey {
  graph::NodeIndex source, target;
  graph::SymbolId relation;
  std::int32_t period;
  friend bool operator==(const AggKey&, const AggKey&) = default;
};

struct AggKeyHash {
  std::size_t operator()(const AggKey& k) const noexcept {
    std::uint64_t h = k.source;
    h = h * 0x9E3779B97F4A7C15ULL + k.target;
    h = h * 0x9E3779B97F4A7C15ULL + k.relation;
    h = h * 0x9E3779B97F4A7C15ULL + static_cast<std::uint32_t>(k.period);
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

struct Aggregate {
  AggKey key;
  std::int64_t count = 0;
  double goldstein_sum = 0;
  std::int64_t mentions = 0;
  std::int64_t fatalities = 0;
  int quad = 0;
  graph::Date first, last;
};

std::string_view icews_kind(const Actor& a) {
  if (!a.country.empty() && detail::iequals(a.name, a.country)) return "country";
  const std::string sectors = detail::ascii_lower(a.sectors);
  static constexpr std::array<std::string_view, 14> kGovernment = {
      "government",         "ministry",    "police", "military",  "cabinet",      "parliament",
      "legislative",        "judicial",    "court",  "executive", "armed forces", "head of state",
      "head of government", "intelligence"};
  if (a.name.ends_with(")")) {
    const auto open = a.name.rfind('(');
    const std::string stem = detail::ascii_lower(a.name.substr(0, open));
    for (const auto word : kGovernment)
      if (sectors.find(word) != std::string::npos || stem.find(word) != std::string::npos)
        return "agency";
    return "group";
  }
  for (const auto word : {"organization", "organisation", "media", "business", "news"})
    if (sectors.find(word) != std::string::npos) return "organization";
  return "person";
}

std::string_view acled_inter_name(std::string_view inter) {
  static constexpr std::array<std::string_view, 8> kNames = {
      "State forces", "Rebel group", "Political militia", "Identity militia",
      "Rioters",      "Protesters",  "Civilians",         "External/Other forces"};
  if (inter.size() == 1 && inter[0] >= '1' && inter[0] <= '8')
    return kNames[static_cast<std::size_t>(inter[0] - '1')];
  return inter;
}

std::string_view acled_kind(std::string_view inter) {
  const std::string name = detail::ascii_lower(acled_inter_name(inter));
  if (name.starts_with("state")) return "agency";
  if (name.starts_with("rebel") || name.find("militia") != std::string::npos) return "armed_group";
  if (name.starts_with("rioter") || name.starts_with("protester") || name.starts_with("civilian"))
    return "group";
  return "other";
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    const auto item = trim(text.substr(start, comma - start));
    if (!item.empty()) out.emplace_back(item);
    start = comma + 1;
  }
  return out;
}

class EventBuilder {
 public:
  EventBuilder(Source source, const ImportOptions& options, ImportResult& result)
      : source_(source), options_(options), result_(result) {
    const auto& ev = options.events;
    if (!ev.aliases.empty()) aliases_.emplace(AliasTable::read(ev.aliases));
    if (source == Source::Acled && (!ev.cameo.empty() || !ev.quad.empty()))
      throw InputError(
          "--cameo and --quad select CAMEO-coded events (GDELT, ICEWS); ACLED events have "
          "event types instead: select them with --edges-where \"event_type=...\"");
    for (const auto& c : ev.countries)
      countries_.push_back(detail::ascii_lower(trim(c)));
    if (ev.from) from_day_ = ev.from->first_day();
    if (ev.to) to_day_ = ev.to->period_end().first_day();
    if (aggregating()) return;
    auto& attrs = result_.graph.edge_attributes();
    col_event_id_ = attrs.declare(graph::Provenance::kEventId, graph::AttrType::String);
    col_provenance_ = attrs.declare(graph::Provenance::kDocument, graph::AttrType::String);
    if (source != Source::Acled) {
      col_cameo_ = attrs.declare("cameo", graph::AttrType::String);
      col_quad_ = attrs.declare("quad_class", graph::AttrType::Integer);
      col_goldstein_ = attrs.declare("goldstein", graph::AttrType::Real);
    }
    if (source == Source::Gdelt) {
      col_mentions_ = attrs.declare("mentions", graph::AttrType::Integer);
      col_sources_ = attrs.declare("sources", graph::AttrType::Integer);
      col_articles_ = attrs.declare("articles", graph::AttrType::Integer);
      col_tone_ = attrs.declare("tone", graph::AttrType::Real);
    }
    if (source == Source::Acled) {
      col_event_type_ = attrs.declare("event_type", graph::AttrType::String);
      col_sub_event_type_ = attrs.declare("sub_event_type", graph::AttrType::String);
      col_fatalities_ = attrs.declare("fatalities", graph::AttrType::Integer);
    }
  }

  const std::string& name() const { return name_; }

  /// Starts reading one file (`name` is what messages call it).
  void begin_file(const std::string& name) {
    name_ = name;
    result_.report.files.push_back(name);
    file_rows_ = rows_;
    files_.push_back(name);
  }
  /// Ends the file begun last: a note with its row count when several files are read.
  void end_file() { per_file_.push_back(rows_ - file_rows_); }

  /// The (Event ID, Event Date) key of a kept ICEWS event: the line that first had it (as
  /// "line N" or "line N of FILE"), or empty when the key is new. Packed into 64 bits when the
  /// id is a number below 2^40 (every ICEWS release so far), else kept as text.
  std::string seen_before(std::string_view event_id, const graph::Date& date, std::size_t line) {
    const auto here = std::pair{static_cast<std::uint32_t>(files_.size() - 1), line};
    const auto numeric = detail::parse_integer(event_id);
    std::pair<std::uint32_t, std::size_t>* seen = nullptr;
    bool inserted = false;
    if (numeric && *numeric >= 0 && *numeric < (std::int64_t{1} << 40)) {
      const auto day = static_cast<std::uint64_t>(date.first_day() + (1 << 23)) & 0xFFFFFF;
      auto [it, ins] =
          numeric_keys_.emplace((static_cast<std::uint64_t>(*numeric) << 24) | day, here);
      seen = &it->second;
      inserted = ins;
    } else {
      auto [it, ins] =
          other_keys_.emplace(fmt::format("{}\x1f{}", event_id, date.to_string()), here);
      seen = &it->second;
      inserted = ins;
    }
    if (inserted) return {};
    if (seen->first == here.first) return fmt::format("line {}", seen->second);
    return fmt::format("line {} of {}", seen->second, files_[seen->first]);
  }
  bool strict() const { return options_.strict; }

  /// A malformed row: listed and skipped, or a ParseError under --strict.
  void reject(std::size_t line, std::size_t column, const std::string& message) {
    if (options_.strict)
      throw ParseError(name_, line, column,
                       message + "; fix the row, or drop --strict to skip malformed rows");
    ++rejected_;
    if (result_.report.rejected.size() < kMaxRejectedListed)
      result_.report.rejected.push_back(
          ReportEntry{name_, line, message + (column ? fmt::format(" (column {})", column) : "")});
  }

  void count_row() { ++rows_; }
  void count_padded_code() { ++padded_codes_; }

  /// Whether the event passes the date, CAMEO, QuadClass and country filters (counted).
  bool keep(const Event& e, const Actor& a, const Actor& b) {
    const auto day = e.date.first_day();
    if ((from_day_ && day < *from_day_) || (to_day_ && day >= *to_day_)) {
      ++filtered_date_;
      return false;
    }
    const auto& ev = options_.events;
    if (!ev.cameo.empty() &&
        std::none_of(ev.cameo.begin(), ev.cameo.end(), [&](const std::string& c) {
          return std::string_view(e.cameo).starts_with(c);
        })) {
      ++filtered_cameo_;
      return false;
    }
    if (!ev.quad.empty() && std::find(ev.quad.begin(), ev.quad.end(), e.quad) == ev.quad.end()) {
      ++filtered_quad_;
      return false;
    }
    if (!countries_.empty() && !country_matches(a) && !country_matches(b)) {
      ++filtered_country_;
      return false;
    }
    if (a.empty() || b.empty()) {
      ++one_sided_;
      return false;
    }
    return true;
  }

  void add(const Event& e, const Actor& a, const Actor& b) {
    ++kept_;
    auto& g = result_.graph;
    graph::NodeIndex s = resolve(a, e.line);
    graph::NodeIndex t = resolve(b, e.line);
    ++node_events_[s];
    if (t != s) ++node_events_[t];
    const graph::SymbolId relation = relation_of(e);
    const bool directed = source_ != Source::Acled;
    if (aggregating()) {
      if (!directed && t < s) std::swap(s, t);
      std::int32_t period = 0;
      if (options_.events.aggregate == EventAggregate::DyadMonth)
        period = e.date.year() * 12 + e.date.month() - 1;
      else if (options_.events.aggregate == EventAggregate::DyadYear)
        period = e.date.year();
      const AggKey key{s, t, relation, period};
      // Each aggregate becomes an edge: stop before their count passes the edge limit (and
      // the 32-bit index kept here).
      if (aggs_.size() >= kLimits.edges && !agg_index_.count(key))
        detail::throw_too_many("edges", kLimits.edges, name_, e.line);
      auto [it, inserted] = agg_index_.emplace(key, static_cast<std::uint32_t>(aggs_.size()));
      if (inserted) aggs_.push_back(Aggregate{key, 0, 0, 0, 0, e.quad, e.date, e.date});
      Aggregate& agg = aggs_[it->second];
      ++agg.count;
      agg.goldstein_sum += e.goldstein;
      agg.mentions += e.mentions;
      agg.fatalities += e.fatalities;
      agg.first = std::min(agg.first, e.date);
      agg.last = std::max(agg.last, e.date);
      return;
    }
    graph::EdgeSpec spec;
    spec.source = s;
    spec.target = t;
    spec.relation = g.relations().name(relation);
    spec.directed = directed;
    spec.valid = graph::Interval{e.date, e.date.period_end()};
    detail::check_edge_room(g, name_, e.line);
    const auto edge = g.add_edge(spec);
    auto& attrs = g.edge_attributes();
    if (!e.event_id.empty()) attrs.set(col_event_id_, edge, std::string(e.event_id));
    if (!e.provenance.empty()) attrs.set(col_provenance_, edge, std::string(e.provenance));
    if (source_ != Source::Acled) {
      attrs.set(col_cameo_, edge, e.cameo);
      attrs.set(col_quad_, edge, std::int64_t{e.quad});
      attrs.set(col_goldstein_, edge, e.goldstein);
    }
    if (source_ == Source::Gdelt) {
      attrs.set(col_mentions_, edge, e.mentions);
      attrs.set(col_sources_, edge, e.sources);
      attrs.set(col_articles_, edge, e.articles);
      attrs.set(col_tone_, edge, e.tone);
    }
    if (source_ == Source::Acled) {
      attrs.set(col_event_type_, edge, std::string(e.event_type));
      if (!e.sub_event_type.empty())
        attrs.set(col_sub_event_type_, edge, std::string(e.sub_event_type));
      attrs.set(col_fatalities_, edge, e.fatalities);
    }
  }

  void finish() {
    auto& g = result_.graph;
    auto& report = result_.report;
    report.edge_rows += rows_;
    if (files_.size() > 1) {
      for (std::size_t f = 0; f < files_.size(); ++f)
        report.notes.push_back(
            ReportEntry{files_[f], 0, fmt::format("{} events read", per_file_.at(f))});
      name_ = fmt::format("{} files", files_.size());
    }
    const std::size_t folded = aggs_.size();
    if (aggregating()) materialise();
    if (rejected_ > report_listed())
      report.rejected.push_back(
          ReportEntry{name_, 0,
                      fmt::format("{} more rows rejected and not listed (only the first {} are)",
                                  rejected_ - report_listed(), kMaxRejectedListed)});
    auto note = [&](std::string message) {
      report.notes.push_back(ReportEntry{name_, 0, std::move(message)});
    };
    std::string kept = fmt::format("{} events read, {} kept", rows_, kept_);
    if (aggregating())
      kept += fmt::format(" and folded into {} edges ({})", folded, aggregate_name());
    note(fmt::format("{}; {} actors", kept, node_events_.size()));
    if (rejected_) note(fmt::format("{} malformed rows rejected (see rejected)", rejected_));
    if (filtered_date_)
      note(fmt::format("{} events outside --events-from/--events-to left out", filtered_date_));
    if (filtered_cameo_)
      note(fmt::format("{} events of other CAMEO codes than --cameo left out", filtered_cameo_));
    if (filtered_quad_)
      note(fmt::format("{} events of other QuadClasses than --quad left out", filtered_quad_));
    if (filtered_country_)
      note(fmt::format("{} events with no actor of --countries left out", filtered_country_));
    if (one_sided_)
      note(fmt::format("{} events name fewer than two actors: not ties, left out", one_sided_));
    if (padded_codes_)
      note(fmt::format("{} CAMEO codes had lost their leading zero (e.g. '42' read as '042')",
                       padded_codes_));
    if (conflicts_)
      note(
          fmt::format("{} actors appear with more than one code or country; each keeps the "
                      "first seen (first conflict: '{}', line {})",
                      conflicts_, first_conflict_, first_conflict_line_));
    if (aliases_) report_unmatched(g);
  }

 private:
  bool aggregating() const { return options_.events.aggregate != EventAggregate::None; }
  std::size_t report_listed() const { return std::min(rejected_, kMaxRejectedListed); }

  std::string_view aggregate_name() const {
    switch (options_.events.aggregate) {
      case EventAggregate::Dyad:
        return "dyad";
      case EventAggregate::DyadMonth:
        return "dyad-month";
      case EventAggregate::DyadYear:
        return "dyad-year";
      case EventAggregate::None:
        break;
    }
    return "none";
  }

  bool country_matches(const Actor& a) const {
    for (const auto field : {a.country, a.iso3}) {
      if (field.empty()) continue;
      for (const auto& c : countries_)
        if (detail::iequals(field, c)) return true;
    }
    return false;
  }

  graph::SymbolId relation_of(const Event& e) {
    auto& relations = result_.graph.relations();
    const bool root = options_.events.relation == EventRelation::Root;
    if (source_ != Source::Acled) {
      if (root) return relations.intern(cameo::root_relation(e.root));
      auto [it, inserted] = cameo_relations_.try_emplace(e.cameo, 0);
      if (inserted) {
        const auto* type = cameo::find_event(e.cameo);
        it->second = relations.intern(cameo::relation_word(type->name));
      }
      return it->second;
    }
    const std::string_view word =
        root || e.sub_event_type.empty() ? e.event_type : e.sub_event_type;
    auto it = text_relations_.find(word);
    if (it == text_relations_.end()) {
      std::string rel = cameo::relation_word(word);
      if (rel.empty()) rel = std::string(graph::kDefaultRelation);
      it = text_relations_.emplace(std::string(word), relations.intern(rel)).first;
    }
    return it->second;
  }

  graph::NodeIndex resolve(const Actor& a, std::size_t line) {
    // ACLED's country is the event's, not the actor's: it neither splits nor describes actors.
    const std::string_view country = source_ == Source::Acled ? std::string_view{} : a.country;
    key_.clear();
    key_.append(a.key_name()).append("\x1f").append(a.code).append("\x1f").append(country);
    if (const auto it = cache_.find(key_); it != cache_.end()) return it->second;

    auto& g = result_.graph;
    const std::string_view written = a.key_name();
    const AliasEntry* entry = aliases_ ? aliases_->find(written) : nullptr;
    const std::string id = entry ? entry->id : std::string(written);
    graph::NodeIndex n;
    if (const auto existing = g.find_node(id)) {
      n = *existing;
      const auto& stored_country = g.node_attribute(n, "country");
      const auto& stored_code = g.node_attribute(n, "code");
      const bool differs = (!country.empty() && !graph::is_missing(stored_country) &&
                            graph::format_value(stored_country) != country) ||
                           (!a.code.empty() && !graph::is_missing(stored_code) &&
                            graph::format_value(stored_code) != a.code);
      if (differs && conflicted_.insert(n).second) {
        if (conflicts_++ == 0) {
          first_conflict_ = id;
          first_conflict_line_ = line;
        }
      }
    } else {
      std::string kind = entry ? entry->kind : std::string();
      if (kind.empty()) kind = derive_kind(a);
      const std::string label =
          entry && !entry->label.empty() ? entry->label : std::string(written);
      detail::check_node_room(g, name_, line);
      n = g.add_node(id, label, kind);
      node_events_.push_back(0);
      matched_.push_back(entry != nullptr);
      if (source_ != Source::Acled) set_node(n, "country", a.country);
      if (source_ == Source::Gdelt) {
        set_node(n, "code", a.code);
        set_node(n, "known_group", a.known_group);
        std::vector<std::string> types;
        for (const auto t : a.types)
          if (!t.empty()) types.emplace_back(t);
        if (!types.empty()) set_node_value(n, "types", graph::AttrType::List, std::move(types));
      }
      if (source_ == Source::Icews && !a.sectors.empty())
        set_node_value(n, "sectors", graph::AttrType::List, split_list(a.sectors));
      if (source_ == Source::Acled) set_node(n, "inter", acled_inter_name(a.inter));
      if (entry) set_node(n, "side", entry->side);
    }
    cache_.emplace(key_, n);
    return n;
  }

  std::string derive_kind(const Actor& a) const {
    switch (source_) {
      case Source::Gdelt:
        return std::string(cameo::gdelt_actor_kind(a.code, a.country, a.known_group,
                                                   {a.types[0], a.types[1], a.types[2]}));
      case Source::Icews:
        return std::string(icews_kind(a));
      case Source::Acled:
        return std::string(acled_kind(a.inter));
    }
    return std::string(graph::kDefaultKind);
  }

  void set_node(graph::NodeIndex n, std::string_view name, std::string_view value) {
    if (!value.empty()) set_node_value(n, name, graph::AttrType::String, std::string(value));
  }

  void set_node_value(graph::NodeIndex n, std::string_view name, graph::AttrType type,
                      graph::Value value) {
    auto& attrs = result_.graph.node_attributes();
    attrs.set(attrs.declare(name, type), n, std::move(value));
  }

  void materialise() {
    auto& g = result_.graph;
    auto& attrs = g.edge_attributes();
    const auto col_count = attrs.declare("count", graph::AttrType::Integer);
    const auto col_first = attrs.declare("first", graph::AttrType::Date);
    const auto col_last = attrs.declare("last", graph::AttrType::Date);
    std::optional<std::size_t> col_goldstein, col_quad, col_mentions, col_fatalities;
    if (source_ != Source::Acled) {
      col_goldstein = attrs.declare("goldstein_mean", graph::AttrType::Real);
      col_quad = attrs.declare("quad_class", graph::AttrType::Integer);
    }
    if (source_ == Source::Gdelt)
      col_mentions = attrs.declare("mentions", graph::AttrType::Integer);
    if (source_ == Source::Acled)
      col_fatalities = attrs.declare("fatalities", graph::AttrType::Integer);
    g.reserve(g.node_count(), g.edge_count() + aggs_.size());
    for (const auto& agg : aggs_) {
      graph::EdgeSpec spec;
      spec.source = agg.key.source;
      spec.target = agg.key.target;
      spec.relation = g.relations().name(agg.key.relation);
      spec.directed = source_ != Source::Acled;
      spec.weight = static_cast<double>(agg.count);
      switch (options_.events.aggregate) {
        case EventAggregate::DyadMonth: {
          const auto month = graph::Date::year_month(agg.first.year(), agg.first.month());
          spec.valid = graph::Interval{month, month.period_end()};
          break;
        }
        case EventAggregate::DyadYear: {
          const auto year = graph::Date::year_only(agg.first.year());
          spec.valid = graph::Interval{year, year.period_end()};
          break;
        }
        default:
          spec.valid = graph::Interval{agg.first, agg.last.period_end()};
      }
      const auto e = g.add_edge(spec);
      attrs.set(col_count, e, agg.count);
      attrs.set(col_first, e, agg.first);
      attrs.set(col_last, e, agg.last);
      if (col_goldstein)
        attrs.set(*col_goldstein, e, agg.goldstein_sum / static_cast<double>(agg.count));
      if (col_quad) attrs.set(*col_quad, e, std::int64_t{agg.quad});
      if (col_mentions) attrs.set(*col_mentions, e, agg.mentions);
      if (col_fatalities) attrs.set(*col_fatalities, e, agg.fatalities);
    }
    aggs_.clear();
    agg_index_.clear();
  }

  void report_unmatched(const graph::Graph& g) {
    std::vector<graph::NodeIndex> unmatched;
    for (graph::NodeIndex n = 0; n < matched_.size(); ++n)
      if (!matched_[n]) unmatched.push_back(n);
    auto& notes = result_.report.notes;
    notes.push_back(ReportEntry{
        name_, 0,
        fmt::format("{} of {} actor names match no alias of {}: kept under their own names{}",
                    unmatched.size(), matched_.size(), aliases_->source(),
                    unmatched.empty() ? "" : " (most frequent first)")});
    std::sort(unmatched.begin(), unmatched.end(), [&](auto x, auto y) {
      if (node_events_[x] != node_events_[y]) return node_events_[x] > node_events_[y];
      return g.node(x).id < g.node(y).id;
    });
    for (std::size_t i = 0; i < unmatched.size() && i < kMaxUnmatchedListed; ++i)
      notes.push_back(ReportEntry{name_, 0,
                                  fmt::format("no alias: '{}' ({} events)", g.node(unmatched[i]).id,
                                              node_events_[unmatched[i]])});
    if (unmatched.size() > kMaxUnmatchedListed)
      notes.push_back(ReportEntry{name_, 0,
                                  fmt::format("no alias: {} more names not listed",
                                              unmatched.size() - kMaxUnmatchedListed)});
  }

  Source source_;
  const ImportOptions& options_;
  std::string name_;
  ImportResult& result_;
  std::vector<std::string> files_;
  std::vector<std::size_t> per_file_;
  std::size_t file_rows_ = 0;
  std::unordered_map<std::uint64_t, std::pair<std::uint32_t, std::size_t>> numeric_keys_;
  graph::StringMap<std::pair<std::uint32_t, std::size_t>> other_keys_;
  std::optional<AliasTable> aliases_;
  std::vector<std::string> countries_;
  std::optional<std::int32_t> from_day_, to_day_;

  std::size_t col_event_id_ = 0, col_provenance_ = 0, col_cameo_ = 0, col_quad_ = 0,
              col_goldstein_ = 0, col_mentions_ = 0, col_sources_ = 0, col_articles_ = 0,
              col_tone_ = 0, col_event_type_ = 0, col_sub_event_type_ = 0, col_fatalities_ = 0;

  std::string key_;
  graph::StringMap<graph::NodeIndex> cache_;
  std::vector<std::uint32_t> node_events_;  // by NodeIndex (nodes of this file only)
  std::vector<bool> matched_;
  std::unordered_set<graph::NodeIndex> conflicted_;
  std::unordered_map<std::string, graph::SymbolId> cameo_relations_;
  graph::StringMap<graph::SymbolId> text_relations_;
  std::unordered_map<AggKey, std::uint32_t, AggKeyHash> agg_index_;
  std::vector<Aggregate> aggs_;

  std::size_t rows_ = 0, kept_ = 0, rejected_ = 0, filtered_date_ = 0, filtered_cameo_ = 0,
              filtered_quad_ = 0, filtered_country_ = 0, one_sided_ = 0, padded_codes_ = 0,
              conflicts_ = 0, first_conflict_line_ = 0;
  std::string first_conflict_;
};

// Splits `line` on `delimiter` into `fields` (views into the line).
void split(std::string_view line, char delimiter, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t start = 0;
  for (;;) {
    const auto tab = line.find(delimiter, start);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return;
    }
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

// Calls `row(line_text, line_number)` for every non-blank line of the input.
template <typename Row>
void for_each_line(detail::ByteStream& input, const ImportOptions& options, Row&& row) {
  detail::RecordBlocks blocks(input, /*quoted=*/false, options.progress);
  std::string_view block;
  std::size_t line = 0;
  while (blocks.next(block, line)) {
    std::size_t start = 0;
    while (start < block.size()) {
      auto end = block.find('\n', start);
      if (end == std::string_view::npos) end = block.size();
      std::string_view text = block.substr(start, end - start);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (!text.empty()) row(text, line);
      ++line;
      start = end + 1;
    }
  }
}

std::size_t column_of(std::string_view line, std::string_view field) {
  return static_cast<std::size_t>(field.data() - line.data()) + 1;
}

// A row holding ill-formed UTF-8 is rejected like any other malformed row (listed, or an error
// under --strict): one bad byte in a dump of millions of events should not stop the import, and
// none reaches an id or a label. A header with one is an error.
// `row` starts at the beginning of physical line `line` (a record may span lines).
bool reject_bad_utf8(EventBuilder& builder, std::string_view row, std::size_t line) {
  const auto error = detail::utf8_error(row, builder.name(), line);
  if (error) builder.reject(error->line(), error->column(), error->message());
  return error.has_value();
}

// GDELT 2.0 column positions (0-based).
enum GdeltColumn : std::size_t {
  kGlobalEventId = 0,
  kDay = 1,
  kActor1 = 5,  // Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3
  kActor2 = 15,
  kEventCode = 26,
  kEventRootCode = 28,
  kQuadClass = 29,
  kGoldstein = 30,
  kNumMentions = 31,
  kNumSources = 32,
  kNumArticles = 33,
  kAvgTone = 34,
  kSourceUrl = 60,
  kGdeltColumns = 61,
};

Actor gdelt_actor(const std::vector<std::string_view>& f, std::size_t at) {
  Actor a;
  a.code = trim(f[at]);
  a.name = trim(f[at + 1]);
  a.country = trim(f[at + 2]);
  a.known_group = trim(f[at + 3]);
  a.types = {trim(f[at + 7]), trim(f[at + 8]), trim(f[at + 9])};
  return a;
}

}  // namespace

namespace {

void read_gdelt_file(detail::ByteStream& input, const ImportOptions& options,
                     EventBuilder& builder) {
  std::vector<std::string_view> f;
  Event e;
  for_each_line(input, options, [&](std::string_view line, std::size_t number) {
    builder.count_row();
    if (reject_bad_utf8(builder, line, number)) return;
    split(line, '\t', f);
    if (f.size() != kGdeltColumns) {
      builder.reject(
          number, 0,
          fmt::format("{} tab-separated fields where a GDELT 2.0 event has 61{}", f.size(),
                      f.size() == 57 || f.size() == 58
                          ? " (this looks like GDELT 1.0, which is not supported)"
                          : ""));
      return;
    }
    auto bad = [&](std::size_t c, std::string_view what, std::string_view expected) {
      builder.reject(number, column_of(line, f[c]),
                     fmt::format("{} '{}' is not {}", what, f[c], expected));
    };
    e = Event{};
    e.line = number;
    e.event_id = f[kGlobalEventId];
    if (!detail::parse_integer(e.event_id)) return bad(kGlobalEventId, "GlobalEventID", "a number");
    const auto day = events::parse_gdelt_day(f[kDay]);
    if (!day) return bad(kDay, "Day", "a date (YYYYMMDD)");
    e.date = *day;
    const auto root = detail::parse_integer(f[kEventRootCode]);
    if (!root || *root < 1 || *root > 20 || f[kEventRootCode].size() != 2)
      return bad(kEventRootCode, "EventRootCode", "a CAMEO root code (01-20)");
    e.root = static_cast<int>(*root);
    e.cameo = std::string(f[kEventCode]);
    if (!cameo::find_event(e.cameo)) return bad(kEventCode, "EventCode", "a CAMEO event code");
    if (!e.cameo.starts_with(f[kEventRootCode]))
      return bad(kEventCode, "EventCode", fmt::format("under EventRootCode {}", f[kEventRootCode]));
    const auto quad = detail::parse_integer(f[kQuadClass]);
    if (!quad || *quad < 1 || *quad > 4) return bad(kQuadClass, "QuadClass", "1, 2, 3 or 4");
    e.quad = static_cast<int>(*quad);
    const auto goldstein = detail::parse_double(f[kGoldstein]);
    if (!goldstein || !(std::fabs(*goldstein) <= 10))
      return bad(kGoldstein, "GoldsteinScale", "a number from -10 to 10");
    e.goldstein = *goldstein;
    std::int64_t* counts[3] = {&e.mentions, &e.sources, &e.articles};
    const std::string_view names[3] = {"NumMentions", "NumSources", "NumArticles"};
    for (std::size_t k = 0; k < 3; ++k) {
      const auto v = detail::parse_integer(f[kNumMentions + k]);
      if (!v || *v < 0) return bad(kNumMentions + k, names[k], "a count");
      *counts[k] = *v;
    }
    const auto tone = detail::parse_double(f[kAvgTone]);
    if (!tone || !std::isfinite(*tone)) return bad(kAvgTone, "AvgTone", "a number");
    e.tone = *tone;
    e.provenance = trim(f[kSourceUrl]);
    const Actor a = gdelt_actor(f, kActor1);
    const Actor b = gdelt_actor(f, kActor2);
    if (builder.keep(e, a, b)) builder.add(e, a, b);
  });
}

void read_icews_file(detail::ByteStream& input, const ImportOptions& options,
                     EventBuilder& builder) {
  std::vector<std::string_view> f;
  std::vector<std::string> header;
  struct Columns {
    std::optional<std::size_t> id, date, source, source_sectors, source_country, cameo, intensity,
        target, target_sectors, target_country, publisher;
  } c;
  Event e;
  for_each_line(input, options, [&](std::string_view line, std::size_t number) {
    if (header.empty()) {
      if (auto error = detail::utf8_error(line, builder.name(), number)) throw *error;
      split(line, '\t', f);
      for (const auto field : f)
        header.emplace_back(trim(field));
      auto find = [&](std::string_view name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < header.size(); ++i)
          if (detail::iequals(header[i], name)) return i;
        return std::nullopt;
      };
      c = Columns{find("Event ID"),       find("Event Date"),     find("Source Name"),
                  find("Source Sectors"), find("Source Country"), find("CAMEO Code"),
                  find("Intensity"),      find("Target Name"),    find("Target Sectors"),
                  find("Target Country"), find("Publisher")};
      std::vector<std::string> missing;
      const std::pair<std::optional<std::size_t>, const char*> required[] = {
          {c.id, "Event ID"},        {c.date, "Event Date"},  {c.source, "Source Name"},
          {c.target, "Target Name"}, {c.cameo, "CAMEO Code"}, {c.intensity, "Intensity"}};
      for (const auto& [col, name] : required)
        if (!col) missing.emplace_back(name);
      if (!missing.empty())
        throw ParseError(builder.name(), number, 0,
                         fmt::format("an ICEWS file's header names the columns {}; this one "
                                     "lacks {} (is it an ICEWS .tab file?)",
                                     "Event ID, Event Date, Source Name, Target Name, CAMEO Code "
                                     "and Intensity",
                                     fmt::join(missing, ", ")));
      return;
    }
    builder.count_row();
    if (reject_bad_utf8(builder, line, number)) return;
    split(line, '\t', f);
    if (f.size() != header.size()) {
      builder.reject(
          number, 0,
          fmt::format("{} tab-separated fields where the header has {}", f.size(), header.size()));
      return;
    }
    auto bad = [&](std::size_t col, std::string_view expected) {
      builder.reject(number, column_of(line, f[col]),
                     fmt::format("{} '{}' is not {}", header[col], f[col], expected));
    };
    auto get = [&](std::optional<std::size_t> col) -> std::string_view {
      return col ? trim(f[*col]) : std::string_view{};
    };
    e = Event{};
    e.line = number;
    e.event_id = get(c.id);
    if (e.event_id.empty()) return bad(*c.id, "an event id");
    const auto date = graph::Date::parse(get(c.date));
    if (!date || date->precision() != graph::DatePrecision::Day || get(c.date).size() != 10)
      return bad(*c.date, "a date (YYYY-MM-DD)");
    e.date = *date;
    const auto code = events::normalise_cameo_code(get(c.cameo));
    if (!code) return bad(*c.cameo, "a CAMEO event code");
    if (*code != get(c.cameo)) builder.count_padded_code();
    e.cameo = *code;
    e.root = *cameo::root_of(e.cameo);
    e.quad = cameo::quad_class_of_root(e.root);
    const auto intensity = detail::parse_double(get(c.intensity));
    if (!intensity || !(std::fabs(*intensity) <= 10))
      return bad(*c.intensity, "a number from -10 to 10");
    e.goldstein = *intensity;
    e.provenance = get(c.publisher);
    Actor a, b;
    a.name = get(c.source);
    a.sectors = get(c.source_sectors);
    a.country = get(c.source_country);
    b.name = get(c.target);
    b.sectors = get(c.target_sectors);
    b.country = get(c.target_country);
    if (!builder.keep(e, a, b)) return;
    if (const auto before = builder.seen_before(e.event_id, e.date, number); !before.empty()) {
      builder.reject(number, 0,
                     fmt::format("duplicate event: Event ID {} on {} was read at {}", e.event_id,
                                 e.date.to_string(), before));
      return;
    }
    builder.add(e, a, b);
  });
  if (header.empty())
    throw ParseError(builder.name(), 0, 0, "the file is empty; an ICEWS file starts with a header");
}

void read_acled_file(detail::ByteStream& input, const ImportOptions& options,
                     EventBuilder& builder) {
  detail::RecordBlocks blocks(input, /*quoted=*/true, options.progress);
  std::vector<std::string> header;
  struct Columns {
    std::optional<std::size_t> id, date, type, sub_type, actor1, actor2, inter1, inter2, country,
        iso3, fatalities, source;
  } c;
  std::vector<CsvField> fields;
  std::string_view block;
  std::size_t first_line = 0;
  Event e;
  while (blocks.next(block, first_line)) {
    CsvTokenizer tokenizer(block, 0, first_line, ',', "", builder.name());
    // The record's bytes as in the file (before unquoting), from the start of its line.
    std::size_t from = 0, from_line = first_line;
    while (tokenizer.next(fields)) {
      const std::size_t number = tokenizer.record_line();
      const auto raw = block.substr(from, tokenizer.offset() - from);
      const auto raw_line = from_line;
      from = tokenizer.offset();
      from_line = tokenizer.line();
      if (header.empty()) {
        if (auto error = detail::utf8_error(raw, builder.name(), raw_line)) throw *error;
        for (const auto& field : fields)
          header.emplace_back(trim(field.text));
        auto find =
            [&](std::initializer_list<std::string_view> names) -> std::optional<std::size_t> {
          for (const auto name : names)
            for (std::size_t i = 0; i < header.size(); ++i)
              if (detail::iequals(header[i], name)) return i;
          return std::nullopt;
        };
        c = Columns{find({"event_id_cnty", "data_id", "event_id"}),
                    find({"event_date"}),
                    find({"event_type"}),
                    find({"sub_event_type"}),
                    find({"actor1"}),
                    find({"actor2"}),
                    find({"inter1"}),
                    find({"inter2"}),
                    find({"country"}),
                    find({"iso3"}),
                    find({"fatalities"}),
                    find({"source"})};
        std::vector<std::string> missing;
        const std::pair<std::optional<std::size_t>, const char*> required[] = {
            {c.date, "event_date"},
            {c.type, "event_type"},
            {c.actor1, "actor1"},
            {c.actor2, "actor2"},
            {c.fatalities, "fatalities"}};
        for (const auto& [col, name] : required)
          if (!col) missing.emplace_back(name);
        if (!missing.empty())
          throw ParseError(builder.name(), number, 0,
                           fmt::format("an ACLED file's header names event_date, event_type, "
                                       "actor1, actor2 and fatalities; this one lacks {}",
                                       fmt::join(missing, ", ")));
        continue;
      }
      builder.count_row();
      if (reject_bad_utf8(builder, raw, raw_line)) continue;
      if (fields.size() != header.size()) {
        builder.reject(number, 0,
                       fmt::format("{} fields where the header has {}; quote cells holding "
                                   "commas",
                                   fields.size(), header.size()));
        continue;
      }
      auto get = [&](std::optional<std::size_t> col) -> std::string_view {
        return col ? trim(fields[*col].text) : std::string_view{};
      };
      auto bad = [&](std::size_t col, std::string_view expected) {
        builder.reject(number, fields[col].column,
                       fmt::format("{} '{}' is not {}", header[col], fields[col].text, expected));
      };
      e = Event{};
      e.line = number;
      e.event_id = get(c.id);
      const auto date = events::parse_acled_date(get(c.date));
      if (!date) {
        bad(*c.date, "a date (YYYY-MM-DD or 31 January 2020)");
        continue;
      }
      e.date = *date;
      e.event_type = get(c.type);
      if (e.event_type.empty()) {
        bad(*c.type, "an event type");
        continue;
      }
      e.sub_event_type = get(c.sub_type);
      const auto fatalities = detail::parse_integer(get(c.fatalities));
      if (!fatalities || *fatalities < 0) {
        bad(*c.fatalities, "a count");
        continue;
      }
      e.fatalities = *fatalities;
      e.provenance = get(c.source);
      Actor a, b;
      a.name = get(c.actor1);
      b.name = get(c.actor2);
      a.inter = get(c.inter1);
      b.inter = get(c.inter2);
      a.country = b.country = get(c.country);
      a.iso3 = b.iso3 = get(c.iso3);
      if (builder.keep(e, a, b)) builder.add(e, a, b);
    }
  }
  if (header.empty())
    throw ParseError(builder.name(), 0, 0, "the file is empty; an ACLED file starts with a header");
}

}  // namespace

ImportResult read_event_files(InputFormat format, const std::vector<std::string>& paths,
                              const ImportOptions& options) {
  const Source source = format == InputFormat::Gdelt   ? Source::Gdelt
                        : format == InputFormat::Icews ? Source::Icews
                                                       : Source::Acled;
  ImportResult result;
  EventBuilder builder(source, options, result);
  for (const auto& path : paths) {
    detail::ByteStream input(path);
    builder.begin_file(input.name());
    if (source == Source::Gdelt) read_gdelt_file(input, options, builder);
    if (source == Source::Icews) read_icews_file(input, options, builder);
    if (source == Source::Acled) read_acled_file(input, options, builder);
    builder.end_file();
  }
  builder.finish();
  return result;
}

ImportResult read_gdelt(const std::string& path, const ImportOptions& options) {
  return read_event_files(InputFormat::Gdelt, {path}, options);
}
ImportResult read_icews(const std::string& path, const ImportOptions& options) {
  return read_event_files(InputFormat::Icews, {path}, options);
}
ImportResult read_acled(const std::string& path, const ImportOptions& options) {
  return read_event_files(InputFormat::Acled, {path}, options);
}

bool is_event_format(InputFormat format) {
  return format == InputFormat::Gdelt || format == InputFormat::Icews ||
         format == InputFormat::Acled;
}

std::optional<InputFormat> sniff_event_format(const std::string& path) {
  std::string line;
  try {
    line = detail::first_line(path);
  } catch (const std::exception&) {
    return std::nullopt;  // the CSV reader reports what is wrong with the file
  }
  std::vector<std::string_view> f;
  split(line, '\t', f);
  if (f.size() == kGdeltColumns && detail::parse_integer(f[kGlobalEventId]) &&
      events::parse_gdelt_day(f[kDay]))
    return InputFormat::Gdelt;
  auto has = [&](std::string_view name) {
    return std::any_of(f.begin(), f.end(),
                       [&](std::string_view c) { return detail::iequals(trim(c), name); });
  };
  if (has("Event ID") && has("Source Name") && has("Target Name")) return InputFormat::Icews;
  split(line, ',', f);
  for (auto& c : f) {
    c = trim(c);
    if (c.size() >= 2 && c.front() == '"' && c.back() == '"') c = c.substr(1, c.size() - 2);
  }
  if (has("event_date") && has("actor1") && has("actor2") && !(has("source") && has("target")))
    return InputFormat::Acled;
  return std::nullopt;
}

}  // namespace actornet::importers
