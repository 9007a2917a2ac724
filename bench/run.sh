#!/usr/bin/env bash
# Build actornet in Release mode into build-bench/ and time it against python-igraph and
# NetworkX (bench/bench.py). Usage: bench/run.sh [--quick] [other bench.py options]
#   --quick        skip NetworkX exact betweenness on graphs over 50,000 edges
#   --repeat N     runs per job, median reported (default 3)
#   --timeout S    seconds before a run is reported as >timeout (default 600)
#   --json FILE    also save the raw timings
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
data="$repo/../shared/data"   # the shared data folder sits beside the repository

if [[ ! -d "$data" ]]; then
  echo "bench/run.sh: shared data folder not found at $data" >&2
  echo "  (expected the project's shared/data folder beside the repository)" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"

python=/usr/bin/python3   # Debian's interpreter: the one that sees python-igraph and NetworkX
if ! "$python" -c 'import igraph, networkx' 2>/dev/null; then
  echo "bench/run.sh: $python cannot import igraph and networkx;" \
       "install python3-igraph and python3-networkx" >&2
  exit 2
fi

cd "$repo"
# The build log goes to stderr, so that standard output is the Markdown report alone.
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DACTORNET_TESTS=OFF >&2
cmake --build build-bench >&2

exec "$python" bench/bench.py --actornet build-bench/cli/actornet --data "$data" "$@"
