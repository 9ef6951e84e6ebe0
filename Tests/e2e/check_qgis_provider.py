#!/usr/bin/python3
"""The Shuraku QGIS plugin's Processing provider in real QGIS (PyQGIS, headless).

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 check_qgis_provider.py SHURAKU_BIN WORK_DIR [REFERENCE_PLAN]
       (SHURAKU_QGIS_PLUGINS=DIR: load the plugin from DIR/shuraku, e.g. the extracted zip)

Loads the plugin from qgis/shuraku (classFactory, initProcessing) and checks:
  - defaults: every parameter of shuraku:plan that stands for a command-line option has the
    default `shuraku plan --help` prints, and every option of the help has a parameter;
  - plan: shuraku:plan on the 能登町 sample (settlements as a memory layer, which the provider
    exports; roads, districts, boundary, facilities as file layers, 30 min, 1,000 people,
    districts whole) loads its layers into the project in one group, styled from the plan's .qml
    (zones, settlements and cores categorised or graduated, not the single-symbol default), with
    the counts of plan.json; with REFERENCE_PLAN (the same settings planned by the command from
    the files), the same zones;
  - round trip: a settlement moved in an edit session (zone_id) to a neighbouring zone whose core
    is nearest to it, committed, then shuraku:evaluate: its new zone, core and travel time, both
    zones' populations the sum of their members', changes.csv's row; a far settlement moved to a
    far zone: a beyond_travel_limit violation on it and on its zone;
  - with REFERENCE_PLAN (made from the checkout with relative paths), shuraku:evaluate of it
    unedited, the project's home being the checkout: its inputs found, no changes, no
    violations, the same zones;
  - compare and inspect (inspect on the selected features of a memory layer);
  - a bad setting: QgsProcessingException with the command's message, nothing left;
  - cancel: shuraku:plan canceled at its first progress line: SIGTERM ends the command (exit
    status 143), which removes its staging folder; no output folder, staging folder or exported
    inputs are left.
Prints a summary; exits 1 with the list of failures.
"""
import csv
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, "/usr/share/qgis/python/plugins")
# The plugin's parent folder: the checkout's qgis/, or (SHURAKU_QGIS_PLUGINS) where the packaged zip
# was extracted.
PLUGINS = os.path.abspath(os.environ.get("SHURAKU_QGIS_PLUGINS") or os.path.join(ROOT, "qgis"))
sys.path.insert(0, PLUGINS)

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

SAMPLE = os.path.join(ROOT, "geodata", "noto")
failures = []
summary = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def features(layer):
    return list(layer.getFeatures(QgsFeatureRequest()))


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_json(path):
    return json.loads(read_text(path))


def help_defaults(binary):
    """{flag: default text or None} of `shuraku plan --help`."""
    text = subprocess.run([binary, "plan", "--help"], capture_output=True, text=True, check=True).stdout
    options = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^  (--[a-z0-9-]+)(\s|$)", line)
        if m:
            current = m.group(1)
            options[current] = line
        elif current and line.startswith(" " * 20):
            options[current] += " " + line.strip()
        else:
            current = None
    defaults = {}
    for flag, entry in options.items():
        d = re.search(r"\(default: (.*)\)\s*$", entry)
        defaults[flag] = d.group(1) if d else None
    return defaults


def check_defaults(binary):
    from shuraku.algorithms.options import PLAN_OPTIONS

    alg = QgsApplication.processingRegistry().algorithmById("shuraku:plan")
    cli = help_defaults(binary)
    checked = 0
    for option in PLAN_OPTIONS:
        if not check(option.flag in cli, f"defaults: {option.flag} ({option.name}) is not an option of shuraku plan"):
            continue
        definition = alg.parameterDefinition(option.name)
        if not check(definition is not None, f"defaults: shuraku:plan has no parameter {option.name}"):
            continue
        value = definition.defaultValue()
        if option.kind == "choice":
            value = option.choices[int(value)]
        elif option.kind == "flag":
            value = None if not value else value
        elif value is not None and str(value) in ("", "NULL"):
            value = None
        expected = cli[option.flag]
        if expected is None:
            check(value is None, f"defaults: {option.name} defaults to {value!r}, shuraku plan has no default")
        else:
            try:
                literal = float(expected)
            except ValueError:
                literal = None
            if literal is not None:
                check(value is not None and float(value) == literal,
                      f"defaults: {option.name} defaults to {value!r}, shuraku plan to {expected}")
            elif option.kind == "choice":
                check(value == expected.split()[0], f"defaults: {option.name} defaults to {value!r}, shuraku plan to {expected}")
            elif option.kind == "text" and value is not None:
                check(value == expected, f"defaults: {option.name} defaults to {value!r}, shuraku plan to {expected}")
            else:
                # A default the command works out (detected fields, the data's UTM zone): no value here.
                check(value is None, f"defaults: {option.name} defaults to {value!r}, shuraku plan to '{expected}'")
        checked += 1
    covered = {o.flag for o in PLAN_OPTIONS} | {"--out", "--wait", "--timings", "--quiet", "--help"}
    missing = sorted(set(cli) - covered)
    check(not missing, f"defaults: options of shuraku plan without a parameter: {', '.join(missing)}")
    summary.append(f"defaults: {checked} parameters match `shuraku plan --help`")


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.texts = []
        self.infos = []
        self.progress_values = []
        self.progressChanged.connect(self.progress_values.append)

    def setProgressText(self, text):
        self.texts.append(text)

    def pushInfo(self, info):
        self.infos.append(info)


def run(alg_id, parameters, feedback=None):
    """processing.run as the Toolbox runs it: results loaded into the project on completion."""
    import processing
    from processing.gui.Postprocessing import handleAlgorithmResults

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or Recorder()
    return processing.run(alg_id, parameters, feedback=feedback, context=context,
                          onFinish=lambda alg, ctx, fb: handleAlgorithmResults(alg, ctx, fb))


def group_layers(name):
    group = QgsProject.instance().layerTreeRoot().findGroup(name)
    return [n.layer() for n in group.findLayers()] if group else []


def check_plan(work, reference):
    mem = QgsVectorLayer(os.path.join(SAMPLE, "settlements.geojson"), "settlements", "ogr").materialize(QgsFeatureRequest())
    check(mem.providerType() == "memory" and mem.featureCount() == 195, "plan: the memory copy of the settlements")
    out = os.path.join(work, "plan")
    feedback = Recorder()
    t = time.monotonic()
    result = run("shuraku:plan", {
        "SETTLEMENTS": mem,
        "POPULATION_FIELD": "JINKO",
        "DISTRICTS": QgsVectorLayer(os.path.join(SAMPLE, "districts.geojson"), "districts", "ogr"),
        "ROADS": QgsVectorLayer(os.path.join(SAMPLE, "roads.geojson"), "roads", "ogr"),
        "BOUNDARY": QgsVectorLayer(os.path.join(SAMPLE, "boundary.geojson"), "boundary", "ogr"),
        "FACILITIES": QgsVectorLayer(os.path.join(SAMPLE, "facilities.geojson"), "facilities", "ogr"),
        "MAX_TRAVEL_MIN": 30,
        "MIN_ZONE_POP": 1000,
        "DISTRICT_MODE": 1,  # whole
        "OUTPUT": out,
    }, feedback)
    seconds = time.monotonic() - t
    plan = read_json(os.path.join(out, "plan.json"))
    m = plan["metrics"]
    exported = plan["inputs"]["settlements"]["path"]
    check(exported.startswith(out + "-inputs" + os.sep) and os.path.isfile(exported),
          f"plan: the memory layer was not exported beside the plan (settlements input {exported})")
    check(plan["inputs"]["roads"]["path"] == os.path.join(SAMPLE, "roads.geojson"),
          f"plan: the roads file layer was not passed as its file ({plan['inputs']['roads']['path']})")
    check(plan["parameters"].get("districtMode") == "whole", "plan: district mode whole did not reach the command")
    check("building the road graph (294 lines)" in feedback.texts, f"plan: progress texts {feedback.texts}")
    check(any(20 <= p < 100 for p in feedback.progress_values), f"plan: progress values {feedback.progress_values}")
    check(any("8 zones" in i for i in feedback.infos), "plan: the command's summary line is not in the log")
    check(result.get("ZONES_LAYER") == f"{out}/plan.gpkg|layername=zones", f"plan: ZONES_LAYER output {result.get('ZONES_LAYER')}")

    loaded = group_layers("plan")
    names = [layer.name() for layer in loaded]
    order = ["cores", "settlements", "facilities", "network_issues", "critical_roads", "routes", "zones"]
    check(names == order, f"plan: the project's group 'plan' holds {names}, expected {order} (top to bottom)")
    expected = {"zones": m["zones"], "settlements": m["settlements"], "cores": m["zones"]}
    for layer in loaded:
        name = layer.name()
        check(layer.isValid(), f"plan: layer {name} is not valid")
        kind = layer.renderer().type() if layer.renderer() else None
        if name in expected:
            check(layer.featureCount() == expected[name],
                  f"plan: {name} has {layer.featureCount()} features, plan.json says {expected[name]}")
            check(kind in ("categorizedSymbol", "graduatedSymbol"),
                  f"plan: {name} loaded without its style (renderer {kind})")
        if name == "critical_roads":
            check(kind == "graduatedSymbol", f"plan: critical_roads renderer {kind}, expected graduated")
    zones_layer = next((x for x in loaded if x.name() == "zones"), None)
    if zones_layer is not None and zones_layer.renderer().type() == "categorizedSymbol":
        check(zones_layer.renderer().classAttribute() == "zone_id" or len(zones_layer.renderer().categories()) >= m["zones"],
              "plan: zones not categorised per zone")
    if reference:
        ref = read_json(os.path.join(reference, "plan.json"))
        mine = sorted(sorted(z["members"]) for z in plan["zones"])
        theirs = sorted(sorted(z["members"]) for z in ref["zones"])
        check(mine == theirs, "plan: the zones differ from the command's plan of the same files")
    summary.append(f"plan: {m['zones']} zones, {m['settlements']} settlements, {len(loaded)} layers loaded "
                   f"({seconds:.1f} s)")
    return out, plan


def settlements_by_id(layer):
    return {f["settlement_id"]: f for f in features(layer)}


def choose_moves(plan_dir):
    """(near, far): each (settlement id, from zone, to zone). near: a member of a zone, not its
    core, and the core of a touching zone nearest to it; far: the member farthest from another
    zone's core."""
    gpkg = os.path.join(plan_dir, "plan.gpkg")
    zones = features(QgsVectorLayer(f"{gpkg}|layername=zones", "z", "ogr"))
    people = features(QgsVectorLayer(f"{gpkg}|layername=settlements", "s", "ogr"))
    by_id = {f["settlement_id"]: f for f in people}
    core_point = {z["zone_id"]: by_id[z["core_id"]].geometry().asPoint() for z in zones}
    shape = {z["zone_id"]: z.geometry() for z in zones}
    d = QgsDistanceArea()
    d.setEllipsoid("EPSG:7019")
    near, far = None, None
    for s in people:
        if s["is_core"] or not s["zone_id"]:
            continue
        here = s["zone_id"]
        for zone_id, core in core_point.items():
            if zone_id == here:
                continue
            metres = d.measureLine(s.geometry().asPoint(), core)
            if shape[here].touches(shape[zone_id]) or shape[here].intersects(shape[zone_id]):
                if near is None or metres < near[0]:
                    near = (metres, s["settlement_id"], here, zone_id)
            if far is None or metres > far[0]:
                far = (metres, s["settlement_id"], here, zone_id)
    return near, far


def edit_copy(plan_dir, path, settlement_id, zone_id):
    """plan.gpkg copied to `path`, the settlement's zone_id changed in an edit session and committed."""
    shutil.copyfile(os.path.join(plan_dir, "plan.gpkg"), path)
    layer = QgsVectorLayer(f"{path}|layername=settlements", "edited settlements", "ogr")
    check(layer.isValid(), f"round trip: {path} does not open")
    feature = next(f for f in layer.getFeatures() if f["settlement_id"] == settlement_id)
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("zone_id"), zone_id)
    check(layer.commitChanges(), f"round trip: commit failed: {layer.commitErrors()}")
    return layer


def evaluated(out):
    gpkg = os.path.join(out, "plan.gpkg")
    people = settlements_by_id(QgsVectorLayer(f"{gpkg}|layername=settlements", "s", "ogr"))
    zones = {z["zone_id"]: z for z in features(QgsVectorLayer(f"{gpkg}|layername=zones", "z", "ogr"))}
    with open(os.path.join(out, "changes.csv"), encoding="utf-8") as f:
        changes = list(csv.DictReader(f))
    return people, zones, changes


def check_round_trip(work, plan_dir):
    near, far = choose_moves(plan_dir)
    original = settlements_by_id(QgsVectorLayer(f"{plan_dir}/plan.gpkg|layername=settlements", "s", "ogr"))
    original_zones = {z["zone_id"]: z for z in features(QgsVectorLayer(f"{plan_dir}/plan.gpkg|layername=zones", "z", "ogr"))}

    _, sid, old, new = near
    edited = edit_copy(plan_dir, os.path.join(work, "edited.gpkg"), sid, new)
    out = os.path.join(work, "evaluated")
    t = time.monotonic()
    result = run("shuraku:evaluate", {"PLAN": plan_dir, "EDITED": edited, "OUTPUT": out})
    seconds = time.monotonic() - t
    people, zones, changes = evaluated(out)
    s = people[sid]
    travel = s["travel_min"]
    check(s["zone_id"] == new, f"round trip: {sid} is in {s['zone_id']} after evaluate, moved to {new}")
    check(s["core_id"] == zones[new]["core_id"], f"round trip: {sid} has core {s['core_id']}, zone {new}'s is {zones[new]['core_id']}")
    check(travel is not None and 0 < travel <= 30, f"round trip: {sid} travel_min {travel} to {new}'s core")
    check("beyond_travel_limit" not in (s["violations"] or ""), f"round trip: {sid} flagged {s['violations']}")
    for zone_id in (old, new):
        members = sum(p["population"] for p in people.values() if p["zone_id"] == zone_id)
        check(zones[zone_id]["population"] == members,
              f"round trip: zone {zone_id} has population {zones[zone_id]['population']}, its members {members}")
    moved = original[sid]["population"]
    check(zones[old]["population"] == original_zones[old]["population"] - moved
          and zones[new]["population"] == original_zones[new]["population"] + moved,
          f"round trip: zone populations did not change by the {moved} people moved")
    row = [r for r in changes if r["settlement_id"] == sid]
    check(len(row) == 1 and row[0]["change"] == "moved" and row[0]["old_zone_id"] == old and row[0]["new_zone_id"] == new
          and abs(float(row[0]["new_travel_min"]) - travel) < 0.01,
          f"round trip: changes.csv row for {sid}: {row}")
    check(len(changes) == 1, f"round trip: changes.csv has {len(changes)} rows, one settlement was moved")
    loaded = [x.name() for x in group_layers("evaluated")]
    check("changes" in loaded and "zones" in loaded and "settlements" in loaded,
          f"round trip: evaluated layers loaded: {loaded}")
    check(result.get("CHANGES_CSV") == os.path.join(out, "changes.csv"), "round trip: CHANGES_CSV output")
    summary.append(f"round trip: {original[sid]['name']} ({sid}, {moved} people) {old} → {new}: {travel:.2f} min "
                   f"to its new core, zone populations and changes.csv agree ({seconds:.1f} s)")

    metres, fid, fold, fnew = far
    edited = edit_copy(plan_dir, os.path.join(work, "edited-far.gpkg"), fid, fnew)
    out_far = os.path.join(work, "evaluated-far")
    run("shuraku:evaluate", {"PLAN": plan_dir, "EDITED": edited, "OUTPUT": out_far})
    people, zones, changes = evaluated(out_far)
    s = people[fid]
    check(s["zone_id"] == fnew, f"far move: {fid} is in {s['zone_id']}, moved to {fnew}")
    check("beyond_travel_limit" in (s["violations"] or ""),
          f"far move: {fid} ({metres / 1000:.1f} km from {fnew}'s core, {s['travel_min']} min) not flagged: {s['violations']!r}")
    check("beyond_travel_limit" in (zones[fnew]["violations"] or ""),
          f"far move: zone {fnew} does not count the member beyond the limit: {zones[fnew]['violations']!r}")
    summary.append(f"far move: {s['name']} {fold} → {fnew} ({metres / 1000:.1f} km): {s['travel_min']:.1f} min, "
                   f"flagged {s['violations']}")
    return out


def check_unedited_reference(work, reference):
    out = os.path.join(work, "reference-evaluated")
    edited = QgsVectorLayer(f"{reference}/plan.gpkg|layername=settlements", "settlements", "ogr")
    # As with a project saved in the checkout: the plan's relative paths are found from its folder.
    QgsProject.instance().setPresetHomePath(ROOT)
    try:
        run("shuraku:evaluate", {"PLAN": reference, "EDITED": edited, "OUTPUT": out})
    finally:
        QgsProject.instance().setPresetHomePath("")
    plan = read_json(os.path.join(out, "plan.json"))
    ref = read_json(os.path.join(reference, "plan.json"))
    _, _, changes = evaluated(out)
    check(plan["metrics"]["violations"] == 0 and not changes, "reference: the unedited plan has changes or violations")
    check([z["members"] for z in plan["zones"]] == [z["members"] for z in ref["zones"]], "reference: zones differ")
    summary.append(f"evaluate of the command's own plan (relative input paths), unedited: "
                   f"{plan['metrics']['zones']} zones, no changes, no violations")


def check_bad_setting(work):
    out = os.path.join(work, "bad")
    mem = QgsVectorLayer(os.path.join(SAMPLE, "settlements.geojson"), "s", "ogr").materialize(QgsFeatureRequest())
    error = None
    try:
        run("shuraku:plan", {"SETTLEMENTS": mem, "ZONES": "0", "OUTPUT": out})
    except QgsProcessingException as e:
        error = str(e)
    check(error is not None and "--zones: expected auto, fewest or a whole number" in error and "exit status 2" in error,
          f"bad setting: {error}")
    check(not os.path.exists(out) and not os.path.exists(out + "-inputs"), "bad setting: output or inputs left")
    summary.append("bad setting (ZONES 0): the command's message, exit status 2, nothing left")


def check_compare_and_inspect(work, plan_dir, evaluated_dir):
    out = os.path.join(work, "compare.md")
    result = run("shuraku:compare", {"PLAN_1": plan_dir, "PLAN_2": evaluated_dir, "OUTPUT": out})
    text = read_text(out)
    check("| violations |" in text and "same zones as plan" in text, f"compare: {text[:300]}")
    check(result.get("REPORT") == text, "compare: REPORT output differs from the file")

    mem = QgsVectorLayer(os.path.join(SAMPLE, "settlements.geojson"), "s", "ogr").materialize(QgsFeatureRequest())
    mem.setName("settlements (selection)")
    QgsProject.instance().addMapLayer(mem, False)
    chosen = [f for f in features(mem)][:12]
    mem.selectByIds([f.id() for f in chosen])
    out = os.path.join(work, "inspect.txt")
    source = QgsProcessingFeatureSourceDefinition(mem.id(), True)
    run("shuraku:inspect", {"INPUT": source, "OUTPUT": out})
    text = read_text(out)
    total = sum(f["JINKO"] for f in chosen)
    check("12 features" in text and f"population total: {total:,}" in text,
          f"inspect: the report of 12 selected features (population {total}): {text[:400]}")
    summary.append("compare and inspect (12 selected features of a memory layer): reports written")


class CancelAtFirstLine(Recorder):
    """Cancels at the first progress line; notes whether the command's staging folder was there."""

    def __init__(self, work, name):
        super().__init__()
        self.pattern = os.path.join(work, f".{name}.shuraku-*")
        self.staging_seen = None

    def setProgressText(self, text):
        super().setProgressText(text)
        if not self.isCanceled():
            self.staging_seen = glob.glob(self.pattern)
            self.cancel()


def check_cancel(work, attempt):
    mem = QgsVectorLayer(os.path.join(SAMPLE, "settlements.geojson"), "s", "ogr").materialize(QgsFeatureRequest())
    out = os.path.join(work, "canceled")
    feedback = CancelAtFirstLine(work, "canceled")
    t = time.monotonic()
    error = None
    try:
        run("shuraku:plan", {
            "SETTLEMENTS": mem,
            "ROADS": os.path.join(SAMPLE, "roads.geojson"),
            "DISTRICTS": os.path.join(SAMPLE, "districts.geojson"),
            "FACILITIES": os.path.join(SAMPLE, "facilities.geojson"),
            "OUTPUT": out,
        }, feedback)
    except QgsProcessingException as e:
        error = str(e)
    seconds = time.monotonic() - t
    check(error is not None and "Canceled" in error, f"cancel: the run was not canceled ({error})")
    check(error is not None and "exit status 143" in error,
          f"cancel: the command did not end on SIGTERM through its handler ({error})")
    check(bool(feedback.staging_seen), "cancel: no staging folder while the command ran")
    check(not os.path.exists(out), f"cancel: {out} is left")
    left = glob.glob(os.path.join(work, ".canceled.shuraku-*")) + glob.glob(os.path.join(work, ".canceled.lock*"))
    check(not left, f"cancel: left behind: {left}")
    check(not os.path.exists(out + "-inputs"), "cancel: the exported inputs are left")
    return seconds


def quiet_expected_tracebacks():
    """QGIS logs the traceback of every exception an algorithm raises: keep the expected ones
    (cancel, the bad setting) out of the output, print everything else."""
    from qgis.PyQt.QtCore import qInstallMessageHandler

    def handler(mode, context, message):
        if "Traceback" in message and ("Canceled: shuraku" in message or "--zones: expected" in message):
            return
        sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def main(binary, work, reference):
    os.makedirs(work, exist_ok=True)
    app = QgsApplication([], False)
    app.initQgis()
    quiet_expected_tracebacks()
    from processing.core.Processing import Processing
    from processing.core.ProcessingConfig import ProcessingConfig

    Processing.initialize()
    import shuraku

    check(os.path.dirname(os.path.dirname(os.path.abspath(shuraku.__file__))) == PLUGINS,
          f"plugin: imported from {shuraku.__file__}, not from {PLUGINS}")
    plugin = shuraku.classFactory(None)
    plugin.initProcessing()
    provider = QgsApplication.processingRegistry().providerById("shuraku")
    ids = sorted(a.id() for a in provider.algorithms()) if provider else []
    check(ids == ["shuraku:compare", "shuraku:evaluate", "shuraku:inspect", "shuraku:plan"], f"provider: algorithms {ids}")
    # In memory only: the user's QGIS settings are left alone.
    ProcessingConfig.settings["SHURAKU_EXECUTABLE"].value = os.path.abspath(binary)

    start = time.monotonic()
    check_defaults(binary)
    plan_dir, _ = check_plan(work, reference)
    evaluated_dir = check_round_trip(work, plan_dir)
    if reference:
        check_unedited_reference(work, reference)
    check_compare_and_inspect(work, plan_dir, evaluated_dir)
    check_bad_setting(work)
    # A few times: SIGTERM in the command's first milliseconds is lost (its handler is not set up
    # yet) and the provider has to send it again.
    times = [check_cancel(work, i) for i in range(3)]
    summary.append(f"cancel: 3 runs stopped at their first progress line after {', '.join(f'{t:.1f}' for t in times)} s; "
                   f"staging folder removed by the command, nothing left")
    print(f"QGIS {Qgis.QGIS_VERSION}, Shuraku provider from {PLUGINS}/shuraku ({time.monotonic() - start:.0f} s):")
    for line in summary:
        print("  " + line)
    if failures:
        print("QGIS provider check failed:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        print(__doc__)
        sys.exit(2)
    try:
        status = main(sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3] if len(sys.argv) == 4 else None)
    except Exception:
        import traceback

        traceback.print_exc()
        if failures:
            print("failures so far:\n  " + "\n  ".join(failures))
        status = 1
    sys.stdout.flush()
    # Leave without QGIS's own teardown, which can crash after the checks are done.
    os._exit(status)
