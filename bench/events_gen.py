#!/usr/bin/env python3
"""Writes a synthetic GDELT 2.0 events file (61 tab-separated columns, no header) for
bench/events.sh: ROWS events over one year between ACTORS actors (a few hubs, as in real event
data), with valid CAMEO codes, QuadClasses, Goldstein values, counts, tone, geography and a
source URL per row. Deterministic for a given --seed.

    /usr/bin/python3 bench/events_gen.py --rows 10000000 --actors 20000 -o /tmp/gdelt.CSV
"""
import argparse
import random
import sys

# (event code, root, QuadClass, Goldstein) for a spread of CAMEO roots.
EVENTS = [
    ("010", "01", 1, 0.0), ("020", "02", 1, 3.0), ("036", "03", 1, 4.0),
    ("040", "04", 1, 1.0), ("042", "04", 1, 1.9), ("043", "04", 1, 2.8),
    ("046", "04", 1, 7.0), ("051", "05", 1, 3.4), ("057", "05", 1, 8.0),
    ("061", "06", 2, 6.4), ("071", "07", 2, 7.4), ("0841", "08", 2, 7.0),
    ("090", "09", 3, -2.0), ("100", "10", 3, -5.0), ("111", "11", 3, -2.0),
    ("112", "11", 3, -2.0), ("120", "12", 3, -4.0), ("130", "13", 3, -4.4),
    ("141", "14", 4, -6.5), ("173", "17", 4, -5.0), ("190", "19", 4, -10.0),
    ("193", "19", 4, -10.0),
]
COUNTRIES = ["USA", "CHN", "RUS", "GBR", "FRA", "DEU", "IND", "JPN", "BRA", "ZAF",
             "NGA", "EGY", "TUR", "IRN", "ISR", "PAK", "MEX", "CAN", "AUS", "KOR"]
TYPES = ["", "", "", "GOV", "MIL", "COP", "JUD", "BUS", "CVL", "MED", "REB", "IGO"]


def actors(n, rng):
    out = []
    for i in range(n):
        country = COUNTRIES[i % len(COUNTRIES)]
        typ = TYPES[rng.randrange(len(TYPES))]
        code = country + typ
        name = f"ACTOR {i:06d}" if i >= len(COUNTRIES) else f"COUNTRY {country}"
        out.append((code, name, country, typ))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    pool = actors(a.actors, rng)
    # Hubs: a quarter of the ends are drawn from the first 1% of the actors.
    hubs = max(1, a.actors // 100)
    days = [f"2015{m:02d}{d:02d}" for m in range(1, 13) for d in range(1, 29)]
    out = sys.stdout if a.output == "-" else open(a.output, "w", buffering=1 << 20)
    geo = "\t".join(["1", "United States", "US", "US", "", "39.828", "-98.5795", "US"])
    lines = []
    for i in range(a.rows):
        r = rng.random()
        x = pool[rng.randrange(hubs) if r < 0.25 else rng.randrange(a.actors)]
        y = pool[rng.randrange(hubs) if r > 0.75 else rng.randrange(a.actors)]
        code, root, quad, gold = EVENTS[rng.randrange(len(EVENTS))]
        day = days[rng.randrange(len(days))]
        one_sided = r < 0.05
        a2 = ("", "", "", "") if one_sided else y
        fields = [
            str(500000000 + i), day, day[:6], day[:4], f"{day[:4]}.{int(day[4:6]) * 8:04d}",
            x[0], x[1], x[2], "", "", "", "", x[3], "", "",
            a2[0], a2[1], a2[2], "", "", "", "", a2[3], "", "",
            "1", code, code[:3], root, str(quad), f"{gold:.1f}",
            str(1 + i % 9), str(1 + i % 3), str(1 + i % 9), f"{(i % 200 - 100) / 10:.4f}",
            geo, geo, geo, day + "120000", f"https://news.example.org/{day}/story-{i}.html",
        ]
        lines.append("\t".join(fields))
        if len(lines) == 10000:
            out.write("\n".join(lines) + "\n")
            lines.clear()
    if lines:
        out.write("\n".join(lines) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
