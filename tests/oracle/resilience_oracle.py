#!/usr/bin/python3
"""Oracle test for `actornet resilience` (undirected channels).

Builds each graph itself from the raw nodes.csv / edges.csv (Python's csv module), picks the
two sides from a node column, computes every figure with NetworkX on graphs with explicit
super-nodes, runs the actornet CLI with `--format json --top 0`, and compares:

  direct_ties          edges with one end in A and one in B (parallel edges each count)
  broker_connectivity  node_connectivity(s, t) after contracting A to s and B to t and dropping
                       the direct s-t edges
  disjoint_channels    with a super-source S tied to every vertex of A and a super-sink T tied
                       to every vertex of B, the S-T paths share no vertex of the graph exactly
                       when the A-B paths share none, endpoints included: compared with the
                       count of node_disjoint_paths(S, T) and the size of minimum_node_cut(S, T)
  min cut              actornet's cut has that size and separates S from T
  single points        for each vertex on one maximum set of disjoint paths (no other vertex can
    of failure         matter), node_connectivity(S, T) without it; compared with actornet's list
  edge_connectivity    maximum_flow_value(S, T) on a DiGraph with capacity = edge multiplicity
                       both ways (S, T arcs uncapacitated); capacity: the same with summed weights
  cross betweenness    betweenness_centrality_subset(sources=A, targets=B, normalized=False) on the simple
                       graph (case `any` only: NetworkX does not count parallel edges as separate
                       paths), times 2: NetworkX halves undirected sums, actornet counts each
                       (a, b) pair once
  pairs_connected,     one BFS per vertex of A
  cross_efficiency

Run with Debian's interpreter (networkx 2.8):

    /usr/bin/python3 tests/oracle/resilience_oracle.py --actornet build/cli/actornet \
        --dataset-dir datasets/us-china-law-enforcement
    /usr/bin/python3 tests/oracle/resilience_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset noordin_top_139
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import subprocess
import sys
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

import networkx as nx

REL_TOL = 1e-9
ABS_TOL = 1e-12


@dataclass
class Dataset:
    name: str
    id_column: str
    side_column: str  # node column the sides are chosen from
    side_a: str
    side_b: str
    weight_column: str | None


BUNDLED = Dataset("us-china-law-enforcement", "Id", "country", "CN", "US", "Weight")
SHARED = {
    "noordin_top_139": Dataset("noordin_top_139", "id", "node_type", "person", "organization",
                               "weight"),
}
# actornet's field name for each side column
FIELD = {"country": "country", "node_type": "kind"}


def column(header: list[str], name: str) -> str:
    lowered = {h.strip().lower(): h for h in header}
    return lowered[name.lower()]


def read(folder: str, ds: Dataset):
    """Node ids in order, each node's side ('A', 'B' or None), and the edges (u, v, w)."""
    nodes: OrderedDict[str, str | None] = OrderedDict()
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        id_col = column(reader.fieldnames or [], ds.id_column)
        side_col = column(reader.fieldnames or [], ds.side_column)
        for row in reader:
            value = row[side_col].strip()
            side = "A" if value == ds.side_a else "B" if value == ds.side_b else None
            nodes.setdefault(row[id_col].strip(), side)
    edges: list[tuple[str, str, float]] = []
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        src, dst = column(header, "source"), column(header, "target")
        wcol = column(header, ds.weight_column) if ds.weight_column else None
        for row in reader:
            u, v = row[src].strip(), row[dst].strip()
            nodes.setdefault(u, None)
            nodes.setdefault(v, None)
            w = float(row[wcol]) if wcol and row[wcol].strip() else 1.0
            edges.append((u, v, w))
    return nodes, edges


def reference(nodes, edges, parallel: str) -> dict:
    a = [n for n, s in nodes.items() if s == "A"]
    b = [n for n, s in nodes.items() if s == "B"]
    side = dict(nodes)
    # The projection: under `any` one edge of weight 1 per pair; under `keep` every edge.
    mult: dict[frozenset, int] = defaultdict(int)
    weight: dict[frozenset, float] = defaultdict(float)
    for u, v, w in edges:
        if u == v:
            continue
        key = frozenset((u, v))
        mult[key] += 1
        weight[key] += w
    if parallel == "any":
        mult = {k: 1 for k in mult}
        weight = {k: 1.0 for k in weight}

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(tuple(k) for k in mult)
    ref: dict = {}
    ref["direct_ties"] = sum(m for k, m in mult.items()
                             if {side[x] for x in k} == {"A", "B"})

    # Super-nodes: S joined to A, T joined to B.
    sg = g.copy()
    sg.add_edges_from(("__S__", x) for x in a)
    sg.add_edges_from((x, "__T__") for x in b)
    paths = list(nx.node_disjoint_paths(sg, "__S__", "__T__")) if nx.has_path(
        sg, "__S__", "__T__") else []
    ref["disjoint_channels"] = len(paths)
    cut = nx.minimum_node_cut(sg, "__S__", "__T__") if paths else set()
    ref["min_cut_size"] = len(cut)
    ref["sg"] = sg

    on_paths = {x for p in paths for x in p} - {"__S__", "__T__"}
    drops = {}
    for x in on_paths:
        h = sg.copy()
        h.remove_node(x)
        k = nx.node_connectivity(h, "__S__", "__T__")
        if k < len(paths):
            drops[x] = len(paths) - k
    ref["drops"] = drops

    # Broker connectivity: A contracted to s, B to t, direct s-t edges dropped.
    bg = nx.Graph()
    bg.add_nodes_from(["__s__", "__t__"])
    for k in mult:
        u, v = tuple(k)
        cu = "__s__" if side[u] == "A" else "__t__" if side[u] == "B" else u
        cv = "__s__" if side[v] == "A" else "__t__" if side[v] == "B" else v
        if cu != cv and {cu, cv} != {"__s__", "__t__"}:
            bg.add_edge(cu, cv)
    ref["broker_connectivity"] = nx.node_connectivity(bg, "__s__", "__t__")

    # Edge connectivity and capacity: S and T arcs without a capacity are unbounded.
    for name, caps in (("edge_connectivity", mult), ("capacity", weight)):
        d = nx.DiGraph()
        d.add_nodes_from(["__S__", "__T__"])
        for k, c in caps.items():
            u, v = tuple(k)
            d.add_edge(u, v, capacity=c)
            d.add_edge(v, u, capacity=c)
        d.add_edges_from(("__S__", x) for x in a)
        d.add_edges_from((x, "__T__") for x in b)
        ref[name] = nx.maximum_flow_value(d, "__S__", "__T__")

    if parallel == "any":
        bc = nx.betweenness_centrality_subset(g, sources=a, targets=b, normalized=False)
        ref["cross_betweenness"] = {n: 2.0 * x for n, x in bc.items()}

    joined = 0
    inv = 0.0
    bset = set(b)
    for x in a:
        for y, d in nx.single_source_shortest_path_length(g, x).items():
            if y in bset:
                joined += 1
                inv += 1.0 / d
    pairs = len(a) * len(b)
    ref["pairs_connected"] = joined / pairs
    ref["cross_efficiency"] = inv / pairs
    return ref


def close(e: float, x: float) -> bool:
    return abs(e - x) <= ABS_TOL or abs(e - x) <= REL_TOL * max(abs(e), abs(x))


def check(binary: str, folder: str, ds: Dataset, parallel: str) -> bool:
    title = f"{ds.name}/parallel_{parallel}"
    nodes, edges = read(folder, ds)
    ref = reference(nodes, edges, parallel)
    field = FIELD[ds.side_column]
    cmd = [binary, "resilience", folder, "--side-a", f"{field}={ds.side_a}", "--side-b",
           f"{field}={ds.side_b}", "--parallel", parallel, "--top", "0", "--format", "json"]
    if ds.weight_column and ds.weight_column != "Weight":
        cmd += ["--weight-column", ds.weight_column]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print(f"FAIL {title}: exit {proc.returncode}: {' '.join(cmd)}\n{proc.stderr.strip()}")
        return False
    out = json.loads(proc.stdout)
    figures = {row["name"]: row["value"] for row in out["figures"]}
    problems = []
    for name in ("direct_ties", "broker_connectivity", "disjoint_channels", "edge_connectivity",
                 "capacity", "pairs_connected", "cross_efficiency"):
        if not close(float(ref[name]), float(figures[name])):
            problems.append(f"{name}: expected {ref[name]!r}, actornet {figures[name]!r}")
    if ref["min_cut_size"] != ref["disjoint_channels"]:
        problems.append(f"NetworkX: minimum_node_cut size {ref['min_cut_size']} != "
                        f"{ref['disjoint_channels']} disjoint paths")
    cut = [row["id"] for row in out["min cut"]]
    if len(cut) != ref["disjoint_channels"]:
        problems.append(f"min cut has {len(cut)} nodes, expected {ref['disjoint_channels']}")
    h = ref["sg"].copy()
    h.remove_nodes_from(cut)
    if nx.has_path(h, "__S__", "__T__"):
        problems.append(f"removing the min cut {cut} leaves an A-B path")
    drops = {row["id"]: row["drop"] for row in out["single points of failure"]}
    if drops != ref["drops"]:
        problems.append(f"single points of failure: expected {sorted(ref['drops'].items())}, "
                        f"actornet {sorted(drops.items())}")
    compared = 7
    if "cross_betweenness" in ref:
        got = {row["id"]: row["cross_betweenness"] for row in out["cross betweenness"]}
        for n, e in ref["cross_betweenness"].items():
            compared += 1
            x = got.get(n, 0.0)
            if not close(e, x):
                problems.append(f"cross_betweenness of {n}: expected {e!r}, actornet {x!r}")
    if problems:
        print(f"FAIL {title}\n  command: {' '.join(cmd)}")
        for p in problems[:12]:
            print("  " + p)
        return False
    print(f"PASS {title}: {compared} figures and scores, min cut of {len(cut)}, "
          f"{len(drops)} single points of failure")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True)
    parser.add_argument("--data", help="folder holding the shared datasets")
    parser.add_argument("--dataset", action="append", default=[])
    parser.add_argument("--dataset-dir", action="append", default=[],
                        help="the bundled dataset folder (actornet's CSV convention)")
    args = parser.parse_args()
    jobs = [(os.path.join(args.data or "", n), SHARED[n]) for n in args.dataset]
    jobs += [(d, BUNDLED) for d in args.dataset_dir]
    if not jobs:
        parser.error("give --dataset NAME (with --data) or --dataset-dir DIR")
    ok = True
    for folder, ds in jobs:
        for parallel in ("keep", "any"):
            ok = check(args.actornet, folder, ds, parallel) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
