"""PyTorch's examples per second through the MNIST-1D MLP's and CNN's forward and
backward pass (mean cross-entropy and its gradient) at a batch of 100 training rows, in
float32 on the CPU with `torch.set_num_threads(threads)`: "torch <model> <threads>
<examples per second>", the median of 51 timed passes after a warm one, as
StepTimer measures Descent. The models are the mnist1d repository's, as
Utilities/Reference/mnist1d_models.py defines them.

  python3 compare/networks_torch.py THREADS
"""

import csv
import pathlib
import statistics
import sys
import time

import torch
import torch.nn as nn

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Utilities" / "Reference"))
from mnist1d_models import ConvBase, MLPBase  # noqa: E402


def main(threads):
    torch.set_num_threads(threads)
    with open(ROOT / "Sources" / "DescentProblems" / "Data" / "mnist1d_train.csv") as f:
        rows = list(csv.reader(f))[1:101]
    x = torch.tensor([[float(v) for v in row[:-1]] for row in rows])
    y = torch.tensor([int(row[-1]) for row in rows])
    for name, model in [("mlp", MLPBase()), ("cnn", ConvBase())]:
        loss_function = nn.CrossEntropyLoss()

        def step():
            model.zero_grad()
            loss_function(model(x), y).backward()

        step()
        samples = []
        for _ in range(51):
            start = time.perf_counter()
            step()
            samples.append(time.perf_counter() - start)
        print("torch", name, threads, len(rows) / statistics.median(samples))


if __name__ == "__main__":
    main(int(sys.argv[1]))
