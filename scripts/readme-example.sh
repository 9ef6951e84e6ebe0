#!/usr/bin/env bash
# Checks README.md's "Use as a library" example as a user would run it: extracts its ```swift
# block as main.swift of a new package that depends on this one by path, builds it, runs it from
# the repository root and checks what it prints ("zones: N" and one core line per zone).
# The package lives in .build/readme-example/ so that a rerun is incremental (the first run builds
# the library in debug, about a minute and a half on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pkg=.build/readme-example
mkdir -p "$pkg/Sources/ReadmeExample"

awk '
    /^## / { in_section = ($0 == "## Use as a library") ; next }
    in_section && !done && /^```swift$/ { in_block = 1; next }
    in_block && /^```$/ { in_block = 0; done = 1; next }
    in_block { print }
' README.md > "$pkg/main.swift.new"
[ -s "$pkg/main.swift.new" ] || { echo "readme-example: no \`\`\`swift block under \"## Use as a library\" in README.md" >&2; exit 1; }
# Rewrite only on change, so that an unchanged example is not recompiled.
cmp -s "$pkg/main.swift.new" "$pkg/Sources/ReadmeExample/main.swift" 2>/dev/null \
    || cp "$pkg/main.swift.new" "$pkg/Sources/ReadmeExample/main.swift"
rm "$pkg/main.swift.new"

cat > "$pkg/Package.swift.new" <<'SWIFT'
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ReadmeExample",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Shuraku", path: "../..")],
    targets: [
        .executableTarget(
            name: "ReadmeExample",
            dependencies: [
                .product(name: "ShurakuPlan", package: "Shuraku"),
                .product(name: "ShurakuOutput", package: "Shuraku"),
            ]
        )
    ]
)
SWIFT
cmp -s "$pkg/Package.swift.new" "$pkg/Package.swift" 2>/dev/null || cp "$pkg/Package.swift.new" "$pkg/Package.swift"
rm "$pkg/Package.swift.new"

swift build --package-path "$pkg"
bin=$(swift build --package-path "$pkg" --show-bin-path)/ReadmeExample

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Run from the repository root: the example's paths (geodata/…, out/…) are relative to it.
(cd "$root" && "$bin") > "$out"
cat "$out"
grep -Eq '^zones: [1-9][0-9]*$' "$out" || { echo "readme-example: no \"zones: N\" line" >&2; exit 1; }
zones=$(sed -n 's/^zones: //p' "$out")
cores=$(grep -Ec '^Z[0-9]+ core .+ \([0-9]+ people\)$' "$out" || true)
[ "$cores" = "$zones" ] || { echo "readme-example: $zones zones but $cores core lines" >&2; exit 1; }
echo "readme-example: ok ($zones zones)"
