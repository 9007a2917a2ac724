#!/usr/bin/python3
"""Oracle test for `actornet resilience` (undirected channels).

Builds each graph itself from the raw nodes.csv / edges.csv (Python's csv module), picks the
two sides from a node column, keeps the edges valid at the case's date (start <= d < end,
an open end unbounded; dates compare by their first day) and of the case's relations, reads
every edge as undirected (as resilience does by default, whatever the edge's direction),
computes every figure with NetworkX on graphs with explicit super-nodes, runs the actornet CLI
with `--format json --top 0` under --parallel keep and any, and compares:

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
  channels             as many as disjoint_channels, numbered 1..n, `hops` = nodes - 1, each
                       from a vertex of A to a vertex of B, no vertex on two channels (or twice
                       on one), no directed hop; each hop names exactly the relations (as a
                       multiset) of the projection's edges between its two vertices
  edge single points   for each vertex pair of the projection, the maximum S-T flow with the
    of failure         pair's multiplicity lowered by one, found from one nx.maximum_flow by
                       taking a unit off and searching an augmenting path (see critical_pairs;
                       a sample is also recomputed from scratch with nx.maximum_flow_value);
                       when the value drops, every input edge on that pair is expected in the
                       table, as (edge id, source, target, relation) with that drop. Edge ids
                       are the input's, or `e<row>` (row counted from 0) when edges.csv has no
                       id column
  by relation,         for every relation of the input (and every domain, when edges.csv has a
    by domain          `domain` list column): the direct ties and the edge connectivity above
                       using that layer's edges alone (under `any` a vertex pair is in every
                       layer of its edges, once); a layer missing from the table must have 0, 0
  multiplex_share_*    share of actornet's channels whose every hop is carried by edges of two
                       or more layers, from the projection's edges on each hop
  layer_cut_*          the named layers separate the sides (nx.has_path on the edges that keep
    and `layer cut`    a layer outside the set; an edge in no layer always stays); size 0 when
                       the sides are apart, -1 when losing every layer still leaves a path; and
                       no smaller set does: every layer of a direct A-B tie is in every cut, so
                       every set of the remaining layers one smaller than actornet's cut is
                       tried (by brute force; skipped, and said, beyond 200000 sets)
  cross betweenness    betweenness_centrality_subset(sources=A, targets=B, normalized=False)
                       on the simple graph (case `any` only: NetworkX does not count parallel
                       edges as separate paths), times 2: NetworkX halves undirected sums,
                       actornet counts each (a, b) pair once
  pairs_connected,     one BFS per vertex of A
  cross_efficiency

Cases (the sides, date and relations of each dataset are in SHARED below): the bundled set,
China against the United States; noordin_top_139, persons against organizations;
french_financial_elite, party 3 against party 9 and party 10 against party 11 (the four codes
with most members, four each; mixed directed and undirected relations, all read undirected);
interstate_relations, the NATO members against the Warsaw Pact on 1980-01-01, on all
relations, on alliance_atop and contiguity, on contiguity, and on mid, rivalry and war.

interstate_relations: the COW-derived spells give inclusive ends (an alliance `1949`-`2018`
holds through 2018, a one-year dispute has start = end), while actornet reads `end` as
exclusive and rejects an empty interval (start = end). The oracle therefore writes a converted
copy of the dataset to a temporary folder, each end moved to the first day after the period it
names (`1945` -> `1946-01-01`, `2016-12-01` -> `2016-12-02`; starts unchanged), and runs both
NetworkX and actornet on that copy.

Run with Debian's interpreter (networkx 2.8):

    /usr/bin/python3 tests/oracle/resilience_oracle.py --actornet build/cli/actornet \
        --dataset-dir datasets/us-china-law-enforcement
    /usr/bin/python3 tests/oracle/resilience_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset noordin_top_139
    /usr/bin/python3 tests/oracle/resilience_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset interstate_relations
"""

from __future__ import annotations

import argparse
import csv
import datetime
import itertools
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Callable

import networkx as nx

REL_TOL = 1e-9
ABS_TOL = 1e-12
SUBSET_LIMIT = 200000  # layer sets tried at most when checking that a layer cut is minimal


@dataclass
class Case:
    title: str
    side_a: tuple[str, frozenset]  # node column, values that put a node on side A
    side_b: tuple[str, frozenset]
    cli_a: str  # the same sides as actornet selections
    cli_b: str
    at: str | None = None  # --at
    relations: list[str] | None = None  # --relations


@dataclass
class Dataset:
    name: str
    id_column: str
    relation_column: str
    weight_column: str | None
    cases: list[Case]
    edge_id_column: str | None = None  # None: actornet generates e<row>
    domain_column: str | None = None  # edge column holding a `|`-separated list of domains
    convert: Callable[[str, str], None] | None = None  # (source folder, target folder)
    cli_extra: list[str] = field(default_factory=list)


def one(column_name: str, value: str) -> tuple[str, frozenset]:
    return (column_name, frozenset([value]))


BUNDLED = Dataset(
    "us-china-law-enforcement", "Id", "Kind", "Weight",
    [Case("CN-US", one("country", "CN"), one("country", "US"), "country=CN", "country=US")],
    edge_id_column="Id", domain_column="domain:list")

NATO_1980 = ("USA", "CAN", "UKG", "FRN", "ITA", "GFR", "NTH", "BEL", "NOR", "DEN", "POR", "TUR",
             "GRC", "LUX", "ICE")
WARSAW_PACT_1980 = ("RUS", "GDR", "POL", "CZE", "HUN", "ROM", "BUL")


def id_in(ids: tuple[str, ...]) -> str:
    return f"id in ({', '.join(ids)})"


def bloc_case(relations: list[str] | None) -> Case:
    """NATO against the Warsaw Pact on 1980-01-01, on these relations (None: all)."""
    return Case("nato-warsaw-1980" + "".join("-" + r for r in relations or []),
                ("id", frozenset(NATO_1980)), ("id", frozenset(WARSAW_PACT_1980)),
                id_in(NATO_1980), id_in(WARSAW_PACT_1980), at="1980-01-01", relations=relations)


def period_end(text: str) -> datetime.date:
    """The first day after the period a date names: 2024 -> 2025-01-01, 2024-07 -> 2024-08-01,
    2024-07-09 -> 2024-07-10."""
    parts = [int(p) for p in text.strip().split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0] + 1, 1, 1)
    if len(parts) == 2:
        y, m = parts
        return datetime.date(y + (m == 12), m % 12 + 1, 1)
    return datetime.date(*parts) + datetime.timedelta(days=1)


def first_day(text: str) -> datetime.date:
    parts = [int(p) for p in text.strip().split("-")]
    return datetime.date(*(parts + [1] * (3 - len(parts))))


def convert_inclusive_ends(source: str, target: str) -> None:
    """Copies a dataset with every `end` moved to the first day after the period it names
    (inclusive ends made exclusive; see the module doc)."""
    shutil.copyfile(os.path.join(source, "nodes.csv"), os.path.join(target, "nodes.csv"))
    with open(os.path.join(source, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        end = column(header, "end")
        rows = list(reader)
    for row in rows:
        if row[end].strip():
            row[end] = period_end(row[end]).isoformat()
    with open(os.path.join(target, "edges.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


SHARED = {
    "noordin_top_139": Dataset(
        "noordin_top_139", "id", "relation", "weight",
        [Case("persons-organizations", one("node_type", "person"),
              one("node_type", "organization"), "kind=person", "kind=organization")]),
    # Party codes 3, 9, 10 and 11 have four members each, the most of any code (the others
    # have three or fewer); two disjoint pairs of them, each joined (pairs_connected 1).
    "french_financial_elite": Dataset(
        "french_financial_elite", "id", "relation", "edgevalue",
        [Case("party3-party9", one("party", "3"), one("party", "9"), "party=3", "party=9"),
         Case("party10-party11", one("party", "10"), one("party", "11"), "party=10",
              "party=11")]),
    "interstate_relations": Dataset(
        "interstate_relations", "id", "relation", None,
        [bloc_case(None), bloc_case(["alliance_atop", "contiguity"]), bloc_case(["contiguity"]),
         bloc_case(["mid", "rivalry", "war"])],
        convert=convert_inclusive_ends),
}


@dataclass
class Edge:
    id: str
    u: str
    v: str
    relation: str
    weight: float
    domains: frozenset
    valid: tuple[datetime.date | None, datetime.date | None]  # [start, end)


def column(header: list[str], name: str) -> str:
    lowered = {h.strip().lower(): h for h in header}
    return lowered[name.lower()]


def optional_column(header: list[str], name: str) -> str | None:
    lowered = {h.strip().lower(): h for h in header}
    return lowered.get(name.lower())


def read(folder: str, ds: Dataset):
    """Node rows by id, in order, and every edge of edges.csv (self-loops included)."""
    nodes: OrderedDict[str, dict] = OrderedDict()
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        id_col = column(reader.fieldnames or [], ds.id_column)
        for row in reader:
            nodes.setdefault(row[id_col].strip(),
                             {k.strip().lower(): (v or "").strip() for k, v in row.items()})
    edges: list[Edge] = []
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        src, dst = column(header, "source"), column(header, "target")
        rel = column(header, ds.relation_column)
        wcol = column(header, ds.weight_column) if ds.weight_column else None
        idcol = column(header, ds.edge_id_column) if ds.edge_id_column else None
        dcol = column(header, ds.domain_column) if ds.domain_column else None
        scol, ecol = optional_column(header, "start"), optional_column(header, "end")
        datecol = optional_column(header, "date")
        for i, row in enumerate(reader):
            u, v = row[src].strip(), row[dst].strip()
            nodes.setdefault(u, {})
            nodes.setdefault(v, {})
            w = float(row[wcol]) if wcol and row[wcol].strip() else 1.0
            domains = frozenset(d.strip() for d in row[dcol].split("|")
                                if d.strip()) if dcol else frozenset()
            start = first_day(row[scol]) if scol and row[scol].strip() else None
            end = first_day(row[ecol]) if ecol and row[ecol].strip() else None
            if datecol and row[datecol].strip():
                start, end = first_day(row[datecol]), period_end(row[datecol])
            edges.append(Edge(row[idcol].strip() if idcol else f"e{i}", u, v, row[rel].strip(),
                              w, domains, (start, end)))
    return nodes, edges


def sides_of(nodes, case: Case) -> dict[str, str | None]:
    for col, values in (case.side_a, case.side_b):
        if col.lower() == "id" and not values <= nodes.keys():
            raise SystemExit(f"{case.title}: no node has id {sorted(values - nodes.keys())}")
    def on(row: dict, n: str, rule: tuple[str, frozenset]) -> bool:
        col, values = rule
        return (n if col.lower() == "id" else row.get(col.lower(), "")) in values
    return {n: "A" if on(row, n, case.side_a) else "B" if on(row, n, case.side_b) else None
            for n, row in nodes.items()}


def kept(edges: list[Edge], case: Case) -> list[Edge]:
    """The projection's edges: valid at the case's date, of its relations, no self-loop."""
    day = first_day(case.at) if case.at else None
    out = []
    for e in edges:
        if e.u == e.v:
            continue
        if case.relations is not None and e.relation not in case.relations:
            continue
        if day is not None:
            start, end = e.valid
            if (start is not None and day < start) or (end is not None and day >= end):
                continue
        out.append(e)
    return out


def flow_network(caps: dict[frozenset, float], a: list[str], b: list[str]) -> nx.DiGraph:
    """Each pair an arc both ways of its capacity; S and T arcs without a capacity (unbounded)."""
    d = nx.DiGraph()
    d.add_nodes_from(["__S__", "__T__"])
    for k, c in caps.items():
        u, v = tuple(k)
        d.add_edge(u, v, capacity=c)
        d.add_edge(v, u, capacity=c)
    d.add_edges_from(("__S__", x) for x in a)
    d.add_edges_from((x, "__T__") for x in b)
    return d


def multiplicities(edges: list[Edge], parallel: str) -> dict[frozenset, int]:
    mult: dict[frozenset, int] = defaultdict(int)
    for e in edges:
        mult[frozenset((e.u, e.v))] += 1
    return {k: 1 for k in mult} if parallel == "any" else dict(mult)


def cross(side: dict, k: frozenset) -> bool:
    return {side[x] for x in k} == {"A", "B"}


def apart(edges: list[Edge], a: list[str], b: list[str]) -> bool:
    """Whether no A-B path uses only these edges (NetworkX, with super-nodes)."""
    g = nx.Graph()
    g.add_edges_from((e.u, e.v) for e in edges)
    g.add_edges_from(("__S__", x) for x in a)
    g.add_edges_from((x, "__T__") for x in b)
    return not nx.has_path(g, "__S__", "__T__")


def labels(e: Edge, family: str) -> frozenset:
    return frozenset([e.relation]) if family == "relation" else e.domains


def layer_reference(family: str, all_layers: list[str], edges: list[Edge], side: dict,
                    a: list[str], b: list[str], parallel: str) -> dict:
    """Per-layer direct ties and edge connectivity, and what a minimal layer cut needs."""
    rows = {}
    for layer in all_layers:
        own = [e for e in edges if layer in labels(e, family)]
        mult = multiplicities(own, parallel)
        direct = sum(m for k, m in mult.items() if cross(side, k))
        conn = nx.maximum_flow_value(flow_network(mult, a, b), "__S__", "__T__") if own else 0
        rows[layer] = (direct, int(round(conn)))
    forced = set()
    for e in edges:
        if cross(side, frozenset((e.u, e.v))):
            forced |= labels(e, family)
    return {"rows": rows, "forced": forced}


def survivors(edges: list[Edge], family: str, lost: set) -> list[Edge]:
    return [e for e in edges if not labels(e, family) or not labels(e, family) <= lost]


SPOT_CHECKS = 15  # lowered pairs whose flow is also recomputed from scratch by NetworkX


def critical_pairs(mult: dict[frozenset, int], a: list[str], b: list[str], d: nx.DiGraph,
                   value: float, flow: dict):
    """The pairs whose multiplicity lowered by one lowers the maximum S-T flow, with the drop.

    Definition: the maximum flow value with that one capacity lowered. It is found from the
    maximum flow `flow` of `d` (value `value`) instead of from scratch: a pair whose net flow
    stays below its multiplicity keeps that flow; for a saturated pair x -> y, one unit through
    it is taken off (with a cycle of flow through x -> y the value stays), which leaves a flow
    of value - 1 within the lowered capacities, and the new maximum is value exactly when the
    residual network then still has an augmenting S-T path (Ford & Fulkerson), else value - 1.
    SPOT_CHECKS of the saturated pairs are also recomputed with nx.maximum_flow_value, and a
    disagreement is raised as an error of the oracle itself.

    Returns (critical pairs -> drop, saturated pairs examined, pairs recomputed from scratch).
    """
    S, T = "__S__", "__T__"
    inf = math.inf
    adj: dict[str, list[str]] = defaultdict(list)
    net: dict[tuple[str, str], int] = {}  # units from u to v, opposite flows cancelled; > 0
    for k in mult:
        u, v = tuple(k)
        adj[u].append(v)
        adj[v].append(u)
        x = int(round(flow[u][v] - flow[v][u]))
        if x:
            net[(u, v) if x > 0 else (v, u)] = abs(x)
    for x in a:
        adj[S].append(x)
        adj[x].append(S)
        if round(flow[S][x]):
            net[(S, x)] = int(round(flow[S][x]))
    for x in b:
        adj[x].append(T)
        adj[T].append(x)
        if round(flow[x][T]):
            net[(x, T)] = int(round(flow[x][T]))
    lowered: frozenset = frozenset()

    def residual(u: str, v: str) -> float:
        if u == S or v == T:
            cap = inf
        elif v == S or u == T:
            cap = 0
        else:
            k = frozenset((u, v))
            cap = mult[k] - (k == lowered)
        return cap - net.get((u, v), 0) + net.get((v, u), 0)

    def reach(start: str, step) -> dict[str, str | None]:
        parent: dict[str, str | None] = {start: None}
        queue = [start]
        for u in queue:
            for w in step(u):
                if w not in parent:
                    parent[w] = u
                    queue.append(w)
        return parent

    def walk(parent: dict, end: str) -> list[str]:
        path = [end]
        while parent[path[-1]] is not None:
            path.append(parent[path[-1]])
        return path

    def add(u: str, v: str, units: int) -> None:
        x = net.get((u, v), 0) + units
        if x:
            net[(u, v)] = x
        else:
            del net[(u, v)]

    def stays(x: str, y: str) -> bool:
        """Whether lowering pair {x, y}, saturated from x to y, keeps the maximum value."""
        forward = reach(y, lambda u: [w for w in adj[u] if net.get((u, w), 0) > 0])
        if x in forward:
            return True  # a cycle of flow through x -> y: one unit less on it changes nothing
        backward = reach(x, lambda u: [w for w in adj[u] if net.get((w, u), 0) > 0])
        to_t = walk(forward, T)[::-1]  # y ... T
        from_s = walk(backward, S)  # S ... x: each vertex's parent is the head of its flow
        path = from_s + to_t  # S ... x y ... T
        arcs = list(zip(path, path[1:]))
        for u, v in arcs:
            add(u, v, -1)
        augmenting = T in reach(S, lambda u: [w for w in adj[u] if residual(u, w) > 0])
        for u, v in arcs:
            add(u, v, 1)
        return augmenting

    critical: dict[frozenset, int] = {}
    saturated = [k for k in mult if any(net.get(p, 0) >= mult[k] for p in (
        tuple(k), tuple(k)[::-1]))]
    every = max(1, len(saturated) // SPOT_CHECKS)
    spot = 0
    for i, k in enumerate(saturated):
        u, v = tuple(k)
        x, y = (u, v) if net.get((u, v), 0) > 0 else (v, u)
        lowered = k
        keeps = stays(x, y)
        lowered = frozenset()
        if not keeps:
            critical[k] = 1
        if i % every == 0:
            spot += 1
            m = mult[k]
            d[u][v]["capacity"] = d[v][u]["capacity"] = m - 1
            lower = nx.maximum_flow_value(d, S, T)
            d[u][v]["capacity"] = d[v][u]["capacity"] = m
            if not close(lower, value if keeps else value - 1):
                raise RuntimeError(f"oracle: lowering {sorted(k)} gives {lower} from scratch, "
                                   f"{value if keeps else value - 1} incrementally")
    return critical, len(saturated), spot


def reference(nodes, side: dict, edges: list[Edge], parallel: str) -> dict:
    a = [n for n in nodes if side[n] == "A"]
    b = [n for n in nodes if side[n] == "B"]
    # The projection: under `any` one edge of weight 1 per pair; under `keep` every edge.
    mult: dict[frozenset, int] = defaultdict(int)
    weight: dict[frozenset, float] = defaultdict(float)
    for e in edges:
        key = frozenset((e.u, e.v))
        mult[key] += 1
        weight[key] += e.weight
    if parallel == "any":
        mult = {k: 1 for k in mult}
        weight = {k: 1.0 for k in weight}

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(tuple(k) for k in mult)
    ref: dict = {"a": a, "b": b}
    ref["direct_ties"] = sum(m for k, m in mult.items() if cross(side, k))

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
    ref["capacity"] = nx.maximum_flow_value(flow_network(weight, a, b), "__S__", "__T__")
    d = flow_network(mult, a, b)
    value, flow = nx.maximum_flow(d, "__S__", "__T__")
    ref["edge_connectivity"] = value

    # Edge single points of failure: each pair's multiplicity lowered by one in turn.
    critical, recomputed, spot = critical_pairs(mult, a, b, d, value, flow)
    ref["edge_spof"] = Counter((e.id, e.u, e.v, e.relation, critical[frozenset((e.u, e.v))])
                               for e in edges if frozenset((e.u, e.v)) in critical)
    ref["edge_spof_recomputed"] = recomputed
    ref["edge_spof_spot_checked"] = spot

    if parallel == "any":
        bc = nx.betweenness_centrality_subset(g, sources=a, targets=b, normalized=False)
        ref["cross_betweenness"] = {n: 2.0 * x for n, x in bc.items()}

    joined = 0
    inv = 0.0
    bset = set(b)
    for x in a:
        for y, dist in nx.single_source_shortest_path_length(g, x).items():
            if y in bset:
                joined += 1
                inv += 1.0 / dist
    pairs = len(a) * len(b)
    ref["pairs_connected"] = joined / pairs
    ref["cross_efficiency"] = inv / pairs
    return ref


def close(e: float, x: float) -> bool:
    return abs(e - x) <= ABS_TOL or abs(e - x) <= REL_TOL * max(abs(e), abs(x))


HOP = re.compile(r" -\(([^()]*)\)-(>?) ")


def parse_channel(text: str, relation_names: list[str]):
    """A channel's path text as (nodes, hops): each hop the relation of each tie and whether
    the hop is marked directed. A tie is `relation` or `relation validity`."""
    parts = HOP.split(text)
    path = parts[0::3]
    hops = []
    for ties, arrow in zip(parts[1::3], parts[2::3]):
        names = []
        for tie in ties.split("; "):
            match = [r for r in relation_names if tie == r or tie.startswith(r + " ")]
            names.append(max(match, key=len) if match else tie)
        hops.append((names, arrow == ">"))
    return path, hops


def check_layers(family: str, out: dict, figures: dict, all_layers: list[str],
                 edges: list[Edge], side: dict, ref: dict, parallel: str, channels,
                 problems: list[str], counts: Counter) -> None:
    a, b = ref["a"], ref["b"]
    lref = layer_reference(family, all_layers, edges, side, a, b, parallel)
    table = out.get(f"by {family}", [])
    got = {}
    for row in table:
        if row[family] in got:
            problems.append(f"by {family}: '{row[family]}' listed twice")
        got[row[family]] = (row["direct_ties"], row["edge_connectivity"])
    for name in got:
        if name not in lref["rows"]:
            problems.append(f"by {family}: '{name}' is no {family} of the input")
    for layer, expected in lref["rows"].items():
        counts[f"by {family} rows"] += 1
        x = got.get(layer, (0, 0))
        if x != expected:
            problems.append(f"by {family} '{layer}': expected (direct_ties, edge_connectivity) "
                            f"{expected}, actornet {x}")
        if layer in got and expected == (0, 0):
            problems.append(f"by {family} '{layer}': a row of zeros should be left out")

    # multiplex share over actornet's own channels, from the projection's edges on each hop
    pair_labels: dict[frozenset, set] = defaultdict(set)
    for e in edges:
        pair_labels[frozenset((e.u, e.v))] |= labels(e, family)
    multiplex = sum(all(len(pair_labels[frozenset(h)]) >= 2 for h in zip(path, path[1:]))
                    for path in channels)
    share = multiplex / len(channels) if channels else 0.0
    counts["figures"] += 1
    if not close(share, float(figures[f"multiplex_share_{family}"])):
        problems.append(f"multiplex_share_{family}: expected {share!r} ({multiplex} of "
                        f"{len(channels)} channels), actornet "
                        f"{figures[f'multiplex_share_{family}']!r}")

    # layer cut
    size = figures[f"layer_cut_{family}"]
    rows = [r for r in out.get("layer cut", []) if r["family"] == family]
    counts["figures"] += 1
    if len(rows) != 1 or rows[0]["size"] != size:
        problems.append(f"layer cut: expected one row for {family} of size {size}, got {rows}")
        return
    if apart(edges, a, b):
        if size != 0 or rows[0]["layers"] != "":
            problems.append(f"layer_cut_{family}: the sides are apart, expected 0 and no "
                            f"layers, actornet {size} '{rows[0]['layers']}'")
        return
    if not apart(survivors(edges, family, set(all_layers)), a, b):
        if size != -1:
            problems.append(f"layer_cut_{family}: edges in no {family} join the sides, "
                            f"expected -1, actornet {size}")
        return
    named = rows[0]["layers"].split("|") if rows[0]["layers"] else []
    if size < 0 or len(named) != size or len(set(named)) != size or not set(named) <= set(
            all_layers):
        problems.append(f"layer_cut_{family}: size {size} with layers '{rows[0]['layers']}'")
        return
    if not apart(survivors(edges, family, set(named)), a, b):
        problems.append(f"layer_cut_{family}: losing {named} leaves an A-B path")
    forced = lref["forced"]
    if not forced <= set(named):
        problems.append(f"layer_cut_{family}: {sorted(forced - set(named))} carry direct "
                        f"ties and must be in every cut, not in {named}")
    # Minimality: every cut holds `forced`, and a superset of a cut is a cut, so it is enough
    # to try every set of size - 1 layers that holds `forced`.
    free = [x for x in all_layers if x not in forced]
    extra = size - 1 - len(forced)
    if extra < 0:
        counts["layer cuts proven minimal"] += 1
        return
    tries = math.comb(len(free), extra)
    if tries > SUBSET_LIMIT:
        print(f"  note: layer_cut_{family} minimality not checked ({tries} sets to try)")
        return
    for more in itertools.combinations(free, extra):
        lost = forced | set(more)
        if apart(survivors(edges, family, lost), a, b):
            problems.append(f"layer_cut_{family}: {sorted(lost)} ({len(lost)} layers) also "
                            f"separates the sides, smaller than actornet's {size}")
            return
    counts["layer cuts proven minimal"] += 1


def check(binary: str, folder: str, ds: Dataset, case: Case, parallel: str,
          nodes, all_edges: list[Edge]) -> bool:
    title = f"{ds.name}/{case.title}/parallel_{parallel}"
    side = sides_of(nodes, case)
    edges = kept(all_edges, case)
    ref = reference(nodes, side, edges, parallel)
    cmd = [binary, "resilience", folder, "--side-a", case.cli_a, "--side-b", case.cli_b,
           "--parallel", parallel, "--top", "0", "--format", "json"] + ds.cli_extra
    if ds.weight_column and ds.weight_column != "Weight":
        cmd += ["--weight-column", ds.weight_column]
    if case.at:
        cmd += ["--at", case.at]
    if case.relations:
        cmd += ["--relations", ",".join(case.relations)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        print(f"FAIL {title}: exit {proc.returncode}: {' '.join(cmd)}\n{proc.stderr.strip()}")
        return False
    out = json.loads(proc.stdout)
    figures = {row["name"]: row["value"] for row in out["figures"]}
    problems = []
    counts: Counter = Counter()
    for name in ("direct_ties", "broker_connectivity", "disjoint_channels", "edge_connectivity",
                 "capacity", "pairs_connected", "cross_efficiency"):
        counts["figures"] += 1
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

    # channels
    relation_names = sorted({e.relation for e in all_edges})
    pair_relations: dict[frozenset, Counter] = defaultdict(Counter)
    for e in edges:
        pair_relations[frozenset((e.u, e.v))][e.relation] += 1
    channels = []
    seen: dict[str, int] = {}
    rows = out["channels"]
    if len(rows) != ref["disjoint_channels"]:
        problems.append(f"channels: {len(rows)} listed, expected {ref['disjoint_channels']}")
    for i, row in enumerate(rows):
        path, hops = parse_channel(row["path"], relation_names)
        channels.append(path)
        counts["channel hops"] += len(hops)
        where = f"channel {row['channel']} '{row['path']}'"
        if row["channel"] != i + 1 or row["hops"] != len(path) - 1 or len(hops) != len(path) - 1:
            problems.append(f"{where}: numbered {row['channel']} (expected {i + 1}) with "
                            f"hops {row['hops']} for {len(path)} nodes")
        if side.get(path[0]) != "A" or side.get(path[-1]) != "B":
            problems.append(f"{where}: does not run from side A to side B")
        for x in path:
            if x in seen:
                problems.append(f"{where}: node '{x}' is on channel {seen[x]} too")
            seen[x] = row["channel"]
        for (x, y), (names, directed) in zip(zip(path, path[1:]), hops):
            expected = pair_relations.get(frozenset((x, y)), Counter())
            if directed:
                problems.append(f"{where}: hop {x}-{y} is marked directed")
            if Counter(names) != expected or not expected:
                problems.append(f"{where}: hop {x}-{y} names {sorted(names)}, the projection "
                                f"has {sorted(expected.elements())}")

    # edge single points of failure
    got = Counter((r["edge"], r["source"], r["target"], r["relation"], r["drop"])
                  for r in out["edge single points of failure"])
    counts["edge single points of failure"] += sum(ref["edge_spof"].values())
    if got != ref["edge_spof"]:
        missing = sorted((ref["edge_spof"] - got).elements())
        extra = sorted((got - ref["edge_spof"]).elements())
        problems.append(f"edge single points of failure: {len(missing)} missing {missing[:4]}, "
                        f"{len(extra)} unexpected {extra[:4]}")

    # per-layer figures
    check_layers("relation", out, figures, relation_names, edges, side, ref, parallel, channels,
                 problems, counts)
    if ds.domain_column:
        domains = sorted(set().union(*(e.domains for e in all_edges)))
        check_layers("domain", out, figures, domains, edges, side, ref, parallel, channels,
                     problems, counts)

    if "cross_betweenness" in ref:
        got_bc = {row["id"]: row["cross_betweenness"] for row in out["cross betweenness"]}
        for n, e in ref["cross_betweenness"].items():
            counts["cross betweenness scores"] += 1
            x = got_bc.get(n, 0.0)
            if not close(e, x):
                problems.append(f"cross_betweenness of {n}: expected {e!r}, actornet {x!r}")
    if problems:
        print(f"FAIL {title}\n  command: {' '.join(cmd)}")
        for p in problems[:12]:
            print("  " + p)
        return False
    print(f"PASS {title}: {len(edges)} edges; {', '.join(f'{n} {k}' for k, n in counts.items())}; "
          f"{len(cut)} min cut nodes, {len(drops)} single points of failure, "
          f"{ref['edge_spof_recomputed']} saturated pairs lowered "
          f"({ref['edge_spof_spot_checked']} also recomputed from scratch)")
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True)
    parser.add_argument("--data", help="folder holding the shared datasets")
    parser.add_argument("--dataset", action="append", default=[], choices=sorted(SHARED))
    parser.add_argument("--dataset-dir", action="append", default=[],
                        help="the bundled dataset folder (actornet's CSV convention)")
    args = parser.parse_args()
    jobs = [(os.path.join(args.data or "", n), SHARED[n]) for n in args.dataset]
    jobs += [(d, BUNDLED) for d in args.dataset_dir]
    if not jobs:
        parser.error("give --dataset NAME (with --data) or --dataset-dir DIR")
    ok = True
    for folder, ds in jobs:
        with tempfile.TemporaryDirectory(prefix=f"resilience-oracle-{ds.name}-") as tmp:
            if ds.convert:
                ds.convert(folder, tmp)
                folder = tmp
            nodes, edges = read(folder, ds)
            for case in ds.cases:
                for parallel in ("keep", "any"):
                    ok = check(args.actornet, folder, ds, case, parallel, nodes, edges) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
