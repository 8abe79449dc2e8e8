#!/usr/bin/env bash
# Regenerates the figures and the claims table the README shows:
#   docs/figures/figure-{5a,7a,9,S1}.svg, docs/claims.md, and the table in README.md
#   between <!-- claims:start --> and <!-- claims:end -->.
# Usage: bash Utilities/update-figures.sh   (from anywhere in the repository)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
swift run -c release descent reproduce --output "$out" --quiet
mkdir -p docs/figures
for id in 5a 7a 9 S1; do cp "$out/figure-$id.svg" docs/figures/; done
cp "$out/summary.md" docs/claims.md
table=$(grep '^|' "$out/summary.md")
awk -v table="$table" '
  /<!-- claims:start -->/ { print; print table; skipping = 1; next }
  /<!-- claims:end -->/ { skipping = 0 }
  !skipping { print }
' README.md > "$out/README.md"
mv "$out/README.md" README.md
echo "updated docs/figures, docs/claims.md and the README's claims table"
