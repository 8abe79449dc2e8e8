#!/usr/bin/env bash
# Descent's optimizer updates side by side with their peers, in one run on this
# machine: a STREAM triad (compiled here), numpy with in-place ufuncs, jax + optax
# (jit, donated buffers) and Descent, for SGD, Adam and Csawg's accumulate step at
# d = 10⁷ (or $1), in float32 and float64.
#
#   pip install -r Benchmarks/requirements.txt    # once, for the peers
#   bash Benchmarks/compare.sh [d]
set -euo pipefail
cd "$(dirname "$0")"
d=${1:-10000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O3 -march=native -fopenmp compare/triad.c -o "$work/triad"
swift build -c release --product StepTimer >&2
{
  OMP_NUM_THREADS=2 "$work/triad" "$d"
  .build/release/StepTimer steps "$d"
  # numpy runs slower with this machine's OpenBLAS workaround set; unset it here only.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 compare/peers.py "$d" 2> >(grep -v -i warning >&2)
} > "$work/measurements"
python3 compare/report.py "$d" < "$work/measurements"
