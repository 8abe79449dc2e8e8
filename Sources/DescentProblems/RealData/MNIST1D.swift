import Descent

/// MNIST-1D (Greydanus & Kobak, 2020, "Scaling down deep learning with MNIST-1D"): ten
/// 1-D digit templates, padded, translated, scaled, sheared and noised into sequences of
/// 40, standardised over the whole set; 4,000 training and 1,000 test examples, labels
/// 0 … 9. Built offline from the templates by the `mnist1d` package's
/// `make_dataset(get_dataset_args())` (seed 42) in `Utilities/Reference/mnist1d_dataset.py`,
/// stored as float32 values in `Data/mnist1d_train.csv` and `Data/mnist1d_test.csv`
/// (SHA-256 in `Data/mnist1d.sha256`, Apache-2.0 licence in `Data/LICENSE-mnist1d.txt`).
public enum MNIST1D {
  /// The 4,000 training examples: 40 features and the label.
  public static func training<S: DescentFloat>(as _: S.Type = S.self) -> Dataset<S> {
    SuiteData.dataset(SuiteData.mnist1dTraining, as: S.self)
  }

  /// The 1,000 test examples.
  public static func test<S: DescentFloat>(as _: S.Type = S.self) -> Dataset<S> {
    SuiteData.dataset(SuiteData.mnist1dTest, as: S.self)
  }
}
