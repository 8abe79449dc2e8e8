"""Numbers for docs/planning.md and the targets of docs/study.md: for each method label of
a results file, per accuracy τ, the share of problems it solves with its best setting
(and within 100 and 1,000 simplex gradients), its runs that end non-finite, and the runs
where gradient descent with the same γ, problem and seed reaches τ and it does not.

  python3 study/planning.py study/planning/round-2/results.jsonl
  python3 study/planning.py study/results/results.jsonl
"""

import collections
import gzip
import json
import os
import sys

ACCURACIES = [1e-1, 1e-3, 1e-5, 1e-7]


def key(problem):
    return problem["name"] + " " + " ".join(f"{k}={v}" for k, v in sorted(problem["settings"].items()))


def cost(run, floor, tau):
    """Gradient evaluations to f − f_L ≤ τ (f₀ − f_L), as `descent profile` reads them."""
    gap = run["start_value"] - floor
    if gap <= 0:
        return 0
    if run.get("minimum") is not None and run["minimum"] == floor and run.get("reach") is not None:
        hit = run["reach"][ACCURACIES.index(tau)]
        return hit["gradient"] if hit else None
    target = run["start_value"] - (1 - tau) * gap
    for g, _, _, best in run["history"]:
        if best <= target:
            return g
    return None


def read(path):
    """The runs of a results file, given as the file, its `.gz` (the committed study keeps
    its results compressed: study/data.sh), or the folder that holds it."""
    if os.path.isdir(path):
        path = os.path.join(path, "results.jsonl")
    if path.endswith(".gz"):
        path = path[:-3]
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        with gzip.open(path + ".gz", "rt", encoding="utf-8") as file:
            return [json.loads(line) for line in file if line.strip()]
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def main(path, taus=(1e-5, 1e-7)):
    results = read(path)
    by_problem = collections.defaultdict(list)
    for r in results:
        by_problem[key(r["run"]["problem"])].append(r)
    floors = {}
    for problem, runs in by_problem.items():
        floor = runs[0].get("minimum")
        if floor is None:
            floor = min(r["best_value"] for r in runs if r["best_value"] == r["best_value"])
        floors[problem] = floor
    labels = list(dict.fromkeys(r["run"]["method"]["label"] for r in results))
    problems = list(by_problem)
    dimension = {p: by_problem[p][0]["dimension"] for p in problems}

    def rate(r):
        value = r["run"]["method"]["settings"].get("learning-rate")
        return None if value is None else float(value)

    for tau in taus:
        print(f"τ = {tau:g}: share of the {len(problems)} problems solved (best setting per problem),"
              " within 100 and 1,000 simplex gradients, and in the budget")
        for label in labels:
            within = collections.Counter()
            for p in problems:
                costs = [cost(r, floors[p], tau) for r in by_problem[p] if r["run"]["method"]["label"] == label]
                costs = [c for c in costs if c is not None]
                if not costs:
                    continue
                best = min(costs) / (dimension[p] + 1)
                within["100"] += best <= 100
                within["1000"] += best <= 1000
                within["all"] += 1
            n = len(problems)
            print(f"  {label:22s} {within['100'] / n:6.1%} {within['1000'] / n:6.1%} {within['all'] / n:6.1%}")
        print()

    # Robustness: runs ending non-finite; runs where GD with the same γ reaches 1e-5 and the method does not.
    gd = {}
    for r in results:
        if r["run"]["method"]["name"] == "gd":
            p = key(r["run"]["problem"])
            outcome = (r["termination"].startswith("non-finite"), cost(r, floors[p], 1e-5))
            gd[(p, rate(r), r["run"].get("seed"))] = outcome
            # GD at its defaults is what a method without a γ is held to.
            if r["run"]["method"]["is_default"]:
                gd[(p, None, r["run"].get("seed"))] = outcome
    print("Runs ending non-finite (all, where GD with the same γ stayed finite); runs where GD with the same γ"
          " reached 1e-5 and the method did not:")
    for label in labels:
        runs = [r for r in results if r["run"]["method"]["label"] == label]
        bad = [r for r in runs if r["termination"].startswith("non-finite")]
        own = [r for r in bad if not gd.get((key(r["run"]["problem"]), rate(r), r["run"].get("seed")), (True, None))[0]]
        missed = []
        for r in runs:
            p = key(r["run"]["problem"])
            reference = gd.get((p, rate(r), r["run"].get("seed")))
            if reference and reference[1] is not None and cost(r, floors[p], 1e-5) is None:
                missed.append(f"{p} γ={rate(r)}")
        print(f"  {label:22s} non-finite {len(bad)} ({len(own)}) of {len(runs)}; missed where GD solves: {len(missed)}"
              + (f"  e.g. {', '.join(sorted(set(missed))[:4])}" if missed else ""))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "study/planning/round-2/results.jsonl")
