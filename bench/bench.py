#!/usr/bin/python3
"""Time actornet against python-igraph and NetworkX on the same inputs, in one run.

Every timed job is a whole process started from cold (a fresh `actornet` process, or a fresh
`/usr/bin/python3` that imports its library, reads the file, builds the graph and computes),
so interpreter start-up and imports are part of the Python peers' times; the bare start-up and
import times are measured and printed separately so that readers can subtract them.

Jobs, per input:
  load         read the edge list and build the graph
  pagerank     load, then PageRank (damping 0.85)
  betweenness  load, then exact (unnormalised) betweenness

Before anything is timed, each input is checked once: node and edge counts, PageRank and
betweenness must agree between the three tools (1e-6 relative); a WARNING line is printed
otherwise.

Run it with Debian's interpreter (`/usr/bin/python3`), the only one that sees python-igraph
and NetworkX here; `bench/run.sh` builds actornet and does so.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import math
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

QUICK_EDGE_LIMIT = 50_000
REL_TOL = 1e-6
NX_PAGERANK_TOL = 1e-12  # NetworkX stops when the L1 change is below N * tol

# ---------------------------------------------------------------------------------------------
# Inputs. `fmt` selects the peers' reader; `actornet` the flags that make actornet read the
# file the same way. `load_directed` is the direction of the edges as stored.

INPUTS = {
    "wiki-Vote": {
        "path": "snap_wiki_vote/wiki-Vote.txt",
        "fmt": "snap",
        "directed": True,
        "actornet": ["--no-header", "--delimiter", "tab", "--comment", "#", "--directed"],
    },
    "cow-igo": {
        "path": "cow_igo_dyad_year/edges.csv.gz",
        "fmt": "cowcsv",
        "directed": False,
        "actornet": ["--date-column", "year", "--weight-column", "shared_igos"],
    },
}

# ---------------------------------------------------------------------------------------------
# The peers' worker: one script for both libraries, run as `python3 -c WORKER tool job fmt
# path dups out tol`. `dups` says whether the input repeats a pair (then load builds a
# multigraph and the measures a simple graph). `job` is load, pagerank, betweenness, or verify
# (writes JSON to `out`). Timed runs write nothing: they only build and compute.

WORKER = r'''
import sys
tool, job, fmt, path, dups, out = sys.argv[1:7]
# The load job builds the graph as stored: a multigraph when the input repeats a pair.
# PageRank and betweenness run on the simple projection (one edge per pair), which is the
# graph as stored when no pair repeats.
proj = "multi" if (job == "load" and dups == "dups") else "simple"
if tool == "igraph":
    import igraph
else:
    import networkx as nx

NX_PAGERANK_TOL = float(sys.argv[7])


def snap_pairs():
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            line = line.rstrip("\r\n")
            if line:
                fields = line.split("\t")
                yield fields[0], fields[1]


def ig_build(attrs):
    """igraph graph; attrs: also keep year and shared_igos per edge (the load job)."""
    idx = {}
    edges = []
    if fmt == "snap":
        directed = True
        for a, b in snap_pairs():
            edges.append((idx.setdefault(a, len(idx)), idx.setdefault(b, len(idx))))
        years = weights = None
    else:
        import csv, gzip
        directed = False
        years, weights = [], []
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            for s, t, y, w in reader:
                edges.append((idx.setdefault(s, len(idx)), idx.setdefault(t, len(idx))))
                if attrs:
                    years.append(int(y))
                    weights.append(int(w))
    g = igraph.Graph(n=len(idx), edges=edges, directed=directed)
    g.vs["name"] = list(idx)
    if attrs and years is not None:
        g.es["year"] = years
        g.es["shared_igos"] = weights
    if proj == "simple" and dups == "dups":
        g.simplify(multiple=True, loops=False, combine_edges=None)
    return g


def nx_build(attrs):
    if fmt == "snap":
        cls = nx.DiGraph if proj == "simple" else nx.MultiDiGraph
        return nx.read_edgelist(path, comments="#", delimiter="\t", create_using=cls)
    import csv, gzip
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        if proj == "simple":
            G = nx.Graph()
            G.add_edges_from((r[0], r[1]) for r in reader)
        else:
            G = nx.MultiGraph()
            if attrs:
                G.add_edges_from((s, t, {"year": int(y), "shared_igos": int(w)})
                                 for s, t, y, w in reader)
            else:
                G.add_edges_from((r[0], r[1]) for r in reader)
    return G


def build(attrs):
    return ig_build(attrs) if tool == "igraph" else nx_build(attrs)


def counts(g):
    if tool == "igraph":
        return [g.vcount(), g.ecount()]
    return [g.number_of_nodes(), g.number_of_edges()]


def pagerank(g):
    if tool == "igraph":
        return dict(zip(g.vs["name"], g.pagerank()))
    return nx.pagerank(g, tol=NX_PAGERANK_TOL, max_iter=1000)


def betweenness(g):
    if tool == "igraph":
        return dict(zip(g.vs["name"], g.betweenness()))
    return nx.betweenness_centrality(g, normalized=False)


if job == "load":
    build(attrs=True)
elif job == "pagerank":
    pagerank(build(attrs=False))
elif job == "betweenness":
    betweenness(build(attrs=False))
elif job == "verify":
    import json
    result = {}
    proj = "multi" if dups == "dups" else "simple"
    result["load"] = counts(build(attrs=True))
    proj = "simple"
    g = build(attrs=False)
    result["projection"] = counts(g)
    result["pagerank"] = pagerank(g)
    if "--no-betweenness" not in sys.argv:
        result["betweenness"] = betweenness(g)
    with open(out, "w") as f:
        json.dump(result, f)
else:
    raise SystemExit("unknown job " + job)
'''


# ---------------------------------------------------------------------------------------------
# Running and timing processes.

class Outcome:
    """One process run: seconds, or a timeout, or an error with its message."""

    def __init__(self, seconds=None, timeout=False, error=None):
        self.seconds = seconds
        self.timeout = timeout
        self.error = error

    def to_json(self):
        if self.timeout:
            return "timeout"
        if self.error is not None:
            return {"error": self.error}
        return self.seconds


def run_timed(cmd, timeout):
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return Outcome(timeout=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return Outcome(error=f"exit {proc.returncode}: " + (message[-1] if message else ""))
    return Outcome(seconds=seconds)


def run_checked(cmd, timeout):
    """Run an untimed helper command; return (ok, stderr text)."""
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout:g} s"
    text = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode != 0:
        return False, f"exit {proc.returncode}: {text}"
    return True, text


def median_of(outcomes):
    """Median seconds, 'timeout', 'error: ...' or None (not run)."""
    if not outcomes:
        return None
    errors = [o.error for o in outcomes if o.error is not None]
    if errors:
        return "error: " + errors[0]
    if any(o.timeout for o in outcomes):
        return "timeout"
    return statistics.median(o.seconds for o in outcomes)


# ---------------------------------------------------------------------------------------------
# Commands per tool and job.

def actornet_cmd(args, spec, job, out="/dev/null", load_command="validate"):
    path = spec["abs_path"]
    flags = list(spec["actornet"])
    view = ["--parallel", "any"] if spec["simple"] else []
    if job == "load":
        return [args.actornet, load_command, path, *flags, "--format", "csv", "-o", out]
    if job == "info":  # JSON: its preamble states the view's vertex and edge counts
        return [args.actornet, "info", path, *flags, *view, "--format", "json", "-o", out]
    measures = {"pagerank": "pagerank", "betweenness": "betweenness",
                "verify": "pagerank,betweenness"}[job]
    return [args.actornet, "centrality", path, *flags, *view, "--measures", measures,
            "--format", "csv", "-o", out]


def peer_cmd(args, tool, spec, job, out="-", extra=()):
    dups = "dups" if spec["simple"] else "nodups"
    return [args.python, "-c", WORKER, tool, job, spec["fmt"], spec["abs_path"], dups, out,
            repr(NX_PAGERANK_TOL), *extra]


# ---------------------------------------------------------------------------------------------
# Inspecting the inputs once (duplicates, sizes) and verifying that the tools agree.

def inspect_input(spec):
    """Rows, distinct pairs, self-loops, file sizes; decides the projection for the measures."""
    path = spec["abs_path"]
    rows = 0
    loops = 0
    pairs = set()
    nodes = set()
    if spec["fmt"] == "snap":
        uncompressed = os.path.getsize(path)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                a, b = line.rstrip("\r\n").split("\t")[:2]
                rows += 1
                loops += a == b
                pairs.add((a, b) if spec["directed"] else (min(a, b), max(a, b)))
                nodes.update((a, b))
    else:
        with gzip.open(path, "rb") as f:
            data = f.read()
        uncompressed = len(data)
        text = data.decode("utf-8")
        reader = csv.reader(text.splitlines())
        next(reader)
        for row in reader:
            a, b = row[0], row[1]
            rows += 1
            loops += a == b
            pairs.add((a, b) if spec["directed"] else (min(a, b), max(a, b)))
            nodes.update((a, b))
    spec["rows"] = rows
    spec["pairs"] = len(pairs)
    spec["nodes"] = len(nodes)
    spec["self_loops"] = loops
    spec["duplicates"] = rows - len(pairs)
    spec["simple"] = spec["duplicates"] > 0
    spec["file_bytes"] = os.path.getsize(path)
    spec["uncompressed_bytes"] = uncompressed
    spec["measure_edges"] = len(pairs) if spec["simple"] else rows


def projection_text(spec):
    kind = "directed" if spec["directed"] else "undirected"
    if spec["simple"]:
        return (f"{spec['nodes']:,} nodes, {spec['rows']:,} {kind} rows over {spec['pairs']:,} "
                f"distinct pairs; load keeps every row (multigraph, year and weight per edge); "
                f"PageRank and betweenness on the simple projection: one edge per pair, weight 1 "
                f"(actornet --parallel any; igraph Graph.simplify(); NetworkX "
                f"{'DiGraph' if spec['directed'] else 'Graph'}); weights not used")
    return (f"{spec['nodes']:,} nodes, {spec['rows']:,} {kind} edges, no duplicate edges, "
            f"{spec['self_loops']} self-loops: every tool uses the graph as stored "
            f"(actornet default --parallel keep; igraph Graph; NetworkX "
            f"{'DiGraph' if spec['directed'] else 'Graph'}); unweighted")


def read_actornet_long_csv(path):
    """validate CSV in long form: {(section, item): value} for its two-column tables."""
    table = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = {}
        for r in reader:
            rows.setdefault((r["section"], r["row"]), {})[r["column"]] = r["value"]
    for (section, _), cells in rows.items():
        values = list(cells.values())
        if len(values) == 2:
            table[(section, values[0])] = values[1]
    return table


def read_actornet_scores(path):
    scores = {}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        measures = [c for c in reader.fieldnames if c not in ("id", "label", "kind")]
        for m in measures:
            scores[m] = {}
        for r in reader:
            for m in measures:
                scores[m][r["id"]] = float(r[m])
    return scores


def compare_scores(reference, other):
    """Largest relative difference and the number of ids present in only one of them."""
    missing = len(set(reference) ^ set(other))
    scale = max((abs(v) for v in reference.values()), default=0.0)
    floor = 1e-12 * scale if scale > 0 else 1e-300
    worst = 0.0
    for key, a in reference.items():
        if key not in other:
            continue
        b = other[key]
        if math.isnan(a) or math.isnan(b):
            worst = math.inf if math.isnan(a) != math.isnan(b) else worst
            continue
        worst = max(worst, abs(a - b) / max(abs(a), abs(b), floor))
    return worst, missing


def verify_input(args, name, spec, tmp, log):
    """Run each tool once, untimed, and compare. Returns (lines, ok, skipped_nx_betweenness)."""
    lines = []
    ok = True
    result = {"warnings": []}

    def warn(text):
        nonlocal ok
        ok = False
        result["warnings"].append(text)
        lines.append(f"WARNING: {name}: {text}")

    # actornet: import counts (validate), projection counts (info), scores (centrality).
    a_validate = os.path.join(tmp, f"{name}.validate.csv")
    a_info = os.path.join(tmp, f"{name}.info.json")
    a_scores = os.path.join(tmp, f"{name}.scores.csv")
    actor = {}
    for label, cmd, out in (
            ("validate", actornet_cmd(args, spec, "load", a_validate, "validate"), a_validate),
            ("info", actornet_cmd(args, spec, "info", a_info), a_info),
            ("centrality", actornet_cmd(args, spec, "verify", a_scores), a_scores)):
        log(f"  verify {name}: actornet {label}")
        good, err = run_checked(cmd, args.timeout)
        if not good:
            warn(f"actornet {label} failed: {err}; command: {' '.join(cmd)}")
            actor[label] = None
        else:
            actor[label] = out
    if actor.get("validate"):
        t = read_actornet_long_csv(actor["validate"])
        actor["load"] = [int(t.get(("import", "nodes"), -1)), int(t.get(("import", "edges"), -1))]
    if actor.get("info"):
        # The summary counts the imported graph; the preamble describes the view
        # ("N vertices, M edges, ..."), which is what the measures run on.
        with open(actor["info"], encoding="utf-8") as f:
            preamble = " ".join(json.load(f).get("preamble", []))
        found = re.search(r"(\d+) vertices, (\d+) edges", preamble)
        actor["projection"] = [int(found[1]), int(found[2])] if found else [-1, -1]
    if actor.get("centrality"):
        actor.update(read_actornet_scores(actor["centrality"]))
    result["actornet"] = {k: actor.get(k) for k in ("load", "projection")}

    skip_nx_bc = args.quick and spec["measure_edges"] > QUICK_EDGE_LIMIT
    peers = {}
    for tool in ("igraph", "networkx"):
        out = os.path.join(tmp, f"{name}.{tool}.json")
        extra = ["--no-betweenness"] if (tool == "networkx" and skip_nx_bc) else []
        log(f"  verify {name}: {tool}")
        good, err = run_checked(peer_cmd(args, tool, spec, "verify", out, extra), args.timeout)
        if not good:
            warn(f"{tool} verification run failed: {err}")
            peers[tool] = None
            continue
        with open(out, encoding="utf-8") as f:
            peers[tool] = json.load(f)

    expected_load = [spec["nodes"], spec["rows"]]
    expected_proj = [spec["nodes"], spec["measure_edges"]]
    for what, expected in (("load", expected_load), ("projection", expected_proj)):
        got = {"actornet": actor.get(what)}
        for tool in peers:
            got[tool] = peers[tool][what] if peers[tool] else None
        result[f"{what}_counts"] = got
        shown = ", ".join(f"{tool} {c[0]:,}/{c[1]:,}" for tool, c in got.items() if c)
        if any(c is not None and c != expected for c in got.values()):
            warn(f"{what} node/edge counts differ (expected {expected[0]:,}/{expected[1]:,}): "
                 f"{shown}")
        else:
            lines.append(f"{name}: {what} nodes/edges agree: {expected[0]:,}/{expected[1]:,}")

    for measure in ("pagerank", "betweenness"):
        ref = actor.get(measure)
        if ref is None:
            warn(f"no actornet {measure} to compare with")
            continue
        parts = []
        for tool in ("igraph", "networkx"):
            data = peers.get(tool)
            if data is None:
                continue
            if measure not in data:
                parts.append(f"{tool} not checked (--quick)")
                continue
            worst, missing = compare_scores(ref, data[measure])
            result[f"{measure}_{tool}_max_rel_diff"] = worst
            parts.append(f"{tool} max rel. diff {worst:.1e}")
            if missing or worst > REL_TOL:
                warn(f"{measure}: {tool} differs from actornet (max relative difference "
                     f"{worst:.3g}, {missing} ids in only one output)")
        lines.append(f"{name}: {measure} vs actornet: " + "; ".join(parts))
    return lines, ok, result


# ---------------------------------------------------------------------------------------------
# Reporting.

def fmt_seconds(value, args):
    if value is None:
        return "n/a"
    if value == "timeout":
        return f">{args.timeout:g} (timeout)"
    if isinstance(value, str):
        return "error"
    return f"{value:.3f}" if value < 100 else f"{value:.1f}"


def fmt_ratio(peer, mine, args):
    if not isinstance(mine, float):
        return "n/a"
    if peer == "timeout":
        return f">{args.timeout / mine:.1f}"
    if not isinstance(peer, float):
        return "n/a"
    return f"{peer / mine:.2f}"


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def loadavg():
    """The 1-minute load average: other work on the machine makes every time noisier."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def tool_versions(args):
    versions = {}
    for tool, code in (("python-igraph", "import igraph; print(igraph.__version__)"),
                       ("NetworkX", "import networkx; print(networkx.__version__)")):
        proc = subprocess.run([args.python, "-c", code], capture_output=True, text=True)
        versions[tool] = proc.stdout.strip() or "?"
    return versions


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True, help="path to the actornet binary")
    parser.add_argument("--data", required=True, help="the shared data folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job (median; default 3)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds before a run is stopped and reported as >timeout (600)")
    parser.add_argument("--quick", action="store_true",
                        help=f"skip NetworkX betweenness on graphs over {QUICK_EDGE_LIMIT:,} edges")
    parser.add_argument("--json", metavar="FILE", help="save raw timings and checks as JSON")
    parser.add_argument("--inputs", default=",".join(INPUTS),
                        help=f"comma-separated subset of: {', '.join(INPUTS)}")
    parser.add_argument("--python", default="/usr/bin/python3",
                        help="interpreter for the Python peers (default /usr/bin/python3)")
    args = parser.parse_args()

    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not (os.path.isfile(args.actornet) and os.access(args.actornet, os.X_OK)):
        sys.exit(f"bench.py: {args.actornet} is not an executable; build actornet first")
    if not os.path.isdir(args.data):
        sys.exit(f"bench.py: data folder {args.data} not found")
    args.actornet = os.path.abspath(args.actornet)
    names = [n.strip() for n in args.inputs.split(",") if n.strip()]
    for n in names:
        if n not in INPUTS:
            parser.error(f"unknown input '{n}'; choose from {', '.join(INPUTS)}")

    def log(text):
        print(text, file=sys.stderr, flush=True)

    specs = {}
    for n in names:
        spec = dict(INPUTS[n])
        spec["abs_path"] = os.path.abspath(os.path.join(args.data, spec["path"]))
        if not os.path.isfile(spec["abs_path"]):
            sys.exit(f"bench.py: input {spec['abs_path']} not found")
        log(f"inspecting {spec['path']}")
        inspect_input(spec)
        specs[n] = spec

    raw = {"started": datetime.datetime.now().isoformat(timespec="seconds"),
           "repeat": args.repeat, "timeout": args.timeout, "quick": args.quick,
           "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(),
                       "platform": platform.platform(), "loadavg_start": loadavg()},
           "versions": tool_versions(args), "inputs": {}, "startup": {}, "jobs": []}

    report_lines = []
    busy = raw["machine"]["loadavg_start"]
    if busy != "unknown" and float(busy) > 0.5 * (os.cpu_count() or 1):
        log(f"note: load average {busy} on {os.cpu_count()} cores: other work is running and "
            f"the times will be noisy")
    with tempfile.TemporaryDirectory(prefix="actornet-bench-") as tmp:
        # 1. Verification, once per input, before any timing.
        for n, spec in specs.items():
            log(f"verifying {n}")
            lines, ok, result = verify_input(args, n, spec, tmp, log)
            report_lines.extend(lines)
            raw["inputs"][n] = {k: spec[k] for k in (
                "path", "directed", "rows", "pairs", "nodes", "self_loops", "duplicates",
                "simple", "file_bytes", "uncompressed_bytes", "measure_edges")}
            raw["inputs"][n]["actornet_flags"] = spec["actornet"]
            raw["inputs"][n]["verification"] = result

        # 2. Bare start-up and import times.
        startup_cmds = {
            "python3 (no import)": [args.python, "-c", "pass"],
            "python3 -c 'import igraph'": [args.python, "-c", "import igraph"],
            "python3 -c 'import networkx'": [args.python, "-c", "import networkx"],
            "actornet --help": [args.actornet, "--help"],
        }
        for label, cmd in startup_cmds.items():
            run_timed(cmd, args.timeout)  # one untimed run to settle the file cache
            outcomes = [run_timed(cmd, args.timeout) for _ in range(args.repeat)]
            raw["startup"][label] = {"runs": [o.to_json() for o in outcomes],
                                     "median": median_of(outcomes)}

        # 3. The jobs. Repetitions are interleaved across tools so that drifts hit all alike.
        for n, spec in specs.items():
            # Which actornet command loads: validate or info (info also builds a view and
            # computes components). Both are timed; the cheaper one is the "load" row.
            load_outcomes = {c: [] for c in ("validate", "info")}
            for _ in range(args.repeat):
                for c in load_outcomes:
                    log(f"timing {n} load: actornet {c}")
                    load_outcomes[c].append(
                        run_timed(actornet_cmd(args, spec, "load", load_command=c), args.timeout))
            load_medians = {c: median_of(o) for c, o in load_outcomes.items()}
            timed = [c for c, m in load_medians.items() if isinstance(m, float)]
            load_command = min(timed, key=lambda c: load_medians[c]) if timed else "validate"
            raw["inputs"][n]["actornet_load_candidates"] = {
                c: {"runs": [o.to_json() for o in load_outcomes[c]], "median": load_medians[c]}
                for c in load_outcomes}
            raw["inputs"][n]["actornet_load_command"] = load_command

            for job in ("load", "pagerank", "betweenness"):
                outcomes = {"actornet": [], "igraph": [], "networkx": []}
                notes = {}
                if job == "load":
                    outcomes["actornet"] = load_outcomes[load_command]
                skip_nx = (job == "betweenness" and args.quick
                           and spec["measure_edges"] > QUICK_EDGE_LIMIT)
                if skip_nx:
                    notes["networkx"] = f"skipped (--quick, > {QUICK_EDGE_LIMIT:,} edges)"
                stopped = set()  # tools that timed out once are not run again
                for _ in range(args.repeat):
                    for tool in outcomes:
                        if tool == "actornet" and job == "load":
                            continue
                        if tool in stopped or (tool == "networkx" and skip_nx):
                            continue
                        log(f"timing {n} {job}: {tool}")
                        if tool == "actornet":
                            cmd = actornet_cmd(args, spec, job)
                        else:
                            cmd = peer_cmd(args, tool, spec, job)
                        o = run_timed(cmd, args.timeout)
                        outcomes[tool].append(o)
                        if o.timeout or o.error is not None:
                            stopped.add(tool)
                entry = {"job": job, "input": n, "notes": notes,
                         "command": {"actornet": actornet_cmd(
                             args, spec, job, load_command=load_command)},
                         "runs": {t: [o.to_json() for o in outs] for t, outs in outcomes.items()},
                         "median": {t: median_of(outs) for t, outs in outcomes.items()}}
                raw["jobs"].append(entry)

    raw["finished"] = datetime.datetime.now().isoformat(timespec="seconds")
    raw["machine"]["loadavg_end"] = loadavg()

    # ---- the report (stdout, Markdown) ----
    out = []
    out.append(f"actornet vs python-igraph {raw['versions']['python-igraph']} and NetworkX "
               f"{raw['versions']['NetworkX']}: median of {args.repeat} cold process runs, "
               f"seconds (timeout {args.timeout:g} s{', --quick' if args.quick else ''})")
    out.append("")
    out.append("| job | input | actornet s | python-igraph s | NetworkX s | igraph/actornet "
               "| networkx/actornet |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    job_names = {"load": "load", "pagerank": "load + PageRank",
                 "betweenness": "load + betweenness (exact)"}
    for e in raw["jobs"]:
        m = e["median"]
        cells = []
        for tool in ("actornet", "igraph", "networkx"):
            if tool in e["notes"]:
                cells.append(e["notes"][tool])
            else:
                cells.append(fmt_seconds(m[tool], args))
        ratios = []
        for tool in ("igraph", "networkx"):
            ratios.append("n/a" if tool in e["notes"] else fmt_ratio(m[tool], m["actornet"], args))
        job = job_names[e["job"]]
        if e["job"] == "load":
            job += f" (actornet {raw['inputs'][e['input']]['actornet_load_command']})"
        out.append(f"| {job} | {e['input']} | " + " | ".join(cells + ratios) + " |")
    out.append("")
    out.append("Ratios are peer time / actornet time: above 1 means actornet is faster.")
    for e in raw["jobs"]:
        for tool in ("actornet", "igraph", "networkx"):
            m = e["median"][tool]
            if isinstance(m, str) and m.startswith("error"):
                out.append(f"ERROR: {e['job']} on {e['input']}, {tool}: {m[7:]}")

    out.append("")
    out.append("Start-up and import alone (median, s; included in the Python peers' times above): "
               + "; ".join(f"{label} {fmt_seconds(v['median'], args)}"
                           for label, v in raw["startup"].items()))
    out.append("")
    for n, spec in specs.items():
        info = raw["inputs"][n]
        out.append(f"- {n} ({spec['path']}): {projection_text(spec)}.")
        flags = shlex.join(spec["actornet"])
        if spec["simple"]:
            out.append(f"  actornet flags: `{flags}`, plus `--parallel any` for PageRank and "
                       f"betweenness")
        else:
            out.append(f"  actornet flags: `{flags}`")
        cands = info["actornet_load_candidates"]
        chosen = info["actornet_load_command"]
        out.append("  actornet load: " + ", ".join(
            f"`{c}` {fmt_seconds(v['median'], args)} s" for c, v in cands.items())
            + f"; the table uses `{chosen}`"
            + (" (info also builds the view and computes components)" if chosen == "info" else
               " (info would also build the view and compute components)"))
        lt = cands[chosen]["median"]
        if isinstance(lt, float):
            size = info["file_bytes"] / 1e6
            text = f"  actornet load throughput: {size:.2f} MB / {lt:.3f} s = {size / lt:.1f} MB/s"
            if spec["path"].endswith(".gz"):
                raw_size = info["uncompressed_bytes"] / 1e6
                text += (f" of compressed input ({raw_size:.2f} MB uncompressed: "
                         f"{raw_size / lt:.1f} MB/s of CSV text)")
            out.append(text + ", start-up included.")
    out.append("")
    out.append("Checks before timing (scores within 1e-6 relative of actornet's). NetworkX "
               f"PageRank runs with tol={NX_PAGERANK_TOL:g}, max_iter=1000 in the checks and in "
               "the timings: it stops when the L1 change is below N*tol, so its default "
               "tol=1e-6 stops before the scores agree to 1e-6.")
    for line in report_lines:
        out.append(("" if line.startswith("WARNING") else "- ") + line)
    out.append("")
    omp = {k: v for k, v in os.environ.items() if k.startswith(("OMP_", "GOMP_"))}
    raw["machine"]["omp_env"] = omp
    out.append(f"Machine: nproc {os.cpu_count()}, CPU {cpu_model()}; {platform.platform()}; "
               f"load average {raw['machine']['loadavg_start']} at start, "
               f"{raw['machine']['loadavg_end']} at end; OpenMP environment: "
               f"{' '.join(f'{k}={v}' for k, v in omp.items()) or 'default'}; "
               f"date {raw['started'][:10]} ({raw['started']} to {raw['finished']}).")
    text = "\n".join(out)
    print(text)
    raw["report"] = text
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
