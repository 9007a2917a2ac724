// Scenario files: dated interventions for `actornet scenario`, in YAML or JSON.
//
// Schema (YAML shown; JSON has the same structure with the same keys):
//
//   name: Change of U.S. administration          # optional
//   description: The 20 January 2025 transition   # optional
//   interventions:                                # required, a list of entries
//     - type: end_tenure                          # the person leaves the position(s)
//       person: blinken                           # node id (`node` is accepted too)
//       position: pos_us_secretary_of_state       # optional: every office when absent
//       date: 2025-01-20
//     - type: remove                              # the node is gone from the date on
//       node: lighthizer
//       date: 2025-03-01
//     - type: suspend                             # the node is gone in [from, until)
//       node: us_cbp
//       from: 2025-02-01
//       until: 2025-04-01
//     - type: drop_relation                       # every edge of the relation is gone
//       relation: met_with
//       date: 2025-01-20
//       until: 2025-06-01                         # optional: for good when absent
//     - type: add_tie                             # a hypothetical edge from the date on
//       source: wang_xiaohong
//       target: trump
//       relation: called
//       date: 2025-02-15
//       until: 2025-03-01                         # optional
//       directed: false                           # optional, default false
//       weight: 1                                 # optional, default 1
//       id: hypothetical_call                     # optional edge id, default scenario:<entry>
//       note: a call that did not happen          # optional on every entry: shown as reason
//
// Dates are YYYY, YYYY-MM or YYYY-MM-DD (quoted or not; a YAML date stays text). `from` is
// the same field as `date` (either name, not both). Every entry is checked here for its shape:
// a known type, the fields its type needs and no others, dates that parse, `until` after the
// date (required for suspend); whether the ids exist in the graph is checked by the analysis,
// whose messages name the entry through Intervention::origin ("FILE entry N (line L)"; JSON
// entries have no line: nlohmann keeps no positions).
#pragma once

#include <string>
#include <string_view>

#include "graph/scenario.hpp"

namespace actornet::importers {

/// Reads a scenario file: YAML for `.yaml`/`.yml`, JSON for `.json` (anything else is an
/// InputError). Throws ParseError{file, line, column, message} for malformed YAML or JSON and
/// for an entry that breaks the schema above (line 0 in JSON, with the entry number in the
/// message). Time: linear in the file size.
graph::Scenario read_scenario_file(const std::string& path);

/// The same from text already in memory; `path` names it in messages, `yaml` picks the parser.
graph::Scenario parse_scenario(std::string_view text, const std::string& path, bool yaml);

}  // namespace actornet::importers
