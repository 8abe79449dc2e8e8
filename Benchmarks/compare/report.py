"""Joins the measurements of one compare.sh run into the table and ratios.

Reads lines `source dtype method milliseconds` (triad lines: `triad dtype ms GB/s`)
on standard input; prints milliseconds per step and the ratios
Descent/optax, Descent/numpy and Descent/(bytes moved ÷ triad bandwidth).
"""
import sys

# Arrays read plus arrays written per element by each update (the gradient is read).
ARRAYS_MOVED = {"sgd": 3, "adam": 7, "csawg": 11}
SIZE = {"float32": 4, "float64": 8}


def main():
    d = int(sys.argv[1])
    times, bandwidth = {}, {}
    for line in sys.stdin:
        parts = line.split()
        if len(parts) == 4 and parts[0] == "triad":
            bandwidth[parts[1]] = float(parts[3]) * 1e9
        elif len(parts) == 4:
            times[(parts[0], parts[1], parts[2])] = float(parts[3])
    print(f"d = {d:,}; milliseconds per step (median of 15); bound = bytes moved / triad bandwidth")
    header = f"{'dtype':8} {'method':6} {'Descent':>9} {'optax':>9} {'numpy':>9} {'bound':>9}   {'D/optax':>8} {'D/numpy':>8} {'D/bound':>8}"
    print(header)
    print("-" * len(header))
    for dtype in ("float32", "float64"):
        for method in ("sgd", "adam", "csawg"):
            descent = times.get(("descent", dtype, method))
            optax = times.get(("optax", dtype, method))
            numpy = times.get(("numpy", dtype, method))
            bound = None
            if dtype in bandwidth:
                bound = ARRAYS_MOVED[method] * SIZE[dtype] * d / bandwidth[dtype] * 1e3

            def cell(x):
                return f"{x:9.2f}" if x is not None else f"{'—':>9}"

            def ratio(x):
                return f"{descent / x:8.2f}" if descent is not None and x else f"{'—':>8}"

            print(f"{dtype:8} {method:6} {cell(descent)} {cell(optax)} {cell(numpy)} {cell(bound)}   "
                  f"{ratio(optax)} {ratio(numpy)} {ratio(bound)}")
    for dtype, rate in sorted(bandwidth.items()):
        print(f"triad bandwidth {dtype}: {rate / 1e9:.1f} GB/s (both cores)")


if __name__ == "__main__":
    main()
