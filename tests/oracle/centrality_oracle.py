#!/usr/bin/python3
"""Oracle test for `actornet centrality`.

Builds each reference graph itself from the raw nodes.csv / edges.csv (Python's csv module,
independently of actornet's importer), projects it the way the case says (relation filter,
direction, parallel-edge policy, weights), computes every measure with NetworkX where its
definition matches actornet's (python-igraph is not needed: the few places where NetworkX
differs are handled by a stated projection or a small reference below), runs the actornet CLI
on the same files with the matching options, and compares every score to 1e-9 relative
(1e-12 absolute near zero). Prints the first mismatches of each case and exits non-zero if
any case fails.

Run with Debian's interpreter, which has networkx 2.8, scipy and numpy:

    /usr/bin/python3 tests/oracle/centrality_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset florentine_families
    /usr/bin/python3 tests/oracle/centrality_oracle.py --actornet build/cli/actornet \
        --dataset-dir datasets/us-china-law-enforcement

Conventions checked (see analyses/centrality.hpp):
  degree       edge ends, loops twice; in+out when directed
  strength     summed view weights (count / sum / max / 1 after merging), always
  betweenness  raw pair counts, unordered pairs when undirected; under `keep` parallel edges
               are separate shortest paths; with --lengths inverse, length = 1/weight.
               NetworkX on simple unweighted graphs; otherwise an exact-arithmetic Brandes
               below (NetworkX collapses parallel edges and ties float lengths exactly)
  closeness    reachable / sum of out-distances, 0 when nothing is reachable
               (NetworkX: wf_improved=False on the reversed graph, as it measures in-distance)
  harmonic     sum of 1/out-distance, divided by n-1 (NetworkX on the reversed graph)
  eigenvector  leading eigenvector of A (in-edges when directed), max 1; A sums parallel edges
  pagerank     NetworkX pagerank (uniform jump, dangling mass spread uniformly), tight tolerance
  hub          NetworkX hits (leading singular vectors of A), scaled to max 1
  constraint   Burt, NetworkX local_constraint on the summed mutual weights; NaN if isolated
"""

from __future__ import annotations

import argparse
import csv
import heapq
import math
import os
import subprocess
import sys
import tempfile
import warnings
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

import networkx as nx

# NetworkX 2.8 announces its 3.0 API changes (e.g. in hits); they do not affect the values.
warnings.filterwarnings("ignore", category=FutureWarning)
warnings.filterwarnings("ignore", category=DeprecationWarning)

REL_TOL = 1e-9
ABS_TOL = 1e-12
MAX_SHOWN = 12

DIRECTED_MEASURES = [
    "degree", "in_degree", "out_degree", "strength", "in_strength", "out_strength",
    "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "hub", "authority",
    "constraint",
]
UNDIRECTED_MEASURES = [
    "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
    "constraint",
]


# --------------------------------------------------------------------------- cases


@dataclass
class Case:
    """One projection of a dataset, named after it."""

    name: str
    comment: str
    relations: list[str] | None = None  # None: every relation
    parallel: str = "keep"
    undirected: bool = False  # --undirected: every edge read as undirected
    weights: bool = False  # --weights
    lengths: str | None = None  # --lengths inverse|ignore
    measures: list[str] = field(default_factory=list)


@dataclass
class Dataset:
    """How a dataset's files are read: which columns hold what, and the default direction."""

    name: str
    directed_default: bool  # direction of edges when the file has no Type column
    relation_column: str | None  # None: no relation column (every edge related_to)
    weight_column: str | None  # None: every weight 1
    cases: list[Case]
    gephi_columns: bool = False  # Id/Source/Target/Type/Kind/Weight, read by actornet natively


SHARED = {
    # Padgett's families: undirected, two relations; Pucci is isolated in both.
    "florentine_families": Dataset(
        "florentine_families", False, "relation", None,
        [
            Case("marriage_only_parallel_any",
                 "undirected; relation marriage only; parallel edges merged to one (any)",
                 relations=["marriage"], parallel="any",
                 measures=UNDIRECTED_MEASURES + ["hub", "authority"]),
            Case("both_relations_parallel_keep",
                 "undirected; marriage and business; parallel edges kept (a multigraph)",
                 parallel="keep", measures=UNDIRECTED_MEASURES + ["hub", "authority"]),
            Case("both_relations_parallel_count",
                 "undirected; marriage and business; parallel edges merged, weight = count "
                 "(unweighted measures see one edge; strength sees the count)",
                 parallel="count", measures=UNDIRECTED_MEASURES + ["hub", "authority"]),
        ]),
    # Krackhardt's managers: directed, three relations, no Type column.
    "krackhardt_hightech": Dataset(
        "krackhardt_hightech", True, "relation", None,
        [
            Case("advice_only_directed", "directed; relation advice only; parallel keep",
                 relations=["advice"], measures=DIRECTED_MEASURES),
            Case("all_relations_count_weights_inverse",
                 "directed; all relations; parallel merged with weight = count; weights used, "
                 "lengths = 1/count",
                 parallel="count", weights=True, lengths="inverse", measures=DIRECTED_MEASURES),
        ]),
    # Lazega's lawyers: directed, three relations, no Type column.
    "lazega_lawyers": Dataset(
        "lazega_lawyers", True, "relation", None,
        [
            Case("cowork_only_directed", "directed; relation cowork only; parallel keep",
                 relations=["cowork"], measures=DIRECTED_MEASURES),
            Case("all_relations_count", "directed; all relations; parallel merged (count), "
                 "weights unused", parallel="count", measures=DIRECTED_MEASURES),
        ]),
    # Noordin Top, 139-person version: undirected, 14 relations, 21 components.
    "noordin_top_139": Dataset(
        "noordin_top_139", False, "relation", "weight",
        [
            Case("all_relations_parallel_any", "undirected; all relations; parallel any",
                 parallel="any", measures=UNDIRECTED_MEASURES),
            Case("all_relations_sum_weights_inverse",
                 "undirected; all relations; parallel merged, weight = summed weight; weights "
                 "used, lengths = 1/weight",
                 parallel="sum", weights=True, lengths="inverse", measures=UNDIRECTED_MEASURES),
        ]),
}


def bundled_dataset(name: str) -> Dataset:
    """A dataset in actornet's own CSV convention (Id, Label, kind / Id, Source, Target, Type,
    Kind, Weight), e.g. datasets/us-china-law-enforcement."""
    return Dataset(
        name, False, "Kind", "Weight",
        [
            Case("as_stored", "as stored: per-edge Type (directed if any edge is), every "
                 "relation, parallel keep, no date filter", measures=DIRECTED_MEASURES),
            Case("undirected_parallel_count", "every edge undirected; parallel count",
                 undirected=True, parallel="count", measures=UNDIRECTED_MEASURES),
        ],
        gephi_columns=True)


# --------------------------------------------------------------------------- reading


def column(header: list[str], *names: str) -> str | None:
    """The header entry matching one of `names`, case-insensitively."""
    lowered = {h.strip().lower(): h for h in header}
    for n in names:
        if n.lower() in lowered:
            return lowered[n.lower()]
    return None


@dataclass
class RawEdge:
    source: str
    target: str
    relation: str
    directed: bool
    weight: float


def read_dataset(folder: str, ds: Dataset) -> tuple[list[str], list[RawEdge]]:
    """Node ids in file order (then ids first named by an edge) and every edge row."""
    nodes: OrderedDict[str, None] = OrderedDict()
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        id_col = column(reader.fieldnames or [], "Id")
        if id_col is None:
            raise SystemExit(f"{folder}/nodes.csv has no id column")
        for row in reader:
            nodes.setdefault(row[id_col].strip(), None)
    edges: list[RawEdge] = []
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        src_col, dst_col = column(header, "Source"), column(header, "Target")
        type_col = column(header, "Type")
        rel_col = column(header, ds.relation_column) if ds.relation_column else None
        w_col = column(header, ds.weight_column) if ds.weight_column else None
        for row in reader:
            s, t = row[src_col].strip(), row[dst_col].strip()
            nodes.setdefault(s, None)
            nodes.setdefault(t, None)
            rel = (row[rel_col].strip() if rel_col and row[rel_col] else "") or "related_to"
            if type_col and row[type_col].strip():
                directed = row[type_col].strip().lower() == "directed"
            else:
                directed = ds.directed_default
            w = float(row[w_col]) if w_col and row[w_col].strip() else 1.0
            edges.append(RawEdge(s, t, rel, directed, w))
    return list(nodes), edges


# --------------------------------------------------------------------------- projection


@dataclass
class Projection:
    """The reference view: vertices, direction, and edges after the parallel policy (each a
    (u, v, weight) triple; under keep the same pair may repeat)."""

    nodes: list[str]
    directed: bool
    edges: list[tuple[str, str, float]]
    merged: bool  # True unless parallel keep


def project(nodes: list[str], raw: list[RawEdge], case: Case) -> Projection:
    kept = [e for e in raw if case.relations is None or e.relation in case.relations]
    directed = (not case.undirected) and any(e.directed for e in kept)
    arcs: list[tuple[str, str, float]] = []
    for e in kept:
        u, v = e.source, e.target
        if directed:
            arcs.append((u, v, e.weight))
            if not e.directed and u != v:
                arcs.append((v, u, e.weight))
        else:
            arcs.append((u, v, e.weight))
    if case.parallel == "keep":
        return Projection(nodes, directed, arcs, merged=False)
    groups: OrderedDict[tuple[str, str], list[float]] = OrderedDict()
    for u, v, w in arcs:
        key = (u, v) if directed else tuple(sorted((u, v)))
        groups.setdefault(key, []).append(w)
    merge = {
        "count": len,
        "sum": sum,
        "max": max,
        "any": lambda ws: 1.0,
    }[case.parallel]
    merged = [(u, v, float(merge(ws))) for (u, v), ws in groups.items()]
    return Projection(nodes, directed, merged, merged=True)


def multigraph(p: Projection, weight_attr: bool, loops_twice: bool = False) -> nx.Graph:
    """Every projected edge as a NetworkX edge. `weight` is set only when `weight_attr`
    (otherwise NetworkX treats every edge as 1). `loops_twice` adds each undirected self-loop
    twice, so that an adjacency matrix counts it 2 as igraph's does."""
    g = nx.MultiDiGraph() if p.directed else nx.MultiGraph()
    g.add_nodes_from(p.nodes)
    for u, v, w in p.edges:
        copies = 2 if (loops_twice and not p.directed and u == v) else 1
        for _ in range(copies):
            if weight_attr:
                g.add_edge(u, v, weight=w)
            else:
                g.add_edge(u, v)
    return g


def simple_graph(p: Projection, use_weights: bool, inverse: bool) -> nx.Graph:
    """Parallel edges collapsed, for shortest paths: `length` is 1, or 1/weight under
    inverse (the shortest of parallel edges, i.e. the largest weight, wins)."""
    g = nx.DiGraph() if p.directed else nx.Graph()
    g.add_nodes_from(p.nodes)
    for u, v, w in p.edges:
        length = 1.0 / w if (use_weights and inverse) else 1.0
        if g.has_edge(u, v):
            length = min(length, g[u][v]["length"])
        g.add_edge(u, v, length=length)
    return g


# --------------------------------------------------------------------------- measures


def degree_like(p: Projection, weighted: bool) -> dict[str, dict[str, float]]:
    g = multigraph(p, weight_attr=True)
    w = "weight" if weighted else None
    total = {n: float(d) for n, d in g.degree(weight=w)}
    if p.directed:
        ins = {n: float(d) for n, d in g.in_degree(weight=w)}
        outs = {n: float(d) for n, d in g.out_degree(weight=w)}
    else:
        ins = outs = total
    return {"": total, "in_": ins, "out_": outs}


def betweenness_exact(p: Projection, inverse: bool) -> dict[str, float]:
    """Brandes (2001) in exact arithmetic: lengths are Fractions (1, or 1/weight under
    inverse, each float weight taken exactly), path counts are integers, and k parallel arcs
    are k shortest paths. Used where NetworkX's definition differs: it collapses parallel
    edges (igraph and actornet do not), and it compares float path lengths exactly, so
    1/3 + 1/3 + 1/3 and 1 may or may not tie; here ties are exact."""
    one = Fraction(1)
    adj: dict[str, list[tuple[str, Fraction]]] = {n: [] for n in p.nodes}
    for u, v, w in p.edges:
        if u == v:
            continue
        length = one / Fraction(w) if inverse else one
        adj[u].append((v, length))
        if not p.directed:
            adj[v].append((u, length))
    score = {n: 0.0 for n in p.nodes}
    for s in p.nodes:
        dist: dict[str, Fraction] = {s: Fraction(0)}
        sigma: dict[str, int] = {s: 1}
        preds: dict[str, list[str]] = {s: []}
        done: set[str] = set()
        order: list[str] = []
        heap = [(Fraction(0), 0, s)]
        tick = 1
        while heap:
            d, _, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            order.append(v)
            for w, length in adj[v]:  # one entry per arc: parallel arcs count separately
                nd = d + length
                if w not in dist or nd < dist[w]:
                    dist[w], sigma[w], preds[w] = nd, sigma[v], [v]
                    heapq.heappush(heap, (nd, tick, w))
                    tick += 1
                elif nd == dist[w]:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w])
            if w != s:
                score[w] += delta[w]
    if not p.directed:
        score = {n: x / 2.0 for n, x in score.items()}
    return score


def betweenness(p: Projection, case: Case) -> dict[str, float]:
    inverse = case.weights and case.lengths == "inverse"
    pairs = {(u, v) if p.directed else frozenset((u, v)) for u, v, _ in p.edges}
    if inverse or len(pairs) < len(p.edges):
        return betweenness_exact(p, inverse)
    return nx.betweenness_centrality(simple_graph(p, False, False), normalized=False)


def closeness_harmonic(p: Projection, case: Case) -> tuple[dict, dict]:
    inverse = case.weights and case.lengths == "inverse"
    g = simple_graph(p, case.weights, inverse)
    # NetworkX measures distances *to* a vertex; actornet (igraph mode OUT) *from* it.
    r = g.reverse(copy=True) if p.directed else g
    dist = "length" if inverse else None
    closeness = nx.closeness_centrality(r, distance=dist, wf_improved=False)
    n = len(p.nodes)
    harmonic = nx.harmonic_centrality(r, distance=dist)
    harmonic = {k: (x / (n - 1) if n > 1 else 0.0) for k, x in harmonic.items()}
    return closeness, harmonic


def scale_max(values: dict[str, float]) -> dict[str, float]:
    top = max(values.values(), key=abs)
    return {k: x / top for k, x in values.items()}


def eigenvector(p: Projection, case: Case) -> dict[str, float]:
    g = multigraph(p, weight_attr=case.weights, loops_twice=True)
    if g.number_of_edges() == 0:
        return {n: 1.0 for n in p.nodes}
    x = nx.eigenvector_centrality_numpy(g, weight="weight" if case.weights else None,
                                        max_iter=100000, tol=0)
    return scale_max(x)


def pagerank(p: Projection, case: Case, damping: float = 0.85) -> dict[str, float]:
    g = multigraph(p, weight_attr=case.weights, loops_twice=True)
    return nx.pagerank(g, alpha=damping, weight="weight" if case.weights else None,
                       tol=1e-15, max_iter=100000)


def hub_authority(p: Projection, case: Case) -> tuple[dict, dict]:
    g = multigraph(p, weight_attr=case.weights)  # hits reads an undirected loop once
    if g.number_of_edges() == 0:
        ones = {n: 1.0 for n in p.nodes}
        return ones, dict(ones)
    hubs, auths = nx.hits(g, max_iter=100000, tol=0)
    return scale_max(hubs), scale_max(auths)


def constraint(p: Projection, case: Case) -> dict[str, float]:
    """Burt's constraint on the summed mutual weights. NetworkX reads a MultiGraph's weights
    wrongly, so parallel edges are summed into a simple graph first (a_ij = number of edges,
    or summed weights with --weights); self-loops are left out (constraint is over j != i)."""
    g = nx.DiGraph() if p.directed else nx.Graph()
    g.add_nodes_from(p.nodes)
    for u, v, w in p.edges:
        if u == v:
            continue
        a = w if case.weights else 1.0
        if g.has_edge(u, v):
            g[u][v]["weight"] += a
        else:
            g.add_edge(u, v, weight=a)
    out = {}
    for v in p.nodes:
        contacts = set(nx.all_neighbors(g, v))
        if not contacts:
            out[v] = math.nan
        else:
            out[v] = sum(nx.local_constraint(g, v, j, weight="weight") for j in contacts)
    return out


def reference(p: Projection, case: Case) -> dict[str, dict[str, float]]:
    want = set(case.measures)
    ref: dict[str, dict[str, float]] = {}
    if want & {"degree", "in_degree", "out_degree"}:
        for prefix, col in degree_like(p, weighted=False).items():
            ref[prefix + "degree"] = col
    if want & {"strength", "in_strength", "out_strength"}:
        for prefix, col in degree_like(p, weighted=True).items():
            ref[prefix + "strength"] = col
    if "betweenness" in want:
        ref["betweenness"] = betweenness(p, case)
    if want & {"closeness", "harmonic"}:
        ref["closeness"], ref["harmonic"] = closeness_harmonic(p, case)
    if "eigenvector" in want:
        ref["eigenvector"] = eigenvector(p, case)
    if "pagerank" in want:
        ref["pagerank"] = pagerank(p, case)
    if want & {"hub", "authority"}:
        ref["hub"], ref["authority"] = hub_authority(p, case)
    if "constraint" in want:
        ref["constraint"] = constraint(p, case)
    return {m: ref[m] for m in case.measures}


# --------------------------------------------------------------------------- actornet


def cli_args(ds: Dataset, case: Case) -> list[str]:
    args = ["--measures", ",".join(case.measures), "--parallel", case.parallel]
    if not ds.gephi_columns:
        if ds.relation_column:
            args += ["--relation-column", ds.relation_column]
        if ds.weight_column:
            args += ["--weight-column", ds.weight_column]
        if ds.directed_default:
            args.append("--directed")
    if case.relations:
        args += ["--relations", ",".join(case.relations)]
    if case.undirected:
        args.append("--undirected")
    if case.weights:
        args.append("--weights")
    if case.lengths:
        args += ["--lengths", case.lengths]
    return args + ["--format", "csv"]


def run_actornet(binary: str, folder: str, ds: Dataset, case: Case):
    """Runs the CLI; returns (header, rows by id) or raises RuntimeError with its stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "scores.csv")
        cmd = [binary, "centrality", folder] + cli_args(ds, case) + ["-o", out]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"exit {proc.returncode}: {' '.join(cmd)}\n{proc.stderr.strip()}")
        with open(out, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader, [])
            rows = {row[0]: row for row in reader if row}
    return cmd, header, rows


# --------------------------------------------------------------------------- comparison


def close(expected: float, actual: float) -> bool:
    if math.isnan(expected) or math.isnan(actual):
        return math.isnan(expected) and math.isnan(actual)
    diff = abs(expected - actual)
    return diff <= ABS_TOL or diff <= REL_TOL * max(abs(expected), abs(actual))


def parse_float(text: str) -> float:
    t = text.strip().lower()
    if t in ("nan", "-nan", ""):
        return math.nan
    return float(t)


def check_case(binary: str, folder: str, ds: Dataset, case: Case) -> bool:
    title = f"{ds.name}/{case.name}"
    nodes, raw = read_dataset(folder, ds)
    p = project(nodes, raw, case)
    ref = reference(p, case)
    try:
        cmd, header, rows = run_actornet(binary, folder, ds, case)
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as err:
        print(f"FAIL {title}: actornet did not run: {err}")
        return False

    problems: list[str] = []
    expected_header = ["id", "label", "kind"] + case.measures
    if header != expected_header:
        problems.append(f"header is {header}, expected {expected_header}")
    missing = [n for n in p.nodes if n not in rows]
    extra = [n for n in rows if n not in set(p.nodes)]
    if missing:
        problems.append(f"{len(missing)} node(s) missing from the output, e.g. {missing[:5]}")
    if extra:
        problems.append(f"{len(extra)} unexpected node(s) in the output, e.g. {extra[:5]}")

    mismatches: list[tuple[str, str, float, float]] = []
    compared = 0
    if header == expected_header:
        for i, m in enumerate(case.measures):
            for n in p.nodes:
                if n not in rows:
                    continue
                actual = parse_float(rows[n][3 + i])
                expected = float(ref[m][n])
                compared += 1
                if not close(expected, actual):
                    mismatches.append((m, n, expected, actual))

    if not problems and not mismatches:
        print(f"PASS {title}: {compared} scores ({len(p.nodes)} nodes x {len(case.measures)} "
              f"measures) [{case.comment}]")
        return True

    print(f"FAIL {title} [{case.comment}]")
    print("  command: " + " ".join(cmd))
    for prob in problems:
        print("  " + prob)
    if mismatches:
        by_measure = defaultdict(int)
        for m, *_ in mismatches:
            by_measure[m] += 1
        print(f"  {len(mismatches)} of {compared} scores differ: " +
              ", ".join(f"{m} {k}" for m, k in by_measure.items()))
        print(f"  {'measure':<12} {'node':<28} {'expected':>24} {'actornet':>24} {'rel diff':>10}")
        for m, n, e, a in mismatches[:MAX_SHOWN]:
            rel = abs(e - a) / max(abs(e), abs(a), 1e-300) if not (math.isnan(e) or
                                                                   math.isnan(a)) else math.nan
            print(f"  {m:<12} {n[:28]:<28} {e!r:>24} {a!r:>24} {rel:>10.2e}")
        if len(mismatches) > MAX_SHOWN:
            print(f"  ... and {len(mismatches) - MAX_SHOWN} more")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True, help="path to the actornet binary")
    parser.add_argument("--data", help="folder holding the shared datasets")
    parser.add_argument("--dataset", action="append", default=[],
                        help=f"shared dataset to check (repeatable): {', '.join(SHARED)}")
    parser.add_argument("--dataset-dir", action="append", default=[],
                        help="a dataset folder in actornet's CSV convention (repeatable)")
    parser.add_argument("--case", action="append", default=[],
                        help="only the cases with this name (repeatable)")
    args = parser.parse_args()

    jobs: list[tuple[str, Dataset]] = []
    for name in args.dataset:
        if name not in SHARED:
            parser.error(f"unknown dataset {name!r}; known: {', '.join(SHARED)}")
        if not args.data:
            parser.error("--dataset needs --data")
        jobs.append((os.path.join(args.data, name), SHARED[name]))
    for folder in args.dataset_dir:
        jobs.append((folder, bundled_dataset(os.path.basename(os.path.normpath(folder)))))
    if not jobs:
        parser.error("give --dataset NAME (with --data) or --dataset-dir DIR")

    passed = failed = 0
    for folder, ds in jobs:
        if not os.path.isfile(os.path.join(folder, "edges.csv")):
            print(f"FAIL {ds.name}: no edges.csv in {folder}")
            failed += 1
            continue
        for case in ds.cases:
            if args.case and case.name not in args.case:
                continue
            if check_case(args.actornet, folder, ds, case):
                passed += 1
            else:
                failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
