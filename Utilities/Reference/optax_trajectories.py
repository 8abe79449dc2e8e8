"""Trajectories of optax's optimizers, the fixtures Descent's methods are checked against.

Run from the repository root:  python3 Utilities/Reference/optax_trajectories.py
Writes Tests/DescentTests/Fixtures/optax_trajectories.json: for each method and problem,
the settings (Descent's names), the start, and the iterate after each of 50 steps, in
float64. Gradients come from the formulas in problems.py, so only the optimizers differ.
"""
import json
import math
import pathlib

import jax

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import optax  # noqa: E402

from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value  # noqa: E402

STEPS = 50


def run(transformation, value, gradient, start, with_value=False):
    params = jnp.asarray(start, dtype=jnp.float64)
    state = transformation.init(params)
    trajectory = []
    for _ in range(STEPS):
        w = np.asarray(params)
        g = jnp.asarray(gradient(w))
        extra = {"value": value(w)} if with_value else {}
        updates, state = transformation.update(g, state, params, **extra)
        params = optax.apply_updates(params, updates)
        trajectory.append(np.asarray(params).tolist())
    return trajectory


def run_nesterov(lr, beta, value, gradient, start):
    """optax's Nesterov iterates the extrapolated point y; Descent's iterate is
    w_{k+1} = y_k − s ∇f(y_k), recovered here from each y_k."""
    transformation = optax.sgd(lr, momentum=beta, nesterov=True)
    params = jnp.asarray(start, dtype=jnp.float64)
    state = transformation.init(params)
    trajectory = []
    for _ in range(STEPS):
        y = np.asarray(params)
        g = gradient(y)
        trajectory.append((y - lr * g).tolist())
        updates, state = transformation.update(jnp.asarray(g), state, params)
        params = optax.apply_updates(params, updates)
    return trajectory


def run_lookahead(inner, sync_period, slow_step_size, value, gradient, start):
    transformation = optax.lookahead(inner, sync_period=sync_period, slow_step_size=slow_step_size)
    params = optax.LookaheadParams.init_synced(jnp.asarray(start, dtype=jnp.float64))
    state = transformation.init(params)
    trajectory = []
    for _ in range(STEPS):
        g = jnp.asarray(gradient(np.asarray(params.fast)))
        updates, state = transformation.update(g, state, params)
        params = optax.apply_updates(params, updates)
        trajectory.append(np.asarray(params.fast).tolist())
    return trajectory


def warmup_cosine(lr, warmup, decay):
    """optax's warmup_cosine_decay_schedule(0, lr, warmup, decay, 0), its count read in
    float64: optax divides the int32 count in float32, which moves the warm-up's
    step-sizes by 1e-8 (Descent computes them in Double)."""
    schedule = optax.warmup_cosine_decay_schedule(0.0, lr, warmup, decay, 0.0)
    return lambda count: schedule(jnp.asarray(count, dtype=jnp.float64))


def cases(problem, value, gradient, start, lr, f_min):
    """(method, Descent settings, trajectory) for one problem."""
    c, bound = 0.5, 1.0
    return [
        ("momentum", {"learning-rate": lr, "momentum": 0.9},
         run(optax.sgd(lr, momentum=0.9), value, gradient, start)),
        ("heavy-ball", {"learning-rate": lr, "momentum": 0.8},
         run(optax.sgd(lr, momentum=0.8), value, gradient, start)),
        ("nesterov", {"learning-rate": lr, "momentum": 0.9},
         run_nesterov(lr, 0.9, value, gradient, start)),
        # RMSprop at α = 0.05 on the quadratic moves like sign descent and amplifies
        # rounding (a float64 transcription parts from optax by 1e-9 by step 35), so
        # it is compared at α/10, where its steps contract.
        ("rmsprop", {"learning-rate": lr / 10, "decay": 0.9, "epsilon": 1e-8},
         run(optax.rmsprop(lr / 10, decay=0.9, eps=1e-8, eps_in_sqrt=False), value, gradient, start)),
        ("adam", {"learning-rate": lr, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
         run(optax.adam(lr, b1=0.9, b2=0.999, eps=1e-8), value, gradient, start)),
        # λ is multiplied by α in both (1e-3 / lr: a decay of 1e-3 a step).
        ("adamw", {"learning-rate": lr, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "weight-decay": 1e-3 / lr},
         run(optax.adamw(lr, b1=0.9, b2=0.999, eps=1e-8, weight_decay=1e-3 / lr), value, gradient, start)),
        # With a linear warm-up and a cosine decay that ends at step 40 of the 50.
        ("adamw", {"learning-rate": lr, "weight-decay": 1e-3 / lr, "warmup-steps": 10, "decay-steps": 40},
         run(optax.adamw(warmup_cosine(lr, 10, 40), weight_decay=1e-3 / lr), value,
             gradient, start)),
        # Descent's momentum scales each gradient by the schedule before it enters Δ.
        ("momentum", {"learning-rate": lr, "momentum": 0.9, "warmup-steps": 10, "decay-steps": 40},
         run(optax.chain(optax.scale_by_learning_rate(warmup_cosine(lr, 10, 40)),
                         optax.trace(decay=0.9)), value, gradient, start)),
        ("adagrad", {"learning-rate": lr * 10, "epsilon": 0.0, "initial-accumulator": 0.1},
         run(optax.adagrad(lr * 10, initial_accumulator_value=0.1, eps=0.0), value, gradient, start)),
        # optax scales the gradient by s before measuring its norm, so its step is
        # s·min(gap/(s²‖g‖²), M) = min(gap/(s‖g‖²), s·M): SPS_max with s = c, M = γ_b/c.
        ("sps", {"scale": c, "max-step-size": bound, "minimum-value": f_min},
         run(optax.polyak_sgd(max_learning_rate=bound / c, scaling=c, f_min=f_min), value, gradient, start,
             with_value=True)),
        # Polyak's step-size is SPS with c = 1 and no bound.
        ("polyak", {"minimum-value": f_min},
         run(optax.polyak_sgd(max_learning_rate=math.inf, scaling=1.0, f_min=f_min), value, gradient, start,
             with_value=True)),
        ("lookahead", {"inner": "adam", "learning-rate": lr, "sync-period": 5, "slow-step-size": 0.5},
         run_lookahead(optax.adam(lr), 5, 0.5, value, gradient, start)),
        ("dog", {}, run(optax.contrib.dog(), value, gradient, start)),
        ("dog", {"learning-rate": 0.5, "initial-distance": 1e-3},
         run(optax.contrib.dog(0.5, init_step=("heuristic", 1e-3)), value, gradient, start)),
        ("prodigy", {}, run(optax.contrib.prodigy(), value, gradient, start)),
        ("prodigy", {"learning-rate": 0.5, "beta3": 0.99, "initial-estimate": 1e-4, "weight-decay": 1e-3},
         run(optax.contrib.prodigy(0.5, beta3=0.99, estim_lr0=1e-4, weight_decay=1e-3), value, gradient, start)),
        # Schedule-free: the iterate compared is y, optax's params. Without a warm-up only:
        # optax's base optimizer reads its schedule from a count that starts at 0, the
        # averaging from one that starts at 1, so its first z step is 0 during a warm-up,
        # where the authors' code takes γ/T for both (as Descent does).
        ("schedule-free-sgd", {"learning-rate": lr},
         run(optax.contrib.schedule_free_sgd(lr), value, gradient, start)),
        ("schedule-free-sgd", {"learning-rate": lr, "beta1": 0.8, "weight-decay": 1e-2, "weight-power": 1},
         run(optax.contrib.schedule_free_sgd(lr, b1=0.8, weight_decay=1e-2, weight_lr_power=1.0), value, gradient,
             start)),
        ("schedule-free-adamw", {"learning-rate": lr},
         run(optax.contrib.schedule_free_adamw(lr), value, gradient, start)),
        ("schedule-free-adamw", {"learning-rate": lr, "beta1": 0.95, "beta2": 0.99, "epsilon": 1e-6,
                                 "weight-decay": 1e-2},
         run(optax.contrib.schedule_free_adamw(lr, b1=0.95, b2=0.99, eps=1e-6, weight_decay=1e-2), value, gradient,
             start)),
    ]


def main():
    q, b, start = random_quadratic()
    quadratic = Quadratic(q, b)
    fixtures = {
        "steps": STEPS,
        "quadratic": {"q": q.ravel().tolist(), "b": b.tolist(), "start": start.tolist()},
        "cases": [],
    }
    problems = [
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, [-1.0, 0.0], 0.001, 0.0),
        ("quadratic", quadratic.value, quadratic.gradient, start.tolist(), 0.05, float(quadratic.minimum)),
    ]
    for name, value, gradient, origin, lr, f_min in problems:
        for method, settings, trajectory in cases(name, value, gradient, origin, lr, f_min):
            fixtures["cases"].append({
                "method": method, "problem": name,
                "settings": {key: str(value) for key, value in settings.items()},
                "start": list(origin), "trajectory": trajectory,
            })
    path = pathlib.Path("Tests/DescentTests/Fixtures/optax_trajectories.json")
    path.write_text(json.dumps(fixtures, indent=1) + "\n")
    print(f"wrote {path}: {len(fixtures['cases'])} trajectories of {STEPS} steps")


if __name__ == "__main__":
    main()
