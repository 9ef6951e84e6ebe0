#!/usr/bin/env bash
# Installs the system packages Shuraku needs when they are missing, and checks the Swift toolchain.
# Sourced by setup.sh and test.sh; safe to run again (does nothing when all is present).
set -euo pipefail

shuraku_sudo() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: need root (or sudo) to install: $*" >&2; return 1; fi
}

# apt_install PKG...: installs the Debian/Ubuntu packages that are not yet installed.
apt_install() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "error: missing packages ${missing[*]} and no apt-get. On macOS: brew install geos proj gdal" >&2
    return 1
  fi
  echo "installing: ${missing[*]}" >&2
  shuraku_sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  shuraku_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_core_deps() {
  if [ "$(uname -s)" = Linux ]; then
    # GEOS, PROJ, GDAL headers and pkg-config files; gdal-bin/proj-bin give ogrinfo and cs2cs
    # (tests compare against them); libjs-leaflet is the map library report.html inlines.
    apt_install pkg-config libgeos-dev libproj-dev libgdal-dev gdal-bin proj-bin libjs-leaflet
  fi
  if ! command -v swift >/dev/null; then
    echo "error: no Swift toolchain on PATH. Install Swift 6 from https://www.swift.org/install/ and retry." >&2
    return 1
  fi
  local v
  v=$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9]*\)\..*/\1/p' | head -1)
  if [ -z "$v" ] || [ "$v" -lt 6 ]; then
    echo "error: Swift 6 or newer is needed (found: $(swift --version 2>&1 | head -1))" >&2
    return 1
  fi
}
