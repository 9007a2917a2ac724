#include "importers/scenario_file.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/errors.hpp"
#include "importers/limits.hpp"
#include "importers/reader_support.hpp"
#include "importers/text_source.hpp"

namespace actornet::importers {
namespace {

using graph::Date;
using graph::Intervention;
using graph::InterventionType;

// Both parsers produce the same flat shape: top-level scalars and a list of entries, each a
// map from key to scalar text with the line it stands on (0 when unknown), so the schema is
// checked once for both formats.
struct Scalar {
  std::string text;
  std::size_t line = 0;
};

struct RawEntry {
  std::size_t number = 0;  ///< 1-based position in the list
  std::size_t line = 0;
  std::map<std::string, Scalar> fields;
};

struct RawScenario {
  std::map<std::string, Scalar> top;
  std::vector<RawEntry> entries;
  std::size_t entries_line = 0;
  bool has_entries = false;
};

// ------------------------------------------------------------------------------ YAML

// A first pass over yaml-cpp's events that refuses collections nested deeper than
// Limits::nesting_depth before YAML::Load builds the tree: yaml-cpp's parser recurses per
// level, and its own guard (2000 levels) only says "bad file".
class DepthCheck : public YAML::EventHandler {
 public:
  explicit DepthCheck(const std::string& path) : path_(path) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark);
  }
  void OnMapEnd() override { --depth_; }

 private:
  void open(const YAML::Mark& mark) {
    if (++depth_ <= kLimits.nesting_depth) return;
    throw ParseError(path_, mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : 0,
                     mark.column >= 0 ? static_cast<std::size_t>(mark.column) + 1 : 0,
                     fmt::format("YAML collections nested more than {} levels deep; actornet "
                                 "reads at most {} levels (see Limits in README.md), and a "
                                 "scenario needs three",
                                 kLimits.nesting_depth, kLimits.nesting_depth));
  }

  const std::string& path_;
  std::size_t depth_ = 0;
};

RawScenario read_yaml(std::string_view text, const std::string& path) {
  YAML::Node root;
  try {
    {
      std::istringstream in{std::string(text)};
      YAML::Parser parser(in);
      DepthCheck check(path);
      parser.HandleNextDocument(check);  // the document YAML::Load reads: the first
    }
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw ParseError(path, static_cast<std::size_t>(e.mark.line) + 1,
                     static_cast<std::size_t>(e.mark.column) + 1, "malformed YAML: " + e.msg);
  }
  auto line_of = [](const YAML::Node& n) {
    const auto mark = n.Mark();
    return mark.line >= 0 ? static_cast<std::size_t>(mark.line) + 1 : std::size_t{0};
  };
  if (!root.IsMap())
    throw ParseError(path, line_of(root), 0,
                     "a scenario file is a mapping with an 'interventions' list (see "
                     "'actornet scenario --help')");
  RawScenario raw;
  for (const auto& item : root) {
    const auto key = item.first.Scalar();
    const auto& value = item.second;
    if (key == "interventions") {
      raw.has_entries = true;
      raw.entries_line = line_of(item.first);
      if (value.IsNull()) continue;
      if (!value.IsSequence())
        throw ParseError(path, line_of(value), 0, "'interventions' must be a list of entries");
      std::size_t number = 0;
      for (const auto& entry : value) {
        ++number;
        if (!entry.IsMap())
          throw ParseError(path, line_of(entry), 0,
                           fmt::format("entry {}: an intervention is a mapping of fields "
                                       "(type, date, ...)",
                                       number));
        RawEntry e{number, line_of(entry), {}};
        for (const auto& field : entry) {
          const auto name = field.first.Scalar();
          if (!field.second.IsScalar() && !field.second.IsNull())
            throw ParseError(
                path, line_of(field.second), 0,
                fmt::format("entry {}: field '{}' must be a single value", number, name));
          if (field.second.IsNull()) continue;
          e.fields[name] = {field.second.Scalar(), line_of(field.first)};
        }
        raw.entries.push_back(std::move(e));
      }
    } else {
      if (!value.IsScalar() && !value.IsNull())
        throw ParseError(path, line_of(value), 0,
                         fmt::format("top-level field '{}' must be a single value", key));
      raw.top[key] = {value.IsNull() ? std::string() : value.Scalar(), line_of(item.first)};
    }
  }
  return raw;
}

// ------------------------------------------------------------------------------ JSON

std::string json_scalar(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  return v.dump();  // numbers and booleans in their JSON spelling
}

RawScenario read_json(std::string_view text, const std::string& path) {
  detail::check_json_depth(text, path);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into line and column.
    const auto offset = std::min<std::size_t>(e.byte, text.size());
    const auto before = text.substr(0, offset > 0 ? offset - 1 : 0);
    const auto line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const auto last_newline = before.rfind('\n');
    const auto column =
        last_newline == std::string_view::npos ? before.size() + 1 : before.size() - last_newline;
    std::string message = e.what();
    if (const auto colon = message.find("parse error"); colon != std::string::npos)
      message = message.substr(colon);
    throw ParseError(path, line, column, "malformed JSON: " + message);
  } catch (const nlohmann::json::out_of_range& e) {
    const auto at = detail::json_overflow_position(text, e.what());
    throw ParseError(path, at.line, at.column,
                     "malformed JSON: a number is beyond the range of a double");
  }
  if (!root.is_object())
    throw ParseError(path, 0, 0,
                     "a scenario file is an object with an \"interventions\" array (see "
                     "'actornet scenario --help')");
  RawScenario raw;
  for (const auto& [key, value] : root.items()) {
    if (key == "interventions") {
      raw.has_entries = true;
      if (value.is_null()) continue;
      if (!value.is_array())
        throw ParseError(path, 0, 0, "\"interventions\" must be an array of entries");
      std::size_t number = 0;
      for (const auto& entry : value) {
        ++number;
        if (!entry.is_object())
          throw ParseError(path, 0, 0,
                           fmt::format("entry {}: an intervention is an object of fields "
                                       "(type, date, ...)",
                                       number));
        RawEntry e{number, 0, {}};
        for (const auto& [name, field] : entry.items()) {
          if (field.is_null()) continue;
          if (field.is_object() || field.is_array())
            throw ParseError(
                path, 0, 0,
                fmt::format("entry {}: field '{}' must be a single value", number, name));
          e.fields[name] = {json_scalar(field), 0};
        }
        raw.entries.push_back(std::move(e));
      }
    } else {
      if (value.is_object() || value.is_array())
        throw ParseError(path, 0, 0,
                         fmt::format("top-level field '{}' must be a single value", key));
      raw.top[key] = {value.is_null() ? std::string() : json_scalar(value), 0};
    }
  }
  return raw;
}

// ------------------------------------------------------------------------------ schema

struct TypeSchema {
  InterventionType type;
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};

const std::vector<TypeSchema>& schemas() {
  static const std::vector<TypeSchema> kSchemas{
      {InterventionType::EndTenure, {"person", "date"}, {"position"}},
      {InterventionType::Remove, {"node", "date"}, {}},
      {InterventionType::Suspend, {"node", "date", "until"}, {}},
      {InterventionType::DropRelation, {"relation", "date"}, {"until"}},
      {InterventionType::AddTie,
       {"source", "target", "relation", "date"},
       {"until", "directed", "weight", "id"}},
  };
  return kSchemas;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class EntryReader {
 public:
  EntryReader(const std::string& path, RawEntry& entry) : path_(path), entry_(entry) {}

  [[noreturn]] void fail(std::size_t line, const std::string& message) const {
    throw ParseError(path_, line ? line : entry_.line, 0,
                     fmt::format("entry {}: {}", entry_.number, message));
  }

  Intervention read() {
    // Aliases: `from` for `date`, `node` for end_tenure's `person`.
    alias("from", "date");
    const auto type_field = entry_.fields.find("type");
    if (type_field == entry_.fields.end())
      fail(0, "no 'type'; give one of end_tenure, remove, suspend, drop_relation, add_tie");
    const TypeSchema* schema = nullptr;
    for (const auto& s : schemas())
      if (graph::to_string(s.type) == type_field->second.text) schema = &s;
    if (!schema)
      fail(type_field->second.line,
           fmt::format("unknown type '{}'; use end_tenure, remove, suspend, drop_relation or "
                       "add_tie",
                       type_field->second.text));
    if (schema->type == InterventionType::EndTenure) alias("node", "person");

    for (const auto& [name, value] : entry_.fields) {
      if (name == "type" || name == "note") continue;
      const auto& s = *schema;
      if (std::find(s.required.begin(), s.required.end(), name) == s.required.end() &&
          std::find(s.optional.begin(), s.optional.end(), name) == s.optional.end())
        fail(value.line,
             fmt::format("{} takes no field '{}'; its fields are {}{}{}", graph::to_string(s.type),
                         name, fmt::join(s.required, ", "), s.optional.empty() ? "" : ", optional ",
                         fmt::join(s.optional, ", ")));
    }
    for (const auto& name : schema->required)
      if (!entry_.fields.count(std::string(name)))
        fail(0, fmt::format("{} needs a field '{}'", graph::to_string(schema->type), name));

    Intervention iv;
    iv.type = schema->type;
    iv.entry = entry_.number;
    iv.origin = entry_.line
                    ? fmt::format("{} entry {} (line {})", path_, entry_.number, entry_.line)
                    : fmt::format("{} entry {}", path_, entry_.number);
    iv.node = text("person").empty() ? text("node") : text("person");
    iv.position = text("position");
    iv.relation = text("relation");
    iv.source = text("source");
    iv.target = text("target");
    iv.id = text("id");
    iv.note = text("note");
    iv.date = date("date");
    if (entry_.fields.count("until")) {
      iv.until = date("until");
      if (iv.until->first_day() <= iv.date.first_day())
        fail(entry_.fields.at("until").line,
             fmt::format("until {} is not after {} {}; the period [from, until) would be empty",
                         iv.until->to_string(), spelled_.count("date") ? "from" : "date",
                         iv.date.to_string()));
    }
    if (entry_.fields.count("directed")) {
      const auto& f = entry_.fields.at("directed");
      const auto v = lower(f.text);
      if (v == "true" || v == "yes")
        iv.directed = true;
      else if (v == "false" || v == "no")
        iv.directed = false;
      else
        fail(f.line, fmt::format("directed '{}' is not true or false", f.text));
    }
    if (entry_.fields.count("weight")) {
      const auto& f = entry_.fields.at("weight");
      double w = 0.0;
      const auto* end = f.text.data() + f.text.size();
      const auto [ptr, ec] = std::from_chars(f.text.data(), end, w);
      if (ec != std::errc{} || ptr != end || !std::isfinite(w) || w < 0.0)
        fail(f.line, fmt::format("weight '{}' is not a finite number >= 0", f.text));
      iv.weight = w;
    }
    for (const auto* name : {"person", "node", "position", "relation", "source", "target"})
      if (entry_.fields.count(name) && entry_.fields.at(name).text.empty())
        fail(entry_.fields.at(name).line, fmt::format("'{}' is empty", name));
    return iv;
  }

 private:
  void alias(const std::string& other, const std::string& name) {
    auto it = entry_.fields.find(other);
    if (it == entry_.fields.end()) return;
    if (entry_.fields.count(name))
      fail(it->second.line,
           fmt::format("both '{}' and '{}' are given; they are the same field", other, name));
    entry_.fields[name] = it->second;
    entry_.fields.erase(it);
    spelled_[name] = other;
  }

  std::string text(const std::string& name) const {
    auto it = entry_.fields.find(name);
    return it == entry_.fields.end() ? std::string() : it->second.text;
  }

  Date date(const std::string& name) const {
    const auto& f = entry_.fields.at(name);
    auto d = Date::parse(f.text);
    if (!d || f.text.find('T') != std::string::npos)
      fail(f.line, fmt::format("{} '{}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                               spelled_.count(name) ? spelled_.at(name) : name, f.text));
    return *d;
  }

  const std::string& path_;
  RawEntry& entry_;
  std::map<std::string, std::string> spelled_;  ///< field -> the alias the file used
};

}  // namespace

graph::Scenario parse_scenario(std::string_view text, const std::string& path, bool yaml) {
  // YAML may also be UTF-16 or UTF-32, told by a byte-order mark or a zero byte among the first
  // two (YAML 1.2, section 5.2), which yaml-cpp converts; nlohmann-json reads only UTF-8.
  const bool wide = yaml && (text.starts_with("\xFE\xFF") || text.starts_with("\xFF\xFE") ||
                             text.substr(0, 2).find('\0') != std::string_view::npos);
  if (!wide) detail::check_utf8(text, path);
  auto raw = yaml ? read_yaml(text, path) : read_json(text, path);
  for (const auto& [key, value] : raw.top)
    if (key != "name" && key != "description")
      throw ParseError(path, value.line, 0,
                       fmt::format("unknown top-level field '{}'; a scenario has name, "
                                   "description and interventions",
                                   key));
  if (!raw.has_entries)
    throw ParseError(path, 0, 0, "no 'interventions' list; see 'actornet scenario --help'");
  graph::Scenario scenario;
  if (raw.top.count("name")) scenario.name = raw.top.at("name").text;
  if (raw.top.count("description")) scenario.description = raw.top.at("description").text;
  for (auto& entry : raw.entries)
    scenario.interventions.push_back(EntryReader(path, entry).read());
  if (scenario.interventions.empty())
    throw ParseError(path, raw.entries_line, 0,
                     "'interventions' is empty; list at least one intervention");
  return scenario;
}

graph::Scenario read_scenario_file(const std::string& path) {
  const auto dot = path.rfind('.');
  const auto ext = dot == std::string::npos ? std::string() : lower(path.substr(dot + 1));
  if (ext != "yaml" && ext != "yml" && ext != "json")
    throw InputError(fmt::format(
        "scenario file '{}' has neither a .yaml/.yml nor a .json extension; name it so", path));
  if (!std::ifstream(path, std::ios::binary))
    throw InputError(fmt::format("cannot open scenario file '{}'; check the path", path));
  // yaml-cpp counts positions in int.
  return parse_scenario(read_text_file(path, kLimits.int_file_bytes), path, ext != "json");
}

}  // namespace actornet::importers
