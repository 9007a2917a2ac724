#!/usr/bin/env bash
# actornet timeline checked against recomputing every snapshot with `actornet centrality --at`:
# for each grid date of the timeline, every actor's score must equal centrality's at that date
# (same measure, same projection flags), and an actor absent from one must be absent from the
# other. Runs from the project root.
#   timeline_check.sh ACTORNET INPUT MEASURE EVERY [PROJECTION FLAGS...]
set -euo pipefail
actornet=$1 input=$2 measure=$3 every=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$actornet" timeline "$input" --measure "$measure" --every "$every" "$@" --format csv \
  -o "$work/timeline.csv" 2>/dev/null
dates=$(head -1 "$work/timeline.csv" | tr ',' '\n' | tail -n +4)
[ -n "$dates" ] || { echo "the timeline has no date column"; exit 1; }
n=0
for d in $dates; do
  "$actornet" centrality "$input" --at "$d" --measures "$measure" "$@" --format csv \
    -o "$work/at-$d.csv" 2>/dev/null
  n=$((n + 1))
done
/usr/bin/python3 - "$work" "$measure" <<'PY'
import csv, math, os, sys
work, measure = sys.argv[1], sys.argv[2]
with open(os.path.join(work, "timeline.csv"), newline="") as f:
    rows = list(csv.DictReader(f))
dates = [c for c in rows[0].keys()][3:] if rows else []
bad = 0
for d in dates:
    with open(os.path.join(work, f"at-{d}.csv"), newline="") as f:
        at = {r["id"]: float(r[measure]) for r in csv.DictReader(f)}
    seen = set()
    for r in rows:
        cell = r[d]
        if cell == "":
            if r["id"] in at:
                print(f"{d}: {r['id']} is in centrality --at but empty in the timeline"); bad += 1
            continue
        seen.add(r["id"])
        want = at.get(r["id"])
        got = float(cell)
        if want is None or not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12):
            print(f"{d}: {r['id']}: timeline {got}, centrality --at {want}"); bad += 1
    if set(at) - seen:
        print(f"{d}: missing from the timeline: {sorted(set(at) - seen)}"); bad += 1
print(f"{len(dates)} snapshots of {len(rows)} actors compared with centrality --at: "
      f"{'all equal' if bad == 0 else f'{bad} differences'}")
sys.exit(1 if bad else 0)
PY
