#!/usr/bin/python3
"""Oracle test for the attack curves of `actornet resilience --attack` (undirected channels).

Builds the graph itself from the raw nodes.csv / edges.csv (Python's csv module), picks the
two sides from a node column, runs the actornet CLI with `--attack ... --format json`, and
then, for every curve, replays actornet's removal order on its own NetworkX graph and
recomputes each point from scratch:

  pairs_connected    sum over connected components of |A_c| |B_c| (nx.connected_components),
                     divided by the intact |A| |B|
  disjoint_channels  a super-source S tied to every remaining vertex of A and a super-sink T
                     tied to every remaining vertex of B: the number of
                     nx.node_disjoint_paths(S, T) (the A-B paths then share no vertex,
                     endpoints included)
  largest_component  size of the largest connected component (0 once nothing is left)
  r_index            mean of pairs_connected over steps 1..N

and checks the orders themselves: `degree` removes vertices by non-increasing degree in the
intact graph (multigraph degree under --parallel keep, self-loops left out), `degree
--recomputed` the top degree of what is left at each step, `cross_betweenness` by
non-increasing nx.betweenness_centrality_subset(A, B) on the simple graph (--parallel any
only: NetworkX does not count parallel edges as separate shortest paths), each with ties by
id; `list` follows --attack-list.

Run with Debian's interpreter (networkx 2.8):

    /usr/bin/python3 tests/oracle/attack_oracle.py --actornet build/cli/actornet \
        --data ../shared/data --dataset noordin_top_139
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from collections import OrderedDict, defaultdict

import networkx as nx

REL_TOL = 1e-9
ABS_TOL = 1e-12

# dataset -> (id column, side column, side A value, side B value, actornet field)
SHARED = {
    "noordin_top_139": ("id", "node_type", "person", "organization", "kind"),
}


def column(header: list[str], name: str) -> str:
    lowered = {h.strip().lower(): h for h in header}
    return lowered[name.lower()]


def read(folder: str, id_column: str, side_column: str, side_a: str, side_b: str):
    """Node ids in order, each node's side ('A', 'B' or None), and the edges (u, v)."""
    nodes: OrderedDict[str, str | None] = OrderedDict()
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        id_col = column(reader.fieldnames or [], id_column)
        side_col = column(reader.fieldnames or [], side_column)
        for row in reader:
            value = row[side_col].strip()
            side = "A" if value == side_a else "B" if value == side_b else None
            nodes.setdefault(row[id_col].strip(), side)
    edges: list[tuple[str, str]] = []
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        src, dst = column(header, "source"), column(header, "target")
        for row in reader:
            u, v = row[src].strip(), row[dst].strip()
            nodes.setdefault(u, None)
            nodes.setdefault(v, None)
            edges.append((u, v))
    return nodes, edges


def figures(g: nx.Graph, a: set, b: set, pairs: int) -> tuple[float, int, int]:
    joined = 0
    largest = 0
    for comp in nx.connected_components(g):
        joined += len(comp & a) * len(comp & b)
        largest = max(largest, len(comp))
    left_a = [x for x in a if x in g]
    left_b = [x for x in b if x in g]
    channels = 0
    if joined:
        sg = g.copy()
        sg.add_edges_from(("__S__", x) for x in left_a)
        sg.add_edges_from((x, "__T__") for x in left_b)
        channels = sum(1 for _ in nx.node_disjoint_paths(sg, "__S__", "__T__"))
    return joined / pairs, channels, largest


def close(e: float, x: float) -> bool:
    return abs(e - x) <= ABS_TOL or abs(e - x) <= REL_TOL * max(abs(e), abs(x))


def check_order(name: str, order: list[str], scores, recomputed_graph=None) -> list[str]:
    """`scores(g_or_None)` gives a score per remaining vertex; the order must take the top
    score (ties by id) at every step, on the intact graph or on what is left."""
    problems = []
    g = recomputed_graph
    s = scores(g)
    remaining = set(s)
    for step, x in enumerate(order, 1):
        if g is not None:
            s = scores(g)
        best = max(s[y] for y in remaining)
        tied = sorted(y for y in remaining if abs(s[y] - best) <= 1e-9 * max(1.0, abs(best)))
        # Recomputed cross betweenness: once every score is 0 the rest go by id alone.
        if tied[0] != x:
            problems.append(f"{name}: step {step} removed {x!r} (score {s.get(x)}), "
                            f"expected {tied[0]!r} (score {best})")
            break
        remaining.discard(x)
        if g is not None:
            g.remove_node(x)
    return problems


def check(binary: str, folder: str, dataset: str, parallel: str) -> bool:
    id_column, side_column, side_a, side_b, field = SHARED[dataset]
    nodes, edges = read(folder, id_column, side_column, side_a, side_b)
    a = {n for n, s in nodes.items() if s == "A"}
    b = {n for n, s in nodes.items() if s == "B"}
    pairs = len(a) * len(b)
    # A list: the first ten persons and organisations in file order, interleaved.
    listed = [x for pair in zip(sorted(a, key=list(nodes).index)[:5],
                                sorted(b, key=list(nodes).index)[:5]) for x in pair]
    orders = ["degree", "cross_betweenness", "list"] if parallel == "any" else ["degree", "list"]
    runs = [(orders, False), (["degree"], True)]
    ok = True
    for attack, recomputed in runs:
        title = f"{dataset}/parallel_{parallel}/{','.join(attack)}{' recomputed' if recomputed else ''}"
        cmd = [binary, "resilience", folder, "--side-a", f"{field}={side_a}", "--side-b",
               f"{field}={side_b}", "--parallel", parallel, "--attack", ",".join(attack),
               "--attack-list", ",".join(listed), "--format", "json"]
        if "list" not in attack:
            cmd[cmd.index("--attack-list"):cmd.index("--attack-list") + 2] = []
        if recomputed:
            cmd.append("--recomputed")
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"FAIL {title}: exit {out.returncode}\n{out.stderr}")
            ok = False
            continue
        report = json.loads(out.stdout)
        curves = defaultdict(list)
        for row in report["attack curves"]:
            curves[row["order"]].append(row)
        summary = {row["order"]: row for row in report["attack summary"]}
        problems: list[str] = []

        # The multigraph (keep) or simple graph (any), self-loops left out.
        mult: dict[frozenset, int] = defaultdict(int)
        for u, v in edges:
            if u != v:
                mult[frozenset((u, v))] += 1
        if parallel == "any":
            mult = {k: 1 for k in mult}
        intact = nx.Graph()
        intact.add_nodes_from(nodes)
        intact.add_edges_from(tuple(k) for k in mult)

        def degrees(g):
            h = intact if g is None else g
            d = {x: 0 for x in h}
            for k, m in mult.items():
                u, v = tuple(k)
                if u in d and v in d:
                    d[u] += m
                    d[v] += m
            return d

        for name in attack:
            rows = curves.get(name, [])
            order = [r["removed"] for r in rows[1:]]
            expected_steps = len(listed) if name == "list" else len(nodes)
            if len(order) != expected_steps:
                problems.append(f"{name}: {len(order)} steps, expected {expected_steps}")
                continue
            if name == "list" and order != listed:
                problems.append(f"list: removed {order[:5]}..., expected {listed[:5]}...")
            if name == "degree":
                problems += check_order(name, order, degrees,
                                        intact.copy() if recomputed else None)
            if name == "cross_betweenness":
                bc = nx.betweenness_centrality_subset(intact, sources=sorted(a),
                                                      targets=sorted(b), normalized=False)
                problems += check_order(name, order, lambda g: bc)
            g = intact.copy()
            total = 0.0
            for step, row in enumerate(rows):
                if step > 0:
                    g.remove_node(row["removed"])
                pc, ch, lc = figures(g, a, b, pairs)
                if step > 0:
                    total += pc
                got = (row["pairs_connected"], row["disjoint_channels"], row["largest_component"])
                if not (close(got[0], pc) and close(got[1], ch) and close(got[2], lc)):
                    problems.append(f"{name} step {step} (removed {row['removed']!r}): actornet "
                                    f"{got}, NetworkX {(pc, ch, lc)}")
                    break
            r_index = total / expected_steps
            if not close(summary[name]["r_index"], r_index):
                problems.append(f"{name}: r_index {summary[name]['r_index']}, NetworkX {r_index}")

        if problems:
            ok = False
            print(f"FAIL {title}")
            for p in problems[:20]:
                print("  " + p)
        else:
            steps = sum(len(curves[n]) - 1 for n in attack)
            print(f"ok   {title}: {steps} curve points agree")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True)
    parser.add_argument("--data", required=True, help="folder holding the shared datasets")
    parser.add_argument("--dataset", action="append", default=[])
    args = parser.parse_args()
    if not args.dataset:
        parser.error("give --dataset NAME")
    ok = True
    for name in args.dataset:
        for parallel in ("keep", "any"):
            ok = check(args.actornet, os.path.join(args.data, name), name, parallel) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
