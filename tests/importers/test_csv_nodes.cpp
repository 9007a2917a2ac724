// Nodes files: roles, attribute types, merging of repeated ids.
#include <doctest/doctest.h>

#include "importers/import.hpp"
#include "tests/importers/csv_fixture.hpp"

using actornet::graph::AttrType;
using actornet::graph::Date;
using actornet::graph::Value;
using actornet::importers::import_graph;
using actornet::importers::ImportOptions;
using namespace actornet::testing;

namespace {

AttrType node_attr_type(const actornet::graph::Graph& g, const std::string& name) {
  const auto column = g.node_attributes().find(name);
  REQUIRE(column);
  return g.node_attributes().column(*column).type;
}

}  // namespace

TEST_CASE("nodes: id, label, kind (alias node_type) and validity") {
  TempDir dir;
  const auto r = import_text(dir, "nodes.csv",
                             "Id,Label,node_type,start,end\n"
                             "wang,Wang Yi,person,2013,2022-12-30\n"
                             "mfa,,agency,,\n");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  CHECK(g.node(0).label == "Wang Yi");
  CHECK(g.kind_name(0) == "person");
  CHECK(g.node(0).valid.start == Date::year_only(2013));
  CHECK(g.node(0).valid.end == Date::from_ymd(2022, 12, 30));
  CHECK(g.node(1).label == "mfa");
  CHECK(g.node(1).valid.unbounded());
  CHECK(r.report.node_rows == 2);
  CHECK(has_message(r.report.notes, "column 'node_type' read as kind"));
  CHECK(has_message(r.report.defaulted, "empty Label cell: 1 nodes labelled with their id"));
  CHECK(g.node_attributes().size() == 0);
}

TEST_CASE("nodes: undeclared attribute types are inferred over the whole column") {
  TempDir dir;
  const auto r = import_text(dir, "nodes.csv",
                             "id,Count,share,flag,born,zip,mixed,blank\n"
                             "a,1,1,true,1990-01-31,01234,1,\n"
                             "b,-2,2.5,FALSE,2000-02-29,12345,x,\n"
                             "c,,,,,,,\n");
  const auto& g = r.graph;
  CHECK(node_attr_type(g, "Count") == AttrType::Integer);
  CHECK(node_attr_type(g, "share") == AttrType::Real);
  CHECK(node_attr_type(g, "flag") == AttrType::Bool);
  CHECK(node_attr_type(g, "born") == AttrType::Date);
  CHECK(node_attr_type(g, "zip") == AttrType::String);
  CHECK(node_attr_type(g, "mixed") == AttrType::String);
  CHECK(node_attr_type(g, "blank") == AttrType::String);
  CHECK_FALSE(g.node_attributes().find("count"));  // names keep their case
  CHECK(std::get<std::int64_t>(g.node_attribute(1, "Count")) == -2);
  CHECK(std::get<double>(g.node_attribute(0, "share")) == 1.0);
  CHECK(std::get<bool>(g.node_attribute(1, "flag")) == false);
  CHECK(std::get<Date>(g.node_attribute(1, "born")) == Date::from_ymd(2000, 2, 29));
  CHECK(std::get<std::string>(g.node_attribute(0, "zip")) == "01234");
  CHECK(actornet::graph::is_missing(g.node_attribute(2, "Count")));
  CHECK(has_message(r.report.notes, "attribute 'Count' inferred as int"));
  CHECK(has_message(r.report.notes, "attribute 'share' inferred as real"));
  CHECK(has_message(r.report.notes, "attribute 'born' inferred as date"));
  CHECK(has_message(r.report.notes, "attribute 'zip' inferred as string"));
}

TEST_CASE("nodes: a header name:type declares the attribute type") {
  TempDir dir;
  const auto r = import_text(dir, "nodes.csv",
                             "id,score:real,tags:list,code:string,since:date,ok:bool,n:int\n"
                             "a,1,x|y,7,2020,1,+3\n");
  const auto& g = r.graph;
  CHECK(node_attr_type(g, "score") == AttrType::Real);
  CHECK(std::get<double>(g.node_attribute(0, "score")) == 1.0);
  CHECK(std::get<std::vector<std::string>>(g.node_attribute(0, "tags")) ==
        std::vector<std::string>{"x", "y"});
  CHECK(std::get<std::string>(g.node_attribute(0, "code")) == "7");
  CHECK(std::get<Date>(g.node_attribute(0, "since")) == Date::year_only(2020));
  CHECK(std::get<bool>(g.node_attribute(0, "ok")));
  CHECK(std::get<std::int64_t>(g.node_attribute(0, "n")) == 3);
  CHECK_FALSE(has_message(r.report.notes, "inferred"));

  // A colon followed by something that is not a type is part of the name.
  const auto plain = import_text(dir, "nodes.csv", "id,Role: primary\na,x\n");
  CHECK(node_attr_type(plain.graph, "Role: primary") == AttrType::String);
}

TEST_CASE("nodes: a value that does not fit its declared type is an error at its cell") {
  TempDir dir;
  const auto e = import_error(dir, "nodes.csv", "id,age:int\na,31\nb,old\n");
  REQUIRE(e);
  CHECK(e->line() == 3);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "'old' in column 'age' is not an integer"));
}

TEST_CASE("nodes: an empty id is an error") {
  TempDir dir;
  const auto e = import_error(dir, "nodes.csv", "label,id\nA,a\nB,\n");
  REQUIRE(e);
  CHECK(e->line() == 3);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "empty node id"));
}

TEST_CASE("nodes: repeated ids merge when no value conflicts") {
  TempDir dir;
  const auto r = import_text(dir, "nodes.csv",
                             "id,label,kind,age\n"
                             "a,Alpha,person,40\n"
                             "b,Beta,,\n"
                             "a,Alpha,person,40\n"
                             "b,,agency,7\n");
  const auto& g = r.graph;
  REQUIRE(g.node_count() == 2);
  CHECK(g.kind_name(1) == "agency");
  CHECK(std::get<std::int64_t>(g.node_attribute(1, "age")) == 7);
  REQUIRE(r.report.merged.size() == 2);
  CHECK(r.report.merged[0].line == 4);
  CHECK(contains(r.report.merged[0].message, "node 'a' repeats the node at line 2"));
  CHECK(r.report.node_rows == 4);
}

TEST_CASE("nodes: repeated ids with conflicting values are an error naming both lines") {
  TempDir dir;
  SUBCASE("label") {
    const auto e = import_error(dir, "nodes.csv", "id,label\na,Alpha\nb,Beta\na,Alfa\n");
    REQUIRE(e);
    CHECK(e->line() == 4);
    CHECK(e->column() == 3);
    CHECK(contains(e->message(), "node 'a' is defined twice with different labels"));
    CHECK(contains(e->message(), "'Alpha' at line 2"));
  }
  SUBCASE("attribute") {
    const auto e = import_error(dir, "nodes.csv", "id,age\na,40\na,41\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 3);
    CHECK(contains(e->message(), "different values of 'age': '40' at line 2 and '41' here"));
  }
  SUBCASE("validity") {
    const auto e = import_error(dir, "nodes.csv", "id,start,end\na,2001,\na,,2005\n");
    REQUIRE(e);
    CHECK(e->line() == 3);
    CHECK(e->column() == 4);
    CHECK(contains(e->message(), "different validity intervals: '2001/..' at line 2"));
  }
  SUBCASE("across files") {
    const auto first = dir.write("a.csv", "id,kind\nx,person\n");
    const auto second = dir.write("b.csv", "id,kind\ny,agency\nx,position\n");
    const auto e = parse_error_of([&] { import_graph({first, second}); });
    REQUIRE(e);
    CHECK(e->file() == second);
    CHECK(e->line() == 3);
    CHECK(contains(e->message(), "at line 2 of " + first));
  }
}

TEST_CASE("nodes: files merge by id and fill each other's gaps") {
  TempDir dir;
  const auto first = dir.write("a.csv", "id,wealth\nx,10\ny,\n");
  const auto second = dir.write("b.csv", "id,label,wealth\ny,Why,3\nz,Zed,\n");
  const auto r = import_graph({first, second});
  const auto& g = r.graph;
  CHECK(g.node_count() == 3);
  CHECK(g.node(1).label == "Why");
  CHECK(std::get<std::int64_t>(g.node_attribute(1, "wealth")) == 3);
  CHECK(has_message(r.report.merged, "node 'y' repeats the node at line 3 of " + first));
  CHECK(
      has_message(r.report.notes, "attribute 'wealth' read as int, its type from an earlier file"));

  // A later file whose values do not fit the type set by an earlier one.
  const auto third = dir.write("c.csv", "id,wealth\nw,lots\n");
  const auto e = parse_error_of([&] { import_graph({first, third}); });
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(contains(e->message(), "is not an integer"));
}

TEST_CASE("nodes: a Gephi timeset with one interval; several are unsupported") {
  TempDir dir;
  const auto r = import_text(dir, "nodes.csv",
                             "id,timeset\n"
                             "a,\"<[2000-01-01, 2000-12-31]>\"\n"
                             "b,\"<[2001, 2003)>\"\n"
                             "c,\"<[-inf, 2003]>\"\n");
  const auto& g = r.graph;
  CHECK(g.node(0).valid.start == Date::from_ymd(2000, 1, 1));
  CHECK(g.node(0).valid.end == Date::from_ymd(2001, 1, 1));
  CHECK(g.node(1).valid.end == Date::year_only(2003));
  CHECK_FALSE(g.node(2).valid.start);
  CHECK(g.node(2).valid.end == Date::year_only(2004));

  const auto e = import_error(dir, "nodes.csv", "id,timeset\na,\"<[2000, 2001]; [2005, 2006]>\"\n");
  REQUIRE(e);
  CHECK(e->line() == 2);
  CHECK(e->column() == 3);
  CHECK(contains(e->message(), "2 intervals"));
  CHECK(contains(e->message(), "unsupported"));
}
