#!/usr/bin/env python3
"""Generate the outlines of frontlog's map pane, assets/map/borders.txt, from
Natural Earth's 1:50m Admin 0 countries (public domain) as the npm package
`world-atlas` ships them (TopoJSON, version 2.0.2, ISC licence; Natural
Earth 4.1.0 inside).

Run by hand, never by the build (which only embeds the result):

    python3 scripts/gen_borders.py            # fetches the package with `npm pack`
    python3 scripts/gen_borders.py PKG.tgz    # or reads a tarball already fetched

Standard library only. What it does, so that the asset is reproduced
exactly:

1. Decodes the TopoJSON arcs of `countries-50m.json` (quantized,
   delta-encoded) to degrees. Each arc is a stretch of border or coast that
   TopoJSON stores once, even where two countries share it.
2. Keeps the parts of arcs that lie in the box around Ukraine and its
   neighbours (BOX below): a run of points inside the box, with one point
   either side of it so that lines reach the edge.
3. Simplifies each run by Douglas-Peucker at TOLERANCE degrees and rounds
   to two decimals (about a kilometre), dropping repeated points.
4. Writes one line per run: `u` when the arc is part of Ukraine's outline
   (drawn brighter), `b` for any other border or coast, then `lon,lat`
   pairs.

Natural Earth 4.1.0 draws boundaries de facto and puts Crimea in Russia.
The map shows the internationally recognised borders (UN General Assembly
resolution 68/262): a polygon of another country that lies wholly inside
CRIMEA is counted as Ukraine's, and the arcs it shares with Ukraine (the
line across the isthmus) are left out.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "world-atlas@2.0.2"
MEMBER = "package/countries-50m.json"
# West, south, east, north in degrees: Ukraine (22-41 E, 44-53 N) with a
# wide margin, so that panning shows its neighbours.
BOX = (12.0, 40.0, 50.0, 58.0)
TOLERANCE = 0.02
UKRAINE_ID = "804"
# West, south, east, north: the peninsula, for the step above.
CRIMEA = (32.0, 44.0, 37.0, 46.3)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "assets", "map", "borders.txt")


def fetch(tgz=None):
    """The TopoJSON text, from a tarball given or fetched with `npm pack`."""
    if tgz is None:
        tmp = tempfile.mkdtemp(prefix="gen_borders_")
        name = subprocess.run(
            ["npm", "pack", PACKAGE, "--silent"],
            cwd=tmp,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip().splitlines()[-1]
        tgz = os.path.join(tmp, name)
    with tarfile.open(tgz) as tar:
        return json.load(io.TextIOWrapper(tar.extractfile(MEMBER), encoding="utf-8"))


def decode_arcs(topo):
    """Every arc as a list of (lon, lat) in degrees."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def arc_ids(a, found):
    """Adds the arc indexes of a nested TopoJSON arcs list to `found`."""
    if isinstance(a, int):
        found.add(a if a >= 0 else ~a)
    else:
        for b in a:
            arc_ids(b, found)
    return found


def polygons(geometry):
    """A geometry's polygons, each a list of rings of arc indexes."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def ukraine_arcs(topo, arcs):
    """Indexes of the arcs of Ukraine's outline (Crimea's coast included,
    see above), and of the arcs to leave out (the line across the isthmus)."""
    ukraine, crimea = set(), set()
    w, s, e, n = CRIMEA
    for g in topo["objects"]["countries"]["geometries"]:
        if str(g.get("id")) == UKRAINE_ID:
            arc_ids(g["arcs"], ukraine)
            continue
        for poly in polygons(g):
            ids = arc_ids(poly, set())
            pts = [p for i in ids for p in arcs[i]]
            if all(w <= x <= e and s <= y <= n for x, y in pts):
                crimea |= ids
    isthmus = ukraine & crimea
    return (ukraine | crimea) - isthmus, isthmus


def inside(p):
    w, s, e, n = BOX
    return w <= p[0] <= e and s <= p[1] <= n


def runs_in_box(pts):
    """The stretches of a line inside the box, each with one point either
    side of it (where there is one) so that it reaches the box's edge."""
    runs, cur = [], None
    for i, p in enumerate(pts):
        if inside(p):
            if cur is None:
                cur = [pts[i - 1]] if i > 0 else []
            cur.append(p)
        elif cur is not None:
            cur.append(p)
            runs.append(cur)
            cur = None
    if cur is not None:
        runs.append(cur)
    return [r for r in runs if len(r) >= 2]


def simplify(pts, tol):
    """Douglas-Peucker, iterative; keeps both ends."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            x, y = pts[i]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, i
        if best > tol:
            keep[at] = True
            stack.append((a, at))
            stack.append((at, b))
    return [p for p, k in zip(pts, keep) if k]


def rounded(pts):
    out = []
    for lon, lat in pts:
        p = (round(lon, 2), round(lat, 2))
        if not out or out[-1] != p:
            out.append(p)
    return out


def main():
    topo = fetch(sys.argv[1] if len(sys.argv) > 1 else None)
    arcs = decode_arcs(topo)
    ukr, dropped = ukraine_arcs(topo, arcs)
    lines = []
    for i, arc in enumerate(arcs):
        if i in dropped:
            continue
        for run in runs_in_box(arc):
            pts = rounded(simplify(run, TOLERANCE))
            if len(pts) < 2:
                continue
            kind = "u" if i in ukr else "b"
            lines.append(kind + " " + " ".join(f"{x:.2f},{y:.2f}" for x, y in pts))
    w, s, e, n = BOX
    header = [
        "# frontlog map outlines. Generated by scripts/gen_borders.py; do not edit.",
        "# Source: Natural Earth 1:50m Admin 0 countries, version 4.1.0 (public domain,",
        f"# naturalearthdata.com), as TopoJSON in the npm package {PACKAGE}",
        "# (ISC licence, Copyright 2013-2019 Michael Bostock), countries-50m.json.",
        f"# Kept: arcs inside lon {w:g}..{e:g}, lat {s:g}..{n:g}; Douglas-Peucker at {TOLERANCE:g} degrees;",
        "# two decimals. One line per polyline: `u` (part of Ukraine's outline) or",
        "# `b` (another border or coast), then lon,lat pairs. Crimea is drawn as part of",
        "# Ukraine (internationally recognised borders, UN GA resolution 68/262).",
    ]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines) + "\n")
    npts = sum(line.count(",") for line in lines)
    print(f"{OUT}: {len(lines)} lines, {npts} points", file=sys.stderr)


if __name__ == "__main__":
    main()
