#!/usr/bin/python3
"""actornet against igraph C, python-igraph, graph-tool and NetworkX on the same graphs.

Run by bench/peers.sh, which builds actornet and the timing programs. The algorithms are timed
in-process for every tool (bench/peers_actornet.cpp, bench/peers_igraph.c,
bench/peers_python.py): each tool's process reads the graph untimed, then times each job's
library call and prints one JSON line per job. The tools alternate within each repetition
(A B C ... A B C ...); the report gives medians, ratios peer/actornet, the checks that the
results agree, the thread count of each tool and the machine. CSV import is also timed as a
whole `actornet validate` process under /usr/bin/time -v (MB/s and peak memory), and sampled
betweenness as whole `actornet centrality --approx` processes against the exact command.

Inputs are generated once with fixed seeds (or converted from the shared data) into --cache,
and reused when present.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gzip
import json
import os
import platform
import random
import re
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

TOOLS = ["actornet-1t", "actornet-2t", "igraph-c", "python-igraph", "graph-tool", "networkx"]
TOOL_TITLES = {"actornet-1t": "actornet 1t", "actornet-2t": "actornet 2t",
               "igraph-c": "igraph C", "python-igraph": "python-igraph",
               "graph-tool": "graph-tool", "networkx": "NetworkX"}
# Which actornet column a peer's ratio is taken against: the same thread count.
RATIO_BASE = {"igraph-c": "actornet-1t", "python-igraph": "actornet-1t",
              "graph-tool": "actornet-2t", "networkx": "actornet-1t"}

JOB_TITLES = {"import": "import (in-process)", "degree": "degree",
              "betweenness": "betweenness (exact)", "closeness": "closeness",
              "harmonic": "harmonic", "pagerank": "PageRank", "eigenvector": "eigenvector",
              "cohesion": "cohesion: components + articulation + bridges + k-core",
              "components": "  components (weak)", "articulation": "  articulation points",
              "bridges": "  bridges", "kcore": "  k-core (coreness)"}
COHESION_PARTS = ["components", "articulation", "bridges", "kcore"]

# Agreement thresholds of the checks (relative, or absolute on max-scaled eigenvectors).
TOLERANCE = {"betweenness": 1e-9, "closeness": 1e-9, "harmonic": 1e-9, "pagerank": 1e-6,
             "eigenvector": 1e-6, "degree": 0.0, "coreness": 0.0}

# O(VE) jobs: NetworkX runs them only below this many edges (pure-Python Brandes needs about
# 100 s per 10^5 edges x 7,000 vertices on this kind of machine).
NX_QUADRATIC_EDGES = 60_000
NX_QUICK_QUADRATIC_EDGES = 5_000
NX_ONCE_EDGES = 1_000_000  # NetworkX runs every job only once above this size


def log(text):
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Inputs

def input_specs(args):
    """name -> spec. Sizes depend on --quick; each size has its own cache folder."""
    q = args.quick
    ba_n = 3_000 if q else 10_000
    pa_n = 50_000 if q else 1_000_000
    side = 200 if q else 1_000
    csv_m = 1_000_000 if q else 10_000_000
    specs = {
        "ba": {"key": f"ba-{ba_n}", "title": f"BA {ba_n:,}", "gen": ("ba", ba_n, 5, 1),
               "directed": False,
               "jobs": ["betweenness", "closeness", "harmonic", "degree", "cohesion"],
               "approx": True,
               "about": f"Barabasi-Albert, {ba_n:,} vertices, 5 edges per new vertex "
                        f"(python-igraph Graph.Barabasi, random.seed(1)), undirected, simple"},
        "slashdot": {"key": "slashdot", "title": "Slashdot0902", "gen": ("slashdot",),
                     "directed": True,
                     "jobs": (["betweenness"] if args.slow else []) + ["pagerank", "degree"],
                     "slow_jobs": ["betweenness"],
                     "approx": args.slow,
                     "about": "snap_soc_slashdot0902/soc-Slashdot0902.txt.gz, directed as "
                              "stored, self-loops kept, ids 0..n-1 as in the file"},
        "pa": {"key": f"pa-{pa_n}", "title": f"BA {pa_n:,}", "gen": ("ba", pa_n, 5, 2),
               "directed": False, "jobs": ["pagerank", "eigenvector", "degree", "cohesion"],
               "about": f"Barabasi-Albert, {pa_n:,} vertices, 5 edges per new vertex "
                        f"(random.seed(2)), undirected, simple"},
        "grid": {"key": f"grid-{side}", "title": f"grid {side}x{side}",
                 "gen": ("grid", side, 0.01, 3), "directed": False,
                 "jobs": ["eigenvector", "degree", "cohesion"],
                 "about": f"road-like lattice: {side}x{side} grid (python-igraph "
                          f"Graph.Lattice, not circular), 1% of the edges removed at random "
                          f"(numpy seed 3), undirected"},
        "projection": {"key": "projection", "title": "actor projection",
                       "gen": ("projection",), "directed": False,
                       "jobs": ["pagerank", "degree", "cohesion"],
                       "about": "actor_collaboration_barabasi/movie_actor_edges.csv.gz "
                                "projected onto the actors: two actors tied once when they "
                                "share a movie (one-mode projection, simple, undirected)"},
        "csv": {"key": f"csv-{csv_m}", "title": f"CSV {csv_m:,} edges",
                "gen": ("csv", csv_m // 10, csv_m, 4), "directed": False, "jobs": ["import"],
                "about": f"{csv_m:,} edges drawn uniformly over {csv_m // 10:,} vertex ids "
                         f"(numpy seed 4; repeats and self-loops possible, all kept)"},
    }
    return specs


def write_edges(folder, pairs, n, directed, meta):
    """edges.txt (space separated, for igraph and the Python peers) and actornet/ (nodes.csv
    with the ids 0..n-1 in order, so that the View's vertex order is the id order, and
    edges.csv)."""
    os.makedirs(os.path.join(folder, "actornet"), exist_ok=True)
    np.savetxt(os.path.join(folder, "edges.txt"), pairs, fmt="%d %d")
    with open(os.path.join(folder, "actornet", "nodes.csv"), "w", encoding="utf-8") as f:
        f.write("Id\n")
        f.write("\n".join(map(str, range(n))))
        f.write("\n")
    with open(os.path.join(folder, "actornet", "edges.csv"), "w", encoding="utf-8") as f:
        f.write("Source,Target\n")
        np.savetxt(f, pairs, fmt="%d,%d")
    meta.update({"n": int(n), "m": int(len(pairs)), "directed": directed})
    with open(os.path.join(folder, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)


def build_input(args, spec):
    folder = os.path.join(args.cache, spec["key"])
    meta_path = os.path.join(folder, "meta.json")
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            return folder, json.load(f)
    tmp = folder + ".partial"
    if os.path.exists(tmp):
        subprocess.run(["rm", "-rf", tmp], check=True)
    os.makedirs(tmp)
    kind = spec["gen"][0]
    log(f"generating {spec['key']} into {folder}")
    meta = {"about": spec["about"]}
    if kind == "ba":
        import igraph
        _, n, m, seed = spec["gen"]
        random.seed(seed)
        g = igraph.Graph.Barabasi(n, m)
        pairs = np.array(g.get_edgelist(), dtype=np.int64)
        write_edges(tmp, pairs, n, False, meta)
    elif kind == "grid":
        import igraph
        _, side, drop, seed = spec["gen"]
        g = igraph.Graph.Lattice([side, side], circular=False)
        pairs = np.array(g.get_edgelist(), dtype=np.int64)
        rng = np.random.default_rng(seed)
        keep = np.ones(len(pairs), dtype=bool)
        keep[rng.choice(len(pairs), size=int(len(pairs) * drop), replace=False)] = False
        meta["removed_edges"] = int((~keep).sum())
        write_edges(tmp, pairs[keep], side * side, False, meta)
    elif kind == "slashdot":
        path = os.path.join(args.data, "snap_soc_slashdot0902", "soc-Slashdot0902.txt.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            rows = [line.split() for line in f if not line.startswith("#") and line.strip()]
        pairs = np.array(rows, dtype=np.int64)
        n = int(pairs.max()) + 1
        codes = pairs[:, 0] * n + pairs[:, 1]
        meta["self_loops"] = int((pairs[:, 0] == pairs[:, 1]).sum())
        meta["duplicate_arcs"] = int(len(codes) - len(np.unique(codes)))
        meta["ids_used"] = int(len(np.unique(pairs)))
        write_edges(tmp, pairs, n, True, meta)
    elif kind == "projection":
        pairs, n, info = project_actors(args)
        meta.update(info)
        write_edges(tmp, pairs, n, False, meta)
    elif kind == "csv":
        _, n, m, seed = spec["gen"]
        rng = np.random.default_rng(seed)
        pairs = rng.integers(0, n, size=(m, 2), dtype=np.int64)
        np.savetxt(os.path.join(tmp, "edges.txt"), pairs, fmt="%d %d")
        with open(os.path.join(tmp, "edges.csv"), "w", encoding="utf-8") as f:
            f.write("Source,Target\n")
            np.savetxt(f, pairs, fmt="%d,%d")
        meta.update({"n": int(n), "m": int(m), "directed": False,
                     "vertices_used": int(len(np.unique(pairs)))})
        with open(os.path.join(tmp, "meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, indent=1)
    os.replace(tmp, folder)
    with open(meta_path, encoding="utf-8") as f:
        return folder, json.load(f)


def project_actors(args):
    """The one-mode actor projection of the movie x actor edges: vertex i is the i-th actor
    in numeric order of its id (a0, a1, ...); one edge per pair of actors sharing a movie."""
    path = os.path.join(args.data, "actor_collaboration_barabasi", "movie_actor_edges.csv.gz")
    movies, actors = [], []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for movie, actor in reader:
            movies.append(int(movie[1:]))
            actors.append(int(actor[1:]))
    memberships = np.unique(np.array([movies, actors], dtype=np.int64).T, axis=0)
    actor_ids = np.unique(memberships[:, 1])
    index = np.searchsorted(actor_ids, memberships[:, 1])
    n = len(actor_ids)
    # memberships are sorted by movie: split into groups and emit every pair per movie.
    starts = np.flatnonzero(np.r_[True, memberships[1:, 0] != memberships[:-1, 0]])
    ends = np.r_[starts[1:], len(memberships)]
    chunks = []
    for s, e in zip(starts, ends):
        k = e - s
        if k < 2:
            continue
        members = np.sort(index[s:e])
        i, j = np.triu_indices(k, 1)
        chunks.append(members[i] * n + members[j])
    codes = np.unique(np.concatenate(chunks))
    pairs = np.stack([codes // n, codes % n], axis=1)
    info = {"memberships": int(len(memberships)), "movies": int(len(starts)),
            "actors": int(n), "pairs_with_repeats": int(sum(len(c) for c in chunks))}
    return pairs, n, info


def check_projection_with_actornet(args, folder, meta):
    """Runs `actornet cohesion --project` on the two-mode file once and keeps its counts."""
    if "actornet_projection" in meta:
        return meta["actornet_projection"]
    path = os.path.join(args.data, "actor_collaboration_barabasi", "movie_actor_edges.csv.gz")
    out = os.path.join(folder, "actornet-projection.json")
    cmd = [args.actornet, "cohesion", path, "--source-column", "movie", "--target-column",
           "actor", "--project", 'id~"^a"', "--format", "json", "-o", out]
    log("checking the projection with: " + " ".join(cmd))
    result = {"command": " ".join(cmd)}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.load_timeout)
        if proc.returncode != 0:
            result["error"] = (proc.stderr.strip().splitlines() or ["?"])[-1]
        else:
            with open(out, encoding="utf-8") as f:
                doc = json.load(f)
            text = " ".join(doc.get("preamble", []))
            found = re.search(r"\(([\d,]+) actors, ([\d,]+) events, ([\d,]+) ties", text)
            if found:
                result.update({"actors": int(found[1].replace(",", "")),
                               "events": int(found[2].replace(",", "")),
                               "ties": int(found[3].replace(",", ""))})
                result["summary"] = {row["name"]: row["value"] for row in doc.get("summary", [])
                                     if isinstance(row, dict) and "name" in row}
            else:
                result["error"] = "no projection line in the preamble: " + text[:200]
    except subprocess.TimeoutExpired:
        result["error"] = f"timed out after {args.load_timeout:g} s"
    if "error" not in result:  # cache only a successful check
        meta["actornet_projection"] = result
        with open(os.path.join(folder, "meta.json"), "w", encoding="utf-8") as f:
            json.dump(meta, f, indent=1)
    return result


# ---------------------------------------------------------------------------------------------
# Running the tools

class Run:
    """Results of one worker launch sequence: job -> record (seconds, cpu, maxrss_mb) or
    'timeout' or {'error': ...}; plus the 'loaded' record."""

    def __init__(self):
        self.jobs = {}
        self.loaded = None


def worker_command(args, tool, folder, meta, jobs, out):
    directed = "1" if meta["directed"] else "0"
    edges = os.path.join(folder, "edges.txt")
    extra = ["--out", out] if out else []
    if tool.startswith("actornet"):
        threads = "1" if tool == "actornet-1t" else "2"
        source = os.path.join(folder, "edges.csv") if jobs == ["import"] else \
            os.path.join(folder, "actornet")
        return [args.timing, source, "--threads", threads] + \
            (["--directed"] if meta["directed"] else []) + extra + jobs
    if tool == "igraph-c":
        return [args.igraph_c, edges, str(meta["n"]), directed] + extra + jobs
    name = {"python-igraph": "igraph", "graph-tool": "graph-tool", "networkx": "networkx"}[tool]
    gt = ["--gt", os.path.join(folder, "graph.gt")] if tool == "graph-tool" else []
    return [args.python, os.path.join(HERE, "peers_python.py"), name, edges, str(meta["n"]),
            directed] + gt + extra + jobs


def tool_env(args, tool):
    env = dict(os.environ)
    threads = {"actornet-2t": 2, "graph-tool": args.gt_threads}.get(tool, 1)
    env["OMP_NUM_THREADS"] = str(threads)
    return env


def tool_threads(args, tool):
    return {"actornet-2t": 2, "graph-tool": args.gt_threads}.get(tool, 1)


def run_worker(args, tool, folder, meta, jobs, out, limits=None):
    """Runs the jobs in as few processes as possible: a job past its time limit (`limits`,
    else --timeout) is stopped (its process killed) and the remaining jobs go to a new
    process."""
    limits = limits or {}
    run = Run()
    pending = list(jobs)
    while pending:
        cmd = worker_command(args, tool, folder, meta, pending, out)
        if os.path.exists("/usr/bin/time"):
            # Linux keeps a process's peak resident memory across fork and exec, so a worker
            # started from this (large) process would report this one's peak as its own:
            # /usr/bin/time forks it from a small process instead.
            cmd = ["/usr/bin/time", "-q", "-o", "/dev/null", "-f", ""] + cmd
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=tool_env(args, tool),
                                    start_new_session=True)
            buf = b""
            current = None  # None until loaded
            deadline = time.monotonic() + args.load_timeout
            stopped = None
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    stopped = current if current is not None else "load"
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    break
                ready, _, _ = select.select([proc.stdout], [], [], min(remaining, 5.0))
                if not ready:
                    continue
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    proc.wait()
                    break
                buf += chunk
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue
                    if rec.get("event") == "loaded":
                        run.loaded = rec
                        current = pending[0]
                        deadline = time.monotonic() + limits.get(current, args.timeout)
                        continue
                    job = rec.get("job")
                    if job == current:
                        run.jobs[job] = rec if "error" not in rec else {"error": rec["error"]}
                        pending.pop(0)
                        current = pending[0] if pending else None
                        deadline = time.monotonic() + limits.get(current, args.timeout)
                    else:  # a part of a compound job (cohesion)
                        run.jobs[job] = rec
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip().splitlines()
        if stopped == "load":
            for job in pending:
                run.jobs[job] = {"error": f"loading took over {args.load_timeout:g} s"}
            break
        if stopped is not None:
            run.jobs[stopped] = {"timeout": limits.get(stopped, args.timeout)}
            pending.remove(stopped)
            continue
        if pending:  # the process ended early
            text = f"exit {proc.returncode}: " + (message[-1] if message else "no message")
            if current is None:
                for job in pending:
                    run.jobs[job] = {"error": text}
                break
            run.jobs[current] = {"error": text}
            pending.remove(current)
    return run


def timed_process(cmd, timeout, env=None):
    """Wall time and peak memory of a whole process (/usr/bin/time -v when present)."""
    use_time = os.path.exists("/usr/bin/time")
    full = (["/usr/bin/time", "-v"] if use_time else []) + cmd
    start = time.perf_counter()
    try:
        proc = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout, env=env, start_new_session=True)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    seconds = time.perf_counter() - start
    text = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0:
        lines = [l for l in text.splitlines() if l and not l.startswith("\t")]
        return {"error": f"exit {proc.returncode}: " + (lines[-1] if lines else "")}
    rec = {"seconds": seconds}
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if found:
        rec["maxrss_mb"] = int(found[1]) / 1024
    found = re.search(r"User time \(seconds\): ([\d.]+)", text)
    found2 = re.search(r"System time \(seconds\): ([\d.]+)", text)
    if found and found2:
        rec["cpu"] = float(found[1]) + float(found2[1])
    return rec


def actornet_has_flag(args, command, flag):
    proc = subprocess.run([args.actornet, command, "--help"], capture_output=True, text=True)
    return flag in proc.stdout


# ---------------------------------------------------------------------------------------------
# Checks

def read_values(path):
    try:
        return np.loadtxt(path, dtype=float, ndmin=1)
    except (OSError, ValueError):
        return None


def max_rel_diff(ref, other):
    scale = np.maximum(np.abs(ref), np.abs(other))
    diff = np.abs(ref - other)
    with np.errstate(invalid="ignore", divide="ignore"):
        rel = np.where(scale > 0, diff / np.where(scale > 0, scale, 1), 0.0)
    return float(rel.max()) if len(rel) else 0.0


def compare_outputs(out_root, name, tools_run, jobs):
    """Compares every tool's first-repetition results with actornet-1t's."""
    lines, warnings, result = [], [], {}
    ref_tool = "actornet-1t" if "actornet-1t" in tools_run else None
    if ref_tool is None:
        return ["no actornet-1t results to compare with"], [], {}
    ref_dir = os.path.join(out_root, ref_tool)
    for job in jobs:
        if job == "import":
            continue
        parts = []
        files = ["coreness"] if job == "cohesion" else [job]
        for tool in tools_run:
            if tool == ref_tool:
                continue
            tdir = os.path.join(out_root, tool)
            if job == "cohesion":
                try:
                    with open(os.path.join(ref_dir, "cohesion.json"), encoding="utf-8") as f:
                        a = json.load(f)
                    with open(os.path.join(tdir, "cohesion.json"), encoding="utf-8") as f:
                        b = json.load(f)
                except OSError:
                    continue
                core_a = read_values(os.path.join(ref_dir, "coreness.txt"))
                core_b = read_values(os.path.join(tdir, "coreness.txt"))
                same_core = core_a is not None and core_b is not None and \
                    len(core_a) == len(core_b) and bool(np.all(core_a == core_b))
                if a == b and same_core:
                    parts.append(f"{tool} same")
                else:
                    diff = {k: (a.get(k), b.get(k)) for k in a if a.get(k) != b.get(k)}
                    parts.append(f"{tool} DIFFERS {diff}"
                                 + ("" if same_core else " (coreness vectors differ)"))
                    warnings.append(f"{name} cohesion: {tool} differs from actornet: {diff}")
                result[f"cohesion:{tool}"] = {"actornet": a, tool: b, "same_coreness": same_core}
                continue
            a = read_values(os.path.join(ref_dir, files[0] + ".txt"))
            b = read_values(os.path.join(tdir, files[0] + ".txt"))
            if a is None or b is None:
                continue
            if len(a) != len(b):
                parts.append(f"{tool} DIFFERS ({len(b)} values, actornet {len(a)})")
                warnings.append(f"{name} {job}: {tool} has {len(b)} values, actornet {len(a)}")
                continue
            if job == "eigenvector":
                worst = float(np.abs(a - b).max()) if len(a) else 0.0
                what = "max abs. diff"
            else:
                worst = max_rel_diff(a, b)
                what = "max rel. diff"
            result[f"{job}:{tool}"] = worst
            bad = worst > TOLERANCE[job]
            parts.append(f"{tool} {worst:.1e}" + (" (ABOVE)" if bad else ""))
            if bad:
                warnings.append(f"{name} {job}: {tool} {what} {worst:.3g} from actornet "
                                f"(tolerance {TOLERANCE[job]:g})")
        if parts:
            if job == "cohesion":
                lines.append(f"{name} cohesion (counts of components, largest component, "
                             f"articulation points, bridges; coreness of every vertex) vs "
                             f"actornet: " + "; ".join(parts))
            else:
                what = "max abs. diff (max-scaled)" if job == "eigenvector" else "max rel. diff"
                lines.append(f"{name} {job} vs actornet, {what}, tolerance "
                             f"{TOLERANCE[job]:g}: " + "; ".join(parts))
    return lines, warnings, result


def read_centrality_csv(path):
    """actornet's `centrality --format csv` output: id -> the first betweenness column; None
    when the file is missing (the command failed or timed out)."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        cols = [c for c in reader.fieldnames or [] if c.startswith("betweenness")]
        if not cols:
            return None
        return {row["id"]: float(row[cols[0]]) for row in reader}


# ---------------------------------------------------------------------------------------------
# Report helpers

def median_of(records):
    secs = [r["seconds"] for r in records if isinstance(r, dict) and "seconds" in r]
    timeouts = [r for r in records if isinstance(r, dict) and "timeout" in r]
    if timeouts:
        return timeouts[0]
    errors = [r for r in records if isinstance(r, dict) and "error" in r]
    if errors and not secs:
        return {"error": errors[0]["error"]}
    return statistics.median(secs) if secs else None


def fmt_s(value, args):
    if value is None:
        return "n/a"
    if isinstance(value, dict) and "timeout" in value:
        return f">{value['timeout']:g} (timeout)"
    if isinstance(value, dict):
        return "error"
    if isinstance(value, str):
        return value
    if value < 0.01:
        return f"{value:.6f}"
    return f"{value:.4f}" if value < 1 else (f"{value:.3f}" if value < 100 else f"{value:.1f}")


def fmt_ratio(peer, base, args):
    if not isinstance(base, float):
        return "n/a"
    if isinstance(peer, dict) and "timeout" in peer:
        return f">{peer['timeout'] / base:.1f}"
    if not isinstance(peer, float):
        return "n/a"
    return f"{peer / base:.2f}"


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
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def actornet_revision():
    """The checkout's commit, and whether the working tree differs from it."""
    def git(*cmd):
        proc = subprocess.run(["git", "-C", os.path.dirname(HERE)] + list(cmd),
                              capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""
    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "(not a git checkout)"
    dirty = git("status", "--porcelain")
    return f"commit {commit}" + (" with uncommitted changes" if dirty else "")


def versions(args):
    out = {}
    for tool, code in (("python-igraph", "import igraph; print(igraph.__version__)"),
                       ("graph-tool", "import graph_tool; print(graph_tool.__version__.split()[0])"),
                       ("networkx", "import networkx; print(networkx.__version__)"),
                       ("scipy", "import scipy; print(scipy.__version__)")):
        proc = subprocess.run([args.python, "-c", code], capture_output=True, text=True)
        out[tool] = proc.stdout.strip() if proc.returncode == 0 else None
    proc = subprocess.run(["pkg-config", "--modversion", "igraph"], capture_output=True, text=True)
    out["igraph-c"] = proc.stdout.strip() or "?"
    return out


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actornet", required=True, help="the actornet binary")
    parser.add_argument("--timing", required=True, help="bench/peers_actornet.cpp, compiled")
    parser.add_argument("--igraph-c", required=True, help="bench/peers_igraph.c, compiled")
    parser.add_argument("--data", required=True, help="the shared data folder")
    parser.add_argument("--cache", required=True, help="folder for the generated inputs")
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per job before it is stopped (600; 60 with --quick)")
    parser.add_argument("--load-timeout", type=float, default=1800.0,
                        help="seconds a tool may take to read a graph (untimed; 1800)")
    parser.add_argument("--quick", action="store_true",
                        help="small graphs, no projection: a few minutes")
    parser.add_argument("--slow", action="store_true",
                        help="also exact (and sampled) betweenness on Slashdot0902, once each")
    parser.add_argument("--slow-timeout", type=float, default=1800.0,
                        help="time limit of the --slow jobs, which run once (default 1800)")
    parser.add_argument("--inputs", default=None,
                        help="comma-separated subset of ba,slashdot,pa,grid,projection,csv")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help=f"comma-separated subset of {','.join(TOOLS)}")
    parser.add_argument("--gt-threads", type=int, default=2,
                        help="OMP_NUM_THREADS for graph-tool (default 2)")
    parser.add_argument("--nx-max-edges", type=int, default=6_000_000,
                        help="NetworkX is skipped on larger graphs (default 6,000,000)")
    parser.add_argument("--approx", type=float, default=0.01, metavar="EPS",
                        help="epsilon for `centrality --approx` (default 0.01)")
    parser.add_argument("--confidence", type=float, default=0.1, metavar="DELTA",
                        help="value passed to `centrality --confidence` (default 0.1)")
    parser.add_argument("--approx-threads", type=int, default=2,
                        help="`centrality --threads` for the exact and sampled commands (2)")
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--json", metavar="FILE", help="raw timings, checks and machine")
    args = parser.parse_args()
    if args.timeout is None:
        args.timeout = 60.0 if args.quick else 600.0
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    for path in (args.actornet, args.timing, args.igraph_c):
        if not os.access(path, os.X_OK):
            sys.exit(f"peers.py: {path} is not an executable; run bench/peers.sh")
    args.actornet = os.path.abspath(args.actornet)
    os.makedirs(args.cache, exist_ok=True)

    specs = input_specs(args)
    default_inputs = ["ba", "slashdot", "pa", "grid", "csv"] + ([] if args.quick else ["projection"])
    names = [n.strip() for n in (args.inputs or ",".join(default_inputs)).split(",") if n.strip()]
    for n in names:
        if n not in specs:
            parser.error(f"unknown input {n}; choose from {', '.join(specs)}")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in tools:
        if t not in TOOLS:
            parser.error(f"unknown tool {t}; choose from {', '.join(TOOLS)}")

    vers = versions(args)
    notes = []
    if "graph-tool" in tools and vers["graph-tool"] is None:
        tools.remove("graph-tool")
        notes.append(f"graph-tool: not installed for {args.python} (python3-graph-tool): "
                     f"skipped")
    has_approx = actornet_has_flag(args, "centrality", "--approx")
    has_confidence = actornet_has_flag(args, "centrality", "--confidence")
    has_threads = actornet_has_flag(args, "centrality", "--threads")

    raw = {"started": datetime.datetime.now().isoformat(timespec="seconds"),
           "args": {k: v for k, v in vars(args).items()}, "versions": vers,
           "machine": {"nproc": os.cpu_count(), "cpu": cpu_model(),
                       "platform": platform.platform(), "loadavg_start": loadavg()},
           "inputs": {}, "runs": {}, "process_runs": {}, "checks": {}}

    # 1. Inputs.
    inputs = {}
    for n in names:
        folder, meta = build_input(args, specs[n])
        inputs[n] = (folder, meta)
        raw["inputs"][n] = meta
        if n == "projection":
            meta["check"] = check_projection_with_actornet(args, folder, meta)

    # 2. Which tool runs which job on which input.
    plan = {}  # name -> tool -> jobs
    skipped = {}  # (name, job, tool) -> reason
    for n in names:
        folder, meta = inputs[n]
        plan[n] = {}
        for tool in tools:
            jobs = []
            for job in specs[n]["jobs"]:
                if tool == "networkx" and meta["m"] > args.nx_max_edges:
                    skipped[(n, job, tool)] = f"skipped (> {args.nx_max_edges:,} edges)"
                    continue
                nx_limit = NX_QUICK_QUADRATIC_EDGES if args.quick else NX_QUADRATIC_EDGES
                if tool == "networkx" and job in ("betweenness", "closeness", "harmonic") \
                        and meta["m"] > nx_limit:
                    skipped[(n, job, tool)] = (f"skipped (O(VE) in Python, > {nx_limit:,} "
                                               f"edges{'; --quick' if args.quick else ''})")
                    continue
                if tool == "networkx" and job == "cohesion" and meta["directed"]:
                    skipped[(n, job, tool)] = "skipped (directed)"
                    continue
                jobs.append(job)
            if jobs:
                plan[n][tool] = jobs

    # NetworkX's slow runs (O(VE) jobs, graphs over NX_ONCE_EDGES edges) are timed once, in
    # the first repetition, to keep a full run within the hour.
    once = set()
    for n in names:
        for job in plan[n].get("networkx", []):
            if job in ("betweenness", "closeness", "harmonic") or \
                    inputs[n][1]["m"] > NX_ONCE_EDGES:
                once.add((n, job, "networkx"))

    # 3. Repetitions: within each, every input, every tool in turn.
    runs = {n: {t: [] for t in plan[n]} for n in names}
    proc_runs = {n: {} for n in names}
    stopped = set()  # (name, tool, job) that timed out: not run again
    out_root = os.path.join(args.cache, "outputs")
    approx_out = os.path.join(args.cache, "outputs", "approx")
    os.makedirs(approx_out, exist_ok=True)
    approx_cmd_note = None
    for rep in range(args.repeat):
        for n in names:
            folder, meta = inputs[n]
            slow = specs[n].get("slow_jobs", []) if args.slow else []
            limits = {j: args.slow_timeout for j in slow}
            for tool, jobs in plan[n].items():
                todo = [j for j in jobs if (n, tool, j) not in stopped
                        and (rep == 0 or (j not in slow and (n, j, tool) not in once))]
                if not todo:
                    continue
                out = None
                if rep == 0 and todo != ["import"]:
                    out = os.path.join(out_root, n, tool)
                    shutil.rmtree(out, ignore_errors=True)  # no stale results in the checks
                    os.makedirs(out)
                log(f"[{rep + 1}/{args.repeat}] {n}: {tool} {' '.join(todo)}")
                run = run_worker(args, tool, folder, meta, todo, out, limits)
                runs[n][tool].append({"loaded": run.loaded, "jobs": run.jobs})
                for job, rec in run.jobs.items():
                    if isinstance(rec, dict) and "timeout" in rec:
                        stopped.add((n, tool, job))
            # Whole-process actornet runs: import (validate) and sampled betweenness.
            if "import" in specs[n]["jobs"] and "actornet-1t" in tools:
                cmd = [args.actornet, "validate", os.path.join(folder, "edges.csv"),
                       "--format", "csv", "-o", "/dev/null"]
                log(f"[{rep + 1}/{args.repeat}] {n}: actornet validate")
                proc_runs[n].setdefault("validate", []).append(
                    timed_process(cmd, args.timeout))
                proc_runs[n]["validate_cmd"] = " ".join(cmd)
            if specs[n].get("approx") and "actornet-1t" in tools and (rep == 0 or not slow):
                limit = args.slow_timeout if slow else args.timeout
                base = [args.actornet, "centrality", os.path.join(folder, "actornet"),
                        "--measures", "betweenness", "--format", "csv"]
                if meta["directed"]:
                    base.append("--directed")
                if has_threads:
                    base += ["--threads", str(args.approx_threads)]
                exact_csv = os.path.join(approx_out, f"{n}-exact.csv")
                approx_csv = os.path.join(approx_out, f"{n}-approx.csv")
                if rep == 0:
                    for stale in (exact_csv, approx_csv):
                        if os.path.exists(stale):
                            os.remove(stale)
                log(f"[{rep + 1}/{args.repeat}] {n}: actornet centrality (exact, process)")
                proc_runs[n].setdefault("exact_cli", []).append(
                    timed_process(base + ["-o", exact_csv], limit))
                if has_approx:
                    acmd = base + ["--approx", f"{args.approx:g}"]
                    if has_confidence:
                        acmd += ["--confidence", f"{args.confidence:g}"]
                    acmd += ["-o", approx_csv]
                    approx_cmd_note = " ".join(acmd[1:-2] + ["-o", "FILE"]).replace(folder, n)
                    log(f"[{rep + 1}/{args.repeat}] {n}: actornet centrality --approx (process)")
                    proc_runs[n].setdefault("approx_cli", []).append(
                        timed_process(acmd, limit))
    raw["runs"] = runs
    raw["process_runs"] = proc_runs
    raw["finished"] = datetime.datetime.now().isoformat(timespec="seconds")
    raw["machine"]["loadavg_end"] = loadavg()

    # 4. Checks.
    check_lines, warnings = [], []
    for n in names:
        folder, meta = inputs[n]
        counts = {}
        for tool, reps in runs[n].items():
            loaded = next((r["loaded"] for r in reps if r["loaded"]), None)
            if loaded and "nodes" in loaded and specs[n]["jobs"] != ["import"]:
                counts[tool] = (loaded["nodes"], loaded["edges"])
        if counts:
            distinct = set(counts.values())
            if len(distinct) == 1 and distinct == {(meta["n"], meta["m"])}:
                check_lines.append(f"{n}: every tool read {meta['n']:,} vertices and "
                                   f"{meta['m']:,} edges")
            else:
                text = "; ".join(f"{t} {c[0]:,}/{c[1]:,}" for t, c in counts.items())
                check_lines.append(f"{n}: vertex/edge counts DIFFER (expected "
                                   f"{meta['n']:,}/{meta['m']:,}): {text}")
                warnings.append(f"{n}: vertex/edge counts differ: {text}")
        if n == "projection":
            chk = meta.get("check", {})
            if "ties" in chk:
                ok = chk["ties"] == meta["m"] and chk["actors"] == meta["n"]
                check_lines.append(
                    f"projection: `actornet cohesion --project 'id~\"^a\"'` on the two-mode "
                    f"file: {chk['actors']:,} actors, {chk['events']:,} events, "
                    f"{chk['ties']:,} ties; the peers' projection {meta['n']:,} actors, "
                    f"{meta['m']:,} edges: " + ("agree" if ok else "DIFFER"))
                if not ok:
                    warnings.append("projection: actornet --project and the peers' projection "
                                    "differ in size")
                # Its cohesion summary against the timing program's on the peers' projection.
                try:
                    with open(os.path.join(out_root, n, "actornet-1t", "cohesion.json"),
                              encoding="utf-8") as f:
                        mine = json.load(f)
                except OSError:
                    mine = None
                summary = chk.get("summary", {})
                common = [k for k in mine or {} if k in summary]
                if mine and common:
                    differ = {k: (summary[k], mine[k]) for k in common if summary[k] != mine[k]}
                    check_lines.append(
                        "projection: the same command's cohesion summary ("
                        + ", ".join(f"{k} {summary[k]:,}" for k in common) + ") "
                        + ("equals the one computed on the peers' projection" if not differ
                           else f"DIFFERS from the one on the peers' projection: {differ}"))
                    if differ:
                        warnings.append(f"projection: cohesion of actornet --project differs "
                                        f"from cohesion of the peers' projection: {differ}")
            else:
                check_lines.append(f"projection: not checked against actornet --project "
                                   f"({chk.get('error', 'no result')})")
        lines, warns, result = compare_outputs(os.path.join(out_root, n), n, list(runs[n]),
                                               specs[n]["jobs"])
        check_lines += lines
        warnings += warns
        raw["checks"][n] = result

    # Sampled betweenness: error against the exact command's output.
    approx_rows = []
    for n in names:
        if not specs[n].get("approx") or "actornet-1t" not in tools:
            continue
        folder, meta = inputs[n]
        pr = proc_runs[n]
        row = {"input": n, "exact_cli": median_of(pr.get("exact_cli", [])),
               "approx_cli": median_of(pr.get("approx_cli", [])) if has_approx else None}
        ex = {t: median_of([r["jobs"].get("betweenness") for r in runs[n].get(t, [])
                            if r["jobs"].get("betweenness") is not None])
              for t in ("actornet-1t", "actornet-2t")}
        row.update({"exact_1t": ex["actornet-1t"], "exact_2t": ex["actornet-2t"]})
        if has_approx:
            exact = read_centrality_csv(os.path.join(approx_out, f"{n}-exact.csv"))
            approx = read_centrality_csv(os.path.join(approx_out, f"{n}-approx.csv"))
            if exact and approx and set(exact) == set(approx):
                nv = meta["n"]
                pairs = nv * (nv - 1) / (1 if meta["directed"] else 2)
                worst = max(abs(approx[k] - exact[k]) for k in exact) / pairs
                row["max_error"] = worst
                row["within"] = worst <= args.approx
            else:
                row["max_error"] = None
        approx_rows.append(row)
    raw["approx"] = approx_rows
    raw["warnings"] = warnings

    # 5. Report.
    o = []
    thr = {t: tool_threads(args, t) for t in tools}
    o.append(f"actornet against its peers: median of {args.repeat} repetition(s), tools "
             f"alternating within each; seconds of the algorithm alone, timed in-process "
             f"(timeout {args.timeout:g} s{', --quick' if args.quick else ''}"
             + (f"; --slow jobs run once, limit {args.slow_timeout:g} s" if args.slow else "")
             + ")")
    o.append("")
    shown_tools = [t for t in tools]
    head = "| job | input | " + " | ".join(
        f"{TOOL_TITLES[t]}" + (f" ({thr[t]}t)" if t in ("graph-tool",) else "") + " s"
        for t in shown_tools) + " | " + " | ".join(
        f"{TOOL_TITLES[t]}/{TOOL_TITLES[RATIO_BASE[t]]}" for t in shown_tools
        if t in RATIO_BASE and RATIO_BASE[t] in tools) + " |"
    o.append(head)
    ratio_tools = [t for t in shown_tools if t in RATIO_BASE and RATIO_BASE[t] in tools]
    o.append("| --- | --- |" + " ---: |" * (len(shown_tools) + len(ratio_tools)))
    table = []
    for n in names:
        jobs = [j for j in specs[n]["jobs"] if j != "import"]
        rows = []
        for job in jobs:
            rows.append(job)
            if job == "cohesion":
                rows += COHESION_PARTS
        for job in rows:
            med = {}
            cells = []
            for t in shown_tools:
                if (n, job, t) in skipped or (job in COHESION_PARTS and (n, "cohesion", t) in skipped):
                    cells.append(skipped.get((n, job, t)) or skipped[(n, "cohesion", t)])
                    med[t] = None
                    continue
                if t.startswith("actornet") and job in COHESION_PARTS:
                    cells.append("(in cohesion)")
                    med[t] = None
                    continue
                recs = [r["jobs"].get(job) for r in runs[n].get(t, [])]
                recs = [r for r in recs if r is not None]
                med[t] = median_of(recs) if recs else None
                cells.append(fmt_s(med[t], args)
                             + (" (1 run)" if len(recs) == 1 and args.repeat > 1
                                and isinstance(med[t], float) else ""))
            ratios = [fmt_ratio(med[t], med[RATIO_BASE[t]], args) for t in ratio_tools]
            o.append(f"| {JOB_TITLES[job]} | {specs[n]['title']} | " + " | ".join(cells + ratios)
                     + " |")
            table.append({"input": n, "job": job,
                          "median": {t: med.get(t) for t in shown_tools}})
    raw["table"] = table
    o.append("")
    o.append("Ratios are peer time / actornet time with the same thread count (graph-tool "
             f"against actornet 2t; the others against actornet 1t): above 1, actornet is "
             f"faster. Threads: actornet 1t and 2t set CentralityOptions::threads (and "
             f"OMP_NUM_THREADS) to 1 and 2; igraph C, python-igraph and NetworkX run with "
             f"OMP_NUM_THREADS=1; graph-tool with OMP_NUM_THREADS={args.gt_threads}.")
    errors = []
    for n in names:
        for t, reps in runs[n].items():
            for r in reps:
                for job, rec in r["jobs"].items():
                    if isinstance(rec, dict) and "error" in rec:
                        errors.append(f"ERROR: {n} {job}, {t}: {rec['error']}")
    for e in sorted(set(errors)):
        o.append(e)

    # Import.
    imports = [n for n in names if "import" in specs[n]["jobs"]]
    for n in imports:
        folder, meta = inputs[n]
        o.append("")
        o.append(f"Import of {specs[n]['title']} ({meta['m']:,} edges over {meta['n']:,} ids): "
                 f"median seconds, MB/s of the file read, peak resident memory of the process")
        o.append("")
        o.append("| tool | how | file | MB | s | MB/s | peak MB |")
        o.append("| --- | --- | --- | ---: | ---: | ---: | ---: |")
        csv_mb = os.path.getsize(os.path.join(folder, "edges.csv")) / 1e6
        txt_mb = os.path.getsize(os.path.join(folder, "edges.txt")) / 1e6
        how = {"actornet-1t": "importers::import_graph, in-process",
               "actornet-2t": "importers::import_graph, in-process",
               "igraph-c": "igraph_read_graph_edgelist",
               "python-igraph": "Graph.Read_Edgelist",
               "graph-tool": "load_graph_from_csv (hashed=False)",
               "networkx": "read_edgelist (nodetype=int)"}
        vrecs = proc_runs[n].get("validate", [])
        if vrecs:
            m = median_of(vrecs)
            rss = max((r.get("maxrss_mb", 0) for r in vrecs if isinstance(r, dict)), default=0)
            o.append(f"| actornet | `validate FILE --format csv -o /dev/null`, whole process "
                     f"| edges.csv | {csv_mb:.1f} | {fmt_s(m, args)} | "
                     + (f"{csv_mb / m:.1f}" if isinstance(m, float) else "n/a")
                     + f" | {rss:.0f} |")
        for t in tools:
            if t == "actornet-2t":
                continue
            if (n, "import", t) in skipped:
                o.append(f"| {TOOL_TITLES[t]} | {how[t]} | | | {skipped[(n, 'import', t)]} | | |")
                continue
            recs = [r["jobs"].get("import") for r in runs[n].get(t, [])]
            recs = [r for r in recs if r is not None]
            if not recs:
                continue
            m = median_of(recs)
            mb = csv_mb if t.startswith("actornet") else txt_mb
            rss = max((r.get("maxrss_mb", 0) for r in recs if isinstance(r, dict)), default=0)
            title = "actornet" if t == "actornet-1t" else TOOL_TITLES[t]
            o.append(f"| {title} | {how[t]} | {'edges.csv' if t.startswith('actornet') else 'edges.txt'} "
                     f"| {mb:.1f} | {fmt_s(m, args)} | "
                     + (f"{mb / m:.1f}" if isinstance(m, float) else "n/a")
                     + f" | {rss:.0f} |")
        o.append("")
        o.append("Peak memory is the process's (getrusage, or /usr/bin/time -v for `validate`): "
                 "for the Python peers it includes the interpreter and imports.")

    # Sampled betweenness.
    if approx_rows:
        o.append("")
        if has_approx:
            o.append(f"Sampled betweenness: `actornet {approx_cmd_note}` as a whole process, "
                     f"against the exact command (`centrality --measures betweenness`, whole "
                     f"process) and the exact analysis in-process; max error = max over "
                     f"vertices of |approx - exact| / pairs (pairs = n(n-1), halved when "
                     f"undirected), to compare with epsilon {args.approx:g}")
        else:
            o.append("Sampled betweenness: this actornet has no `centrality --approx`: only "
                     "the exact times are shown.")
        o.append("")
        o.append("| input | exact in-process 1t s | exact in-process 2t s | exact command s | "
                 "approx command s | exact command / approx command | max error | within eps |")
        o.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in approx_rows:
            err = r.get("max_error")
            o.append(f"| {specs[r['input']]['title']} | {fmt_s(r['exact_1t'], args)} | "
                     f"{fmt_s(r['exact_2t'], args)} | {fmt_s(r['exact_cli'], args)} | "
                     f"{fmt_s(r['approx_cli'], args) if has_approx else 'n/a (no --approx)'} | "
                     f"{fmt_ratio(r['exact_cli'], r['approx_cli'], args) if has_approx else 'n/a'} | "
                     + (f"{err:.2e}" if isinstance(err, float) else "n/a") + " | "
                     + ("yes" if r.get("within") else ("NO" if "within" in r else "n/a")) + " |")
            if has_approx and isinstance(err, float) and not r.get("within"):
                warnings.append(f"{r['input']}: sampled betweenness max error {err:.3g} above "
                                f"epsilon {args.approx:g}")

    # Inputs and checks.
    o.append("")
    o.append("Inputs (generated once with fixed seeds, cached in the build folder):")
    for n in names:
        folder, meta = inputs[n]
        o.append(f"- {n} ({specs[n]['title']}): {meta['about']}; {meta['n']:,} vertices, "
                 f"{meta['m']:,} edges"
                 + (f"; {meta['self_loops']:,} self-loops, {meta['duplicate_arcs']:,} repeated "
                    f"arcs" if "self_loops" in meta else "")
                 + (f"; {meta['removed_edges']:,} edges removed" if "removed_edges" in meta else "")
                 + (f"; {meta['memberships']:,} memberships of {meta['actors']:,} actors in "
                    f"{meta['movies']:,} movies, {meta['pairs_with_repeats']:,} actor pairs "
                    f"before merging repeats" if "memberships" in meta else "")
                 + ".")
    o.append("")
    o.append("Checks (first repetition's results of every tool against actornet 1t):")
    for line in check_lines:
        o.append("- " + line)
    for w in warnings:
        o.append("WARNING: " + w)
    for note in notes:
        o.append("Note: " + note)
    o.append("")
    o.append(f"Versions: actornet {actornet_revision()}; igraph C {vers['igraph-c']}; python-igraph {vers['python-igraph']}; "
             f"graph-tool {vers['graph-tool'] or 'absent'}; NetworkX {vers['networkx']} "
             f"(SciPy {vers['scipy'] or 'absent'}).")
    omp = {k: v for k, v in os.environ.items() if k.startswith(("OMP_", "GOMP_"))}
    o.append(f"Machine: nproc {os.cpu_count()}, CPU {cpu_model()}; {platform.platform()}; "
             f"load average {raw['machine']['loadavg_start']} at start, "
             f"{raw['machine']['loadavg_end']} at end; OpenMP environment outside the tools: "
             f"{' '.join(f'{k}={v}' for k, v in omp.items()) or 'default'}; "
             f"{raw['started']} to {raw['finished']}.")
    text = "\n".join(o)
    print(text)
    raw["report"] = text
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(raw, f, indent=1, default=str)
            f.write("\n")


if __name__ == "__main__":
    main()
