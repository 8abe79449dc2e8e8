#!/usr/bin/env bash
# What differentiable Swift costs: the gradient of DifferentiableObjective against the
# hand-written gradient of the same function, measured in the same run (median
# milliseconds per gradient, and their ratio), on chained Rosenbrock and a 50-row
# logistic regression at d = 2, 100 and 10,000.
#
#   bash Benchmarks/differentiable.sh
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product StepTimer >&2
.build/release/StepTimer differentiable
