"""Milliseconds per full gradient of the suite's logistic regression (breast cancer) and
softmax regression (digits) in numpy, the same objectives as Descent's, for
Benchmarks/finite-sum.sh. numpy's matrix products run on its BLAS."""

import pathlib
import sys
import time

import numpy as np
from scipy.special import logsumexp

DATA = pathlib.Path(__file__).resolve().parents[2] / "Sources" / "DescentProblems" / "Data"


def load(name):
    table = np.loadtxt(DATA / name, delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


def median_ms(body, repeats=51):
    body()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples)[len(samples) // 2]


def main():
    x, y = load("breast_cancer.csv")
    deviation = x.std(axis=0)
    x = np.hstack([(x - x.mean(axis=0)) / deviation, np.ones((len(y), 1))])
    n, lam = len(y), 1 / len(y)
    w = (np.arange(x.shape[1]) % 11) / 100 - 0.05

    def logistic():
        z = x @ w
        return x.T @ (1 / (1 + np.exp(-z)) - y) / n + lam * w

    print("numpy breast-cancer-logistic", median_ms(logistic))

    x, y = load("digits.csv")
    x = np.hstack([x / 16, np.ones((len(y), 1))])
    n, p, k = len(y), x.shape[1], 10
    onehot = np.eye(k)[y.astype(int)]
    w = ((np.arange(k * p) % 11) / 100 - 0.05).reshape(k, p)

    def softmax():
        z = x @ w.T
        probabilities = np.exp(z - logsumexp(z, axis=1, keepdims=True))
        return ((probabilities - onehot).T @ x) / n + lam * w

    print("numpy digits-softmax", median_ms(softmax))


if __name__ == "__main__":
    sys.exit(main())
