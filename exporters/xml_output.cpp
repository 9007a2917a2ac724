#include "exporters/xml_output.hpp"

#include <cmath>
#include <sstream>

#include <fmt/format.h>

namespace actornet::exporters::xml {

std::string to_text(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
  // pugixml writes a carriage return in element text as the raw byte, which every XML reader
  // turns into a line feed (XML 1.0, 2.11 End-of-Line Handling). Only element text can hold
  // one here (attribute values get `&#13;`, indentation is LF, and no UTF-8 sequence holds
  // the byte 0x0D), so each becomes the character reference that keeps it.
  std::string text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  for (char c : out.str()) {
    if (c == '\r')
      text += "&#13;";
    else
      text += c;
  }
  return text;
}

std::string xsd_real(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
  return fmt::format("{}", value);
}

std::string value_text(const graph::Value& value) {
  if (const auto* d = std::get_if<double>(&value)) return xsd_real(*d);
  return graph::format_value(value);
}

std::string iso_day(std::int32_t days) {
  // Howard Hinnant's civil_from_days.
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2 ? 1 : 0), m, d);
}

}  // namespace actornet::exporters::xml
