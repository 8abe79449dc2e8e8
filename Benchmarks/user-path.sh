#!/usr/bin/env bash
# The path a user calls, end to end, beside its peers in the same run:
#   1. `descent run` on Rosenbrock at d = 10⁶ (gd, $2 iterations), timed as a whole
#      process, against numpy doing the same work (compare/rosenbrock_run.py);
#   2. `minimize` called from another module (StepTimer, in this package) against a
#      loop calling `step` by hand, for gd, Adam, Csawg, the safeguarded planner, BB and
#      Anderson.
#
#   bash Benchmarks/user-path.sh [d] [iterations]      (numpy: pip install numpy)
set -euo pipefail
cd "$(dirname "$0")"
d=${1:-1000000}
iterations=${2:-100}

(cd .. && swift build -c release --product descent >&2)
swift build -c release --product StepTimer >&2
descent=../.build/release/descent

# Median wall-clock seconds of three runs of a command.
median_seconds() {
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "$@" > /dev/null
    echo $(( $(date +%s%N) - start ))
  done | sort -n | sed -n 2p | awk '{ printf "%.3f", $1 / 1e9 }'
}

ours=$(median_seconds "$descent" run --problem rosenbrock --set dimension="$d" --optimizer gd --max-iterations "$iterations")
# numpy runs slower with this machine's OpenBLAS workaround set; unset it here only.
theirs=$(median_seconds env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 compare/rosenbrock_run.py "$d" "$iterations")
echo "descent run, rosenbrock d = $d, gd, $iterations iterations (median of 3 whole runs)"
awk -v ours="$ours" -v theirs="$theirs" -v n="$iterations" 'BEGIN {
  printf "  descent %.3f s (%.2f ms/iteration)   numpy %.3f s (%.2f ms/iteration)   numpy/descent %.2fx\n",
    ours, ours / n * 1000, theirs, theirs / n * 1000, theirs / ours }'
echo
.build/release/StepTimer driver "$d"
