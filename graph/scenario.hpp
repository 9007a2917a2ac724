// A what-if scenario: dated interventions on a Graph (end a tenure, remove or suspend a node,
// drop a relation type, add a hypothetical tie). importers/scenario_file reads them from YAML
// or JSON; analyses/scenario evaluates them. Plain data: the meaning of each intervention is
// documented in analyses/scenario.hpp, the file schema in importers/scenario_file.hpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/date.hpp"

namespace actornet::graph {

enum class InterventionType { EndTenure, Remove, Suspend, DropRelation, AddTie };

/// The name used in scenario files: `end_tenure`, `remove`, `suspend`, `drop_relation`,
/// `add_tie`.
inline std::string_view to_string(InterventionType type) {
  switch (type) {
    case InterventionType::EndTenure:
      return "end_tenure";
    case InterventionType::Remove:
      return "remove";
    case InterventionType::Suspend:
      return "suspend";
    case InterventionType::DropRelation:
      return "drop_relation";
    case InterventionType::AddTie:
      return "add_tie";
  }
  return "?";
}

/// One dated intervention. Which fields are used depends on `type`:
///   end_tenure    node (the person), position (optional: all offices when empty), date
///   remove        node, date
///   suspend       node, date (from), until (required, after date)
///   drop_relation relation, date, until (optional)
///   add_tie       source, target, relation, date, until (optional), directed, weight, id
///                 (optional edge id; `scenario:<entry>` when empty)
struct Intervention {
  InterventionType type = InterventionType::Remove;
  std::string node;
  std::string position;
  std::string relation;
  std::string source;
  std::string target;
  std::string id;
  bool directed = false;
  double weight = 1.0;
  Date date = Date::from_ymd(1970, 1, 1);  ///< when it takes effect (suspend: `from`)
  std::optional<Date> until;               ///< when it stops (exclusive); open when empty
  std::string note;                        ///< free text from the file, shown as the reason
  /// Where it comes from, for messages and reports: "FILE entry N (line L)", or the flag
  /// that generated it (`--transition 2025-01-20`).
  std::string origin;
  /// 1-based position in its file; 0 for an intervention generated from a flag. Reports name
  /// a file's interventions by entry number, generated ones by origin.
  std::size_t entry = 0;
};

/// A scenario: a name, a description and its interventions in file order.
struct Scenario {
  std::string name;
  std::string description;
  std::vector<Intervention> interventions;
};

}  // namespace actornet::graph
