#!/usr/bin/python3
"""Writes a random two-sided actor graph for the resilience benchmark (bench/resilience.sh).

    gen_sides_graph.py OUT_DIR --edges M [--nodes N] [--side K] [--seed S]

OUT_DIR/nodes.csv: Id, kind, bloc (A for the first K nodes, B for the next K, none for the
rest); OUT_DIR/edges.csv: Source, Target, Kind (one of four relations), undirected. Half of
the edge ends are drawn uniformly and half by preferential attachment (an end of an earlier
edge), so there are hubs as in event data; self-loops are redrawn, parallel edges kept. The
side nodes are spread over the graph like any other node. N defaults to M / 5 (mean degree
10). Python's random.Random(seed) (Mersenne Twister with randrange, unchanged since
Python 3.2) makes the file the same for a seed on every platform.
"""

from __future__ import annotations

import argparse
import os
import random


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--edges", type=int, required=True)
    parser.add_argument("--nodes", type=int)
    parser.add_argument("--side", type=int, default=100, help="nodes on each side (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    m = args.edges
    n = args.nodes or max(2 * args.side + 2, m // 5)
    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "nodes.csv"), "w", encoding="utf-8") as f:
        f.write("Id,kind,bloc\n")
        for i in range(n):
            bloc = "A" if i < args.side else "B" if i < 2 * args.side else "none"
            f.write(f"n{i},actor,{bloc}\n")
    relations = ("met_with", "called", "co_chairs", "member_of")
    ends: list[int] = []
    with open(os.path.join(args.out_dir, "edges.csv"), "w", encoding="utf-8") as f:
        f.write("Source,Target,Type,Kind\n")
        for _ in range(m):
            while True:
                u = rng.randrange(n) if not ends or rng.random() < 0.5 else rng.choice(ends)
                v = rng.randrange(n) if not ends or rng.random() < 0.5 else rng.choice(ends)
                if u != v:
                    break
            ends.append(u)
            ends.append(v)
            f.write(f"n{u},n{v},undirected,{relations[rng.randrange(4)]}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
