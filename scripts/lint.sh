#!/usr/bin/env bash
# The linter: swift-format (in the Swift toolchain) with the repository's .swift-format, over every
# Swift file of the package. Any finding fails. `scripts/lint.sh --fix` formats the files in place.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'Package.swift' 'Sources/*.swift' 'Tests/*.swift' 'Fuzz/*.swift')
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place "${files[@]}"
fi
swift format lint --strict "${files[@]}"
echo "lint: ${#files[@]} files clean"
