"""Builds MNIST-1D (Greydanus & Kobak, 2020, "Scaling down deep learning with MNIST-1D")
offline from its templates with the `mnist1d` package, and writes it into
Sources/DescentProblems/Data/ as two CSV files with a header row, 40 features and the
label last: mnist1d_train.csv (4,000 rows) and mnist1d_test.csv (1,000 rows).

The data are `make_dataset(get_dataset_args())`: the package's default arguments (5,000
samples, seed 42, train split 0.8, sequences of 40), generated here, never downloaded
(its `get_dataset` would fetch a pickle). Values are written as float32 (shortest
round-trip form), the precision the repository's models train in. The package is
Apache-2.0 (its LICENSE is copied beside the files as LICENSE-mnist1d.txt); the SHA-256
of each file is printed and kept in Data/mnist1d.sha256, which this script checks
on a rerun.

Run, in a Python environment with mnist1d 0.0.2.post1 (pip install mnist1d==0.0.2.post1):
     python Utilities/Reference/mnist1d_dataset.py
"""

import hashlib
import pathlib
import shutil
import sys

import numpy as np
import mnist1d
from mnist1d.data import get_dataset_args, make_dataset

VERSION = "0.0.2.post1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "DescentProblems" / "Data"


def write(path, x, y):
    header = ",".join([f"x{i}" for i in range(x.shape[1])] + ["label"])
    with open(path, "w", newline="\n") as f:
        f.write(header + "\n")
        for row, label in zip(x.astype(np.float32), y):
            f.write(",".join(np.format_float_positional(v, unique=True, trim="-") for v in row))
            f.write(f",{int(label)}\n")


def main():
    dataset = make_dataset(get_dataset_args())
    x, y, x_test, y_test = dataset["x"], dataset["y"], dataset["x_test"], dataset["y_test"]
    assert x.shape == (4000, 40) and x_test.shape == (1000, 40), (x.shape, x_test.shape)
    files = {"mnist1d_train.csv": (x, y), "mnist1d_test.csv": (x_test, y_test)}
    for name, (features, labels) in files.items():
        write(OUT / name, features, labels)
    licence = pathlib.Path(mnist1d.__file__).parent.parent / f"mnist1d-{VERSION}.dist-info" / "LICENSE"
    shutil.copyfile(licence, OUT / "LICENSE-mnist1d.txt")
    sums = {name: hashlib.sha256((OUT / name).read_bytes()).hexdigest() for name in files}
    listing = "".join(f"{digest}  {name}\n" for name, digest in sums.items())
    recorded = OUT / "mnist1d.sha256"
    if recorded.exists() and recorded.read_text() != listing:
        print("the files differ from the recorded checksums:\n" + recorded.read_text(), file=sys.stderr)
        sys.exit(1)
    recorded.write_text(listing)
    print(listing, end="")


if __name__ == "__main__":
    main()
