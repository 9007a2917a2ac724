#!/usr/bin/python3
"""Times python-igraph, graph-tool or NetworkX in-process, for bench/peers.py.

    /usr/bin/python3 bench/peers_python.py TOOL EDGES N DIRECTED [--gt FILE] [--out DIR] JOB...

TOOL is igraph, graph-tool or networkx. EDGES is a space-separated edge list of vertex ids
0..N-1 (the file the igraph C program reads); DIRECTED is 0 or 1. The graph is built once,
untimed (graph-tool from the binary FILE given with --gt when it exists, else from EDGES, and
then saved to FILE for the next run). Each job times only the library call(s); jobs:

  import       python-igraph Graph.Read_Edgelist; graph-tool load_graph_from_csv (space
               separated, integer ids); NetworkX read_edgelist (nodetype=int)
  degree       python-igraph Graph.degree; graph-tool Graph.get_total_degrees; NetworkX
               Graph.degree
  betweenness  exact, unnormalised: Graph.betweenness; graph_tool.centrality.betweenness
               (norm=False); networkx.betweenness_centrality (normalized=False)
  closeness    reachable vertices only, normalised: Graph.closeness; graph_tool closeness;
               networkx.closeness_centrality (undirected inputs only here)
  harmonic     normalised by n-1: Graph.harmonic_centrality; graph_tool closeness
               (harmonic=True); networkx.harmonic_centrality divided by n-1 (untimed)
  pagerank     damping 0.85: Graph.pagerank (PRPACK); graph_tool pagerank (power
               iteration, epsilon 1e-9 on the total change: its default 1e-6 leaves single
               scores up to 5e-6 relative off, 1e-8 up to 9.5e-7 on Slashdot0902);
               networkx.pagerank (tol=1e-14, max_iter=10000: NetworkX stops when the L1
               change is below n*tol, and tol=1e-12 leaves single Slashdot0902 scores
               6e-6 relative off, 1e-15 6e-9)
  eigenvector  Graph.eigenvector_centrality (ARPACK); graph_tool eigenvector (power
               iteration, epsilon 1e-6); networkx.eigenvector_centrality_numpy (ARPACK via
               SciPy: NetworkX's power iteration stops at 100 iterations)
  cohesion     weak components, articulation points, bridges and coreness, one line per part
               and then their sum. graph-tool finds articulation points and bridges with one
               call (label_biconnected_components; a bridge is a biconnected component of one
               edge): that call is the `articulation` part, counting the bridges the `bridges`
               part.

Output: one JSON object per line, as bench/peers_actornet.cpp and bench/peers_igraph.c print.
With --out, each job's result goes to DIR/JOB.txt (one value per vertex, in id order) or
DIR/cohesion.json, outside the timed region.
"""

import json
import os
import resource
import sys
import time

import numpy as np


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def emit(obj):
    print(json.dumps(obj), flush=True)


class Timer:
    def __init__(self):
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def done(self, job, **extra):
        rec = {"job": job, "seconds": time.perf_counter() - self.wall,
               "cpu": time.process_time() - self.cpu, "maxrss_mb": round(peak_rss_mb(), 1)}
        rec.update(extra)
        emit(rec)
        return rec


def write_values(out, job, values):
    if out:
        np.savetxt(os.path.join(out, job + ".txt"), np.asarray(values, dtype=float), fmt="%.17g")


def write_cohesion(out, components, largest, articulation, bridges, coreness):
    if not out:
        return
    coreness = np.asarray(coreness, dtype=np.int64)
    with open(os.path.join(out, "cohesion.json"), "w", encoding="utf-8") as f:
        json.dump({"components": int(components), "largest_component": int(largest),
                   "articulation_points": int(articulation), "bridges": int(bridges),
                   "max_coreness": int(coreness.max()) if len(coreness) else 0,
                   "coreness_sum": int(coreness.sum())}, f)
    write_values(out, "coreness", coreness)


def read_pairs(path):
    flat = np.fromfile(path, dtype=np.int64, sep=" ")
    return flat.reshape(-1, 2)


# ---------------------------------------------------------------------------------------------

def run_igraph(path, n, directed, jobs, out):
    import igraph

    def load():
        g = igraph.Graph.Read_Edgelist(path, directed=directed)
        if g.vcount() < n:
            g.add_vertices(n - g.vcount())
        return g

    t = Timer()
    g = igraph.Graph(directed=directed) if jobs == ["import"] else load()
    emit({"event": "loaded", "seconds": time.perf_counter() - t.wall, "nodes": g.vcount(),
          "edges": g.ecount(), "directed": directed, "version": igraph.__version__})
    for job in jobs:
        if job == "import":
            t = Timer()
            h = igraph.Graph.Read_Edgelist(path, directed=directed)
            t.done(job, edges=h.ecount())
            del h
        elif job == "degree":
            t = Timer()
            r = g.degree()
            t.done(job)
            write_values(out, job, r)
        elif job == "betweenness":
            t = Timer()
            r = g.betweenness(directed=directed)
            t.done(job)
            write_values(out, job, r)
        elif job == "closeness":
            t = Timer()
            r = g.closeness(mode="out", normalized=True)
            t.done(job)
            write_values(out, job, np.nan_to_num(np.asarray(r, dtype=float)))
        elif job == "harmonic":
            t = Timer()
            r = g.harmonic_centrality(mode="out", normalized=True)
            t.done(job)
            write_values(out, job, r)
        elif job == "pagerank":
            t = Timer()
            r = g.pagerank(directed=directed, damping=0.85)
            t.done(job)
            write_values(out, job, r)
        elif job == "eigenvector":
            t = Timer()
            r = g.eigenvector_centrality(directed=directed, scale=True)
            t.done(job)
            write_values(out, job, r)
        elif job == "cohesion":
            parts = {}
            t = Timer()
            comps = g.connected_components(mode="weak")
            parts["components"] = t.done("components")
            t = Timer()
            art = g.articulation_points()
            parts["articulation"] = t.done("articulation")
            t = Timer()
            br = g.bridges()
            parts["bridges"] = t.done("bridges")
            t = Timer()
            core = g.coreness(mode="all")
            parts["kcore"] = t.done("kcore")
            emit_sum(parts)
            sizes = comps.sizes()
            write_cohesion(out, len(sizes), max(sizes) if sizes else 0, len(art), len(br), core)
        else:
            emit({"job": job, "error": "unknown job"})


def emit_sum(parts):
    emit({"job": "cohesion", "seconds": sum(p["seconds"] for p in parts.values()),
          "cpu": sum(p["cpu"] for p in parts.values()), "maxrss_mb": round(peak_rss_mb(), 1)})


def run_graph_tool(path, n, directed, jobs, out, gt_file):
    import graph_tool.all as gt

    t = Timer()
    if jobs == ["import"]:
        g = gt.Graph(directed=directed)
    elif gt_file and os.path.exists(gt_file):
        g = gt.load_graph(gt_file)
    else:
        g = gt.Graph(directed=directed)
        g.add_vertex(n)
        g.add_edge_list(read_pairs(path))
        if gt_file:
            g.save(gt_file + ".tmp.gt")
            os.replace(gt_file + ".tmp.gt", gt_file)
    emit({"event": "loaded", "seconds": time.perf_counter() - t.wall, "nodes": g.num_vertices(),
          "edges": g.num_edges(), "directed": directed, "version": gt.__version__.split()[0],
          "threads": gt.openmp_get_num_threads() if gt.openmp_enabled() else 1})
    for job in jobs:
        if job == "import":
            t = Timer()
            h = gt.load_graph_from_csv(path, directed=directed, hashed=False,
                                       csv_options={"delimiter": " "})
            t.done(job, edges=h.num_edges())
            del h
        elif job == "degree":
            t = Timer()
            r = g.get_total_degrees(g.get_vertices()) if directed else \
                g.get_out_degrees(g.get_vertices())
            t.done(job)
            write_values(out, job, r)
        elif job == "betweenness":
            t = Timer()
            vb, _ = gt.betweenness(g, norm=False)
            t.done(job)
            write_values(out, job, vb.a)
        elif job == "closeness":
            t = Timer()
            c = gt.closeness(g)
            t.done(job)
            write_values(out, job, np.nan_to_num(c.a))
        elif job == "harmonic":
            t = Timer()
            c = gt.closeness(g, harmonic=True)
            t.done(job)
            write_values(out, job, c.a)
        elif job == "pagerank":
            t = Timer()
            pr = gt.pagerank(g, damping=0.85, epsilon=1e-9)
            t.done(job)
            write_values(out, job, pr.a)
        elif job == "eigenvector":
            t = Timer()
            _, x = gt.eigenvector(g)
            t.done(job)
            a = np.abs(np.asarray(x.a, dtype=float))
            write_values(out, job, a / a.max() if a.max() > 0 else a)
        elif job == "cohesion":
            parts = {}
            t = Timer()
            comp, hist = gt.label_components(g, directed=False)
            parts["components"] = t.done("components")
            t = Timer()
            bicomp, art, bhist = gt.label_biconnected_components(g)
            parts["articulation"] = t.done("articulation")
            t = Timer()
            bridges = int(np.count_nonzero(np.asarray(bhist) == 1))
            parts["bridges"] = t.done("bridges")
            t = Timer()
            core = gt.kcore_decomposition(g)
            parts["kcore"] = t.done("kcore")
            emit_sum(parts)
            write_cohesion(out, len(hist), max(hist) if len(hist) else 0,
                           int(np.count_nonzero(art.a)), bridges, core.a)
        else:
            emit({"job": job, "error": "unknown job"})


def run_networkx(path, n, directed, jobs, out):
    import networkx as nx

    cls = nx.DiGraph if directed else nx.Graph
    t = Timer()
    g = cls()
    if jobs != ["import"]:
        g.add_nodes_from(range(n))
        g.add_edges_from(map(tuple, read_pairs(path).tolist()))
    emit({"event": "loaded", "seconds": time.perf_counter() - t.wall,
          "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": directed,
          "version": nx.__version__})

    def in_order(d):
        return [d[v] for v in range(n)]

    for job in jobs:
        if job == "import":
            t = Timer()
            h = nx.read_edgelist(path, nodetype=int, create_using=cls)
            t.done(job, edges=h.number_of_edges())
            del h
        elif job == "degree":
            t = Timer()
            r = dict(g.degree())
            t.done(job)
            write_values(out, job, in_order(r))
        elif job == "betweenness":
            t = Timer()
            r = nx.betweenness_centrality(g, normalized=False)
            t.done(job)
            write_values(out, job, in_order(r))
        elif job == "closeness":
            t = Timer()
            r = nx.closeness_centrality(g)
            t.done(job)
            write_values(out, job, in_order(r))
        elif job == "harmonic":
            t = Timer()
            r = nx.harmonic_centrality(g)
            t.done(job)
            write_values(out, job, np.asarray(in_order(r)) / max(n - 1, 1))
        elif job == "pagerank":
            t = Timer()
            r = nx.pagerank(g, alpha=0.85, tol=1e-14, max_iter=10000)
            t.done(job)
            write_values(out, job, in_order(r))
        elif job == "eigenvector":
            t = Timer()
            r = nx.eigenvector_centrality_numpy(g)
            t.done(job)
            a = np.abs(np.asarray(in_order(r), dtype=float))
            write_values(out, job, a / a.max() if a.max() > 0 else a)
        elif job == "cohesion":
            parts = {}
            u = g.to_undirected(as_view=True) if directed else g
            t = Timer()
            comps = [len(c) for c in nx.connected_components(u)]
            parts["components"] = t.done("components")
            t = Timer()
            art = list(nx.articulation_points(u))
            parts["articulation"] = t.done("articulation")
            t = Timer()
            br = list(nx.bridges(u))
            parts["bridges"] = t.done("bridges")
            t = Timer()
            core = nx.core_number(u)
            parts["kcore"] = t.done("kcore")
            emit_sum(parts)
            write_cohesion(out, len(comps), max(comps) if comps else 0, len(art), len(br),
                           in_order(core))
        else:
            emit({"job": job, "error": "unknown job"})


def main():
    args = sys.argv[1:]
    out = gt_file = None
    rest = []
    i = 0
    while i < len(args):
        if args[i] == "--out":
            out = args[i + 1]
            i += 2
        elif args[i] == "--gt":
            gt_file = args[i + 1]
            i += 2
        else:
            rest.append(args[i])
            i += 1
    if len(rest) < 5:
        sys.exit("usage: peers_python.py TOOL EDGES N DIRECTED [--gt FILE] [--out DIR] JOB...")
    tool, path, n, directed, jobs = rest[0], rest[1], int(rest[2]), rest[3] == "1", rest[4:]
    # An import-only run reads nothing beforehand, so that the peak memory is the import's.
    if tool == "igraph":
        run_igraph(path, n, directed, jobs, out)
    elif tool == "graph-tool":
        run_graph_tool(path, n, directed, jobs, out, gt_file)
    elif tool == "networkx":
        run_networkx(path, n, directed, jobs, out)
    else:
        sys.exit(f"peers_python.py: unknown tool {tool}")


if __name__ == "__main__":
    main()
