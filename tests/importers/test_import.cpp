// The dispatcher: directories, file classification, order of reading, input errors, and the
// real datasets of /work/shared/data.
#include <filesystem>
#include <map>

#include <doctest/doctest.h>

#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"

using actornet::graph::Date;
using actornet::importers::import_graph;
using actornet::importers::ImportOptions;
using namespace actornet::testing;

namespace {

std::map<std::string, int> relation_counts(const actornet::graph::Graph& g) {
  std::map<std::string, int> counts;
  for (actornet::graph::EdgeIndex e = 0; e < g.edge_count(); ++e)
    ++counts[g.relation_name(e)];
  return counts;
}

bool shared_data_present() {
  if (std::filesystem::is_directory(ACTORNET_SHARED_DATA)) return true;
  MESSAGE("skipped: " ACTORNET_SHARED_DATA " is absent");
  return false;
}

}  // namespace

TEST_CASE("a directory holds nodes.csv and edges.csv, either possibly gzipped") {
  TempDir dir;
  dir.write("ds/nodes.csv", "id,label\na,Alpha\nb,Beta\n");
  dir.write_gz("ds/edges.csv.gz", "source,target\na,b\n");
  const auto r = import_graph({dir.path("ds")});
  CHECK(r.graph.node_count() == 2);
  CHECK(r.graph.edge_count() == 1);
  REQUIRE(r.report.files.size() == 2);
  CHECK(r.report.files[0] == dir.path("ds/nodes.csv"));
  CHECK(r.report.files[1] == dir.path("ds/edges.csv.gz"));
  CHECK(r.report.created_nodes.empty());

  // A directory with only edges.csv is fine too.
  dir.write("only/edges.csv", "source,target\nx,y\n");
  CHECK(import_graph({dir.path("only")}).graph.node_count() == 2);
}

TEST_CASE("nodes files are read before edges files whatever the order given") {
  TempDir dir;
  const auto edges = dir.write("e.csv", "source,target\na,b\n");
  const auto nodes = dir.write("n.csv", "id,label,kind\na,Alpha,person\n");
  const auto r = import_graph({edges, nodes});
  CHECK(r.report.files == std::vector<std::string>{nodes, edges});
  CHECK(r.graph.node(0).label == "Alpha");
  CHECK(r.graph.kind_name(0) == "person");
  REQUIRE(r.report.created_nodes.size() == 1);
  CHECK(r.report.created_nodes[0].id == "b");
  CHECK(r.report.node_rows == 1);
  CHECK(r.report.edge_rows == 1);
}

TEST_CASE("two edge files merge into one graph by node id") {
  TempDir dir;
  const auto first = dir.write("met.csv", "source,target,relation\na,b,met_with\n");
  const auto second = dir.write("called.tsv", "source\ttarget\trelation\nb\ta\tcalled\n");
  const auto r = import_graph({first, second});
  CHECK(r.graph.node_count() == 2);
  CHECK(r.graph.edge_count() == 2);
  CHECK(r.graph.relation_name(1) == "called");
  CHECK(r.report.created_nodes.size() == 2);
}

TEST_CASE("input errors") {
  TempDir dir;
  SUBCASE("a path that does not exist") {
    const auto missing = dir.path("nope.csv");
    try {
      import_graph({missing});
      FAIL("expected an InputError");
    } catch (const actornet::InputError& e) {
      CHECK(contains(e.what(), missing));
      CHECK(contains(e.what(), "does not exist"));
    }
  }
  SUBCASE("no input at all") {
    CHECK_THROWS_AS(import_graph({}), actornet::InputError);
  }
  SUBCASE("a directory with neither nodes.csv nor edges.csv") {
    dir.write("empty/readme.txt", "nothing\n");
    const auto e = parse_error_of([&] { import_graph({dir.path("empty")}); });
    REQUIRE(e);
    CHECK(e->file() == dir.path("empty"));
    CHECK(e->line() == 0);
    CHECK(contains(e->message(), "neither nodes.csv nor edges.csv"));
  }
  SUBCASE("a file that is neither a nodes nor an edges file") {
    const auto e = import_error(dir, "x.csv", "name,value\na,1\n");
    REQUIRE(e);
    CHECK(e->line() == 1);
    CHECK(contains(e->message(), "'name', 'value'"));
    CHECK(contains(e->message(), "--id-column"));
  }
  SUBCASE("a file with a source but no target column is an edges file missing its target") {
    const auto e = import_error(dir, "half.csv", "Source,Weight\na,1\n");
    REQUIRE(e);
    CHECK(e->line() == 1);
    CHECK(contains(e->message(), "no 'target' column"));
    CHECK(contains(e->message(), "--target-column"));
  }
  SUBCASE("a nodes file may carry a source attribute") {
    auto r = import_text(dir, "n.csv", "Id,source\na,news\n");
    CHECK(r.graph.node_count() == 1);
  }
  SUBCASE("a nodes file in a directory needs an id column") {
    dir.write("ds/nodes.csv", "name\na\n");
    const auto e = parse_error_of([&] { import_graph({dir.path("ds")}); });
    REQUIRE(e);
    CHECK(e->file() == dir.path("ds/nodes.csv"));
    CHECK(contains(e->message(), "needs an id column"));
  }
}

TEST_CASE("an --id-column override names the nodes' key") {
  TempDir dir;
  ImportOptions options;
  options.columns.id = "code";
  options.columns.label = "name";
  const auto nodes = dir.write("n.csv", "code,name\nUSA,United States\n");
  const auto edges = dir.write("e.csv", "id,source,target\nk1,USA,CAN\n");
  const auto r = import_graph({nodes, edges}, options);
  CHECK(r.graph.node(0).id == "USA");
  CHECK(r.graph.node(0).label == "United States");
  CHECK(r.graph.edge_id(0) == "k1");
  CHECK(has_message(r.report.notes, "column 'code' read as id (--id-column)"));
}

// The expected counts below come from each dataset's SOURCE.txt ("Computed counts").
TEST_CASE("real data: florentine_families (16 nodes, 35 edges: marriage 20, business 15)") {
  if (!shared_data_present()) return;
  const auto r = import_graph({std::string(ACTORNET_SHARED_DATA) + "/florentine_families"});
  const auto& g = r.graph;
  CHECK(g.node_count() == 16);
  CHECK(g.edge_count() == 35);
  CHECK(relation_counts(g) == std::map<std::string, int>{{"business", 15}, {"marriage", 20}});
  CHECK(r.report.created_nodes.empty());
  CHECK(r.report.edge_rows == 35);
  CHECK(r.report.rejected.empty());
  CHECK(has_message(r.report.defaulted,
                    "no Type column: 35 edges read as undirected (pass --directed to change)"));
  CHECK(has_message(r.report.notes, "attribute '#priors' inferred as int"));
  const auto medici = g.find_node("Medici");
  REQUIRE(medici);
  CHECK(std::get<std::int64_t>(g.node_attribute(*medici, "wealth")) == 103);
}

TEST_CASE("real data: krackhardt_hightech (21 nodes, 312 directed edges in 3 relations)") {
  if (!shared_data_present()) return;
  ImportOptions options;
  options.directed = true;
  const auto r =
      import_graph({std::string(ACTORNET_SHARED_DATA) + "/krackhardt_hightech"}, options);
  const auto& g = r.graph;
  CHECK(g.node_count() == 21);
  CHECK(g.edge_count() == 312);
  CHECK(relation_counts(g) ==
        std::map<std::string, int>{{"advice", 190}, {"friendship", 102}, {"reports_to", 20}});
  CHECK(g.edge(0).directed);
  CHECK(r.report.created_nodes.empty());
}

TEST_CASE("real data: cow_igo_dyad_year (218 nodes, 872,419 dated weighted edges, gzipped)") {
  if (!shared_data_present()) return;
  ImportOptions options;
  options.columns.date = "year";
  options.columns.weight = "shared_igos";
  const auto r = import_graph({std::string(ACTORNET_SHARED_DATA) + "/cow_igo_dyad_year"}, options);
  const auto& g = r.graph;
  CHECK(g.node_count() == 218);
  CHECK(g.edge_count() == 872419);
  CHECK(r.report.created_nodes.empty());
  REQUIRE(g.edge_count() > 0);
  // First row: USA,CAN,1920,7
  CHECK(g.node(g.edge(0).source).id == "USA");
  CHECK(g.node(g.edge(0).target).id == "CAN");
  CHECK(g.edge(0).weight == 7.0);
  CHECK(g.edge(0).valid.start == Date::year_only(1920));
  CHECK(g.edge(0).valid.end == Date::year_only(1921));
  CHECK(g.edge_attributes().size() == 0);
}
