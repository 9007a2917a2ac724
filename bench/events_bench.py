#!/usr/bin/env python3
"""Event import throughput and peak memory: actornet against Python's csv module on the same
files. Inputs: icews14 from the shared data, rewritten into the native ICEWS layout (one .tab
with the 20 ICEWS columns), and a synthetic GDELT 2.0 file made by bench/events_gen.py.

    /usr/bin/python3 bench/events_bench.py --actornet build-bench/cli/actornet \\
        --data ../shared/data --rows 10000000 --work /tmp/actornet-events

For each input, each job runs --repeat times as a new process; the table gives the median
wall time, the median CPU time, events per second (rows of the file / CPU time, start-up
included) and the largest
peak resident memory (ru_maxrss of the process, from wait4), with the CPU time (user +
system) beside the wall time: events per second are counted on CPU time. Jobs:
  actornet none        actornet validate FILE --format csv -o /dev/null (one edge per event)
  actornet dyad-month  the same with --aggregate dyad-month
  python csv rows      csv.reader over the file, counting rows
  python csv dyad-month  csv.reader, then a dict keyed by (actor1, actor2, root, month)
                         holding count, Goldstein sum, first and last day: what
                         actornet's dyad-month keeps
"""
import argparse
import csv
import gzip
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

PY_ROWS = r"""
import csv, sys
csv.field_size_limit(1 << 30)
n = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
        n += 1
print(n)
"""

# GDELT columns 6, 16 (names), 28 (root), 1 (day), 30 (Goldstein); ICEWS by header.
PY_DYAD_MONTH = r"""
import csv, sys
csv.field_size_limit(1 << 30)
path, kind = sys.argv[1], sys.argv[2]
folds = {}
with open(path, newline="", encoding="utf-8") as f:
    rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
    if kind == "icews":
        h = next(rows)
        s, t, c, d, g = (h.index(x) for x in
                         ("Source Name", "Target Name", "CAMEO Code", "Event Date", "Intensity"))
    for r in rows:
        if kind == "gdelt":
            a, b = r[6] or r[5], r[16] or r[15]
            if not a or not b:
                continue
            key = (a, b, r[28], r[1][:6])
            day, gold = r[1], float(r[30])
        else:
            key = (r[s], r[t], r[c][:2], r[d][:7])
            day, gold = r[d], float(r[g])
        v = folds.get(key)
        if v is None:
            folds[key] = [1, gold, day, day]
        else:
            v[0] += 1
            v[1] += gold
            if day < v[2]: v[2] = day
            if day > v[3]: v[3] = day
print(len(folds))
"""


def run(cmd):
    """Wall time, CPU time (user + system), peak RSS (MB) and stdout of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = b"", b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out = proc.stdout.read()
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, out.decode().strip()


def write_icews(data, path):
    """icews14 in the native layout: the names, dates and CAMEO codes of every event."""
    sys.path.insert(0, HERE)
    codes = load_cameo_names()
    header = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
              "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
              "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
              "Province", "Country", "Latitude", "Longitude"]
    n = 0
    with gzip.open(os.path.join(data, "icews14", "edges.csv.gz"), "rt", encoding="utf-8") as f, \
            open(path, "w", encoding="utf-8") as out:
        out.write("\t".join(header) + "\n")
        for r in csv.DictReader(f):
            n += 1
            code = codes[r["event_type"].lower()]
            out.write("\t".join([str(n), r["date"], r["source"], "", "", r["event_type"], code,
                                 f"{(n * 37 % 201 - 100) / 10:.1f}", r["target"], "", "",
                                 str(n), "1", "Bench", "", "", "", "", "", ""]) + "\n")
    return n


def load_cameo_names():
    """Event Text -> CAMEO code, read from importers/cameo.cpp (the table the importer uses)."""
    names = {}
    src = os.path.join(HERE, "..", "importers", "cameo.cpp")
    for line in open(src, encoding="utf-8"):
        line = line.strip()
        if line.startswith('{"') and line.endswith("},"):
            code, name = line[2:-2].split('", "', 1)
            name = name.rstrip('"').replace('\\"', '"').lower()
            if name not in names or len(names[name]) == 2:
                names[name] = code
    return names


def main():
    ap = argparse.ArgumentParser(description="event import: actornet vs Python csv")
    ap.add_argument("--actornet", required=True)
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--actors", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", default="/tmp/actornet-events-bench")
    ap.add_argument("--python", default="/usr/bin/python3")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)

    inputs = []
    icews = os.path.join(a.work, "icews14.tab")
    if os.path.isdir(os.path.join(a.data, "icews14")):
        inputs.append(("icews14 (native .tab)", icews, write_icews(a.data, icews), "icews"))
    else:
        print(f"icews14 skipped: {a.data}/icews14 is absent", file=sys.stderr)
    gdelt = os.path.join(a.work, f"gdelt-{a.rows}.export.CSV")
    if not os.path.exists(gdelt):
        print(f"writing {gdelt} ...", file=sys.stderr)
        subprocess.run([a.python, os.path.join(HERE, "events_gen.py"), "--rows", str(a.rows),
                        "--actors", str(a.actors), "-o", gdelt], check=True)
    inputs.append((f"synthetic GDELT ({a.rows:,} rows)", gdelt, a.rows, "gdelt"))

    jobs = [
        ("actornet none", lambda p, k: [a.actornet, "validate", p, "--format", "csv", "-o",
                                        "/dev/null"]),
        ("actornet dyad-month", lambda p, k: [a.actornet, "validate", p, "--aggregate",
                                              "dyad-month", "--format", "csv", "-o",
                                              "/dev/null"]),
        ("python csv rows", lambda p, k: [a.python, "-c", PY_ROWS, p]),
        ("python csv dyad-month", lambda p, k: [a.python, "-c", PY_DYAD_MONTH, p, k]),
    ]
    print("Event import: median of {} cold runs; CPU = user + system time of the process; "
          "events/s = rows / CPU time (start-up included; on a busy machine wall time "
          "overstates the cost, CPU time does not); peak = largest resident memory of the "
          "process.\n".format(a.repeat))
    print("| input | size | job | wall s | CPU s | events/s (CPU) | peak MB |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for label, path, rows, kind in inputs:
        size = os.path.getsize(path) / 1e6
        for name, cmd in jobs:
            walls, cpus, peaks = [], [], []
            for _ in range(a.repeat):
                wall, cpu, peak, _ = run(cmd(path, kind))
                walls.append(wall)
                cpus.append(cpu)
                peaks.append(peak)
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            print(f"| {label} | {size:,.0f} MB | {name} | {wall:.2f} | {cpu:.2f} | "
                  f"{rows / cpu:,.0f} | {max(peaks):,.0f} |", flush=True)
    print(f"\nMachine: nproc {os.cpu_count()}, {platform.processor() or platform.machine()}, "
          f"{platform.platform()}; Python {platform.python_version()}; load average "
          f"{os.getloadavg()[0]:.2f} at the end; {time.strftime('%Y-%m-%d')}.")


if __name__ == "__main__":
    main()
