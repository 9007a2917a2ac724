#!/usr/bin/python3
"""The adversarial dataset (tests/formats/adversarial) through `actornet export` in every
format, `actornet render` (SVG, DOT) and `actornet timeline --chart`, end to end.

Each output must
  (a) be valid UTF-8 and parse with a strict parser that is not ours: expat (Python's
      xml.etree) for GEXF, GraphML and SVG, plus xmllint (and the GEXF 1.3 RELAX NG schema
      when given); Python's json; Graphviz's `dot -Tcanon`; NetworkX for GML and GraphML;
      Python's csv for CSV; our own readers for Pajek and DL, which no other reader here
      reads with relations;
  (b) read back (actornet import, then JSON) with every text as the fixture holds it, read
      here with Python's csv, or as the format's documented replacement
      (exporters/writer_support.hpp): U+FFFD for what XML 1.0 (GEXF, GraphML) or NUL
      (GML, DOT) cannot hold; in DOT a backslash before a quote, a line break or the end
      doubled and `%<digits>` ids renamed by Graphviz; in Pajek and DL a double quote as a
      single one and a line break as a space.
Ill-formed UTF-8 cannot be in a CSV file (the reader refuses it); it goes in through a
GraphML file written here when the GraphML reader takes it (else that part is skipped; the
unit tests cover it in memory).

  adversarial_check.py --actornet BIN --fixture DIR --out DIR [--rng gexf.rng]
Exit status 0 when every check passed, 1 otherwise.
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

try:
    import networkx as nx
except ImportError:
    nx = None

FAILURES = []
NOTES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message[:2000])
    return condition


def run(args, **kw):
    return subprocess.run(args, capture_output=True, **kw)


# ---- the fixture as Python reads it -------------------------------------------------------

MARKUP_COLUMN = '<i>"n&m"</i>'
NODE_ATTRIBUTES = ["side", "description", MARKUP_COLUMN]
EDGE_ATTRIBUTES = ["label", "note"]


def read_fixture(folder):
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f, strict=True))
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        edges = list(csv.DictReader(f, strict=True))
    return nodes, edges


# ---- the documented replacements ----------------------------------------------------------

XML_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_rule(t):
    return XML_UNHOLDABLE.sub("\ufffd", t)


def nul_rule(t):
    return t.replace("\x00", "\ufffd")


def dot_rule(t):
    t = nul_rule(t)
    out = []
    for i, c in enumerate(t):
        if c == "\\" and (i + 1 == len(t) or t[i + 1] in '"\n'):
            out.append("\\")
        out.append(c)
    return "".join(out)


def quoted_rule(t):
    return t.replace('"', "'").replace("\r", " ").replace("\n", " ")


def anonymous(t):
    """Graphviz renames nodes called %<digits>: such ids compare as one."""
    return "%<anonymous>" if re.fullmatch(r"%[0-9]+", t) else t


def gml_key(name):
    return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) is not None


def bidi_closed(t):
    """Display text (viz/markup.hpp): embeddings, overrides and isolates left open are closed."""
    stack = []
    for c in t:
        if c in "\u202a\u202b\u202d\u202e":
            stack.append(False)
        elif c in "\u2066\u2067\u2068":
            stack.append(True)
        elif c == "\u202c":
            if stack and not stack[-1]:
                stack.pop()
        elif c == "\u2069":
            if True in stack:
                del stack[len(stack) - 1 - stack[::-1].index(True):]
    return t + "".join("\u2069" if s else "\u202c" for s in reversed(stack))


# What each format holds, and how: (text rule, node fields, node attributes kept, edge fields,
# edge attributes kept, rule for kinds and relations, rule for string attribute values).
def strip_ws(t):
    return t.strip(" \t\r\n")


def blank_dropped(t):
    return "" if t.strip(" \t\r\n") == "" else t


FORMATS = {
    "csv": dict(rule=lambda t: t),
    "json": dict(rule=lambda t: t),
    "cyjs": dict(rule=lambda t: t),
    "gexf": dict(rule=xml_rule),
    # importers/graphml.cpp trims kind and relation names; pugixml's default parse drops a
    # <data> text that is only whitespace (reported as reader defects, not writer ones).
    "graphml": dict(rule=xml_rule, symbol=strip_ws, value=blank_dropped),
    "gml": dict(rule=nul_rule, node_attributes=[a for a in NODE_ATTRIBUTES if gml_key(a)]),
    "dot": dict(rule=lambda t: anonymous(dot_rule(t)), back=anonymous),
    "net": dict(rule=quoted_rule, labels=False, kinds=False, node_attributes=[],
                edge_attributes=[], edge_ids=False),
    "dl": dict(rule=quoted_rule, labels=False, kinds=False, node_attributes=[],
               edge_attributes=[], edge_ids=False, relations=False, directions=False),
}


def expected_and_back(fmt, nodes, edges, back):
    """Per node and edge, the fields the format holds: as expected, and as read back."""
    spec = FORMATS[fmt]
    rule = spec["rule"]
    back_rule = spec.get("back", lambda t: t)
    symbol = spec.get("symbol", lambda t: t)
    value = spec.get("value", lambda t: t)
    node_attrs = spec.get("node_attributes", NODE_ATTRIBUTES)
    edge_attrs = spec.get("edge_attributes", EDGE_ATTRIBUTES)
    rows = []
    back_nodes = back["nodes"]
    check(len(back_nodes) == len(nodes), f"{fmt}: {len(back_nodes)} nodes read back, not {len(nodes)}")
    for want, got in zip(nodes, back_nodes):
        fields = [("id", rule(want["Id"]), back_rule(got["id"]))]
        if spec.get("labels", True):
            fields.append(("label", rule(want["Label"]), back_rule(got["label"])))
        if spec.get("kinds", True):
            fields.append(("kind", symbol(rule(want["kind"])), back_rule(got["kind"])))
        for a in node_attrs:
            fields.append((a, value(rule(want[a])), back_rule(got.get(a, ""))))
        rows.append((f"node {want['Id']!r}"[:60], fields))
    back_edges = back["links"]
    check(len(back_edges) == len(edges), f"{fmt}: {len(back_edges)} edges read back, not {len(edges)}")
    # Pajek groups edges by relation: match edges by their position among the fixture's.
    if fmt == "net":
        order = {}
        for e in edges:
            order.setdefault((e["Kind"], e["Type"]), []).append(e)
        edges = [e for group in order.values() for e in group]
    for want, got in zip(edges, back_edges):
        fields = [("source", rule(want["Source"]), back_rule(got["source"])),
                  ("target", rule(want["Target"]), back_rule(got["target"]))]
        if spec.get("relations", True):
            fields.append(("relation", symbol(rule(want["Kind"])), back_rule(got["relation"])))
        if spec.get("directions", True):
            directed = got.get("directed", back["directed"])
            fields.append(("directed", want["Type"] == "directed", directed))
        if spec.get("edge_ids", True):
            fields.append(("id", rule(want["Id"]), back_rule(str(got["key"]))))
        for a in edge_attrs:
            fields.append((a, value(rule(want[a])), back_rule(got.get(a, ""))))
        rows.append((f"edge {want['Id']!r}"[:60], fields))
    return rows


def compare(fmt, rows):
    bad = 0
    for where, fields in rows:
        for name, want, got in fields:
            if want != got:
                bad += 1
                if bad <= 5:
                    check(False, f"{fmt}: {where} {name}: expected {want!r:.300} read back {got!r:.300}")
    if bad > 5:
        check(False, f"{fmt}: {bad - 5} more differences")
    return bad == 0


# ---- strict parsers ------------------------------------------------------------------------

def utf8(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"{path}: not UTF-8: {e}")
        return None


def xml_parses(path, rng=None):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        check(False, f"{path}: expat: {e}")
        return None
    if shutil.which("xmllint"):
        args = ["xmllint", "--noout", "--nonet"] + (["--relaxng", rng] if rng else []) + [path]
        r = run(args)
        check(r.returncode == 0, f"{path}: xmllint: {r.stderr.decode(errors='replace')[:500]}")
    return root


def dot_parses(path, out_dir):
    if not shutil.which("dot"):
        NOTES.append(f"Graphviz's dot is not installed: {os.path.basename(path)} not checked by dot -Tcanon")
        return None
    canon = os.path.join(out_dir, os.path.basename(path) + ".canon.dot")
    r = run(["dot", "-Tcanon", "-o", canon, path])
    check(r.returncode == 0 and not r.stderr,
          f"{path}: dot -Tcanon: exit {r.returncode}: {r.stderr.decode(errors='replace')[:500]}")
    return canon if r.returncode == 0 else None


def inert_svg(root, path):
    """No element or attribute in the SVG can run code or came from the data as markup."""
    allowed = {"svg", "g", "title", "text", "polygon", "path", "ellipse", "polyline", "a",
               "circle", "line", "rect", "clipPath", "defs", "desc"}
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        check(tag in allowed, f"{path}: element <{tag}>")
        for name, value in el.attrib.items():
            local = name.split("}")[-1]
            check(not local.lower().startswith("on"), f"{path}: attribute {local}= on <{tag}>")
            if local == "href":
                check(value.startswith("#"), f"{path}: link {value!r}")


# ---- the checks ----------------------------------------------------------------------------

def export_all(actornet, source, out, nodes, edges, rng, label):
    """Exports `source` in every format; checks (a) and (b); returns the outputs by format."""
    outputs = {}
    for fmt in FORMATS:
        target = os.path.join(out, f"{label}.{fmt}") if fmt != "csv" else os.path.join(out, f"{label}-csv/")
        r = run([actornet, "export", source, "-o", target])
        if not check(r.returncode == 0, f"{label}: export {fmt}: exit {r.returncode}: {r.stderr.decode(errors='replace')[:500]}"):
            continue
        outputs[fmt] = (target, r.stderr.decode("utf-8", errors="replace"))
        files = [os.path.join(target, "nodes.csv"), os.path.join(target, "edges.csv")] if fmt == "csv" else [target]
        texts = [utf8(f) for f in files]
        if None in texts:
            continue
        if fmt in ("gexf", "graphml"):
            xml_parses(target, rng if fmt == "gexf" else None)
        elif fmt in ("json", "cyjs"):
            try:
                json.loads(texts[0])
            except ValueError as e:
                check(False, f"{target}: json: {e}")
        elif fmt == "dot":
            dot_parses(target, out)
        elif fmt == "csv":
            for f in files:
                with open(f, newline="", encoding="utf-8") as h:
                    rows = list(csv.reader(h, strict=True))
                check(all(len(row) == len(rows[0]) for row in rows), f"{f}: rows of unequal width")
        if nx is not None and fmt == "gml":
            try:
                g = nx.read_gml(target, label="name")
                check(g.number_of_nodes() == len(nodes) and g.number_of_edges() == len(edges),
                      f"{target}: NetworkX reads {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
            except Exception as e:  # noqa: BLE001 - any reader failure is the finding
                check(False, f"{target}: NetworkX read_gml: {e!r:.500}")
        if nx is not None and fmt == "graphml":
            # NetworkX cannot hold a graph mixing directed and undirected edges: it reads an
            # export with every edge undirected.
            undirected = os.path.join(out, f"{label}-undirected.graphml")
            r = run([actornet, "export", source, "--undirected", "-o", undirected])
            try:
                g = nx.read_graphml(undirected)
                want = {xml_rule(n["Id"]): xml_rule(n["Label"]) for n in nodes}
                got = {n: d.get("label") for n, d in g.nodes(data=True)}
                check(got == want, f"{undirected}: NetworkX reads other ids or labels")
                check(g.number_of_edges() == len(edges), f"{undirected}: NetworkX reads {g.number_of_edges()} edges")
            except Exception as e:  # noqa: BLE001
                check(False, f"{undirected}: NetworkX read_graphml: {e!r:.500}")
    return outputs


def round_trips(actornet, out, outputs, nodes, edges, label):
    for fmt, (target, _) in outputs.items():
        back_path = os.path.join(out, f"{label}-back-{fmt}.json")
        args = [actornet, "export", target, "-o", back_path]
        if fmt == "cyjs":
            args += ["--format", "json"]
        r = run(args)
        if not check(r.returncode == 0, f"{label}: {fmt} does not read back: {r.stderr.decode(errors='replace')[:500]}"):
            continue
        with open(back_path, encoding="utf-8") as f:
            back = json.load(f)
        if compare(fmt, expected_and_back(fmt, nodes, edges, back)):
            print(f"{label}: {fmt}: every text read back as documented")
        if fmt == "dot" and shutil.which("dot"):
            # What Graphviz itself writes back reads back the same.
            canon = os.path.join(out, os.path.basename(target) + ".canon.dot")
            r = run([actornet, "export", canon, "-o", back_path])
            if check(r.returncode == 0, f"{label}: dot -Tcanon output does not read back"):
                with open(back_path, encoding="utf-8") as f:
                    back = json.load(f)
                # dot -Tcanon writes edges by tail node: put them back in the fixture's order.
                position = {dot_rule(e["Id"]): k for k, e in enumerate(edges)}
                back["links"].sort(key=lambda e: position.get(str(e["key"]), len(edges)))
                if compare("dot -Tcanon", expected_and_back("dot", nodes, edges, back)):
                    print(f"{label}: dot -Tcanon: every text read back as documented")


def check_render(actornet, fixture, out, nodes):
    svg = os.path.join(out, "render.svg")
    r = run([actornet, "render", fixture, "-o", svg, "--title", "<script>alert('t')</script> & \"t\""])
    if not check(r.returncode == 0, f"render svg: {r.stderr.decode(errors='replace')[:500]}"):
        return
    if utf8(svg) is None:
        return
    root = xml_parses(svg)
    if root is None:
        return
    inert_svg(root, svg)
    ns = "{http://www.w3.org/2000/svg}"
    titles = set()
    for g in root.iter(ns + "g"):
        if g.get("class") == "node":
            titles.add(g.find(ns + "title").text.replace("\u00a0", " "))
    want = {xml_rule(n["Id"]) for n in nodes if not re.fullmatch(r"%[0-9]+", n["Id"])}
    check(want <= titles, f"render.svg: node titles lack {sorted(want - titles)!r:.500}")
    texts = {t.text for t in root.iter(ns + "text")}
    for shown in ["<script>alert(1)</script>", "<kind onclick=alert(3)>", "<b>met_with</b>",
                  "<script>alert('t')</script> & \"t\""]:
        check(shown in texts, f"render.svg: {shown!r} is not shown as text")
    dot = os.path.join(out, "render.dot")
    r = run([actornet, "render", fixture, "-o", dot])
    if check(r.returncode == 0, f"render dot: {r.stderr.decode(errors='replace')[:500]}") and utf8(dot):
        if dot_parses(dot, out) and shutil.which("dot"):
            again = os.path.join(out, "render-by-dot.svg")
            r = run(["dot", "-Tsvg", "-o", again, dot])
            check(r.returncode == 0, f"dot -Tsvg render.dot: {r.stderr.decode(errors='replace')[:300]}")
            if r.returncode == 0 and utf8(again) is not None:
                xml_parses(again)
    print("render: SVG and DOT well-formed, inert, texts shown as written")


def check_chart(actornet, fixture, out, nodes):
    chart = os.path.join(out, "timeline.svg")
    r = run([actornet, "timeline", fixture, "--from", "2020-01", "--to", "2020-03",
             "--chart-top", "50", "--chart", chart, "--title", "<script>alert(5)</script>"])
    if not check(r.returncode == 0, f"timeline --chart: {r.stderr.decode(errors='replace')[:500]}"):
        return
    if utf8(chart) is None:
        return
    root = xml_parses(chart)
    if root is None:
        return
    inert_svg(root, chart)
    names = {g.get("data-name") for g in root.iter("{http://www.w3.org/2000/svg}g")
             if g.get("class") == "series"}
    want = {bidi_closed(xml_rule(n["Label"])) for n in nodes}
    check(names == want, f"timeline.svg: series names differ: {sorted(names ^ want)!r:.500}")
    print("timeline chart: well-formed, inert, series named as written")


def check_ill_formed(actornet, out, rng):
    """Ill-formed UTF-8 through a GraphML file, when the GraphML reader takes it."""
    ill = [b"\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80"]
    ids = [bytes([ord("a") + k]) + s for k, s in enumerate(ill)]
    labels = [b"<script>" + s + b"</script> & \x01" for s in ill]
    doc = [b'<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
           b'<key id="l" for="node" attr.name="label" attr.type="string"/>'
           b'<key id="r" for="edge" attr.name="relation" attr.type="string"/>'
           b'<graph edgedefault="directed">']
    for i, l in zip(ids, labels):
        doc.append(b'<node id="' + i + b'"><data key="l">' + l.replace(b"&", b"&amp;").replace(b"<", b"&lt;").replace(b"\x01", b"") + b"</data></node>")
    doc.append(b'<edge source="' + ids[0] + b'" target="' + ids[1] + b'"><data key="r">rel' + ill[2] + b"</data></edge>")
    doc.append(b"</graph></graphml>\n")
    source = os.path.join(out, "ill-formed.graphml")
    with open(source, "wb") as f:
        f.write(b"".join(doc))
    probe = run([actornet, "export", source, "-o", os.path.join(out, "ill-probe.json")])
    if probe.returncode == 2:
        NOTES.append("the GraphML reader refuses ill-formed UTF-8: the CLI check of it is skipped "
                     "(tests/exporters/test_adversarial.cpp covers it in memory)")
        return
    check(probe.returncode == 0, f"ill-formed.graphml: exit {probe.returncode}")
    nodes = [{"Id": i.decode("utf-8", "replace"), "Label": l.replace(b"\x01", b"").decode("utf-8", "replace"),
              "kind": "other", "side": "", "description": "", MARKUP_COLUMN: ""} for i, l in zip(ids, labels)]
    for fmt in FORMATS:
        target = os.path.join(out, f"ill.{fmt}") if fmt != "csv" else os.path.join(out, "ill-csv/")
        r = run([actornet, "export", source, "-o", target])
        if not check(r.returncode == 0, f"ill-formed: export {fmt}: {r.stderr.decode(errors='replace')[:300]}"):
            continue
        check("U+FFFD" in r.stderr.decode("utf-8", "replace"), f"ill-formed: export {fmt} does not report the replacement")
        files = [os.path.join(target, "nodes.csv"), os.path.join(target, "edges.csv")] if fmt == "csv" else [target]
        if None in [utf8(f) for f in files]:
            continue
        if fmt in ("gexf", "graphml"):
            xml_parses(target, rng if fmt == "gexf" else None)
        back_path = os.path.join(out, f"ill-back-{fmt}.json")
        args = [actornet, "export", target, "-o", back_path] + (["--format", "json"] if fmt == "cyjs" else [])
        r = run(args)
        if check(r.returncode == 0, f"ill-formed: {fmt} does not read back"):
            with open(back_path, encoding="utf-8") as f:
                back = json.load(f)
            got = [n["id"] for n in back["nodes"]]
            want = [FORMATS[fmt]["rule"](n["Id"]) for n in nodes]
            check(got == want, f"ill-formed: {fmt}: ids {got!r} read back, not {want!r}")
    print("ill-formed UTF-8 through a GraphML file: every output valid UTF-8 with U+FFFD")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actornet", required=True)
    p.add_argument("--fixture", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--rng", help="the GEXF 1.3 RELAX NG schema (validated when it exists)")
    a = p.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    os.makedirs(a.out)
    rng = a.rng if a.rng and os.path.exists(a.rng) else None
    if nx is None:
        NOTES.append("NetworkX is not installed: GML and GraphML not read by NetworkX")
    nodes, edges = read_fixture(a.fixture)
    outputs = export_all(a.actornet, a.fixture, a.out, nodes, edges, rng, "adv")
    round_trips(a.actornet, a.out, outputs, nodes, edges, "adv")
    check_render(a.actornet, a.fixture, a.out, nodes)
    check_chart(a.actornet, a.fixture, a.out, nodes)
    check_ill_formed(a.actornet, a.out, rng)
    for note in NOTES:
        print("note:", note)
    print(f"{len(FAILURES)} failed" if FAILURES else "adversarial: all checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
