#!/usr/bin/env bash
# The MNIST-1D networks' forward and backward pass (loss and gradient at a batch of 100
# rows, float32) in Descent and in PyTorch on the CPU, with the same number of threads,
# in one run: examples per second and Descent's ratio, at 1 and 2 threads.
#
#   pip install torch==2.15.0    # once; the CPU-only build of torch 2.15.0 suffices
#   bash Benchmarks/networks.sh
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product StepTimer >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for threads in 1 2; do
  DESCENT_THREADS=$threads .build/release/StepTimer networks >> "$work/measurements"
  python3 compare/networks_torch.py "$threads" >> "$work/measurements"
done
python3 - "$work/measurements" <<'REPORT'
import collections, sys
rates = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    who, model, threads, rate = line.split()
    rates[(model, int(threads))][who] = float(rate)
print("model  threads   Descent ex/s   PyTorch ex/s   Descent / PyTorch")
for (model, threads), r in sorted(rates.items()):
    print(f"{model:5}  {threads:7}  {r['descent']:13,.0f}  {r['torch']:13,.0f}  {r['descent'] / r['torch']:17.2f}")
REPORT
