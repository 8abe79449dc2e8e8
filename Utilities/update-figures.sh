#!/usr/bin/env bash
# Regenerates the figures the README shows and the claims table it links to:
#   docs/figures/figure-{5a,7a,9,S1}.svg and docs/claims.md (a copy of summary.md).
# Usage: bash Utilities/update-figures.sh   (from anywhere in the repository)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift run -c release descent reproduce --output "$out" --quiet
mkdir -p docs/figures
for id in 5a 7a 9 S1; do cp "$out/figure-$id.svg" docs/figures/; done
cp "$out/summary.md" docs/claims.md
echo "updated docs/figures and docs/claims.md"
