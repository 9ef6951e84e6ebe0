#!/usr/bin/env bash
# End-to-end checks on the bundled sample, with real tools around the plan:
#  - `shuraku plan` twice with the same seed: byte-identical folders
#  - every GeoJSON passes an RFC 7946 check (and the checker rejects a known-bad file)
#  - every layer of plan.gpkg and every .geojson opens in real QGIS (PyQGIS, headless) with
#    the expected count, CRS and default style
#  - the QGIS plugin, packaged as its zip and loaded from it: the Processing algorithms plan,
#    evaluate (an edit round trip), compare, inspect and a canceled plan, in real QGIS
#  - report.html opens in headless Chromium without a script error, with one zone polygon and one
#    card per zone and the figures of plan.json (also the static map without Leaflet, and the
#    sample with bus service and projections when the shared IPSS table is there)
#  - `shuraku compare` on three scenarios prints the table
#  - the scenario notebook executes cleanly (Python venv in .venv/)
# Called by scripts/test.sh; installs QGIS, Chromium and fonts when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

apt_install libjs-leaflet # report.html's map (a core dependency: setup.sh installs it)
swift build -c release --product shuraku >/dev/null
bin=$(swift build -c release --show-bin-path)/shuraku

echo "== plan: same inputs and seed give byte-identical outputs"
"$bin" plan --scenario geodata/scenarios/noto-30min-1000.json --out "$work/a" --quiet
"$bin" plan --scenario geodata/scenarios/noto-30min-1000.json --out "$work/b" --quiet
diff -r "$work/a" "$work/b" && echo "identical: $(ls "$work/a" | wc -l) files"
test -s "$work/a/report.html"

echo "== RFC 7946"
apt_install python3
python3 Tests/e2e/check_rfc7946.py "$work"/a/*.geojson
printf '%s' '{"type":"FeatureCollection","crs":{},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}}]}' >"$work/bad.geojson"
if python3 Tests/e2e/check_rfc7946.py "$work/bad.geojson" >/dev/null; then
  echo "the RFC 7946 checker accepted a clockwise ring with a crs member" >&2; exit 1
fi
echo "checker rejects a known-bad file"

echo "== QGIS"
apt_install python3-qgis qgis-providers fonts-noto-cjk
"$bin" plan --scenario geodata/scenarios/noto-30min-1000-ignore.json --out "$work/c" --quiet
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg" /usr/bin/python3 Tests/e2e/check_plan_qgis.py "$work/a" "$work/c"

echo "== QGIS plugin (Processing provider)"
zip=$(scripts/package-qgis-plugin.sh "$work/dist")
/usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$zip" "$work/plugins"
echo "$(basename "$zip"): $(find "$work/plugins/shuraku" -type f | wc -l) files"
SHURAKU_QGIS_PLUGINS="$work/plugins" QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg" \
  /usr/bin/python3 Tests/e2e/check_qgis_provider.py "$bin" "$work/qgis-provider" "$work/a"

echo "== report.html in Chromium"
apt_install chromium fonts-noto-cjk
SHURAKU_LEAFLET_DIR="$work/no-leaflet" "$bin" plan --scenario geodata/scenarios/noto-30min-1000.json --out "$work/d" --quiet
reports=("$work/a")
ipss="${SHURAKU_SHARED:-../shared}/geodata-real/japan-population-projections/ipss2023_municipal_projections.csv"
if [ -f "$ipss" ]; then
  "$bin" plan --scenario geodata/scenarios/noto-bus-service.json --projections "$ipss" --out "$work/e" --quiet
  reports+=("$work/e")
else
  echo "no $ipss: the report with projections is not checked"
fi
python3 Tests/e2e/check_report_html.py "${reports[@]}"
python3 Tests/e2e/check_report_html.py --map svg "$work/d"

echo "== compare"
"$bin" compare "$work/a" geodata/scenarios/noto-20min-500.json geodata/scenarios/noto-45min-1000.json | tee "$work/compare.md"
grep -q "same zones as a" "$work/compare.md"

echo "== notebook"
apt_install python3-venv
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q -r notebooks/requirements.txt
SHURAKU_BIN="$bin" SHURAKU_NOTEBOOK_OUT="$work/notebook" .venv/bin/python - <<'PY'
import nbformat
from nbclient import NotebookClient
nb = nbformat.read("notebooks/scenarios.ipynb", as_version=4)
assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": "notebooks"}}).execute()
print(f"notebook executed: {sum(c.cell_type == 'code' for c in nb.cells)} code cells")
PY
echo "e2e: all checks passed"
