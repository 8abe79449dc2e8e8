"""Transcriptions of the methods no library implements, written from their papers.

Run from the repository root:  python3 Utilities/Reference/numpy_transcriptions.py
Writes Tests/DescentTests/Fixtures/transcriptions.json: for each method and problem, the
settings (Descent's names), the start, and the iterate after each of 50 steps (float64),
plus an IDBD least-mean-squares run on a seeded stream.

Each function is the update as its paper states it; the comments name the source.
"""
import json
import math
import pathlib

import numpy as np

from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value

STEPS = 50

# Relative distances allowed per step where 1e-12 cannot hold. Anderson on Rosenbrock
# is chaotic: this script's own run from a start one ulp away differs by 1e-12 at step
# 4, 3e-6 at step 21 and 4e-3 at step 50, and its normal equations (condition near
# 1e10 at the default λ) turn summation order alone into such a perturbation; so it
# is compared over its first 20 steps to 1e-4 there (a wrong sign or index moves it
# by O(1) within a few steps), and over 50 to 1e-8 on the quadratic. BB2's yᵀy/sᵀy
# near convergence divides differences of nearly equal gradients.
TOLERANCES = {("anderson", "rosenbrock"): 1e-4, ("anderson", "quadratic"): 1e-8, ("bb", "quadratic"): 1e-11}
COMPARED_STEPS = {("anderson", "rosenbrock"): 20}


def nesterov_increasing(value, gradient, w, s):
    """Nesterov (1983): y_k = w_k + (k−1)/(k+2)·(w_k − w_{k−1}), w_{k+1} = y_k − s∇f(y_k)."""
    previous = w.copy()
    out = []
    for k in range(1, STEPS + 1):
        beta = (k - 1) / (k + 2)
        y = w + beta * (w - previous)
        previous = w
        w = y - s * gradient(y)
        out.append(w.tolist())
    return out


def l4(value, gradient, w, direction, fraction=0.15, gamma=0.9, gamma0=0.75, tau=1000.0, eps=1e-12):
    """Rolinek & Martius (2018), with the bias-corrected EMAs of their implementation:
    momentum time scale 10; Adam time scales 10 and 1000 with ε = 1e-4."""
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    min_loss = 0.0
    out = []
    for t in range(1, STEPS + 1):
        loss, g = value(w), gradient(w)
        min_loss = gamma0 * loss if t == 1 else min(min_loss, loss)
        m = 0.9 * m + (1 - 0.9) * g
        g_hat = m / (1 - 0.9 ** t)
        if direction == "adam":
            s = 0.999 * s + (1 - 0.999) * (g * g)
            v = g_hat / (np.sqrt(s / (1 - 0.999 ** t)) + 1e-4)
        else:
            v = g_hat
        eta = fraction * (loss - gamma * min_loss) / (float(g_hat @ v) + eps)
        w = w - eta * v
        min_loss *= 1 + 1 / tau
        out.append(w.tolist())
    return out


def lossgrad(value, gradient, w, h, c=1.05):
    """Wójcik, Maziarka & Tabor (2018): step, compare f with its linear prediction,
    h /= c when the error ratio exceeds ½, h *= c otherwise."""
    out = []
    for _ in range(STEPS):
        loss, g = value(w), gradient(w)
        decrease = float(g @ g) * h
        w = w - h * g
        ratio = (value(w) - (loss - decrease)) / (decrease + 1e-25)
        h = h / c if ratio > 0.5 else h * c
        out.append(w.tolist())
    return out


def sgd_hd(value, gradient, w, alpha, beta):
    """Baydin et al. (2018), SGD-HD: α_t = α_{t−1} + β g_t·g_{t−1}, w_t = w_{t−1} − α_t g_t."""
    previous = np.zeros_like(w)
    out = []
    for _ in range(STEPS):
        g = gradient(w)
        alpha = alpha + beta * float(g @ previous)
        w = w - alpha * g
        previous = g
        out.append(w.tolist())
    return out


def adam_hd(value, gradient, w, alpha, beta, b1=0.9, b2=0.999, eps=1e-8):
    """Baydin et al. (2018), Adam-HD: α_t = α_{t−1} + β g_t·u_{t−1}, then Adam with α_t
    (Kingma & Ba's m̂/(√v̂ + ε))."""
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    u = np.zeros_like(w)
    out = []
    for t in range(1, STEPS + 1):
        g = gradient(w)
        alpha = alpha + beta * float(g @ u)
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * (g * g)
        u = (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
        w = w - alpha * u
        out.append(w.tolist())
    return out


def idbd_diagonal(value, gradient, w, theta, alpha0):
    """Sutton (1992) in the diagonal form of Yao (2022) eq. 7, with the curvature x_i²
    replaced by the diagonal secant of the last two iterates."""
    beta = np.full_like(w, math.log(alpha0))
    h = np.zeros_like(w)
    old_w, old_g = w.copy(), np.zeros_like(w)
    out = []
    for t in range(STEPS):
        g = gradient(w)
        moved = w - old_w
        curvature = np.where((moved != 0) & (t > 0), (g - old_g) / np.where(moved != 0, moved, 1), 0.0)
        beta = beta - theta * g * h
        alpha = np.exp(beta)
        old_w, old_g = w.copy(), g
        w = w - alpha * g
        h = h * np.maximum(0, 1 - alpha * curvature) - alpha * g
        out.append(w.tolist())
    return out


def idbd_lms(theta, alpha0, steps=600, seed=7):
    """Sutton (1992), IDBD for least mean squares, on a seeded tracking stream: 20 inputs,
    the first 5 relevant with weights ±1, one of which flips sign every 150 examples."""
    rng = np.random.default_rng(seed)
    n = 20
    target_w = np.zeros(n)
    target_w[:5] = 1.0
    w = np.zeros(n)
    beta = np.full(n, math.log(alpha0))
    h = np.zeros(n)
    inputs, targets = [], []
    for k in range(steps):
        if k % 150 == 0 and k > 0:
            flip = rng.integers(0, 5)
            target_w[flip] = -target_w[flip]
        x = rng.standard_normal(n)
        y = float(target_w @ x)
        inputs.append(x.tolist())
        targets.append(y)
        delta = y - sum(float(w[i]) * float(x[i]) for i in range(n))
        for i in range(n):
            step = delta * x[i]
            beta[i] += theta * step * h[i]
            alpha = math.exp(beta[i])
            w[i] += alpha * step
            h[i] = h[i] * max(0.0, 1 - alpha * x[i] * x[i]) + alpha * step
    return {"inputs": inputs, "targets": targets, "weights": w.tolist(), "logStepSizes": beta.tolist(),
            "trace": h.tolist(), "metaStepSize": str(theta), "initialStepSize": str(alpha0)}


def adgd(value, gradient, w, lam0=None):
    """Malitsky & Mishchenko (2020), Algorithm 1: x_1 = x_0 − λ_0∇f(x_0), θ_0 = ∞;
    λ_k = min(√(1 + θ_{k−1})λ_{k−1}, ‖x_k − x_{k−1}‖/(2‖∇f(x_k) − ∇f(x_{k−1})‖)),
    x_{k+1} = x_k − λ_k∇f(x_k), θ_k = λ_k/λ_{k−1}."""
    out = []
    lam, theta = lam0, math.inf
    previous_w = previous_g = None
    for k in range(STEPS):
        g = gradient(w)
        if k == 0 and lam is None:
            lam = 1e-5 / np.linalg.norm(g)  # Descent's default: a first step of length 1e-5
        if k > 0:
            changed = np.linalg.norm(g - previous_g)
            local = np.linalg.norm(w - previous_w) / (2 * changed) if changed > 0 else math.inf
            new = min(math.sqrt(1 + theta) * lam, local)
            if math.isfinite(new):
                theta, lam = new / lam, new
            else:
                theta = 1.0
        previous_w, previous_g = w.copy(), g
        w = w - lam * g
        out.append(w.tolist())
    return out


def adgd_accel(value, gradient, w, lam0=None):
    """Malitsky & Mishchenko (2020), Algorithm 2: y_1 = x_1 = x_0 − λ_0∇f(x_0),
    Λ_0 = 1/λ_0, θ_0 = Θ_0 = ∞; λ_k, Λ_k from the local estimates with growth
    √(1 + θ/2); β_k = (√(1/λ_k) − √Λ_k)/(√(1/λ_k) + √Λ_k);
    y_{k+1} = x_k − λ_k∇f(x_k), x_{k+1} = y_{k+1} + β_k(y_{k+1} − y_k)."""
    out = []
    g = gradient(w)
    lam = lam0 if lam0 is not None else 1e-5 / np.linalg.norm(g)
    big_lam = 1 / lam
    theta = big_theta = math.inf
    previous_w, previous_g = w.copy(), g
    w = w - lam * g
    y_old = w.copy()
    out.append(w.tolist())
    for _ in range(STEPS - 1):
        g = gradient(w)
        moved = np.linalg.norm(w - previous_w)
        changed = np.linalg.norm(g - previous_g)
        if moved > 0 and changed > 0:
            new = min(math.sqrt(1 + theta / 2) * lam, moved / (2 * changed))
            new_big = min(math.sqrt(1 + big_theta / 2) * big_lam, changed / (2 * moved))
            theta, big_theta = new / lam, new_big / big_lam
            lam, big_lam = new, new_big
        beta = (math.sqrt(1 / lam) - math.sqrt(big_lam)) / (math.sqrt(1 / lam) + math.sqrt(big_lam))
        previous_w, previous_g = w.copy(), g
        y = w - lam * g
        w = y + beta * (y - y_old)
        y_old = y
        out.append(w.tolist())
    return out


def nesterov_restart(value, gradient, w, t, scheme, q=0.0):
    """O'Donoghue & Candès (2015), Algorithm 1 with adaptive restart: x_{k+1} = y_k − t∇f(y_k);
    θ_{k+1} solves θ² = (1 − θ)θ_k² + qθ; β = θ_k(1 − θ_k)/(θ_k² + θ_{k+1});
    y_{k+1} = x_{k+1} + β(x_{k+1} − x_k); restart (θ = 1, y = x) when f(x_{k+1}) > f(x_k)
    (function scheme) or ∇f(y_k)ᵀ(x_{k+1} − x_k) > 0 (gradient scheme)."""
    out = []
    y, previous, theta = w.copy(), w.copy(), 1.0
    last = value(w)
    for _ in range(STEPS):
        g = gradient(y)
        x = y - t * g
        if scheme == "function":
            current = value(x)
            restart = current > last
            last = current
        else:
            restart = float(sum(g[i] * (x[i] - previous[i]) for i in range(len(g)))) > 0
        if restart:
            theta, y = 1.0, x.copy()
        else:
            square = theta * theta
            shifted = square - q
            new = (-shifted + math.sqrt(shifted * shifted + 4 * square)) / 2
            beta = theta * (1 - theta) / (square + new)
            theta = new
            y = x + beta * (x - previous)
        previous = x
        out.append(x.tolist())
    return out


def gbb(value, gradient, w, formula, lam0=1.0, memory=10, gamma=1e-4, sigma1=0.1, sigma2=0.5, eps=1e-10):
    """Raydan (1997), Algorithm GBB: Barzilai–Borwein steps with the GLL non-monotone
    line search; δ as in his §4; σ by safeguarded quadratic interpolation; BB2 as
    α = yᵀy/sᵀy in the same frame. Each trial evaluates f and ∇f together."""
    out = []
    f, g = value(w), gradient(w)
    values = [f]
    alpha = 1 / lam0
    for _ in range(STEPS):
        gg = float(g @ g)
        if not (eps < alpha < 1 / eps):
            norm = math.sqrt(gg)
            alpha = 1.0 if norm > 1 else (1 / norm if norm >= 1e-5 else 1e5)
        reference = max(values)
        lam = 1 / alpha
        while True:
            trial = w - lam * g
            f_trial, g_trial = value(trial), gradient(trial)
            if math.isfinite(f_trial) and f_trial <= reference - gamma * lam * gg:
                break
            if math.isfinite(f_trial):
                fraction = lam * gg / (2 * (f_trial - f + lam * gg))
                sigma = sigma1 if math.isnan(fraction) else min(max(fraction, sigma1), sigma2)
            else:
                sigma = sigma1
            lam *= sigma
        y = g_trial - g
        sy = -lam * float(g @ y)
        alpha = sy / (lam * lam * gg) if formula == "bb1" else float(y @ y) / sy
        w, g, f = trial, g_trial, f_trial
        values = (values + [f])[-(memory + 1):]
        out.append(w.tolist())
    return out


def anderson(value, gradient, w, lr, m=5, reg=1e-10, scale=1e6):
    """Walker & Ni (2011) type-II Anderson acceleration of x ↦ x − γ∇f(x), regularised
    as Scieur et al. (2016), safeguarded as Zhang, O'Donoghue & Boyd (2020): accept x_AA
    when ‖∇f(x_AA)‖ ≤ D‖∇f(x₀)‖(n+1)^−(1+1e-6), else the gradient step and a cleared memory."""
    out = []
    g = gradient(w)
    g0 = np.linalg.norm(g)
    dx, dr = [], []
    accepted = 0
    for _ in range(STEPS):
        x_k, g_k = w.copy(), g.copy()
        r = -lr * g
        moved = False
        if dx:
            DX, DR = np.array(dx).T, np.array(dr).T
            gram = DR.T @ DR
            a = gram + reg * np.trace(gram) * np.eye(len(dx))
            theta = np.linalg.solve(a, DR.T @ r)
            candidate = w + r - (DX + DR) @ theta
            g_c = gradient(candidate)
            bound = scale * g0 * (accepted + 1) ** -(1 + 1e-6)
            if np.all(np.isfinite(g_c)) and np.linalg.norm(g_c) <= bound:
                accepted += 1
                w, g, moved = candidate, g_c, True
            else:
                dx, dr = [], []
        if not moved:
            w = w + r
            g = gradient(w)
        dx = (dx + [w - x_k])[-m:]
        dr = (dr + [-lr * (g - g_k)])[-m:]
        out.append(w.tolist())
    return out


def main():
    q, b, start = random_quadratic()
    quadratic = Quadratic(q, b)
    problems = [
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, np.array([-1.0, 0.0]), 0.001),
        ("quadratic", quadratic.value, quadratic.gradient, start, 0.05),
    ]
    cases = []
    for name, value, gradient, origin, lr in problems:
        runs = [
            ("nesterov", {"learning-rate": lr, "momentum": "increasing"},
             nesterov_increasing(value, gradient, origin.copy(), lr)),
            ("l4", {"direction": "momentum"}, l4(value, gradient, origin.copy(), "momentum")),
            ("l4", {"direction": "adam"}, l4(value, gradient, origin.copy(), "adam")),
            ("lossgrad", {"learning-rate": lr}, lossgrad(value, gradient, origin.copy(), lr)),
            ("sgd-hd", {"learning-rate": lr, "hypergradient-rate": 1e-8},
             sgd_hd(value, gradient, origin.copy(), lr, 1e-8)),
            ("adam-hd", {"learning-rate": lr, "hypergradient-rate": 1e-5},
             adam_hd(value, gradient, origin.copy(), lr, 1e-5)),
            ("idbd", {"meta-step-size": 0.01, "initial-step-size": lr},
             idbd_diagonal(value, gradient, origin.copy(), 0.01, lr)),
            ("adgd", {}, adgd(value, gradient, origin.copy())),
            ("adgd", {"initial-step-size": 1e-10}, adgd(value, gradient, origin.copy(), 1e-10)),
            ("adgd-accel", {}, adgd_accel(value, gradient, origin.copy())),
            ("nesterov-restart", {"learning-rate": lr, "restart": "gradient"},
             nesterov_restart(value, gradient, origin.copy(), lr, "gradient")),
            ("nesterov-restart", {"learning-rate": lr, "restart": "function"},
             nesterov_restart(value, gradient, origin.copy(), lr, "function")),
            ("bb", {}, gbb(value, gradient, origin.copy(), "bb1")),
            ("anderson", {"learning-rate": lr}, anderson(value, gradient, origin.copy(), lr)),
            ("anderson", {"learning-rate": lr, "memory": 2, "regularization": 1e-3, "safeguard-scale": 1},
             anderson(value, gradient, origin.copy(), lr, m=2, reg=1e-3, scale=1.0)),
            ("bb", {"formula": "bb2", "memory": 0}, gbb(value, gradient, origin.copy(), "bb2", memory=0)),
        ]
        for method, settings, trajectory in runs:
            case = {"method": method, "problem": name,
                    "settings": {key: str(value) for key, value in settings.items()},
                    "start": origin.tolist(), "trajectory": trajectory}
            key = (method, name)
            if key in TOLERANCES:
                case["tolerance"] = TOLERANCES[key]
            case["trajectory"] = trajectory[:COMPARED_STEPS.get(key, STEPS)]
            cases.append(case)
    fixtures = {"quadratic": {"q": q.ravel().tolist(), "b": b.tolist(), "start": start.tolist()},
                "cases": cases, "idbdLeastMeanSquares": idbd_lms(0.01, 0.05)}
    path = pathlib.Path("Tests/DescentTests/Fixtures/transcriptions.json")
    path.write_text(json.dumps(fixtures, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} trajectories of {STEPS} steps and an IDBD-LMS stream")


if __name__ == "__main__":
    main()
