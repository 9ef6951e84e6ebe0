#!/usr/bin/env bash
# Builds the API documentation of every library module with the toolchain's own DocC and fails on
# any documentation warning (a symbol link that does not resolve, bad markup, a documented
# parameter that does not exist, …). No plugin package is needed.
#   scripts/docs.sh     → .build/docs/<Module>.doccarchive, and all of them combined in
#                         .build/docs/Shuraku.doccarchive (serve it with any static file server)
# Warnings are counted rather than made errors (--warnings-as-errors writes no archive, and the
# modules above need it to resolve their links), so one run reports every module's warnings.
# Symbol graphs come from the ordinary debug build in .build (`swift package dump-symbol-graph`),
# so after `swift test` this takes about 15 s. Each module is converted on its own, with the
# archives of the modules it depends on, so a comment may link into a lower module with
# ``/ShurakuCore/ShurakuError`` (note the leading slash).
set -euo pipefail
cd "$(dirname "$0")/.."

# The library modules in dependency order, each with the library modules it depends on (as in
# Package.swift).
modules=(
    "ShurakuCore:"
    "ShurakuGeo:ShurakuCore"
    "ShurakuInput:ShurakuCore ShurakuGeo"
    "ShurakuNetwork:ShurakuCore ShurakuGeo"
    "ShurakuPlanner:ShurakuCore ShurakuGeo ShurakuInput ShurakuNetwork"
    "ShurakuRoutes:ShurakuCore ShurakuGeo ShurakuNetwork"
    "ShurakuFunding:ShurakuCore"
    "ShurakuPlan:ShurakuCore ShurakuGeo ShurakuInput ShurakuNetwork ShurakuPlanner ShurakuRoutes ShurakuFunding"
    "ShurakuOutput:ShurakuCore ShurakuGeo ShurakuPlanner ShurakuPlan"
)

# docc comes with the Swift toolchain (beside swift on Linux; through xcrun on macOS).
docc=$(command -v docc || xcrun --find docc 2>/dev/null || true)
[ -n "$docc" ] || { echo "docs: no docc beside swift (it comes with Swift 5.9 and later toolchains)" >&2; exit 1; }

docs=.build/docs
rm -rf "$docs"
mkdir -p "$docs/symbolgraphs"

# dump-symbol-graph builds what is missing, then extracts every module's graph. It also tries the
# test bundle's modules, which exist only after `swift test`: those errors do not count.
graphs=$(dirname "$(swift build --show-bin-path)")/symbolgraph
rm -rf "$graphs"
log="$docs/dump-symbol-graph.log"
swift package dump-symbol-graph --minimum-access-level public > "$log" 2>&1 || true
if grep '^error:' "$log" | grep -Evq "symbol graph for 'ShurakuPackage(Discovered)?Tests'"; then
    cat "$log" >&2
    echo "docs: the build or the symbol graphs failed (above)" >&2
    exit 1
fi

failed=()
for entry in "${modules[@]}"; do
    module=${entry%%:*}
    deps=()
    for dep in ${entry#*:}; do deps+=(--dependency "$docs/$dep.doccarchive"); done
    mkdir -p "$docs/symbolgraphs/$module"
    [ -f "$graphs/$module.symbols.json" ] || { cat "$log" >&2; echo "docs: no symbol graph for $module" >&2; exit 1; }
    cp "$graphs/$module.symbols.json" "$docs/symbolgraphs/$module/"
    for extension in "$graphs/$module@"*.symbols.json; do
        [ -e "$extension" ] && cp "$extension" "$docs/symbolgraphs/$module/"
    done
    catalog=()
    [ -d "Sources/$module/$module.docc" ] && catalog=("Sources/$module/$module.docc")
    status=0
    "$docc" convert "${catalog[@]}" \
        --additional-symbol-graph-dir "$docs/symbolgraphs/$module" \
        --output-path "$docs/$module.doccarchive" \
        --fallback-display-name "$module" \
        --fallback-bundle-identifier "org.shuraku.$module" \
        --fallback-default-module-kind "Framework" \
        --enable-experimental-external-link-support "${deps[@]}" \
        > "$docs/$module.log" 2>&1 || status=$?
    if [ "$status" != 0 ] || grep -Eq '^(warning|error):' "$docs/$module.log"; then
        cat "$docs/$module.log" >&2
        failed+=("$module")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "docs: documentation warnings in ${failed[*]} (above; logs in $docs/)" >&2
    exit 1
fi

archives=()
for entry in "${modules[@]}"; do archives+=("$docs/${entry%%:*}.doccarchive"); done
"$docc" merge "${archives[@]}" --output-path "$docs/Shuraku.doccarchive" \
    --synthesized-landing-page-name Shuraku > "$docs/merge.log" 2>&1 || { cat "$docs/merge.log" >&2; exit 1; }
echo "docs: ${#modules[@]} modules, no warnings → $docs/Shuraku.doccarchive"
