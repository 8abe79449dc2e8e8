"""The authors' Snoo wrapper (SNOO, Kallusky, Rao, Nandavanam & Shi 2025, arXiv 2510.15830)
around plain SGD, transcribed into numpy (float64), on a seeded quadratic.

Run from the repository root:  python3 Utilities/Reference/snoo_reference.py
Writes Tests/DescentTests/Fixtures/snoo_trajectories.json: the quadratic
f(θ) = ½ Σᵢ qᵢ (θᵢ − θ*ᵢ)², the start, and for each case (settings) the iterate after each
of 30 inner steps.

Source transcribed: the `Snoo` class of the modded-nanogpt medium-track record
(`step`: every k calls, p.grad = p_old − p, p ← p_old, torch.optim.SGD(lr, momentum,
nesterov=True).step(), p_old ← p), with torch's SGD step (buf = g on its first step,
else buf = μ·buf + g; update = g + μ·buf; p ← p − lr·update). Snoo.step is called before
each inner step, as the paper's algorithm orders them (K inner steps, then the outer
step); its first call meets p = p_old, a zero pseudo-gradient that leaves p and the
momentum at 0. The inner optimizer is torch's SGD without momentum, p ← p − lr·g.
"""
import json
import pathlib

import numpy as np


class TorchSGD:
    """torch.optim.SGD's single-tensor step, nesterov, no dampening or decay."""

    def __init__(self, lr, momentum, nesterov):
        self.lr, self.momentum, self.nesterov = lr, momentum, nesterov
        self.buf = None

    def step(self, p, grad):
        g = grad
        if self.momentum != 0:
            if self.buf is None:
                self.buf = g.copy()
            else:
                self.buf = self.buf * self.momentum + g
            g = g + self.momentum * self.buf if self.nesterov else self.buf
        return p + (-self.lr) * g


class Snoo:
    def __init__(self, p, lr, momentum, k):
        self.lr, self.momentum, self.k = lr, momentum, k
        self.current_step = 0
        self.outer_buf = p.copy()
        self.optimizer = TorchSGD(lr, momentum, nesterov=True)

    def step(self, p):
        if self.current_step % self.k == 0:
            grad = self.outer_buf - p
            p = self.outer_buf.copy()
            p = self.optimizer.step(p, grad)
            self.outer_buf = p.copy()
        self.current_step += 1
        return p


def run(settings, q, target, start, steps=30):
    p = np.array(start)
    snoo = Snoo(p, settings["outer-learning-rate"], settings["outer-momentum"], settings["sync-period"])
    trajectory = []
    for _ in range(steps):
        p = snoo.step(p)
        p = p + (-settings["learning-rate"]) * (q * (p - target))  # the inner SGD step
        trajectory.append(p.tolist())
    return trajectory


def main():
    rng = np.random.default_rng(2025)
    d = 12
    q = rng.uniform(0.5, 8.0, d)
    target = rng.normal(size=d)
    start = rng.normal(size=d)
    cases = []
    for settings in (
        {"learning-rate": 0.1, "sync-period": 3, "outer-learning-rate": 0.7, "outer-momentum": 0.6},
        {"learning-rate": 0.05, "sync-period": 5, "outer-learning-rate": 0.5, "outer-momentum": 0.9},
    ):
        cases.append({"settings": settings, "trajectory": run(settings, q, target, start)})
    fixture = {
        "source": "modded-nanogpt medium-track Snoo with torch SGD(nesterov=True); inner torch SGD; float64",
        "curvature": q.tolist(), "target": target.tolist(), "start": start.tolist(), "cases": cases,
    }
    path = pathlib.Path("Tests/DescentTests/Fixtures/snoo_trajectories.json")
    path.write_text(json.dumps(fixture) + "\n")
    print(f"wrote {path}: {len(cases)} cases of 30 steps on d = {d}")


if __name__ == "__main__":
    main()
