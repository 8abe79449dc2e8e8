"""Transcriptions of two line-search-free methods, written from their papers and the authors' code.

Run from the repository root:  python3 Utilities/Reference/parameter_free.py
Writes Tests/DescentTests/Fixtures/parameter_free.json: for each method and problem, the
settings (Descent's names, values as strings), the start, the iterate the method reports after
each of 50 steps (float64), and the cumulative gradient and function-value evaluations after
each step. Prints the sanity numbers (f − f* after 50 and 2,000 steps on the quadratic, and
AdGD's 2023 rule against the 2020 one on both problems).

A step is one iteration: one new gradient (AC-FGM's first step also spends one gradient at a
trial point). Each function's docstring is the update as its source states it.
"""
import json
import math
import pathlib

import numpy as np

import numpy_transcriptions
from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value

STEPS = 50
LONG = 2000

# Every case holds to 1e-12 relative per step: computing this script's norms and dot products
# in another summation order (left to right, or exactly with math.fsum) moves no trajectory by
# more than 1e-13 relative. (A start one ulp away moves them by up to 9e-12, as it does the 2020
# AdGD of transcriptions.json by up to 5e-10: the tiny first steps difference gradients that
# carry rounding of their own; Descent evaluates the same gradients in the same order.)
TOLERANCES = {}

AC_FGM_BETA = 1 - math.sqrt(6) / 3  # 0.18350341907227408; the authors' code default "0.184"
AC_FGM_ALPHA = 0.1
AC_FGM_TRIAL = 1e-5  # length of the trial step that gives L_0 (as Descent's AdGD first step)


def norm(v):
    return float(np.linalg.norm(v))


def dot(u, v):
    return float(u @ v)


def adgd_2023(value, gradient, w, lam0=None, steps=STEPS):
    """Malitsky & Mishchenko (2024), "Adaptive proximal gradient method for convex optimization"
    (arXiv 2308.02261, NeurIPS 2024), Algorithm 2 (adaptive GD with the improved rule; Algorithm
    3 is the same with a prox):

        input x_0, θ_0 = 1/3, λ_0 > 0;  x_1 = x_0 − λ_0∇f(x_0);  for k = 1, 2, …
            L_k     = ‖∇f(x_k) − ∇f(x_{k−1})‖ / ‖x_k − x_{k−1}‖
            λ_k     = min{ √(2/3 + θ_{k−1}) λ_{k−1},  λ_{k−1} / √[2λ_{k−1}² L_k² − 1]_+ }
            x_{k+1} = x_k − λ_k∇f(x_k)
            θ_k     = λ_k / λ_{k−1}

    The authors' code (ymalitsky/AdProxGD, alg.jl, AdProxGrad ver = 2) is the same:
    θ = 1/3, α = min(√(2/3 + θ)α_prev, α_prev/√max(2α_prev²L² − 1, 0)), θ = α/α_prev.
    So do two independent transcriptions of the paper (the paper's text itself was not reachable
    here). Only L_k (no ⟨Δ∇f, Δx⟩ term) enters the rule. The paper and code pick λ_0 by an initial
    line search (λ_0L_1 ∈ [1/√2, 2], the paper's eq. 16 as transcribed); Descent does not. Choices: λ_0 = 1e-5/‖∇f(x_0)‖ (a first step of
    length 1e-5) unless given; the second bound is +∞ when 2λ²L² − 1 ≤ 0 or the gradient did not
    change (also when x did not move: then the gradient did not change); if both bounds were
    infinite λ and θ would be kept as λ_{k−1}, 1 (cannot happen with θ_0 = 1/3 and finite λ).
    θ_0 = 1/3 makes λ_1 ≤ λ_0 (growth factor √(2/3 + 1/3) = 1 on the first adaptive step).
    Step s (s = 1 … steps) evaluates ∇f(x_{s−1}) and reports x_s."""
    out, grads, values = [], [], []
    lam, theta = lam0, 1.0 / 3.0
    previous_w = previous_g = None
    for s in range(1, steps + 1):
        g = gradient(w)
        if s == 1:
            if lam is None:
                lam = 1e-5 / norm(g)
        else:
            changed = norm(g - previous_g)
            bound = math.inf
            if changed > 0:
                local = changed / norm(w - previous_w)
                square = 2 * lam * lam * local * local - 1
                if square > 0:
                    bound = lam / math.sqrt(square)
            new = min(math.sqrt(2.0 / 3.0 + theta) * lam, bound)
            if math.isfinite(new):
                theta, lam = new / lam, new
            else:
                theta = 1.0
        previous_w, previous_g = w.copy(), g
        w = w - lam * g
        out.append(w.tolist())
        grads.append(s)
        values.append(0)
    return out, grads, values


def ac_fgm(value, gradient, w, beta=AC_FGM_BETA, alpha=AC_FGM_ALPHA, trial=AC_FGM_TRIAL, steps=STEPS):
    """Li & Lan, "A simple uniformly optimal method without line search for convex optimization"
    (arXiv 2310.10082; Math. Program. 2024), Algorithm 1 (AC-FGM), X = ℝⁿ, Euclidean:
    x_0 = y_0 = z_0, and for t = 1, 2, …

        z_t = argmin_z { η_t⟨∇f(x_{t−1}), z⟩ + ½‖y_{t−1} − z‖² } = y_{t−1} − η_t∇f(x_{t−1})
        y_t = (1 − β_t) y_{t−1} + β_t z_t                      (β_1 = 0, β_t = β for t ≥ 2)
        x_t = (z_t + τ_t x_{t−1}) / (1 + τ_t)                  (τ_1 = 0, so x_1 = z_1)

    The reported iterate is x_t (the paper's rate is for f(x_t) − f*); y_t, z_t are internal.
    Local smoothness estimates (eqs. 2.5 and 2.6 in the v2 numbering):
    L_1 = ‖∇f(x_1) − ∇f(x_0)‖ / ‖x_1 − x_0‖ and, for t ≥ 2,

        L_t = ‖∇f(x_t) − ∇f(x_{t−1})‖² / (2[f(x_{t−1}) − f(x_t) − ⟨∇f(x_t), x_{t−1} − x_t⟩]),

    the co-coercivity estimate, so the method needs f(x_t) for t ≥ 1.
    Step sizes and weights are those of the authors' code (tli432/AC-FGM-Implementation,
    first_order_methods.py, universal_AC_FGM with eps = 0, the code behind the paper's
    experiments, which run β = 0.184 ≈ 1 − √6/3 and α ∈ {0, 0.1, 0.5}; default α = 0.1):

        η_2 = min{ (1 − β)η_1, 1/(4L_1) },
        η_t = min{ (4/3)η_{t−1}, (τ_{t−2} + 1)/τ_{t−1} · η_{t−1}, τ_{t−1}/(4L_{t−1}) }   (t ≥ 3)
        τ_t = τ_{t−1} + α/2 + 2(1 − α) η_t L_{t−1} / τ_{t−1}                            (t ≥ 2)

    with the τ recursion seeded by τ_0 = 0, τ_1 = 1 (so τ_2 = 1 + α/2 + 2(1 − α)η_2L_1 and the
    ratio at t = 3 is 2/τ_2), although x_1 = z_1 (τ_1 = 0 in the x-update), as the code does.
    NOTE: the paper's own text could not be read here (no copy of it was reachable). Two
    third-party transcriptions of arXiv v2 (Corollary 2, eqs. 2.30–2.31) state a different
    schedule: η_1 ∈ [β/(4(1 − β)L_1), 1/(3L_1)] by a first-iteration line search, τ_2 = 2,
    η_2 = min{2(1 − β)η_1, β/(2L_1)}, η_t = min{(τ_{t−2} + 1)/τ_{t−1}·η_{t−1}, βτ_{t−1}/(4L_{t−1})},
    τ_t = τ_{t−1} + α/2 + 2(1 − α)η_tL_{t−1}/(βτ_{t−1}), β ≤ 1 − √3/2. Check against the paper.
    First step without line search (the code's initial_line_search=False): a trial point
    x̃ = x_0 − (trial/‖∇f(x_0)‖)∇f(x_0) gives L_0 = ‖∇f(x̃) − ∇f(x_0)‖/‖x̃ − x_0‖ and η_1 = 1/(2.5 L_0).
    Choices where the sources leave something open (the code's own choice in brackets):
      • the trial point is a step of length 1e-5 along −∇f(x_0) [x_0 − 0.1·𝟙];
      • η_2 and τ_2 use L_1 of the first step (eq. 2.5) [the code reuses L_0, or the line
        search's accepted L, and never forms L_1];
      • L_t = 0 when the gradient did not change or the bracket is ≤ 0 (non-convexity, rounding):
        then τ_{t−1}/(4L_{t−1}) = +∞ and η_t is the smaller of the two growth caps
        [the code keeps η_t = η_{t−1} when L = 0]; likewise 1/(4L_1) = +∞ when L_1 = 0;
      • if L_0 = 0: η_1 = trial/‖∇f(x_0)‖; if ∇f(x_0) = 0 the method stays at x_0.
    Counts: step 1 evaluates ∇f(x_0) and ∇f(x̃) (2 gradients, no value); step t ≥ 2 evaluates
    ∇f(x_{t−1}) and f(x_{t−1}) together (f(x_1) is first used by L_2 at step 3)."""
    out, grads, values = [], [], []
    g0 = gradient(w)
    grad_count, value_count = 1, 0
    size = norm(g0)
    if size == 0:
        return [w.tolist()] * steps, [1] * steps, [0] * steps
    x_trial = w - (trial / size) * g0
    g_trial = gradient(x_trial)
    grad_count += 1
    moved = norm(x_trial - w)
    changed = norm(g_trial - g0)
    eta = 1 / (2.5 * (changed / moved)) if changed > 0 else trial / size
    # Step 1: z_1 = y_0 − η_1 g_0, y_1 = y_0, x_1 = z_1.
    y = w.copy()
    x_previous, g_previous = w, g0
    x = y - eta * g0
    out.append(x.tolist())
    grads.append(grad_count)
    values.append(value_count)
    tau_older, tau = 0.0, 1.0
    f_previous = None
    for t in range(2, steps + 1):
        g = gradient(x)
        f = value(x)
        grad_count += 1
        value_count += 1
        if t == 2:
            changed = norm(g - g_previous)
            local = changed / norm(x - x_previous) if changed > 0 else 0.0
            eta = min((1 - beta) * eta, 1 / (4 * local)) if local > 0 else (1 - beta) * eta
        else:
            difference = g - g_previous
            changed = norm(difference)
            bracket = 2 * (f_previous - f - dot(g, x_previous - x))
            local = changed * changed / bracket if changed > 0 and bracket > 0 else 0.0
            caps = [4 / 3 * eta, (tau_older + 1) / tau * eta]
            if local > 0:
                caps.append(tau / (4 * local))
            eta = min(caps)
        tau_older, tau = tau, tau + alpha / 2 + 2 * (1 - alpha) * eta * local / tau
        z = y - eta * g
        y = (1 - beta) * y + beta * z
        x_previous, g_previous, f_previous = x, g, f
        x = (z + tau * x) / (1 + tau)
        out.append(x.tolist())
        grads.append(grad_count)
        values.append(value_count)
    return out, grads, values


def adgd_2020(value, gradient, w, steps):
    """numpy_transcriptions.adgd (Malitsky & Mishchenko 2020, Algorithm 1), run for `steps`."""
    saved = numpy_transcriptions.STEPS
    numpy_transcriptions.STEPS = steps
    try:
        return numpy_transcriptions.adgd(value, gradient, w)
    finally:
        numpy_transcriptions.STEPS = saved


def worst_relative(a, b):
    a, b = np.array(a), np.array(b)
    scale = np.maximum(np.linalg.norm(a, axis=1), 1e-300)
    return float(np.max(np.linalg.norm(a - b, axis=1) / scale))


def main():
    q, b, start = random_quadratic()
    quadratic = Quadratic(q, b)
    problems = [
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, np.array([-1.0, 0.0]), 0.0),
        ("quadratic", quadratic.value, quadratic.gradient, start, quadratic.minimum),
    ]
    runs = [
        ("adgd", {"rule": "2023"}, lambda v, g, w, n: adgd_2023(v, g, w, steps=n)),
        ("adgd", {"rule": "2023", "initial-step-size": "1e-10"},
         lambda v, g, w, n: adgd_2023(v, g, w, lam0=1e-10, steps=n)),
        ("ac-fgm", {}, lambda v, g, w, n: ac_fgm(v, g, w, steps=n)),
        ("ac-fgm", {"beta": "0.1"}, lambda v, g, w, n: ac_fgm(v, g, w, beta=0.1, steps=n)),
    ]
    cases = []
    for name, value, gradient, origin, minimum in problems:
        for method, settings, run in runs:
            trajectory, grads, values = run(value, gradient, origin.copy(), STEPS)
            case = {"method": method, "problem": name, "settings": settings, "start": origin.tolist(),
                    "trajectory": trajectory, "gradientEvaluations": grads, "valueEvaluations": values}
            if (method, name) in TOLERANCES:
                case["tolerance"] = TOLERANCES[(method, name)]
            cases.append(case)
            # Sanity: sensitivity to a start one ulp away, and f − f* after 50 and 2,000 steps.
            nudged = np.nextafter(origin, np.inf)
            drift = worst_relative(trajectory, run(value, gradient, nudged, STEPS)[0])
            long_run = run(value, gradient, origin.copy(), LONG)[0]
            print(f"{method:7s} {name:10s} {json.dumps(settings):45s} f−f*: 50 steps "
                  f"{value(np.array(trajectory[-1])) - minimum:.3e}, {LONG} steps "
                  f"{value(np.array(long_run[-1])) - minimum:.3e}; one-ulp start drift {drift:.1e}")
        short = adgd_2020(value, gradient, origin.copy(), STEPS)
        long_run = adgd_2020(value, gradient, origin.copy(), LONG)
        print(f"adgd    {name:10s} {'(2020 rule, transcriptions.json)':45s} f−f*: 50 steps "
              f"{value(np.array(short[-1])) - minimum:.3e}, {LONG} steps "
              f"{value(np.array(long_run[-1])) - minimum:.3e}")
    fixtures = {"quadratic": {"q": q.ravel().tolist(), "b": b.tolist(), "start": start.tolist()},
                "cases": cases}
    path = pathlib.Path("Tests/DescentTests/Fixtures/parameter_free.json")
    path.write_text(json.dumps(fixtures, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} trajectories of {STEPS} steps")


if __name__ == "__main__":
    main()
