#!/usr/bin/python3
"""Oracle test for `actornet brokerage`, `communities`, `cohesion` and `--project`.

Builds each reference graph itself from the raw nodes.csv / edges.csv (Python's csv module,
independently of actornet's importer), computes the reference values, runs the actornet CLI
on the same files (JSON output) and compares. Exits non-zero on any mismatch.

  brokerage    Gould-Fernandez roles by a plain loop over every triple (a, v, b) of the simple
               directed projection (an undirected edge is two arcs), and the expectations by
               sna::brokerage's formulas (its group and whole-network sums written out as in
               R); raw counts exact, normalised scores and z to 1e-9
  holes        NetworkX effective_size and constraint (general weighted form) on the simple
               graph whose weights are the summed mutual ties; efficiency = effective size /
               distinct neighbours
  cohesion     NetworkX components, articulation points, core numbers (simple graph), bridges
               (NetworkX on the simple graph, kept when one edge backs the pair), strong
               components; python-igraph cohesive_blocks on the simple graph
  communities  modularity of actornet's partition recomputed by NetworkX (weights = edge
               multiplicity); Leiden and Louvain within 0.03 of python-igraph's multilevel
               modularity; label propagation's fixed point (every node carries a label of
               greatest weight among its neighbours); the same seed gives the same output
  projection   NetworkX bipartite weighted_projected_graph (count) and
               collaboration_weighted_projected_graph (Newman), and paul_revere's own 1MODE layer

Usage:
    /usr/bin/python3 tests/oracle/structure_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset noordin_top_139 --partition node_type
    /usr/bin/python3 tests/oracle/structure_oracle.py --actornet build/cli/actornet \
        --dataset-dir datasets/us-china-law-enforcement --partition country
    /usr/bin/python3 tests/oracle/structure_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset paul_revere --projection person --relations 2MODE
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import os
import subprocess
import sys
import warnings
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
from networkx.algorithms import bipartite

warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

REL_TOL = 1e-9
ABS_TOL = 1e-12
FAILURES: list[str] = []


def fail(message: str) -> None:
    FAILURES.append(message)
    if len(FAILURES) <= 30:
        print("MISMATCH:", message)


def close(a, b) -> bool:
    if a is None or b is None:
        return a is None and (b is None or (isinstance(b, float) and math.isnan(b)))
    if isinstance(b, float) and math.isnan(b):
        return False
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=ABS_TOL)


# --------------------------------------------------------------------------- reading


def open_csv(folder: str, name: str):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        return open(path, newline="", encoding="utf-8-sig")
    return io.TextIOWrapper(gzip.open(path + ".gz"), newline="", encoding="utf-8-sig")


def column(row_keys, *names):
    lower = {k.lower(): k for k in row_keys}
    for n in names:
        if n in lower:
            return lower[n]
    return None


class Data:
    """Nodes (id -> attributes) and edges (source, target, relation, directed) in file order."""

    def __init__(self, folder: str):
        self.nodes: dict[str, dict[str, str]] = {}
        self.order: list[str] = []
        with open_csv(folder, "nodes.csv") as f:
            reader = csv.DictReader(f)
            idc = column(reader.fieldnames, "id")
            kindc = column(reader.fieldnames, "kind", "node_type")
            for row in reader:
                attrs = {k: v for k, v in row.items() if v not in ("", None)}
                if kindc:
                    attrs["kind"] = row[kindc] or "other"
                else:
                    attrs["kind"] = "other"
                self.nodes[row[idc]] = attrs
                self.order.append(row[idc])
        self.edges: list[tuple[str, str, str, bool]] = []
        with open_csv(folder, "edges.csv") as f:
            reader = csv.DictReader(f)
            s = column(reader.fieldnames, "source")
            t = column(reader.fieldnames, "target")
            typ = column(reader.fieldnames, "type")
            rel = column(reader.fieldnames, "kind", "relation")
            for row in reader:
                directed = typ is not None and row[typ].strip().lower() == "directed"
                relation = row[rel] if rel and row[rel] else "related_to"
                for end in (row[s], row[t]):
                    if end not in self.nodes:
                        self.nodes[end] = {"kind": "other"}
                        self.order.append(end)
                self.edges.append((row[s], row[t], relation, directed))

    def filtered(self, relations: list[str] | None):
        if not relations:
            return self.edges
        return [e for e in self.edges if e[2] in relations]

    def directed_view(self, edges) -> bool:
        return any(e[3] for e in edges)


def run(actornet: str, args: list[str]) -> dict:
    out = subprocess.run([actornet] + args + ["--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"actornet {' '.join(args)} failed ({out.returncode}):\n{out.stderr}")
    return json.loads(out.stdout)


# --------------------------------------------------------------------------- brokerage

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]


def sna_expectations(sizes: list[float], N: float, d: float):
    """Per-group expectations and sds, and global ones, as sna::brokerage writes them."""
    c = d * d * (1 - d)
    d3 = d**3 * (1 - d) ** 3
    d4 = d**4 * (1 - d) ** 2
    d5 = d**5 * (1 - d)

    def choose2(x):
        return x * (x - 1) / 2

    per_group = []
    for i, ni in enumerate(sizes):
        others = [n for j, n in enumerate(sizes) if j != i]
        e = [0.0] * 6
        v = [0.0] * 6
        e[0] = c * (ni - 1) * (ni - 2)
        v[0] = e[0] * (1 - c) + 2 * (ni - 1) * (ni - 2) * (ni - 3) * d3
        e[1] = c * sum(n * (n - 1) for n in others)
        v[1] = e[1] * (1 - c) + 2 * sum(n * (n - 1) * (n - 2) for n in others) * d3
        e[2] = c * (N - ni) * (ni - 1)
        v[2] = e[2] * (1 - c) + 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1)) * d3
        e[3], v[3] = e[2], v[2]
        e[4] = c * (sum(x * y for x in others for y in others) - sum(n * n for n in others))
        v[4] = e[4] * (1 - c) + 4 * sum(n * choose2(N - n - ni) * d3 for n in others)
        e[5] = c * (N - 1) * (N - 2)
        v[5] = e[5] * (1 - c) + 2 * (N - 1) * (N - 2) * (N - 3) * d3
        per_group.append((e, [math.sqrt(max(0.0, x)) for x in v]))

    n = sizes
    e = [0.0] * 6
    v = [0.0] * 6
    e[0] = c * sum(x * (x - 1) * (x - 2) for x in n)
    v[0] = e[0] * (1 - c) + sum(
        x * (x - 1) * (x - 2) * ((4 * x - 10) * d3 - 4 * (x - 3) * d4 + (x - 3) * d5) for x in n)
    e[1] = c * sum(x * (N - x) * (x - 1) for x in n)
    v[1] = e[1] * (1 - c) + (
        sum(x * y * (x - 1) * ((2 * x + 2 * y - 6) * d3 + (N - x - 1) * d5) for x in n for y in n)
        - sum(x * x * (x - 1) * ((4 * x - 6) * d3 + (N - x - 1) * d5) for x in n))
    e[2] = c * sum(x * (N - x) * (x - 1) for x in n)
    v[2] = e[2] * (1 - c) + sum(x * (N - x) * (x - 1) * ((N - 3) * d3 + (x - 2) * d5) for x in n)
    e[3], v[3] = e[2], v[2]
    e[4] = c * (sum(x * y * (N - x - y) for x in n for y in n) - sum(x * x * (N - 2 * x) for x in n))
    v[4] = e[4] * (1 - c)
    k = len(n)
    for i in range(k):
        for j in range(k):
            for l in range(k):
                if i != j and j != l and i != l:
                    v[4] += n[i] * n[j] * n[l] * (
                        (4 * (N - n[j]) - 2 * (n[i] + n[l] + 1)) * d3
                        - (4 * (N - n[l]) - 2 * (n[i] + n[j] + 1)) * d4
                        + (N - (n[i] + n[l] + 1)) * d5)
    e[5] = c * N * (N - 1) * (N - 2)
    v[5] = e[5] * (1 - c) + N * (N - 1) * (N - 2) * (
        (4 * N - 10) * d3 - 4 * (N - 3) * d4 + (N - 3) * d5)
    return per_group, e, [math.sqrt(max(0.0, x)) for x in v]


def check_brokerage(actornet, folder, data: Data, partition: str, extra: list[str]):
    nodes = data.order
    arcs = set()
    for s, t, _, directed in data.edges:
        if s == t:
            continue
        arcs.add((s, t))
        if not directed:
            arcs.add((t, s))
    succ = defaultdict(set)
    pred = defaultdict(set)
    for a, b in arcs:
        succ[a].add(b)
        pred[b].add(a)

    def group(x):
        if partition == "kind":
            return data.nodes[x]["kind"]
        return data.nodes[x].get(partition, "(none)")

    raw = {x: [0] * 6 for x in nodes}
    for v in nodes:
        for a in pred[v]:
            for b in succ[v]:
                if a == b or b in succ[a]:
                    continue
                ga, gv, gb = group(a), group(v), group(b)
                if ga == gv == gb:
                    role = 0
                elif ga == gb:
                    role = 1
                elif ga == gv:
                    role = 2
                elif gv == gb:
                    role = 3
                else:
                    role = 4
                raw[v][role] += 1
                raw[v][5] += 1
    names = sorted({group(x) for x in nodes})
    sizes = [float(sum(1 for x in nodes if group(x) == g)) for g in names]
    N = float(len(nodes))
    d = len(arcs) / (N * (N - 1))
    per_group, gexp, gsd = sna_expectations(sizes, N, d)
    index = {g: i for i, g in enumerate(names)}

    out = run(actornet, ["brokerage", folder, "--partition", partition] + extra)
    rows = {r["id"]: r for r in out["brokerage"]}
    if set(rows) != set(nodes):
        fail(f"brokerage: node sets differ ({len(rows)} vs {len(nodes)})")
        return
    for x in nodes:
        r = rows[x]
        if r["group"] != group(x):
            fail(f"brokerage {x}: group {r['group']} != {group(x)}")
        e, _ = per_group[index[group(x)]]
        for k, role in enumerate(ROLES):
            if r[role] != raw[x][k]:
                fail(f"brokerage {x} {role}: actornet {r[role]} != reference {raw[x][k]}")
            expected_norm = None if e[k] == 0 else raw[x][k] / e[k]
            if not close(r[role + "_norm"], expected_norm):
                fail(f"brokerage {x} {role}_norm: {r[role + '_norm']} != {expected_norm}")
    for g in out["groups"]:
        e, sd = per_group[index[g["group"]]]
        for k, role in enumerate(ROLES):
            if not close(g[role + "_expected"], e[k]) or not close(g[role + "_sd"], sd[k]):
                fail(f"brokerage group {g['group']} {role}: expected/sd differ")
    for k, row in enumerate(out["whole network"]):
        total = sum(raw[x][k] for x in nodes)
        z = None if gsd[k] == 0 else (total - gexp[k]) / gsd[k]
        if row["raw"] != total or not close(row["expected"], gexp[k]) or \
                not close(row["sd"], gsd[k]) or not close(row["z"], z):
            fail(f"brokerage whole network {row['role']}: {row} vs raw {total}, "
                 f"expected {gexp[k]}, sd {gsd[k]}, z {z}")

    # Structural holes: NetworkX on the summed mutual ties.
    directed = data.directed_view(data.edges)
    mutual = Counter()
    for s, t, _, is_directed in data.edges:
        if s == t:
            continue
        key = tuple(sorted((s, t)))
        mutual[key] += 2 if directed and not is_directed else 1
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for (a, b), w in mutual.items():
        G.add_edge(a, b, weight=w)
    esize = nx.effective_size(G, weight="weight")
    constraint = nx.constraint(G, weight="weight")
    for x in nodes:
        r = rows[x]
        deg = G.degree(x)
        ref_e = esize[x]
        ref_eff = ref_e / deg if deg else float("nan")
        if math.isnan(ref_e):
            ok = r["effective_size"] is None and r["efficiency"] is None
        else:
            ok = close(r["effective_size"], ref_e) and close(r["efficiency"], ref_eff)
        if not ok:
            fail(f"holes {x}: effective size {r['effective_size']} / efficiency {r['efficiency']}"
                 f" != {ref_e} / {ref_eff}")
        ref_c = constraint[x]
        if not (close(r["constraint"], ref_c) or (math.isnan(ref_c) and r["constraint"] is None)):
            fail(f"holes {x}: constraint {r['constraint']} != {ref_c}")
    print(f"brokerage and structural holes: {len(nodes)} nodes, {len(names)} groups, "
          f"{len(arcs)} arcs checked")


# --------------------------------------------------------------------------- cohesion


def check_cohesion(actornet, folder, data: Data, extra: list[str], blocks: bool):
    nodes = data.order
    multiplicity = Counter()
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    digraph = nx.DiGraph()
    digraph.add_nodes_from(nodes)
    for s, t, _, directed in data.edges:
        digraph.add_edge(s, t)
        if not directed:
            digraph.add_edge(t, s)
        if s == t:
            continue
        multiplicity[tuple(sorted((s, t)))] += 1
        simple.add_edge(s, t)
    out = run(actornet, ["cohesion", folder] + (["--blocks"] if blocks else []) + extra)
    summary = {r["name"]: r["value"] for r in out["summary"]}
    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    if [r["size"] for r in out["components"]] != sizes:
        fail(f"cohesion: component sizes differ: {[r['size'] for r in out['components']]} "
             f"vs {sizes}")
    if data.directed_view(data.edges):
        strong = nx.number_strongly_connected_components(digraph)
        if summary.get("strong_components") != strong:
            fail(f"cohesion: strong components {summary.get('strong_components')} != {strong}")
    points = sorted(nx.articulation_points(simple))
    if sorted(r["id"] for r in out["articulation points"]) != points:
        fail(f"cohesion: articulation points differ")
    bridges = sorted(tuple(sorted(b)) for b in nx.bridges(simple)
                     if multiplicity[tuple(sorted(b))] == 1)
    got = sorted(tuple(sorted((r["source"], r["target"]))) for r in out["bridges"])
    if got != bridges:
        fail(f"cohesion: bridges differ: {len(got)} vs {len(bridges)}")
    core = nx.core_number(simple)
    rows = {r["id"]: r for r in out["nodes"]}
    for x in nodes:
        if rows[x]["coreness"] != core[x]:
            fail(f"cohesion {x}: coreness {rows[x]['coreness']} != {core[x]}")
    reference = []
    if blocks:
        import igraph

        index = {x: i for i, x in enumerate(nodes)}
        ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in simple.edges()])
        found = ig.cohesive_blocks()
        reference = sorted((c, tuple(sorted(nodes[v] for v in b)))
                           for b, c in zip(found, found.cohesions()))
        mine = sorted((r["cohesion"], tuple(sorted(r["members"].split("|"))))
                      for r in out["cohesive blocks"])
        if mine != reference:
            fail(f"cohesion: cohesive blocks differ ({len(mine)} vs {len(reference)})")
        for r in out["cohesive blocks"]:
            for x in r["members"].split("|"):
                if rows[x]["cohesion"] < r["cohesion"]:
                    fail(f"cohesion {x}: cohesion {rows[x]['cohesion']} below its block's")
    elif "cohesive blocks" in out:
        fail("cohesion: blocks reported without --blocks")
    print(f"cohesion: {len(sizes)} components, {len(points)} articulation points, "
          f"{len(bridges)} bridges, {len(reference)} cohesive blocks checked")


# --------------------------------------------------------------------------- communities


def check_communities(actornet, folder, data: Data, extra: list[str]):
    nodes = data.order
    weights = Counter()
    loops = 0
    for s, t, _, _ in data.edges:
        if s == t:
            loops += 1
            continue
        weights[tuple(sorted((s, t)))] += 1
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for (a, b), w in weights.items():
        G.add_edge(a, b, weight=w)
    import igraph

    index = {x: i for i, x in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in weights.elements()])
    best = max(ig.community_multilevel().modularity for _ in range(5))
    for method in ["leiden", "louvain", "label-propagation"]:
        args = ["communities", folder, "--method", method, "--seed", "3"] + extra
        out = run(actornet, args)
        if run(actornet, args) != out:
            fail(f"communities {method}: two runs with one seed differ")
        member = {r["id"]: r["community"] for r in out["membership"]}
        if set(member) != set(nodes):
            fail(f"communities {method}: node sets differ")
            continue
        groups = defaultdict(set)
        for x, c in member.items():
            groups[c].add(x)
        sizes = [r["size"] for r in out["communities"]]
        if sizes != sorted(sizes, reverse=True) or sizes != [len(groups[c]) for c in
                                                            sorted(groups)]:
            fail(f"communities {method}: sizes not as numbered")
        summary = {r["name"]: r["value"] for r in out["summary"]}
        if loops == 0:
            q = nx.algorithms.community.modularity(G, list(groups.values()), weight="weight")
            if not close(summary["modularity"], q):
                fail(f"communities {method}: modularity {summary['modularity']} != NetworkX {q}")
        if method != "label-propagation" and summary["modularity"] < best - 0.03:
            fail(f"communities {method}: modularity {summary['modularity']} well below "
                 f"python-igraph multilevel's {best}")
        if method == "label-propagation":
            for x in nodes:
                tally = Counter()
                for y in G[x]:
                    tally[member[y]] += G[x][y]["weight"]
                if tally and tally[member[x]] != max(tally.values()):
                    fail(f"communities label-propagation: {x} carries a minority label")
        print(f"communities {method}: {len(groups)} communities, modularity "
              f"{summary['modularity']:.6f} (python-igraph multilevel best of 5: {best:.6f})")


# --------------------------------------------------------------------------- projection


def check_projection(actornet, folder, data: Data, actor_kind: str, relations: list[str]):
    edges = data.filtered(relations)
    B = nx.Graph()
    actors = [x for x in data.order if data.nodes[x]["kind"] == actor_kind]
    B.add_nodes_from(data.order)
    for s, t, _, _ in edges:
        if s != t and (data.nodes[s]["kind"] == actor_kind) != (data.nodes[t]["kind"] == actor_kind):
            B.add_edge(s, t)
    counts = bipartite.weighted_projected_graph(B, actors)
    newman = bipartite.collaboration_weighted_projected_graph(B, actors)
    rel = ["--relations", ",".join(relations)] if relations else []
    for weighting, reference in (("count", counts), ("newman", newman)):
        out = run(actornet, ["brokerage", folder, "--project", actor_kind, "--partition", "kind",
                             "--projection-weights", weighting] + rel)
        if len(out["brokerage"]) != len(actors):
            fail(f"projection {weighting}: {len(out['brokerage'])} actors, expected {len(actors)}")
        export = subprocess.run(
            [actornet, "export", folder, "--project", actor_kind, "--projection-weights",
             weighting, "--format", "json", "-o", "-"] + rel, capture_output=True, text=True)
        if export.returncode != 0:
            raise SystemExit(export.stderr)
        doc = json.loads(export.stdout)
        links = doc.get("links") or doc.get("edges")
        mine = {tuple(sorted((l["source"], l["target"]))): l["weight"] for l in links}
        ref = {tuple(sorted((a, b))): d["weight"] for a, b, d in reference.edges(data=True)}
        if set(mine) != set(ref):
            fail(f"projection {weighting}: tied pairs differ ({len(mine)} vs {len(ref)})")
        for pair, w in ref.items():
            if pair in mine and not close(mine[pair], float(w)):
                fail(f"projection {weighting} {pair}: weight {mine[pair]} != {w}")
        print(f"projection {weighting}: {len(mine)} ties checked against NetworkX")
    return mine_counts(actornet, folder, actor_kind, rel)


def mine_counts(actornet, folder, actor_kind, rel):
    export = subprocess.run([actornet, "export", folder, "--project", actor_kind, "--format",
                             "json", "-o", "-"] + rel, capture_output=True, text=True)
    doc = json.loads(export.stdout)
    links = doc.get("links") or doc.get("edges")
    return {tuple(sorted((l["source"], l["target"]))): l["weight"] for l in links}


def check_shipped_projection(data: Data, mine: dict, layer: str, weights_file: str):
    """paul_revere ships its projection as the relation `layer`, with weights."""
    ref = {}
    with open_csv(weights_file, "edges.csv") as f:
        reader = csv.DictReader(f)
        rel = column(reader.fieldnames, "relation")
        w = column(reader.fieldnames, "weight")
        for row in reader:
            if row[rel] == layer:
                ref[tuple(sorted((row["source"], row["target"])))] = float(row[w])
    if set(ref) != set(mine):
        fail(f"shipped projection: tied pairs differ ({len(mine)} vs {len(ref)})")
    for pair, w in ref.items():
        if pair in mine and mine[pair] != w:
            fail(f"shipped projection {pair}: {mine[pair]} != {w}")
    print(f"projection: {len(ref)} ties of the shipped {layer} layer match")


# --------------------------------------------------------------------------- main


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--actornet", required=True)
    p.add_argument("--data")
    p.add_argument("--dataset")
    p.add_argument("--dataset-dir")
    p.add_argument("--partition", help="node attribute for brokerage (omit: no brokerage)")
    p.add_argument("--projection", help="actor kind: check the two-mode projection only")
    p.add_argument("--relations", default="", help="with --projection: attendance relations")
    p.add_argument("--blocks", action="store_true", help="also check cohesive blocks (slow)")
    p.add_argument("--shipped-layer", help="with --projection: relation of a shipped projection")
    args = p.parse_args()
    folder = args.dataset_dir or os.path.join(args.data, args.dataset)
    data = Data(folder)
    if args.projection:
        relations = [r for r in args.relations.split(",") if r]
        mine = check_projection(args.actornet, folder, data, args.projection, relations)
        if args.shipped_layer:
            check_shipped_projection(data, mine, args.shipped_layer, folder)
    else:
        if args.partition:
            check_brokerage(args.actornet, folder, data, args.partition, [])
        check_cohesion(args.actornet, folder, data, [], args.blocks)
        check_communities(args.actornet, folder, data, [])
    if FAILURES:
        print(f"{len(FAILURES)} mismatches")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
