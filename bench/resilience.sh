#!/usr/bin/env bash
# Time and peak memory of `actornet resilience` (the A-B figures, and attack curves) on the
# COW IGO dyad-years (two blocs of states) and on generated graphs of 1e5 to 1e6 edges.
# Usage: bench/resilience.sh [--quick] [ACTORNET]
#   ACTORNET  the binary to time (default: build a Release actornet into build-bench/)
#   --quick   leave out the runs on the generated 1e6-edge graph
# The attack curve is also timed alone, by bench/attack_timing.cpp compiled against the
# build's static libraries (the folder two levels above ACTORNET).
# Prints a Markdown report on standard output; the build log and progress go to stderr.
# Generated graphs go to build-bench/resilience-graphs/ (seeded, re-made when missing).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
data="$repo/../shared/data"
quick=0
actornet=""
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) actornet="$arg" ;;
  esac
done

if [[ ! -f "$data/cow_igo_dyad_year/edges.csv.gz" ]]; then
  echo "bench/resilience.sh: $data/cow_igo_dyad_year is missing" \
       "(expected the project's shared/data folder beside the repository)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "bench/resilience.sh: /usr/bin/time is needed for peak memory (apt-get install time)" >&2
  exit 2
fi
if [[ -z "$actornet" ]]; then
  cmake -S "$repo" -B "$repo/build-bench" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DACTORNET_TESTS=OFF >&2
  cmake --build "$repo/build-bench" -j2 >&2
  actornet="$repo/build-bench/cli/actornet"
fi

generated="$repo/build-bench/resilience-graphs"  # ignored by git (build*/)
mkdir -p "$generated"
graph_for() {  # graph_for EDGES: the folder of a generated graph with that many edges, seed 1
  local dir="$generated/sides-$1"
  if [[ ! -f "$dir/edges.csv" ]]; then
    echo "generating $dir" >&2
    /usr/bin/python3 "$here/gen_sides_graph.py" "$dir" --edges "$1" --side 100 --seed 1
  fi
  echo "$dir"
}

# run NAME ARGS...: one timed run; prints a table row (wall s, user s, peak MB, exit status).
run() {
  local name=$1
  shift
  local log
  log=$(mktemp)
  echo "running: $name" >&2
  /usr/bin/time -v "$actornet" "$@" --format csv -o /dev/null 2>"$log" || true
  local wall user rss status
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" |
         awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  status=$(awk -F': ' '/Exit status/ {print $2}' "$log")
  if [[ "$status" != 0 ]]; then
    grep -v '^\s' "$log" | head -3 | sed 's/^/    /' >&2
  fi
  printf '| %s | %.2f | %.2f | %s | %s |\n' "$name" "$wall" "$user" "$rss" "$status"
  rm -f "$log"
}

cow="$data/cow_igo_dyad_year"
# The blocs: Correlates of War country codes are numbered by region (2-165 the Americas,
# 200-399 Europe, 400-626 Africa, 630-698 the Middle East, 700-990 Asia and Oceania);
# nodes.csv has no alliance column, so the two sides are two regions, Europe and the Americas.
cow_args=("$cow" --date-column year --weight-column shared_igos
          --side-a "ccode>=200 and ccode<400" --side-b "ccode<200")

echo "## Resilience: figures and attack curves"
echo
echo "actornet: \`$actornet\`; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo
# The attack flags reach the command once cli/attack.hpp is wired into `resilience`.
wired=0
"$actornet" resilience --help 2>/dev/null | grep -q -- '--attack' && wired=1
[[ $wired == 1 ]] || echo "(this actornet has no \`resilience --attack\`: those rows are left out)"
echo
echo "| run | wall s | user s | peak MB | exit |"
echo "| --- | ---: | ---: | ---: | ---: |"
run "cow-igo keep (872,419 edges): figures" resilience "${cow_args[@]}"
if [[ $wired == 1 ]]; then
  run "cow-igo keep: figures + attack degree, cross_betweenness, random x10" \
      resilience "${cow_args[@]}" --attack degree,cross_betweenness,random --runs 10
fi
run "cow-igo any (20,129 edges): figures" resilience "${cow_args[@]}" --parallel any
if [[ $wired == 1 ]]; then
  run "cow-igo any: figures + attack degree, cross_betweenness --recomputed, random x10" \
      resilience "${cow_args[@]}" --parallel any --attack degree,cross_betweenness,random \
      --recomputed --runs 10
fi

# The generated graphs through the command: figures alone, then with a degree attack.
if [[ $quick == 0 ]]; then
  dir=$(graph_for 1000000)
  run "generated 1,000,000 edges: figures" resilience "$dir" --side-a bloc=A --side-b bloc=B
  if [[ $wired == 1 ]]; then
    run "generated 1,000,000 edges: figures + attack degree" \
        resilience "$dir" --side-a bloc=A --side-b bloc=B --attack degree
  fi
fi

# The attack curve alone (bench/attack_timing.cpp calls analyses::attack on a graph it reads
# itself), at three sizes with the same sides (100 nodes each) and mean degree 10: the time
# per edge should stay about flat.
libs="$(dirname "$(dirname "$actornet")")"
timing="$generated/attack_timing"
c++ -std=c++20 -O2 -I"$repo" -isystem /usr/include/igraph -DFMT_SHARED \
    "$here/attack_timing.cpp" "$libs/analyses/libactornet_analyses.a" \
    "$libs/graph/libactornet_graph.a" -ligraph -lfmt -o "$timing"
echo
echo "Attack curve alone (analyses::attack, import excluded; random = one order):"
echo
echo "| edges | nodes | order | wall s | CPU s | r_index |"
echo "| ---: | ---: | --- | ---: | ---: | ---: |"
sizes=(100000 300000)
[[ $quick == 1 ]] || sizes+=(1000000)
for m in "${sizes[@]}"; do
  dir=$(graph_for "$m")
  echo "timing the attack on $dir" >&2
  "$timing" "$dir" degree degree-recomputed random cross_betweenness
done
echo
echo "Peak memory of the attack alone on the largest graph (import included):"
/usr/bin/time -f "%M KB, %e s wall" "$timing" "$(graph_for "${sizes[-1]}")" degree 2>&1 >/dev/null |
  sed 's/^/    /'
