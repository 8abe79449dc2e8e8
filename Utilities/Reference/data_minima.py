"""f* and w* of the suite's convex real-data problems, by scipy's L-BFGS-B run until the
gradient's norm stalls, then polished by Newton steps (conjugate gradients on exact
Hessian-vector products) until the gradient's Euclidean norm is below 1e-10, written to
Sources/DescentProblems/Data/minima.json.

The objectives are Descent's, term for term (Sources/Descent/Problems/FiniteSum/):
  f(w) = (1/n) Σ ℓ(w; xᵢ, yᵢ) + (λ/2)‖w‖²,  λ = 1/n,
with an intercept column of ones appended to the features and regularised like them:
- breast-cancer-logistic: features standardised (mean 0, population variance 1),
  ℓ = log(1 + e^z) − y z;
- digits-softmax: pixels divided by 16, W as 10 rows of 65, ℓ = logsumexp(Wx) − (Wx)_y;
- diabetes-least-squares: features and target standardised, ℓ = ½(xᵀw − y)².

Run: python3 Utilities/Reference/data_minima.py  (numpy, scipy: requirements.txt)
"""

import json
import pathlib

import numpy as np
from scipy.optimize import minimize
from scipy.sparse.linalg import LinearOperator, cg
from scipy.special import logsumexp

DATA = pathlib.Path(__file__).resolve().parents[2] / "Sources" / "DescentProblems" / "Data"


def load(name):
    table = np.loadtxt(DATA / name, delimiter=",", skiprows=1)
    return table[:, :-1], table[:, -1]


def standardise(x):
    deviation = x.std(axis=0)
    deviation[deviation == 0] = 1
    return (x - x.mean(axis=0)) / deviation


def with_ones(x):
    return np.hstack([x, np.ones((x.shape[0], 1))])


def logistic():
    x, y = load("breast_cancer.csv")
    x = with_ones(standardise(x))
    n, lam = len(y), 1 / len(y)

    def f(w):
        z = x @ w
        value = np.mean(np.logaddexp(0, z) - y * z) + lam / 2 * w @ w
        gradient = x.T @ (1 / (1 + np.exp(-z)) - y) / n + lam * w
        return value, gradient

    def hessian_times(w, v):
        p = 1 / (1 + np.exp(-(x @ w)))
        return x.T @ (p * (1 - p) * (x @ v)) / n + lam * v

    return f, hessian_times, np.zeros(x.shape[1])


def softmax():
    x, y = load("digits.csv")
    x = with_ones(x / 16)
    n, p, k = len(y), x.shape[1], 10
    lam = 1 / n
    onehot = np.eye(k)[y.astype(int)]

    def f(w):
        weights = w.reshape(k, p)
        z = x @ weights.T
        value = np.mean(logsumexp(z, axis=1) - np.sum(z * onehot, axis=1)) + lam / 2 * w @ w
        probabilities = np.exp(z - logsumexp(z, axis=1, keepdims=True))
        gradient = ((probabilities - onehot).T @ x) / n + lam * weights
        return value, gradient.ravel()

    def hessian_times(w, v):
        z = x @ w.reshape(k, p).T
        probabilities = np.exp(z - logsumexp(z, axis=1, keepdims=True))
        direction = x @ v.reshape(k, p).T
        mixed = probabilities * direction - probabilities * np.sum(probabilities * direction, axis=1, keepdims=True)
        return ((mixed.T @ x) / n).ravel() + lam * v

    return f, hessian_times, np.zeros(k * p)


def least_squares():
    x, y = load("diabetes.csv")
    x = with_ones(standardise(x))
    y = (y - y.mean()) / y.std()
    n, lam = len(y), 1 / len(y)

    def f(w):
        residual = x @ w - y
        value = np.mean(residual ** 2) / 2 + lam / 2 * w @ w
        return value, x.T @ residual / n + lam * w

    def hessian_times(w, v):
        return x.T @ (x @ v) / n + lam * v

    return f, hessian_times, np.zeros(x.shape[1])


def solve(make):
    f, hessian_times, start = make()
    result = minimize(f, start, jac=True, method="L-BFGS-B",
                      options={"gtol": 1e-13, "ftol": 0, "maxiter": 100000, "maxcor": 50})
    w = result.x
    for _ in range(10):
        value, gradient = f(w)
        if np.linalg.norm(gradient) < 1e-12:
            break
        hessian = LinearOperator((len(w), len(w)), matvec=lambda v: hessian_times(w, v))
        step, _ = cg(hessian, -gradient, rtol=1e-14, maxiter=10 * len(w))
        w = w + step
    value, gradient = f(w)
    norm = float(np.linalg.norm(gradient))
    assert norm < 1e-10, f"gradient norm {norm}"
    return {"minimum": float(value), "gradient_norm": norm, "minimizer": [float(v) for v in w]}


def main():
    minima = {
        "breast-cancer-logistic": solve(logistic),
        "digits-softmax": solve(softmax),
        "diabetes-least-squares": solve(least_squares),
    }
    for name, entry in minima.items():
        print(name, entry["minimum"], entry["gradient_norm"])
    with open(DATA / "minima.json", "w") as handle:
        json.dump(minima, handle, indent=1)
        handle.write("\n")


if __name__ == "__main__":
    main()
