#!/usr/bin/env bash
# Builds the installable QGIS plugin: dist/shuraku-qgis-<version>.zip holding the shuraku/ folder
# of qgis/ (metadata.txt, icon, Python sources; the repository's licence file when it has one),
# for QGIS's Plugins › Manage and Install Plugins › Install from ZIP. The version is the plugin's
# (qgis/shuraku/metadata.txt). The zip is reproducible: sorted entries, fixed timestamps.
# Usage: scripts/package-qgis-plugin.sh [OUT_DIR]   (default: dist/); prints the zip's path.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
version=$(sed -n 's/^version=\([^[:space:]]*\).*/\1/p' qgis/shuraku/metadata.txt | head -1)
[ -n "$version" ] || { echo "error: no version= in qgis/shuraku/metadata.txt" >&2; exit 1; }
licence=
for f in LICENSE LICENSE.md LICENSE.txt COPYING; do
  if [ -f "$f" ]; then licence=$f; break; fi
done
[ -n "$licence" ] || echo "warning: the repository has no LICENSE file; the plugin is packaged without one" >&2
mkdir -p "$out"
zip="$out/shuraku-qgis-$version.zip"
/usr/bin/env python3 - "$zip" "$licence" <<'PY'
import os
import sys
import zipfile

zip_path, licence = sys.argv[1], sys.argv[2]
entries = []
for folder, dirs, files in os.walk("qgis/shuraku"):
    dirs[:] = sorted(d for d in dirs if d != "__pycache__")
    for name in sorted(files):
        if name.endswith((".pyc", ".pyo")) or name.startswith("."):
            continue
        path = os.path.join(folder, name)
        entries.append((path, os.path.relpath(path, "qgis")))
if licence:
    entries.append((licence, "shuraku/LICENSE"))
for required in ("shuraku/metadata.txt", "shuraku/__init__.py", "shuraku/icon.svg"):
    if required not in {arc for _, arc in entries}:
        sys.exit(f"error: {required} is missing")
tmp = zip_path + ".tmp"
with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
    for path, arc in sorted(entries, key=lambda e: e[1]):
        info = zipfile.ZipInfo(arc, date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(path, "rb") as f:
            z.writestr(info, f.read())
os.replace(tmp, zip_path)
PY
echo "$zip"
