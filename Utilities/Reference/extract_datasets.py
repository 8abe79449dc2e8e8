"""Extracts the suite's real datasets from scikit-learn's wheel into
Sources/DescentProblems/Data/, as plain CSV files with a header row.

scikit-learn bundles these files under sklearn/datasets/data/ and distributes them under
its BSD 3-Clause licence (copied beside them as LICENSE-scikit-learn.txt):
- breast_cancer.csv: Wisconsin Diagnostic Breast Cancer (Wolberg, Street & Mangasarian,
  UCI Machine Learning Repository, 1995): 569 rows, 30 features, label 0 malignant / 1 benign;
- digits.csv.gz: optical recognition of handwritten digits (Alpaydin & Kaynak, UCI, 1998),
  the 8×8 test set: 1,797 rows, 64 pixels in 0..16, label 0..9;
- diabetes_data_raw.csv.gz and diabetes_target.csv.gz: Efron, Hastie, Johnstone & Tibshirani
  (2004), "Least angle regression", Annals of Statistics: 442 rows, 10 raw features and a
  disease-progression target.

Run: python3 Utilities/Reference/extract_datasets.py  (needs pip and network; no install).
"""

import csv
import gzip
import io
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "1.9.1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources" / "DescentProblems" / "Data"


def main():
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", f"scikit-learn=={VERSION}", "--no-deps", "-d", folder,
             "--only-binary=:all:", "--quiet"],
            check=True)
        wheel = next(pathlib.Path(folder).glob("scikit_learn-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            def read(name):
                return archive.read(f"sklearn/datasets/data/{name}")

            licence = next(n for n in archive.namelist() if n.endswith(".dist-info/licenses/COPYING")
                           or n.endswith(".dist-info/LICENSE") or n.endswith(".dist-info/COPYING"))
            (OUT / "LICENSE-scikit-learn.txt").write_bytes(archive.read(licence))

            rows = list(csv.reader(io.StringIO(read("breast_cancer.csv").decode())))
            header = [f"x{j + 1}" for j in range(30)] + ["label"]
            write("breast_cancer.csv", header, rows[1:])

            rows = list(csv.reader(io.StringIO(gzip.decompress(read("digits.csv.gz")).decode())))
            header = [f"pixel{j + 1}" for j in range(64)] + ["label"]
            write("digits.csv", header, [[str(int(float(v))) for v in row] for row in rows])

            features = gzip.decompress(read("diabetes_data_raw.csv.gz")).decode().split("\n")
            targets = gzip.decompress(read("diabetes_target.csv.gz")).decode().split("\n")
            features = [line.split() for line in features if line.strip()]
            targets = [str(int(float(line))) for line in targets if line.strip()]
            header = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "target"]
            write("diabetes.csv", header, [row + [t] for row, t in zip(features, targets)])


def write(name, header, rows):
    with open(OUT / name, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
