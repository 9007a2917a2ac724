#!/usr/bin/env bash
# actornet against igraph C, python-igraph, graph-tool and NetworkX on the same graphs, in one
# run (bench/peers.py). Builds actornet (Release) and the two timing programs, writes the peer
# inputs once into BUILD/peer-inputs/, runs every tool alternately and prints a Markdown report.
#
# Usage: bench/peers.sh [--build DIR] [peers.py options]
#   --build DIR     build folder (default: build-bench beside this script's repository)
#   --quick         smaller generated graphs, shorter timeout, no projection: a few minutes
#   --repeat N      repetitions, alternating the tools within each (default 3); medians
#   --timeout S     a job past S seconds is stopped, shown as >S (timeout) (600; --quick 60)
#   --inputs A,B    a subset of: ba, slashdot, pa, grid, projection, csv
#   --tools A,B     a subset of: actornet-1t, actornet-2t, igraph-c, python-igraph,
#                   graph-tool, networkx
#   --slow          also exact betweenness on soc-Slashdot0902, once (long: bench/README.md)
#   --json FILE     raw timings, checks and machine as JSON
# The build log goes to standard error and the report to standard output.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
build="$repo/build-bench"
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    -h|--help) sed -n 2,16p "$0"; exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
mkdir -p "$build"
build="$(cd "$build" && pwd)"

data="$repo/../shared/data"   # the shared data folder sits beside the repository
if [[ ! -d "$data" ]]; then
  echo "bench/peers.sh: shared data folder not found at $data" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"

python=/usr/bin/python3   # Debian's interpreter: the one that sees the Debian Python packages
if ! "$python" -c 'import igraph, networkx, numpy' 2>/dev/null; then
  echo "bench/peers.sh: $python cannot import igraph, networkx and numpy;" \
       "install python3-igraph, python3-networkx and python3-numpy" >&2
  exit 2
fi
if [[ ! -f /usr/include/igraph/igraph.h ]]; then
  echo "bench/peers.sh: igraph's C headers are missing; install libigraph-dev" >&2
  exit 2
fi

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DACTORNET_TESTS=OFF >&2
cmake --build "$build" -j2 >&2

# The timing programs. peers_actornet links what the actornet executable links, minus the CLI
# library, so that a new dependency of a library does not break it.
tools="$build/peer-tools"
mkdir -p "$tools"
libs=()
# shellcheck disable=SC2013  # the link line is one line of words (paths and flags)
for lib in $(awk '/^build cli\/actornet:/ {found = 1} found && /LINK_LIBRARIES =/ {
                    sub(/^ *LINK_LIBRARIES = /, ""); print; exit }' "$build/build.ninja"); do
  [[ "$lib" == cli/libactornet_cli.a ]] && continue
  [[ "$lib" == /* || "$lib" == -* ]] || lib="$build/$lib"
  libs+=("$lib")
done
if [[ ${#libs[@]} -eq 0 ]]; then
  echo "bench/peers.sh: no link line for cli/actornet in $build/build.ninja" >&2
  exit 2
fi
echo "compiling $tools/peers_actornet" >&2
c++ -std=c++20 -O3 -DNDEBUG -DFMT_SHARED -Wall -Wextra -Wconversion -Wno-sign-conversion -Werror \
    -I"$repo" -isystem /usr/include/igraph "$here/peers_actornet.cpp" "${libs[@]}" -pthread \
    -o "$tools/peers_actornet"
echo "compiling $tools/peers_igraph" >&2
cc -std=c11 -O2 -Wall -Wextra -Werror -D_POSIX_C_SOURCE=200809L -I/usr/include/igraph \
   "$here/peers_igraph.c" -ligraph -o "$tools/peers_igraph"

exec "$python" "$here/peers.py" --actornet "$build/cli/actornet" \
     --timing "$tools/peers_actornet" --igraph-c "$tools/peers_igraph" \
     --data "$data" --cache "$build/peer-inputs" "${args[@]}"
