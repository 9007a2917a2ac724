// Event data: GDELT 2.0 events, ICEWS `.tab` files and ACLED CSV files, read as a stream into a
// typed multigraph of actors. The readers are declared in formats.hpp (read_gdelt,
// read_icews, read_acled); this header documents what they build and exposes the small
// parsers the tests check.
//
// Inputs
// - GDELT 2.0 events: 61 tab-separated columns, no header (GlobalEventID, Day, MonthYear,
//   Year, FractionDate, Actor1Code, Actor1Name, Actor1CountryCode, Actor1KnownGroupCode,
//   Actor1EthnicCode, Actor1Religion1Code, Actor1Religion2Code, Actor1Type1-3Code, the same ten
//   for Actor2, IsRootEvent, EventCode, EventBaseCode, EventRootCode, QuadClass,
//   GoldsteinScale, NumMentions, NumSources, NumArticles, AvgTone, three blocks of eight
//   geography columns (Actor1Geo, Actor2Geo, ActionGeo), DATEADDED, SOURCEURL), as the
//   `.export.CSV` file, gzipped, or the daily `.zip` read directly. GDELT 1.0 files (57 or
//   58 columns) are rejected row by row with a message saying so.
// - ICEWS: tab-separated with a header naming at least Event ID, Event Date (YYYY-MM-DD),
//   Source Name, Target Name, CAMEO Code and Intensity; Source/Target Sectors and Country,
//   Event Text, Publisher and Story ID are read when present. (Event ID, Event Date) is the
//   key: a second kept row with the same key is rejected as a duplicate. A CAMEO Code that lost
//   its leading zero ("42") is read as the code it must be ("042") and the report says so.
// - ACLED: CSV (RFC 4180) with a header naming at least event_date, event_type, actor1,
//   actor2 and fatalities; event_id_cnty (or data_id), sub_event_type, inter1, inter2,
//   country, iso3 and source are read when present. Dates are YYYY-MM-DD or "31 January
//   2020" (also with dashes, and three-letter months).
//
// What is built
// - One edge per kept event (`--aggregate none`), from the first actor to the second, directed
//   for GDELT and ICEWS (source acts on target), undirected for ACLED (actor1 and actor2 are
//   two sides of one event), valid for the event's day, weight 1. Relation: the CAMEO root as
//   a word (`consult`, `fight`...; see cameo.hpp) or, with EventRelation::Event, the event
//   itself (`make_a_visit`); for ACLED the event_type (`battles`) or sub_event_type
//   (`armed_clash`). Edge attributes: `event_id`, `provenance` (GDELT SOURCEURL, ICEWS
//   Publisher, ACLED source); GDELT and ICEWS: `cameo` (the code as text), `quad_class` (1-4:
//   verbal cooperation, material cooperation, verbal conflict, material conflict; from the
//   root for ICEWS), `goldstein` (GDELT GoldsteinScale, ICEWS Intensity: both on the
//   Goldstein scale, -10..10); GDELT: `mentions`, `sources`, `articles`, `tone`; ACLED:
//   `event_type`, `sub_event_type`, `fatalities`.
// - With aggregation, the kept events of one (source, target, relation) and period (all time,
//   calendar month or calendar year) become one edge, weight = number of events, in the order
//   their first event was read, with attributes `count`, `first` and `last` (dates of the
//   first and last event), `goldstein_mean` and `quad_class` (GDELT, ICEWS), `mentions`
//   (summed, GDELT), `fatalities` (summed, ACLED). Validity: from the first event's day to
//   the day after the last (`dyad`), or the whole month or year. ACLED pairs are unordered.
// - One node per actor. Its id is the actor's name as written (GDELT: Actor1Name, else
//   Actor1Code), or the id an alias table gives it (EventOptions::aliases; the report lists
//   every name no alias matched). Attributes: GDELT and ICEWS `country`; GDELT `code`,
//   `known_group`, `types` (a list of the type codes); ICEWS `sectors` (a list); ACLED
//   `inter` (the actor category; ACLED's country is the event's, used by --countries only);
//   `side` from the alias table. Kind: the alias table's, else derived: GDELT by
//   cameo::gdelt_actor_kind; ICEWS `country` when the name is the country, `agency` for a
//   generic actor "Sector (Country)" whose sector is a government body (government,
//   ministry, police, military, cabinet, parliament, court...), `group` for other generic
//   actors (Citizen (India)), `organization` for named actors with an organisation, media or
//   business sector, `person` for other named actors; ACLED by inter code (1 state forces
//   `agency`, 2-4 rebels and militias `armed_group`, 5-7 rioters, protesters, civilians
//   `group`, 8 external forces `other`). An actor seen with several codes or countries
//   keeps the first (the report counts them).
// - Events naming fewer than two actors (GDELT and ACLED have many) are not ties: they are
//   counted in the report, not imported.
//
// Filters (EventOptions) are applied while reading, before an event's actors are looked at, so
// memory grows with the actors and edges kept, not with the file: the input is read in blocks
// of about 4 MB. ICEWS adds a key per kept event for the duplicate check (about 40 bytes).
//
// Malformed rows (wrong number of fields, a bad date, a number that does not parse or is out
// of range, an unknown CAMEO code, a duplicate ICEWS key) are listed in the report's
// `rejected` with their line and skipped (the first 10,000 are listed, then a count), or, with
// ImportOptions::strict, stop the import with a ParseError at the first one.
#pragma once

#include <optional>
#include <string_view>

#include "graph/date.hpp"

namespace actornet::importers::events {

/// GDELT's Day: `YYYYMMDD`; nullopt for anything else or an impossible day.
std::optional<graph::Date> parse_gdelt_day(std::string_view text);

/// An ACLED event_date: `YYYY-MM-DD`, `31 January 2020`, `31-January-2020`, `31 Jan 2020`
/// (English month names, any case); nullopt otherwise.
std::optional<graph::Date> parse_acled_date(std::string_view text);

/// Restores a CAMEO code that lost its leading zero to a spreadsheet ("42" -> "042", "211" ->
/// "0211"): `code` itself when the taxonomy knows it, else "0" + code when that is a code,
/// else nullopt.
std::optional<std::string> normalise_cameo_code(std::string_view code);

}  // namespace actornet::importers::events
