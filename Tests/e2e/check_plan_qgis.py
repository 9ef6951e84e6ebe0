#!/usr/bin/python3
"""Open every layer of a Shuraku plan folder in real QGIS (PyQGIS, headless) and check it.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 check_plan_qgis.py PLAN_DIR [PLAN_DIR ...]

For each plan: every layer of plan.gpkg and every <layer>.geojson must be a valid QGIS layer,
hold the feature count that plan.json and summary.csv imply, be in EPSG:4326, and come up with
its default style (from the GeoPackage's layer_styles table, or the .qml beside the GeoJSON):
a categorised or graduated renderer, never QGIS's plain single-symbol default (the facilities
layer, when the plan has one, categorised by kind; the network_issues layer, in every plan with
roads, categorised by kind, with as many features as its GeoJSON and plan.json's counts;
critical_roads, with roads, graduated by people_cut_off; drone_rings, with a drone, a single
dashed outline); zones and cores must be labelled with a font family QGIS can find. Exits 1 with
a list of failures.
"""
import csv
import json
import os
import sys

from qgis.core import Qgis, QgsApplication, QgsVectorLayer
from qgis.PyQt.QtGui import QFontDatabase

LAYERS = ["zones", "settlements", "cores", "routes"]
LABELLED = {"zones", "cores"}
BY_KIND = {"facilities", "network_issues"}
OPTIONAL = ["facilities", "network_issues", "critical_roads", "drone_rings"]


def expected_counts(plan_dir):
    plan = json.load(open(os.path.join(plan_dir, "plan.json"), encoding="utf-8"))
    m = plan["metrics"]
    with open(os.path.join(plan_dir, "summary.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    loops = sum(int(r["loops"]) for r in rows)
    assert len(rows) == m["zones"], f"summary.csv has {len(rows)} rows, plan.json says {m['zones']} zones"
    counts = {"zones": m["zones"], "settlements": m["settlements"], "cores": m["zones"], "routes": loops}
    if "facilities" in plan["inputs"]:
        # The facilities the plan kept: every zone's per-kind counts add up to those inside a zone.
        with open(os.path.join(plan_dir, "facilities.geojson"), encoding="utf-8") as f:
            features = json.load(f)["features"]
        inside = sum(1 for x in features if x["properties"]["zone_id"] is not None)
        kinds = [k for k in rows[0] if k.startswith("facilities_")] if rows else []
        counted = sum(int(r[k]) for r in rows for k in kinds)
        assert inside == counted, f"{inside} facilities lie in zones, the zones count {counted}"
        counts["facilities"] = len(features)
    if "roads" in plan["inputs"]:
        # Every plan with roads shows its road-data issues: crossings and gaps, one point each.
        with open(os.path.join(plan_dir, "network_issues.geojson"), encoding="utf-8") as f:
            features = json.load(f)["features"]
        c = plan["network_issues"]
        assert len(features) == c["crossings"] + c["gaps"], (
            f"network_issues.geojson has {len(features)} features, plan.json counts "
            f"{c['crossings']} crossings and {c['gaps']} gaps")
        counts["network_issues"] = len(features)
    cut_off = plan.get("cut_off") or {}
    if cut_off.get("critical_roads") is not None:
        counts["critical_roads"] = cut_off["critical_roads"]
        with open(os.path.join(plan_dir, "settlements.geojson"), encoding="utf-8") as f:
            settlements = [x["properties"] for x in json.load(f)["features"]]
        cut = {r for s in settlements if s["cut_roads"] for r in s["cut_roads"].split(",")}
        assert len(cut) == cut_off["critical_roads"], f"settlements name {len(cut)} cut roads, plan.json {cut_off['critical_roads']}"
    if cut_off.get("drone") is not None:
        counts["drone_rings"] = m["zones"]
    return counts


def check_layer(layer, name, expected, failures, where):
    if not layer.isValid():
        failures.append(f"{where}: not a valid layer")
        return
    if layer.featureCount() != expected:
        failures.append(f"{where}: {layer.featureCount()} features, expected {expected}")
    if layer.crs().authid() != "EPSG:4326":
        failures.append(f"{where}: CRS {layer.crs().authid()}, expected EPSG:4326")
    renderer = layer.renderer()
    kind = renderer.type() if renderer else None
    if name == "critical_roads":
        if kind != "graduatedSymbol" or renderer.classAttribute() != "people_cut_off" or len(renderer.ranges()) < 2:
            failures.append(f"{where}: not graduated by people_cut_off (renderer {kind})")
    elif name == "drone_rings":
        if kind != "singleSymbol" or renderer.symbol().symbolLayer(0).strokeStyle() != 2:  # Qt.DashLine
            failures.append(f"{where}: not a dashed outline (renderer {kind})")
    elif kind not in ("categorizedSymbol", "graduatedSymbol"):
        failures.append(f"{where}: default style not loaded (renderer {kind})")
    elif kind == "categorizedSymbol" and expected > 0 and len(renderer.categories()) == 0:
        failures.append(f"{where}: categorised renderer without categories")
    if name in BY_KIND and (kind != "categorizedSymbol" or renderer.classAttribute() != "kind"):
        failures.append(f"{where}: not categorised by kind (renderer {kind})")
    if name in LABELLED:
        if not layer.labelsEnabled() or layer.labeling() is None:
            failures.append(f"{where}: labels are not enabled")
        else:
            family = layer.labeling().settings().format().font().family()
            if family not in QFontDatabase().families():
                failures.append(f"{where}: label font '{family}' is not installed")


def main(dirs):
    app = QgsApplication([], False)
    app.initQgis()
    failures = []
    checked = 0
    for plan_dir in dirs:
        counts = expected_counts(plan_dir)
        gpkg = os.path.join(plan_dir, "plan.gpkg")
        for name in LAYERS + [n for n in OPTIONAL if n in counts]:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
            check_layer(layer, name, counts[name], failures, f"{gpkg}:{name}")
            path = os.path.join(plan_dir, f"{name}.geojson")
            layer = QgsVectorLayer(path, name, "ogr")
            check_layer(layer, name, counts[name], failures, path)
            checked += 2
    if failures:
        print("QGIS check failed:\n  " + "\n  ".join(failures))
        return 1
    print(f"QGIS {Qgis.QGIS_VERSION}: {checked} layers valid, styled and counted")
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stdout.flush()
    # Leave without QGIS's own teardown, which can crash after the checks are done.
    os._exit(status)
