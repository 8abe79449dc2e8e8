"""The test problems, written as Descent writes them (same formulas, same order)."""
import numpy as np


def rosenbrock_value(w, a=1.0, b=100.0):
    t = w[1] - w[0] * w[0]
    return b * t * t + (a - w[0]) * (a - w[0])


def rosenbrock_gradient(w, a=1.0, b=100.0):
    t = w[1] - w[0] * w[0]
    return np.array([-2.0 * (a - w[0]) - 4.0 * b * w[0] * t, 2.0 * b * t])


def random_quadratic(seed=20, dimension=20):
    """A seeded, positive-definite 20-dimensional quadratic ½ wᵀQw + bᵀw.

    Q = AᵀA/d + 0.1·I, symmetrised exactly, so its curvatures lie in about [0.1, 4].
    """
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((dimension, dimension))
    q = a.T @ a / dimension + 0.1 * np.eye(dimension)
    q = (q + q.T) / 2
    b = rng.standard_normal(dimension)
    start = rng.standard_normal(dimension)
    return q, b, start


class Quadratic:
    def __init__(self, q, b):
        self.q, self.b = q, b
        self.minimizer = np.linalg.solve(q, -b)
        self.minimum = 0.5 * b @ self.minimizer

    # Sums run left to right as in Descent's Quadratic, so that the fixtures
    # differ from Descent only in the optimizers' own arithmetic.
    def _row(self, i, w):
        total = 0.0
        for j in range(len(w)):
            total += float(self.q[i, j]) * float(w[j])
        return total

    def value(self, w):
        total = 0.0
        for i in range(len(w)):
            total += float(w[i]) * self._row(i, w) / 2 + float(self.b[i]) * float(w[i])
        return total

    def gradient(self, w):
        return np.array([self._row(i, w) + float(self.b[i]) for i in range(len(w))])
