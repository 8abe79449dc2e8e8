"""numpy doing the work of `descent run --problem rosenbrock --set dimension=D
--optimizer gd --max-iterations N`: each iteration a gradient step, then f, ‖∇f‖ and
‖w − w*‖ at the new iterate, kept as a row; a progress table at the end.

Run by Benchmarks/user-path.sh, which times the whole process beside Descent's.
"""
import sys

import numpy as np

A, B, LEARNING_RATE = 1.0, 100.0, 0.001


def gradient(w):
    valley = w[1:] - w[:-1] ** 2
    g = np.zeros_like(w)
    g[:-1] = -2 * (A - w[:-1]) - 4 * B * w[:-1] * valley
    g[1:] += 2 * B * valley
    return g


def value(w):
    valley = w[1:] - w[:-1] ** 2
    return float(np.sum(B * valley**2 + (A - w[:-1]) ** 2))


def main():
    d, iterations = int(sys.argv[1]), int(sys.argv[2])
    w = np.zeros(d)
    w[0] = -1.0
    minimizer = np.ones(d)
    rows = []
    for k in range(1, iterations + 1):
        w -= LEARNING_RATE * gradient(w)
        rows.append((k, value(w), float(np.linalg.norm(gradient(w))), float(np.linalg.norm(w - minimizer))))
    for row in rows[:: max(1, iterations // 10)] + rows[-1:]:
        print("%6d  %.4e  %.4e  %.6g" % row)


if __name__ == "__main__":
    main()
