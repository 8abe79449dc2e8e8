"""The mnist1d repository's table rerun in PyTorch itself, over seeds, on the committed
data: the models of mnist1d_models.py trained by the repository's train.py protocol
(Adam, learning rate 1e-2, no weight decay, batches of 100 rows in order, 6,000 steps,
float32, PyTorch's default initialisation under torch.manual_seed(seed)); the final test
accuracy, mean ± standard deviation over seeds 0-4. What `descent reproduce --mnist1d` measures
for Descent's Adam is compared with this and with the README's single runs
(32 / 68 / 94 %).

Run: python Utilities/Reference/mnist1d_table.py [steps] [seeds]   (torch 2.15.0, as mnist1d_models.py)
"""

import csv
import pathlib
import statistics
import sys

import torch
import torch.nn as nn

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from mnist1d_models import ConvBase, LinearBase, MLPBase  # noqa: E402

DATA = pathlib.Path(__file__).resolve().parents[2] / "Sources" / "DescentProblems" / "Data"


def load(name):
    with open(DATA / name) as f:
        rows = list(csv.reader(f))[1:]
    return torch.tensor([[float(v) for v in r[:-1]] for r in rows]), torch.tensor([int(r[-1]) for r in rows])


def main(steps=6000, seeds=5):
    torch.set_num_threads(2)
    x, y = load("mnist1d_train.csv")
    x_test, y_test = load("mnist1d_test.csv")
    print(f"model     repository  PyTorch's Adam, {seeds} seeds, {steps} steps")
    for name, make, published in [("logistic", LinearBase, 32), ("mlp", MLPBase, 68), ("cnn", ConvBase, 94)]:
        accuracies = []
        for seed in range(seeds):
            torch.manual_seed(seed)
            model = make()
            optimizer = torch.optim.Adam(model.parameters(), 1e-2, weight_decay=0)
            loss_function = nn.CrossEntropyLoss()
            for step in range(steps):
                start = (step * 100) % len(x)
                loss = loss_function(model(x[start : start + 100]), y[start : start + 100])
                loss.backward()
                optimizer.step()
                optimizer.zero_grad()
            with torch.no_grad():
                accuracies.append((model(x_test).argmax(-1) == y_test).float().mean().item())
        mean, deviation = statistics.mean(accuracies), statistics.stdev(accuracies) if seeds > 1 else 0
        print(f"{name:9} {published} %        {100 * mean:.1f} ± {100 * deviation:.1f} %")


if __name__ == "__main__":
    main(*[int(a) for a in sys.argv[1:]])
