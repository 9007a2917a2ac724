#!/usr/bin/python3
"""NetworkX reads actornet's GEXF and GraphML exports of the bundled dataset.

Checks node and edge counts, parallel edges (edge ids as multigraph keys), node kinds and
labels, relations (GraphML), weights, attributes (strings, reals, lists) and validity
intervals, against the dataset's own CSV files read here independently.

NetworkX (2.8, Debian 12) cannot hold a graph mixing directed and undirected edges, so the
dataset is exported with --undirected (all 93 edges then undirected), and once more restricted
to its directed relations (holds_office, leads) as stored. NetworkX 2.8 knows the GEXF 1.1draft
and 1.2draft namespaces only; the 1.3 namespaces are registered here (the elements it reads are
the same). Exit status 77 (skip) when NetworkX is missing.
"""
import argparse
import csv
import datetime
import os
import subprocess
import sys
from collections import Counter

try:
    import networkx as nx
    from networkx.readwrite.gexf import GEXF
except ImportError:
    print("networkx is not installed for", sys.executable, "- skipping")
    sys.exit(77)

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def first_day(text):
    parts = [int(p) for p in text.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return datetime.date(*parts)


def period_end_text(text):
    """The first period after `text`, at its precision: 2024 -> 2025, 2024-07 -> 2024-08."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return "%04d" % (parts[0] + 1)
    if len(parts) == 2:
        y, m = parts
        return "%04d-%02d" % (y + m // 12, m % 12 + 1)
    return (datetime.date(*parts) + datetime.timedelta(days=1)).isoformat()


def read_dataset(folder):
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    for e in edges:  # a single date covers its period: [date, next period)
        if e["date"]:
            e["start"], e["end"] = e["date"], period_end_text(e["date"])
    return nodes, edges


def gexf_times(row):
    """start/end as actornet writes them in GEXF: full dates, end = last day included."""
    out = {}
    if row["start"]:
        out["start"] = first_day(row["start"]).isoformat()
    if row["end"]:
        out["end"] = (first_day(row["end"]) - datetime.timedelta(days=1)).isoformat()
    return out


def parallel_extra(edges, directed):
    pairs = Counter()
    for e in edges:
        a, b = e["Source"], e["Target"]
        pairs[(a, b) if directed else tuple(sorted((a, b)))] += 1
    return sum(n - 1 for n in pairs.values())


def check_graph(G, fmt, nodes, edges, directed):
    tag = "%s (%s)" % (fmt, "directed" if directed else "undirected")
    # NetworkX returns a multigraph only when the file has parallel edges.
    check(G.is_multigraph() == (parallel_extra(edges, directed) > 0), tag + ": multigraph or not")
    check(G.is_directed() == directed, tag + ": direction")
    check(G.number_of_nodes() == len(nodes), tag + ": %d nodes, expected %d" % (G.number_of_nodes(), len(nodes)))
    check(G.number_of_edges() == len(edges), tag + ": %d edges, expected %d" % (G.number_of_edges(), len(edges)))
    if G.is_multigraph():
        triples = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    else:
        triples = [(u, v, d.get("id"), d) for u, v, d in G.edges(data=True)]
    got_parallel = sum(
        n - 1 for n in Counter(
            (u, v) if directed else tuple(sorted((u, v))) for u, v, _, _ in triples
        ).values()
    )
    check(got_parallel == parallel_extra(edges, directed),
          tag + ": %d parallel edges, expected %d" % (got_parallel, parallel_extra(edges, directed)))
    for row in nodes:
        data = G.nodes.get(row["Id"])
        if data is None:
            check(False, tag + ": node %s missing" % row["Id"])
            continue
        check(data.get("label") == (row["Label"] or row["Id"]), tag + ": label of " + row["Id"])
        check(data.get("kind") == row["kind"], tag + ": kind of " + row["Id"])
        for column in ("country", "side", "description"):
            if row[column]:
                check(data.get(column) == row[column], tag + ": %s of %s" % (column, row["Id"]))
        if fmt == "gexf":
            for k, v in gexf_times(row).items():
                check(data.get(k) == v, tag + ": %s of %s is %r, expected %r" % (k, row["Id"], data.get(k), v))
        else:
            for k in ("start", "end"):
                if row[k]:
                    check(data.get(k) == row[k], tag + ": %s of %s" % (k, row["Id"]))
    by_key = {k: (u, v, d) for u, v, k, d in triples}
    for row in edges:
        got = by_key.get(row["Id"])
        if got is None:
            check(False, tag + ": edge %s missing (edge ids are the multigraph keys)" % row["Id"])
            continue
        u, v, data = got
        check({u, v} == {row["Source"], row["Target"]}, tag + ": ends of " + row["Id"])
        if directed:
            check((u, v) == (row["Source"], row["Target"]), tag + ": direction of " + row["Id"])
        check(abs(data.get("weight", 1.0) - float(row["Weight"] or 1)) < 1e-12, tag + ": weight of " + row["Id"])
        if fmt == "graphml":  # NetworkX's GEXF reader does not keep the edge `kind`
            check(data.get("relation") == row["Kind"], tag + ": relation of " + row["Id"])
        if row["confidence"]:
            check(abs(data.get("confidence") - float(row["confidence"])) < 1e-12, tag + ": confidence of " + row["Id"])
        if row["provenance"]:
            check(data.get("provenance") == row["provenance"], tag + ": provenance of " + row["Id"])
        if row["domain:list"]:
            check(data.get("domain") == row["domain:list"], tag + ": domain of " + row["Id"])
        if fmt == "gexf":
            for k, val in gexf_times(row).items():
                check(data.get(k) == val, tag + ": %s of %s is %r, expected %r" % (k, row["Id"], data.get(k), val))
            if any(len(row[k]) not in (0, 10) for k in ("start", "end")):
                check(data.get("interval") is not None, tag + ": interval (precision) of " + row["Id"])
        else:
            for k in ("start", "end"):
                if row[k]:
                    check(data.get(k) == row[k], tag + ": %s of %s is %r, expected %r" % (k, row["Id"], data.get(k), row[k]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--actornet", required=True)
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "",
        "VERSION": "1.3",
    }
    nodes, edges = read_dataset(args.dataset)
    directed_relations = ["holds_office", "leads"]
    cases = [
        ("undirected", ["--undirected"], nodes, edges, False),
        ("directed", ["--relations", ",".join(directed_relations)], nodes,
         [e for e in edges if e["Kind"] in directed_relations], True),
    ]
    for name, flags, case_nodes, case_edges, directed in cases:
        assert all(e["Type"] == "directed" for e in case_edges) or not directed
        for fmt in ("gexf", "graphml"):
            path = os.path.join(args.out, "%s.%s" % (name, fmt))
            subprocess.run([args.actornet, "export", args.dataset, "-o", path, *flags], check=True)
            G = nx.read_gexf(path, version="1.3") if fmt == "gexf" else nx.read_graphml(path)
            check_graph(G, fmt, case_nodes, case_edges, directed)
            print("%s %s: %d nodes, %d edges read by NetworkX %s" % (
                name, fmt, G.number_of_nodes(), G.number_of_edges(), nx.__version__))
    # A mixed graph is refused by NetworkX itself (its documented limitation), not by us.
    mixed = os.path.join(args.out, "mixed.gexf")
    subprocess.run([args.actornet, "export", args.dataset, "-o", mixed], check=True)
    try:
        nx.read_gexf(mixed, version="1.3")
        check(False, "NetworkX was expected to refuse a mixed graph")
    except nx.NetworkXError as e:
        print("mixed gexf: NetworkX refuses it as documented:", e)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
