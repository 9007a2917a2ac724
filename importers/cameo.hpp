// The CAMEO event taxonomy (Conflict and Mediation Event Observations, version 1.1b3, with the
// two codes ICEWS adds: 1213 and 1214) and the actor codes GDELT uses, as data for the event
// importers (events.hpp).
//
// Reference: Schrodt, P. A. (2012) CAMEO Conflict and Mediation Event Observations Event and
// Actor Codebook, version 1.1b3, Pennsylvania State University; the GDELT 2.0 Event Codebook
// (QuadClass); Boschee et al. (2015) ICEWS Coded Event Data (Event Text names).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actornet::importers::cameo {

/// One event code: `code` as written in the data ("042", "0211", "19"), and its name as ICEWS
/// writes it in Event Text ("Make a visit"; the codebook's "..., not specified below" suffix
/// is left out, so "040" is "Consult").
struct EventType {
  std::string_view code;
  std::string_view name;
};

/// Every event code of the taxonomy, root codes ("01".."20") included, in code order.
const std::vector<EventType>& event_types();

/// The entry for a code ("042"), or nullptr when the taxonomy has no such code.
const EventType* find_event(std::string_view code);

/// The code whose name is `text`, compared case-insensitively ("fight with small arms and
/// light weapons" finds "193"); nullopt when no name matches.
std::optional<std::string_view> code_for_name(std::string_view text);

/// The root (1..20) of a code: its first two digits; nullopt when the code is not in the
/// taxonomy.
std::optional<int> root_of(std::string_view code);

/// The root's name, e.g. 4 -> "Consult", 14 -> "Protest"; empty outside 1..20.
std::string_view root_name(int root);

/// The root's name as a relation word: lower case, spaces as underscores ("consult",
/// "make_public_statement", "use_unconventional_mass_violence"); empty outside 1..20.
std::string_view root_relation(int root);

/// The QuadClass of a root, as GDELT defines it: 1 verbal cooperation (roots 01-05),
/// 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20);
/// 0 outside 1..20.
int quad_class_of_root(int root);

/// `verbal_cooperation`, `material_cooperation`, `verbal_conflict`, `material_conflict` for
/// 1..4; empty otherwise.
std::string_view quad_class_name(int quad_class);

/// A name as a relation word: lower case ASCII, every run of other characters one underscore,
/// none at either end ("Make a visit" -> "make_a_visit", "Explosions/Remote violence" ->
/// "explosions_remote_violence"). Non-ASCII bytes are kept as they are.
std::string relation_word(std::string_view name);

/// The actor kind GDELT's actor codes imply: `agency` for government bodies (type GOV, MIL,
/// COP, JUD, LEG, SPY), `organization` for IGO and NGO types or any known-group code,
/// `business` for BUS and MNC, `armed_group` for REB, INS, SEP, UAF, `group` for any other
/// type code, `country` for an actor whose code is just its country code, `other` otherwise.
/// GDELT does not code persons: a named official is coded by role (GOV), so reads as agency.
std::string_view gdelt_actor_kind(std::string_view code, std::string_view country,
                                  std::string_view known_group,
                                  const std::vector<std::string_view>& type_codes);

}  // namespace actornet::importers::cameo
