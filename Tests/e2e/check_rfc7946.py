#!/usr/bin/env python3
"""Check GeoJSON files against RFC 7946: a FeatureCollection with no "crs" member, positions
[lon, lat] within range, polygon rings closed with at least 4 positions, exterior rings
counter-clockwise and holes clockwise. Usage: check_rfc7946.py FILE.geojson ..."""
import json
import sys


def ring_area2(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def check_positions(coords, where, problems):
    for p in coords:
        if len(p) < 2 or not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90):
            problems.append(f"{where}: position {p} is not lon/lat")
            return


def check_polygon(rings, where, problems):
    for k, ring in enumerate(rings):
        check_positions(ring, where, problems)
        if len(ring) < 4 or ring[0] != ring[-1]:
            problems.append(f"{where}: ring {k} not closed or too short")
            continue
        a = ring_area2(ring)
        if k == 0 and a <= 0:
            problems.append(f"{where}: exterior ring is not counter-clockwise")
        if k > 0 and a >= 0:
            problems.append(f"{where}: hole {k} is not clockwise")


def check(path):
    problems = []
    doc = json.load(open(path, encoding="utf-8"))
    if doc.get("type") != "FeatureCollection":
        problems.append(f"{path}: not a FeatureCollection")
    if "crs" in doc:
        problems.append(f"{path}: has a crs member")
    for i, f in enumerate(doc.get("features", [])):
        g = f.get("geometry")
        where = f"{path}: feature {i + 1}"
        if g is None:
            continue
        t, c = g["type"], g["coordinates"]
        if t == "Point":
            check_positions([c], where, problems)
        elif t in ("LineString", "MultiPoint"):
            check_positions(c, where, problems)
        elif t == "MultiLineString":
            for part in c:
                check_positions(part, where, problems)
        elif t == "Polygon":
            check_polygon(c, where, problems)
        elif t == "MultiPolygon":
            for poly in c:
                check_polygon(poly, where, problems)
    return problems


if __name__ == "__main__":
    problems = [p for path in sys.argv[1:] for p in check(path)]
    if problems:
        print("RFC 7946 check failed:\n  " + "\n  ".join(problems[:50]))
        sys.exit(1)
    print(f"RFC 7946: {len(sys.argv) - 1} files pass")
