#!/usr/bin/python3
"""Writes nodes.csv and edges.csv of the adversarial dataset in this folder.

Every label, kind, id, relation and string attribute holds text that breaks a careless
writer: quotes, markup (script, img onerror, CDATA end, comment end, entities), DOT syntax and
escapes, backslashes, tabs, line breaks, CR, NUL, other C0 controls, DEL, bidirectional marks,
a 10 kB string, and one attribute whose name is markup. The files are valid UTF-8 (the CSV
reader refuses anything else); invalid UTF-8 is added in memory by
tests/support/adversarial.hpp. Run from anywhere: `/usr/bin/python3 generate.py`.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# A unit of about 100 bytes with markup, quotes, a backslash, a control character and
# multi-byte text, repeated to 10 kB.
UNIT = "<script>alert('x')</script> & \"q\" \\N ]]> --> \x01 \u738b\u202e\u200f "
LONG = (UNIT * (10240 // len(UNIT.encode("utf-8")) + 1))
while len(LONG.encode("utf-8")) > 10240:
    LONG = LONG[:-1]

# id, label, kind, side, description, the markup-named attribute
NODES = [
    ("<script>alert(1)</script>", "<script>alert(1)</script>", "person", "A",
     "<img src=x onerror=alert(1)>", "<svg onload=alert(11)>"),
    ("\"q'uote", "\"double\" and 'single' quotes", "agency", "<b>B</b> & \"C\"",
     "]]> &amp; --> <!-- comment", "' onmouseover='alert(12)"),
    ("a -> b; }", "digraph { a -> b; } <<b>x</b>>", "<kind onclick=alert(3)>", "A",
     "\\N \\l \\G \\E \\T \\H \\L \\n \\r", "\" onfocus=\"alert(13)"),
    ("back\\slash &bogus;", "ends with a backslash\\", "person", "B",
     "backslash before a quote \\\" and \\\\ two", "&lt;script&gt;alert(14)&lt;/script&gt;"),
    ("ctl", "tab\there nl\nhere cr\rhere crlf\r\nend", "person", "A",
     "nul\x00 soh\x01 esc\x1b[31m del\x7f bel\x07 vt\x0b ff\x0c us\x1f", "x\x08y"),
    ("rlo", "abc\u202edef\u200f ghi \u202a\u2066", "person", "B",
     "javascript:alert(6) url(http://example.invalid/x)", "<a href=\"javascript:alert(15)\">x</a>"),
    ("long", LONG, "person", "A", LONG, LONG),
    ("%1", "%1", "node", "B", "%s %n %x {} {0}", "{{}}"),
    ("node", "graph &amp; &bogus; &nbsp;&#65;", "edge", "A", "strict digraph subgraph", "-- -> ; , = [ ]"),
    ("  padded  ", "  padded  ", "person", " B ", "  leading and trailing  ", " "),
    ("nl\nid", "id with a line break", "person", "A", "\u0085 next line \u2028 ls \u2029 ps",
     "\ufeff bom \ufffd replacement"),
    ("soh\x01id", "id with a control character", "person", "B", "\x00", "\x1b"),
]

# id, source, target, kind (relation), label, note
EDGES = [
    ("<e1 onclick=alert(21)>", "<script>alert(1)</script>", "\"q'uote", "<b>met_with</b>",
     "<img src=x onerror=alert(22)>", "\"edge\" 'note'"),
    ("e\"2", "a -> b; }", "back\\slash &bogus;", "a -> b; }", "\\N\\E\\T", "]]><!--"),
    ("t3", "ctl", "rlo", "rel\x01ation\t\r\n", "tab\tnl\ncr\r", "nul\x00"),
    ("t4", "long", "%1", LONG, LONG, LONG),
    ("t5", "node", "  padded  ", "\u202e reversed", "javascript:alert(23)", "&amp;"),
    ("t6", "nl\nid", "soh\x01id", "called", "plain", "plain"),
    ("t7", "<script>alert(1)</script>", "<script>alert(1)</script>", "<script>alert(24)</script>",
     "self-loop", "<![CDATA[x]]>"),
]

MARKUP_COLUMN = "<i>\"n&m\"</i>"


def field(text):
    return '"' + text.replace('"', '""') + '"'


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as out:
        out.write(",".join(field(h) for h in header) + "\n")
        for row in rows:
            out.write(",".join(field(c) for c in row) + "\n")


write("nodes.csv", ["Id", "Label", "kind", "side", "description", MARKUP_COLUMN], NODES)
write("edges.csv", ["Id", "Source", "Target", "Type", "Kind", "label", "note"],
      [(i, s, t, "directed" if k % 2 == 0 else "undirected", r, l, n)
       for k, (i, s, t, r, l, n) in enumerate(EDGES)])
