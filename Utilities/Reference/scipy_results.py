"""scipy's L-BFGS-B, BFGS and Nelder–Mead on the test problems: evaluation counts and
minimisers, and BFGS's iterate and counts after each iteration.

Run from the repository root:  python3 Utilities/Reference/scipy_results.py
Writes Tests/DescentTests/Fixtures/scipy_results.json.
"""
import json
import pathlib

import numpy as np
import scipy.optimize._optimize as scipy_optimize
from scipy.optimize import minimize

from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value


def bfgs_with_trajectory(value, gradient, origin):
    """scipy's BFGS, recording after each iteration the iterate and the evaluations so
    far, and refusing a run in which its second line search (line_search_wolfe2) ran:
    Descent's BFGS resets H there instead, so such a run is no reference."""
    counts = {"f": 0, "g": 0}
    trajectory, values, gradients = [], [], []

    def counted_value(w):
        counts["f"] += 1
        return value(w)

    def counted_gradient(w):
        counts["g"] += 1
        return gradient(w)

    def record(intermediate_result):
        trajectory.append(intermediate_result.x.tolist())
        values.append(counts["f"])
        gradients.append(counts["g"])

    fallback = scipy_optimize.line_search_wolfe2

    def refuse(*args, **kwargs):
        raise RuntimeError("scipy's BFGS fell back to line_search_wolfe2")

    scipy_optimize.line_search_wolfe2 = refuse
    try:
        result = minimize(counted_value, np.array(origin, dtype=float), jac=counted_gradient, method="BFGS",
                          callback=record)
    finally:
        scipy_optimize.line_search_wolfe2 = fallback
    return result, {"trajectory": trajectory, "valueEvaluations": values, "gradientEvaluations": gradients}


def main():
    q, b, start = random_quadratic()
    quadratic = Quadratic(q, b)
    runs = []
    for name, value, gradient, origin in [
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, [-1.2, 1.0]),
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, [-1.0, 0.0]),
        ("quadratic", quadratic.value, quadratic.gradient, start.tolist()),
    ]:
        lbfgs = minimize(value, origin, jac=gradient, method="L-BFGS-B")
        runs.append({"method": "lbfgs", "problem": name, "start": origin, "evaluations": int(lbfgs.nfev),
                     "iterations": int(lbfgs.nit), "minimizer": lbfgs.x.tolist(), "message": str(lbfgs.message)})
        bfgs, steps = bfgs_with_trajectory(value, gradient, origin)
        runs.append({"method": "bfgs", "problem": name, "start": origin, "evaluations": int(bfgs.njev),
                     "iterations": int(bfgs.nit), "minimizer": bfgs.x.tolist(), "message": str(bfgs.message),
                     **steps})
        if name == "rosenbrock":
            simplex = minimize(value, origin, method="Nelder-Mead")
            runs.append({"method": "nelder-mead", "problem": name, "start": origin,
                         "evaluations": int(simplex.nfev), "iterations": int(simplex.nit),
                         "minimizer": simplex.x.tolist(), "message": str(simplex.message)})
    fixtures = {"quadratic": {"q": q.ravel().tolist(), "b": b.tolist()}, "runs": runs}
    path = pathlib.Path("Tests/DescentTests/Fixtures/scipy_results.json")
    path.write_text(json.dumps(fixtures, indent=1) + "\n")
    for run in runs:
        print(run["method"], run["problem"], run["start"][:2], run["evaluations"], run["message"])


if __name__ == "__main__":
    main()
