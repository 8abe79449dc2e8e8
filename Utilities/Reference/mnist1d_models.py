"""The three MNIST-1D models of the mnist1d repository (notebooks/models.py: LinearBase,
MLPBase with its residual hidden layer, ConvBase), their mean cross-entropy and its
gradient on fixed weights and a fixed batch, computed by PyTorch on the CPU in float64:
the fixture Tests/DescentProblemsTests/Fixtures/mnist1d_gradients.json, against which
Descent's hand-written gradients are held.

The weights are PyTorch's default initialisation under torch.manual_seed(0); the batch
is the first 8 rows of Data/mnist1d_train.csv. Parameters are flattened in
`model.parameters()` order, each tensor row-major (Linear: weight out × in, then bias;
Conv1d: weight out × in × kernel, then bias), the layout Descent uses.

Run, in a Python environment with torch 2.15.0 (its CPU-only build suffices):
     pip install torch==2.15.0
     python Utilities/Reference/mnist1d_models.py
"""

import csv
import json
import pathlib

import torch
import torch.nn as nn

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "Sources" / "DescentProblems" / "Data" / "mnist1d_train.csv"
OUT = ROOT / "Tests" / "DescentProblemsTests" / "Fixtures" / "mnist1d_gradients.json"
ROWS = 8


# The repository's definitions (notebooks/models.py), without their print statements.
class LinearBase(nn.Module):
    def __init__(self, input_size=40, output_size=10):
        super().__init__()
        self.linear = nn.Linear(input_size, output_size)

    def forward(self, x):
        return self.linear(x)


class MLPBase(nn.Module):
    def __init__(self, input_size=40, output_size=10, hidden_size=100):
        super().__init__()
        self.linear1 = nn.Linear(input_size, hidden_size)
        self.linear2 = nn.Linear(hidden_size, hidden_size)
        self.linear3 = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        h = self.linear1(x).relu()
        h = h + self.linear2(h).relu()
        return self.linear3(h)


class ConvBase(nn.Module):
    def __init__(self, output_size=10, channels=25, linear_in=125):
        super().__init__()
        self.conv1 = nn.Conv1d(1, channels, 5, stride=2, padding=1)
        self.conv2 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        self.conv3 = nn.Conv1d(channels, channels, 3, stride=2, padding=1)
        self.linear = nn.Linear(linear_in, output_size)

    def forward(self, x):
        x = x.view(-1, 1, x.shape[-1])
        h1 = self.conv1(x).relu()
        h2 = self.conv2(h1).relu()
        h3 = self.conv3(h2).relu()
        h3 = h3.view(h3.shape[0], -1)
        return self.linear(h3)


def batch():
    with open(DATA) as f:
        rows = list(csv.reader(f))[1 : ROWS + 1]
    x = torch.tensor([[float(v) for v in row[:-1]] for row in rows], dtype=torch.float64)
    y = torch.tensor([int(row[-1]) for row in rows])
    return x, y


def main():
    x, y = batch()
    fixture = {"rows": ROWS, "models": {}}
    for name, make in [("logistic", LinearBase), ("mlp", MLPBase), ("cnn", ConvBase)]:
        torch.manual_seed(0)
        model = make().double()
        loss = nn.CrossEntropyLoss()(model(x), y)
        loss.backward()
        fixture["models"][name] = {
            "parameters": torch.cat([p.detach().reshape(-1) for p in model.parameters()]).tolist(),
            "loss": loss.item(),
            "gradient": torch.cat([p.grad.reshape(-1) for p in model.parameters()]).tolist(),
        }
        print(name, sum(p.numel() for p in model.parameters()), "parameters, loss", loss.item())
    fixture["torch"] = torch.__version__
    OUT.write_text(json.dumps(fixture))


if __name__ == "__main__":
    main()
