"""Numbers for docs/study.md from the study's results (study/results/results.jsonl):
where the paper's Csawg wins, where it is slower, where it diverges and whether gradient
descent with the same step-size diverges there too.

  python3 study/analyse.py study/results/results.jsonl
"""

import collections
import sys

import planning  # study/planning.py: f_L, costs and problem keys, read the same way

PEERS = ["gd", "heavy-ball", "nesterov", "nesterov-restart", "adam", "adgd", "adgd-accel", "dog", "prodigy", "bb",
         "anderson", "lbfgs", "csawg-safeguarded"]


def paper_csawg(label):
    """The paper's Csawg forms: csawg-1-k2, csawg-2-k10, … (not csawg-safeguarded)."""
    return label.startswith("csawg-1") or label.startswith("csawg-2")


def family(problem):
    name = problem["name"]
    if name in ("breast-cancer-logistic", "diabetes-least-squares", "digits-softmax", "digits-tanh-network"):
        return "data, stochastic" if "batch-size" in problem["settings"] else "data, full"
    if name.endswith("quadratic"):
        return name
    return "Moré–Garbow–Hillstrom"


key = planning.key


def main(path):
    results = planning.read(path)
    by_problem = collections.defaultdict(list)
    for r in results:
        by_problem[key(r["run"]["problem"])].append(r)

    # f_L and each run's cost at τ = 1e-5.
    def cost(r, floor):
        return planning.cost(r, floor, 1e-5)

    wins = collections.Counter()
    versus = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
    family_wins = collections.defaultdict(collections.Counter)
    csawg_ahead = []
    for problem, runs in by_problem.items():
        floor = runs[0].get("minimum")
        if floor is None:
            floor = min(r["best_value"] for r in runs if r["best_value"] == r["best_value"])
        best = {}
        for r in runs:
            label = r["run"]["method"]["label"]
            c = cost(r, floor)
            if c is not None and (label not in best or c < best[label]):
                best[label] = c
        if not best:
            continue
        csawg = {k: v for k, v in best.items() if paper_csawg(k)}
        peers = {k: v for k, v in best.items() if k in PEERS}
        planned = min(csawg.values()) if csawg else None
        for peer in PEERS:
            other = best.get(peer)
            if planned is None and other is None:
                continue
            outcome = ("faster" if other is None or (planned is not None and planned < other)
                       else "slower" if planned is None or planned > other else "tied")
            versus[peer][family(runs[0]["run"]["problem"])][outcome] += 1
        csawg_first = min(best.values()) in csawg.values() and (not peers or min(csawg.values()) < min(peers.values()))
        # A problem only a method outside both groups solves is counted as "other".
        group = "csawg" if csawg_first else min(peers, key=peers.get) if peers else "other"
        wins[group] += 1
        family_wins[family(runs[0]["run"]["problem"])][group] += 1
        if csawg and (not peers or min(csawg.values()) <= min(peers.values())):
            leader = min(csawg, key=csawg.get)
            other = min(peers.values()) if peers else None
            csawg_ahead.append((problem, leader, csawg[leader], min(peers, key=peers.get) if peers else "-", other))

    print("Best Csawg (any form, K and γ) against each peer's best γ, at τ = 1e-5, per family:")
    for peer in PEERS:
        print(f"  vs {peer}: " + "; ".join(
            f"{fam}: faster {c['faster']}, tied {c['tied']}, slower {c['slower']}" for fam, c in sorted(versus[peer].items())))
    print()
    print("Winner at τ = 1e-5, best setting per problem (Csawg forms pooled):")
    for family_name, counter in sorted(family_wins.items()):
        print(f"  {family_name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    print(f"  all: " + ", ".join(f"{k} {v}" for k, v in wins.most_common()))
    print("\nProblems where a Csawg form is at least as fast as every peer (τ = 1e-5):")
    for problem, leader, c, peer, other in sorted(csawg_ahead):
        print(f"  {problem}: {leader} {c} vs {peer} {other}")

    # Divergence: Csawg runs ending non-finite where GD with the same γ did not.
    gd = {}
    for r in results:
        if r["run"]["method"]["name"] == "gd":
            rate = r["run"]["method"]["settings"].get("learning-rate", "0.001")
            gd[(key(r["run"]["problem"]), float(rate))] = r["termination"].startswith("non-finite")
    planned = collections.Counter()
    runs_per = collections.Counter()
    caused = collections.defaultdict(collections.Counter)
    for r in results:
        method = r["run"]["method"]
        if method["name"] != "csawg":
            continue
        rate = float(method["settings"].get("learning-rate", "0.001"))
        diverged = r["termination"].startswith("non-finite")
        runs_per[method["label"]] += 1
        if diverged and not gd.get((key(r["run"]["problem"]), rate), False):
            planned[method["label"]] += 1
            caused[method["label"]][family(r["run"]["problem"])] += 1
    print("\nCsawg runs ending on a non-finite number where GD with the same γ stayed finite:")
    for label in sorted(runs_per):
        print(f"  {label}: {planned[label]} of {runs_per[label]} runs; by family: "
              + ", ".join(f"{k} {v}" for k, v in caused[label].most_common()))
    gd_div = sum(1 for r in results if r["run"]["method"]["name"] == "gd" and r["termination"].startswith("non-finite"))
    gd_all = sum(1 for r in results if r["run"]["method"]["name"] == "gd")
    print(f"  (gd itself: {gd_div} of {gd_all} runs non-finite, the large step-sizes on stiff problems)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "study/results/results.jsonl")
