// actornet import-text: actors and their ties found in articles through a gazetteer.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "exporters/export.hpp"
#include "graph/errors.hpp"
#include "importers/text.hpp"

namespace actornet::cli {
namespace {

struct ImportTextOptions {
  std::vector<std::string> articles;
  std::string gazetteer;
  std::string output;
  std::string output_format;
  std::string list_format = "table";
  int precision = 6;
};

void run_import_text(ImportTextOptions& o) {
  std::optional<exporters::OutputFormat> format;
  if (!o.output.empty()) {
    format = o.output_format.empty() ? exporters::output_format_from_path(o.output)
                                     : exporters::output_format_from_name(o.output_format);
    if (!format)
      throw InputError(fmt::format(
          "cannot tell the graph format from '{}'; name a folder (CSV), a .gexf, .graphml, "
          ".gml, .net, .dl, .dot or .json file, or pass --output-format",
          o.output));
  }
  const auto result = importers::text::import_articles(o.articles, o.gazetteer);
  const auto& g = result.graph;
  for (const auto& note : result.report.notes)
    print_message("import-text",
                  note.file.empty() ? note.message : note.file + ": " + note.message);

  Table ties{{"source", "target", "relation", "date", "article", "sentence", "evidence"}, {}};
  for (graph::EdgeIndex e = 0; e < g.edge_count(); ++e) {
    const auto& edge = g.edge(e);
    ties.rows.push_back({g.node(edge.source).id, g.node(edge.target).id, g.relation_name(e),
                         edge.valid.start ? edge.valid.start->to_string() : std::string(),
                         graph::format_value(g.edge_attribute(e, graph::Provenance::kDocument)),
                         std::get<std::int64_t>(g.edge_attribute(e, "sentence")),
                         graph::format_value(g.edge_attribute(e, graph::Provenance::kEvidence))});
  }
  Report report;
  report.preamble.push_back(fmt::format("{} articles: {} actors named, {} ties", o.articles.size(),
                                        g.node_count(), g.edge_count()));
  report.sections.push_back({"ties", std::move(ties)});
  const std::string listing = render(report, *format_from_string(o.list_format), o.precision);

  if (format) {
    exporters::ExportReport export_report;
    const auto files = exporters::export_graph(g, *format, {}, export_report);
    for (const auto& line : export_report.dropped)
      print_message("import-text: warning", line);
    if (files.size() == 1 && files.front().name.empty()) {
      write_output(o.output, files.front().content);
    } else {
      std::error_code ec;
      std::filesystem::create_directories(o.output, ec);
      if (ec)
        throw std::runtime_error(
            fmt::format("cannot create the folder '{}': {}", o.output, ec.message()));
      for (const auto& file : files)
        write_output((std::filesystem::path(o.output) / file.name).string(), file.content);
    }
  }
  write_output("", listing);
}

}  // namespace

void add_import_text(CLI::App& app) {
  auto opts = std::make_shared<ImportTextOptions>();
  auto* cmd = app.add_subcommand(
      "import-text",
      "Find the actors of a gazetteer in plain-text or HTML articles and tie every two named in "
      "one sentence (co_mentioned, or typed by keyword rules: met, video call, deported...); "
      "write the graph with -o and list the ties on standard output");
  cmd->add_option("ARTICLES", opts->articles, "plain-text or HTML articles (.gz allowed)")
      ->required();
  cmd->add_option("--gazetteer", opts->gazetteer,
                  "CSV of actors (id, label, kind, side, aliases separated by '|'); rows of kind "
                  "'rule' are keyword rules (id = relation, aliases = keywords, side = directed)")
      ->required();
  cmd->add_option("-o,--output", opts->output,
                  "write the graph here: a folder (nodes.csv + edges.csv) or a .gexf, .graphml, "
                  ".gml, .net, .dl, .dot, .json file");
  cmd->add_option("--output-format", opts->output_format,
                  "the graph's format when the name does not tell it (csv, gexf, graphml...)");
  cmd->add_option("--format", opts->list_format, "the listing of ties: table, csv, json or md")
      ->check(CLI::IsMember({"table", "csv", "json", "md"}))
      ->default_str("table");
  cmd->footer(
      "Example:\n"
      "  actornet import-text articles/*.html --gazetteer actors.csv -o from-articles/\n"
      "  actornet centrality from-articles --relations met_with,called\n"
      "Gazetteer:\n"
      "  id,label,kind,side,aliases\n"
      "  wang_xiaohong,Wang Xiaohong,person,CN,Wang Xiaohong|Minister of Public Security\n"
      "  met_with,,rule,,met|held talks\n"
      "Names match without case, punctuation or extra spaces; the longest name wins. A tie's "
      "date is the date written nearest to the actors in the sentence, else the article's.");
  cmd->callback([opts] { run_import_text(*opts); });
}

}  // namespace actornet::cli
