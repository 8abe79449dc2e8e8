#!/usr/bin/env bash
# The suite's finite-sum gradients (full data, Double), Descent against numpy computing
# the same gradient in the same run: milliseconds per gradient and numpy ÷ Descent.
#
#   bash Benchmarks/finite-sum.sh          (numpy and scipy: pip install -r requirements.txt)
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product StepTimer >&2
ours=$(.build/release/StepTimer finite-sum)
theirs=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 compare/finite_sum.py)
echo "milliseconds per full gradient (median of 51)"
echo "$ours"
echo "$theirs"
for name in breast-cancer-logistic digits-softmax; do
  a=$(echo "$ours" | awk -v n="$name" '$2 == n { print $3 }')
  b=$(echo "$theirs" | awk -v n="$name" '$2 == n { print $3 }')
  awk -v n="$name" -v a="$a" -v b="$b" 'BEGIN { printf "%-24s numpy/descent %.2fx\n", n, b / a }'
done
