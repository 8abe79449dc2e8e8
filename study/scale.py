"""The scale table of docs/study.md: does a method's cost depend on the units of f?

For each method (label) and each problem and seed of study/scale.yaml, the gradient
evaluations to f − f_L ≤ 1e-5 (f₀ − f_L) with f multiplied by c ∈ {1e-6, 1e-3, 1, 1e3, 1e6},
f_L the known minimum or the best any method reached at that c. A problem is scale-free
for the method when it is solved at every c and the evaluations at every c are within
10 % of those at c = 1 (at least one evaluation apart is allowed: 10 % of 3 is nothing).

  python3 study/scale.py study/scale/results.jsonl [--problems]
  python3 study/scale.py study/scale-binary/results.jsonl
"""

import collections
import sys

from planning import cost, read

TAU = 1e-5


def main(path, show_problems=False):
    results = read(path)
    groups = collections.defaultdict(list)
    for r in results:
        problem = r["run"]["problem"]
        settings = dict(problem["settings"])
        scale = float(settings.pop("scale"))  # recorded as a number
        base = problem["name"] + " " + " ".join(f"{k}={v}" for k, v in sorted(settings.items()))
        groups[(base, r["run"].get("seed"), scale)].append(r)
    floors = {}
    for group, runs in groups.items():
        known = runs[0].get("minimum")
        floors[group] = known if known is not None else min(
            r["best_value"] for r in runs if r["best_value"] == r["best_value"])
    scales = sorted({g[2] for g in groups})
    labels = list(dict.fromkeys(r["run"]["method"]["label"] for r in results))
    instances = sorted({(g[0], g[1]) for g in groups}, key=str)
    table = {}
    for label in labels:
        row = collections.Counter()
        worst = []
        for base, seed in instances:
            costs = []
            for c in scales:
                runs = [r for r in groups[(base, seed, c)] if r["run"]["method"]["label"] == label]
                costs.append(cost(runs[0], floors[(base, seed, c)], TAU) if runs else None)
            reference = costs[scales.index(1.0)]
            solved = [x for x in costs if x is not None]
            if reference is not None:
                row["solved at c = 1"] += 1
            if len(solved) == len(costs):
                row["solved at every c"] += 1
                spread = max(abs(x - reference) for x in costs)
                if spread <= max(0.1 * reference, 1):
                    row["within 10 %"] += 1
                else:
                    worst.append((spread / max(reference, 1), base, seed, costs))
            elif solved:
                row["solved at some c only"] += 1
                worst.append((float("inf"), base, seed, costs))
        table[label] = (row, sorted(worst, key=lambda w: -w[0]))
    n = len(instances)
    print(f"τ = {TAU:g}, {n} problems and seeds, c ∈ {{{', '.join(f'{c:g}' for c in scales)}}}\n")
    print("| method | solved at c = 1 | solved at every c | within 10 % at every c | solved at some c only |")
    print("| --- | --- | --- | --- | --- |")
    for label in labels:
        row, _ = table[label]
        print(f"| {label} | {row['solved at c = 1']} | {row['solved at every c']} | {row['within 10 %']} |"
              f" {row['solved at some c only']} |")
    if show_problems:
        for label in labels:
            _, worst = table[label]
            if worst:
                print(f"\n{label}: the problems whose cost moves most with c (evaluations at each c; - unsolved)")
                for ratio, base, seed, costs in worst[:8]:
                    print(f"  {base} seed {seed}: " + " ".join("-" if x is None else str(x) for x in costs))


if __name__ == "__main__":
    main(sys.argv[1], "--problems" in sys.argv)
