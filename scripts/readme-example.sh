#!/usr/bin/env bash
# Checks README.md's "Use as a library" example as a user would run it: extracts its ```swift
# block as main.swift of a new package that depends on this one by path, builds it, runs it from
# the repository root and checks what it prints ("zones: N" and one core line per zone).
# The package lives in .build/readme-example/ so that a rerun is incremental (the first run builds
# the library in debug, about a minute and a half on 2 cores).
# The last step of the DocC tutorial (Sources/ShurakuPlan/ShurakuPlan.docc) is built and run the
# same way, as a second executable of that package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pkg=.build/readme-example
mkdir -p "$pkg/Sources/ReadmeExample" "$pkg/Sources/TutorialExample"
tutorial=$(ls Sources/ShurakuPlan/ShurakuPlan.docc/Resources/planning-noto-*-main.swift | sort | tail -n 1)
cmp -s "$tutorial" "$pkg/Sources/TutorialExample/main.swift" 2>/dev/null \
    || cp "$tutorial" "$pkg/Sources/TutorialExample/main.swift"

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
        ),
        .executableTarget(
            name: "TutorialExample",
            dependencies: [
                .product(name: "ShurakuPlan", package: "Shuraku"),
                .product(name: "ShurakuOutput", package: "Shuraku"),
            ]
        ),
    ]
)
SWIFT
cmp -s "$pkg/Package.swift.new" "$pkg/Package.swift" 2>/dev/null || cp "$pkg/Package.swift.new" "$pkg/Package.swift"
rm "$pkg/Package.swift.new"

swift build --package-path "$pkg"
bin=$(swift build --package-path "$pkg" --show-bin-path)

out=$(mktemp)
trap 'rm -f "$out"' EXIT
# Run from the repository root: the example's paths (geodata/…, out/…) are relative to it.
(cd "$root" && "$bin/ReadmeExample") > "$out"
cat "$out"
grep -Eq '^zones: [1-9][0-9]*$' "$out" || { echo "readme-example: no \"zones: N\" line" >&2; exit 1; }
zones=$(sed -n 's/^zones: //p' "$out")
cores=$(grep -Ec '^Z[0-9]+ core .+ \([0-9]+ people\)' "$out" || true)
[ "$cores" = "$zones" ] || { echo "readme-example: $zones zones but $cores core lines" >&2; exit 1; }
echo "readme-example: README ok ($zones zones)"

# The tutorial's program, from the root too; it prints the same zones and writes a plan folder.
(cd "$root" && "$bin/TutorialExample") > "$out"
cat "$out"
grep -qx "zones: $zones" "$out" || { echo "readme-example: the tutorial's plan differs from the README's" >&2; exit 1; }
grep -qx "written to out/noto-swift" "$out" && [ -f out/noto-swift/plan.gpkg ] \
    || { echo "readme-example: the tutorial wrote no plan folder" >&2; exit 1; }
echo "readme-example: tutorial ok"
