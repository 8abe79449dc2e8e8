"""scipy's L-BFGS-B and Nelder–Mead on the test problems: evaluation counts and minimisers.

Run from the repository root:  python3 Utilities/Reference/scipy_results.py
Writes Tests/DescentTests/Fixtures/scipy_results.json.
"""
import json
import pathlib

from scipy.optimize import minimize

from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value


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
