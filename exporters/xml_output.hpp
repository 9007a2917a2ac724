// Pieces shared by the XML writers (GEXF, GraphML). Internal to exporters/.
#pragma once

#include <pugixml.hpp>
#include <string>

#include "graph/attributes.hpp"

namespace actornet::exporters::xml {

/// The document as UTF-8 text with an `<?xml version="1.0" encoding="UTF-8"?>` declaration,
/// indented by two spaces, ending in a newline. Text and attribute values are escaped by
/// pugixml (`&`, `<`, `>`, `"`; tab, LF and CR in attributes as character references) and a
/// CR in element text is written `&#13;`, so every character XML 1.0 holds reads back as
/// written; the document must hold no other character (see detail::FittedGraph with
/// Unholdable::Xml, which the XML writers apply first).
std::string to_text(const pugi::xml_document& doc);

/// A real as XML Schema's xsd:double writes it: shortest round-trip form, `INF`, `-INF`, `NaN`.
std::string xsd_real(double value);

/// An attribute value as text: integers in decimal, reals as xsd_real, booleans `true`/`false`,
/// dates at their precision, lists with `|` between items, strings as they are.
std::string value_text(const graph::Value& value);

/// ISO `YYYY-MM-DD` of the day `days` after 1970-01-01 (proleptic Gregorian).
std::string iso_day(std::int32_t days);

}  // namespace actornet::exporters::xml
