import Descent

/// A finite sum whose loss is the cross-entropy of a model's logits over K classes (the
/// targets being labels 0 … K − 1): what a training run measures besides the loss, the
/// share of a held-out set it classifies right and its mean loss there.
public protocol Classifier<Scalar>: FiniteSum {
  var classes: Int { get }
  /// The model's logits at one row's features, written to `logits` (K numbers), using
  /// `scratch` (``FiniteSum/scratchSize`` numbers) as `loss` does.
  func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into logits: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>)
  /// The share of `data`'s rows whose largest logit is their label (ties to the lower
  /// class), and their mean cross-entropy (without the penalty (λ/2)‖w‖²). A model
  /// implements it as ``classify(_:at:)`` marked `@_specialize(where Scalar == Float)`
  /// and `Double`: a default here would run unspecialised when the catalog's
  /// existential calls it, and a pass over a test set would cost more than an epoch.
  func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar)
}

extension Classifier {
  /// A held-out set's accuracy and mean cross-entropy.
  public typealias Evaluation = (accuracy: Scalar, loss: Scalar)

  /// Throws unless there are at least two classes, λ is finite and ≥ 0, and every target
  /// is a class index 0 … K − 1: what every classifier's initialiser checks.
  public static func checkClassification(
    data: Dataset<Scalar>, classes: Int, regularization: Scalar
  ) throws(DescentError) {
    try DescentError.require(classes >= 2, "classes", classes, "an integer ≥ 2")
    try checkRegularization(regularization)
    try DescentError.require(
      data.targets.allSatisfy { $0 >= 0 && $0 < Scalar(classes) && $0 == $0.rounded() }, "targets",
      "not a class index", "labels 0 … \(classes - 1)")
  }

  /// ``evaluate(on:at:)``'s body, which each model calls from its own, specialised.
  @inlinable
  public func classify(_ data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> (
    accuracy: Scalar, loss: Scalar
  ) {
    try DescentError.require(
      data.columns == self.data.columns, "columns", data.columns, "the \(self.data.columns) the model reads")
    try DescentError.require(w.count == dimension, "parameters", w.count, "\(dimension) numbers")
    var (correct, total): (Int, Scalar) = (0, 0)
    let p = data.columns
    withUnsafeTemporaryAllocation(of: Scalar.self, capacity: scratchSize + classes) { buffer in
      let (z, scratch) = (buffer.baseAddress!, UnsafeMutableBufferPointer(rebasing: buffer[classes...]))
      w.withUnsafeBufferPointer { weights in
        data.features.withUnsafeBufferPointer { features in
          for i in 0..<data.rows {
            let x = UnsafeBufferPointer(rebasing: features[(i * p)..<((i + 1) * p)])
            logits(x: x, at: weights, into: z, scratch: scratch)
            let label = Int(data.targets[i])
            var best = 0
            for k in 1..<classes where z[k] > z[best] { best = k }
            if best == label { correct += 1 }
            total += NetworkLayers.softmaxCrossEntropy(z, classes: classes, label: label)
          }
        }
      }
    }
    let n = Scalar(max(data.rows, 1))
    return (Scalar(correct) / n, total / n)
  }
}
