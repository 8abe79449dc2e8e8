#!/usr/bin/env bash
# What differentiable Swift costs: the gradient of a differentiable function against the
# hand-written gradient of the same function, measured in the same run (median
# milliseconds per gradient, and their ratio): chained Rosenbrock and a 50-row logistic
# regression written as loops over a DifferentiableVector at d = 100 to 100,000, the
# regression with whole-array operations, a loop over [Double] for contrast, and the
# digits network as a model struct at batches of 64, 256 and 1,797; Double and Float.
# Both sides run on one thread (DESCENT_THREADS=1 for the hand-written ones).
#
#   bash Benchmarks/differentiable.sh
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product StepTimer >&2
DESCENT_THREADS=1 .build/release/StepTimer differentiable
