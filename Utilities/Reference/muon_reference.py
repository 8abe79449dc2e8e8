"""KellerJordan/Muon's SingleDeviceMuonWithAuxAdam, transcribed line by line into numpy
(float64), on a quadratic over parameters laid out as a small network's blocks.

Run from the repository root:  python3 Utilities/Reference/muon_reference.py
Writes Tests/DescentTests/Fixtures/muon_trajectories.json: the blocks (names, shapes),
the quadratic f(θ) = ½ Σᵢ qᵢ (θᵢ − θ*ᵢ)², the start, and for each case (settings) the
iterate after each of 25 steps.

Source transcribed: github.com/KellerJordan/Muon, muon.py at commit 857d1ad
(zeropower_via_newtonschulz5, muon_update, adam_update, SingleDeviceMuonWithAuxAdam.step).
Groups as its docstring asks: the hidden weight matrices (every matrix block but the output
layer's) with use_muon=True, everything else (biases, the output layer) with use_muon=False.
Readings (where muon.py runs on a GPU):
  * the Newton-Schulz iteration runs in float64, not bfloat16 (G.bfloat16() left out);
  * a 3-D convolution weight (out, in, kernel) is viewed as out × (in·kernel) before the
    iteration and scaled by max(1, out / (in·kernel))**0.5, as muon.py does for a 4-D
    filter (muon.py's own code would take a 3-D tensor as a batch of in × kernel matrices);
  * torch's lerp_(end, weight) is self + weight·(end − self) for weight < 0.5 and
    end − (end − self)·(1 − weight) otherwise (aten/src/ATen/native/Lerp.h).
"""
import json
import pathlib

import numpy as np


def lerp(start, end, weight):
    """torch.lerp, elementwise, as aten's lerp kernel computes it."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


def zeropower_via_newtonschulz5(G, steps):
    a, b, c = (3.4445, -4.7750, 2.0315)
    X = G.copy()
    if G.shape[-2] > G.shape[-1]:
        X = X.T
    X = X / (np.sqrt(np.sum(X * X)) + 1e-7)
    for _ in range(steps):
        A = X @ X.T
        B = b * A + c * A @ A
        X = a * X + B @ X
    if G.shape[-2] > G.shape[-1]:
        X = X.T
    return X


def muon_update(grad, momentum, beta=0.95, ns_steps=5, nesterov=True):
    momentum[...] = lerp(momentum, grad, 1 - beta)
    update = lerp(grad, momentum, beta) if nesterov else momentum
    matrix = update.reshape(update.shape[0], -1)
    out = zeropower_via_newtonschulz5(matrix, steps=ns_steps)
    out = out * max(1, matrix.shape[-2] / matrix.shape[-1]) ** 0.5
    return out.reshape(update.shape)


def adam_update(grad, buf1, buf2, step, betas, eps):
    buf1[...] = lerp(buf1, grad, 1 - betas[0])
    buf2[...] = lerp(buf2, grad * grad, 1 - betas[1])
    buf1c = buf1 / (1 - betas[0] ** step)
    buf2c = buf2 / (1 - betas[1] ** step)
    return buf1c / (np.sqrt(buf2c) + eps)


BLOCKS = [
    ("hidden.weight", [5, 3]),  # tall: the iteration runs on its transpose
    ("hidden.bias", [5]),
    ("conv.weight", [3, 2, 2]),  # a kernel, viewed as 3 × 4
    ("middle.weight", [4, 6]),  # wide
    ("middle.bias", [4]),
    ("output.weight", [2, 4]),  # the output layer: Adam's
]


def run(settings, q, target, start, steps=25):
    lr, momentum, wd = settings["learning-rate"], settings["momentum"], settings["weight-decay"]
    ns = settings["newton-schulz-steps"]
    alr, b1, b2 = settings["adam-learning-rate"], settings["adam-beta1"], settings["adam-beta2"]
    eps, awd = settings["adam-epsilon"], settings["adam-weight-decay"]
    offsets, offset = [], 0
    for _, shape in BLOCKS:
        offsets.append(offset)
        offset += int(np.prod(shape))
    matrices = [i for i, (_, shape) in enumerate(BLOCKS) if len(shape) >= 2][:-1]
    theta = np.array(start)
    state = {}
    trajectory = []
    for _ in range(steps):
        grad_all = q * (theta - target)
        for i, (_, shape) in enumerate(BLOCKS):
            n = int(np.prod(shape))
            p = theta[offsets[i]:offsets[i] + n].reshape(shape)  # a view: updates land in theta
            g = grad_all[offsets[i]:offsets[i] + n].reshape(shape).copy()
            if i in matrices:
                if i not in state:
                    state[i] = {"momentum_buffer": np.zeros(shape)}
                update = muon_update(g, state[i]["momentum_buffer"], beta=momentum, ns_steps=ns)
                p *= 1 - lr * wd
                p += -lr * update.reshape(shape)
            else:
                if i not in state:
                    state[i] = {"exp_avg": np.zeros(shape), "exp_avg_sq": np.zeros(shape), "step": 0}
                state[i]["step"] += 1
                update = adam_update(g, state[i]["exp_avg"], state[i]["exp_avg_sq"], state[i]["step"], (b1, b2), eps)
                p *= 1 - alr * awd
                p += -alr * update
        trajectory.append(theta.tolist())
    return trajectory


def main():
    rng = np.random.default_rng(2024)
    d = sum(int(np.prod(shape)) for _, shape in BLOCKS)
    q = rng.uniform(0.5, 2.0, d)
    target = rng.normal(size=d)
    start = rng.normal(size=d)
    defaults = {
        "learning-rate": 0.02, "momentum": 0.95, "newton-schulz-steps": 5, "weight-decay": 0.0,
        "adam-learning-rate": 3e-4, "adam-beta1": 0.9, "adam-beta2": 0.95, "adam-epsilon": 1e-10,
        "adam-weight-decay": 0.0,
    }
    faster = dict(defaults, **{"learning-rate": 0.1, "momentum": 0.6, "weight-decay": 0.1,
                                "adam-learning-rate": 0.05, "adam-weight-decay": 0.01, "newton-schulz-steps": 3})
    cases = [{"settings": s, "trajectory": run(s, q, target, start)} for s in (defaults, faster)]
    fixture = {
        "source": "KellerJordan/Muon muon.py at 857d1ad, SingleDeviceMuonWithAuxAdam, float64",
        "blocks": [{"name": n, "shape": s} for n, s in BLOCKS],
        "curvature": q.tolist(), "target": target.tolist(), "start": start.tolist(), "cases": cases,
    }
    path = pathlib.Path("Tests/DescentTests/Fixtures/muon_trajectories.json")
    path.write_text(json.dumps(fixture) + "\n")
    print(f"wrote {path}: {len(cases)} cases of 25 steps on d = {d}")


if __name__ == "__main__":
    main()
