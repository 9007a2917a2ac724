#!/usr/bin/env bash
# Time `actornet render --layout sfdp` on a generated 5,000-node, 20,000-edge graph.
# Usage: bench/render.sh [ACTORNET_BINARY] (default: build-bench/cli/actornet, else build/cli/actornet)
# The graph is written by awk with a fixed seed (preferential attachment with a few hubs, so
# the layout meets the hub-heavy shape of event data); outputs go to a temporary folder.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
bin="${1:-}"
if [[ -z "$bin" ]]; then
  for candidate in "$repo/build-bench/cli/actornet" "$repo/build/cli/actornet"; do
    if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
  done
fi
if [[ -z "$bin" || ! -x "$bin" ]]; then
  echo "bench/render.sh: no actornet binary; build one or pass its path" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/big"

awk -v n=5000 -v m=20000 'BEGIN {
  srand(20240601)
  kinds[0] = "person"; kinds[1] = "agency"; kinds[2] = "event"; kinds[3] = "position"
  print "Id,Label,kind,side" > "'"$work"'/big/nodes.csv"
  for (i = 0; i < n; i++)
    printf "n%d,Actor %d,%s,%s\n", i, i, kinds[i % 4], (i % 2 ? "A" : "B") > "'"$work"'/big/nodes.csv"
  print "Source,Target,Type,Kind" > "'"$work"'/big/edges.csv"
  ends = 0
  for (e = 0; e < m; e++) {
    s = int(rand() * n)
    # half the targets by preferential attachment (an earlier edge end), half uniform
    if (ends > 0 && rand() < 0.5) t = end_[int(rand() * ends)]; else t = int(rand() * n)
    if (t == s) t = (s + 1) % n
    end_[ends++] = s; end_[ends++] = t
    printf "n%d,n%d,undirected,rel%d\n", s, t, e % 6 > "'"$work"'/big/edges.csv"
  }
}'

echo "graph: 5000 nodes, 20000 edges ($(wc -c < "$work/big/edges.csv") bytes of edges.csv)"
for format in svg png; do
  start=$(date +%s.%N)
  "$bin" render "$work/big" --layout sfdp -o "$work/big.$format"
  end=$(date +%s.%N)
  printf 'render --layout sfdp -> %s: %.1f s, %s bytes\n' "$format" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$(wc -c < "$work/big.$format")"
done
