import Descent
import RealModule

/// ℓ2-regularised logistic regression, labels y ∈ {0, 1}:
///
///     f(w) = (1/n) Σᵢ [log(1 + e^{zᵢ}) − yᵢzᵢ] + (λ/2)‖w‖²,   zᵢ = xᵢᵀw,
///     ∇f(w) = (1/n) Σᵢ (σ(zᵢ) − yᵢ) xᵢ + λw.
///
/// The intercept is a column of ones in the data, regularised like the rest.
public struct LogisticRegression<Scalar: DescentFloat>: FiniteSum {
  public let data: Dataset<Scalar>
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let minimum: Scalar?
  public let minimizer: [Scalar]?

  /// - Parameters: `minimum` and `minimizer`: f* and w*, when a reference solver has found them.
  public init(
    data: Dataset<Scalar>, regularization: Scalar, minimum: Scalar? = nil, minimizer: [Scalar]? = nil
  ) throws(DescentError) {
    try Self.checkRegularization(regularization)
    try DescentError.require(
      data.targets.allSatisfy { $0 == 0 || $0 == 1 }, "targets", "not 0 or 1", "labels 0 or 1")
    (self.data, self.regularization, self.minimum, self.minimizer) = (data, regularization, minimum, minimizer)
  }

  public var dimension: Int { data.columns }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let z = Vector.sum(count: x.count) { x[$0] * w[$0] }
    if let g {
      let residual = 1 / (1 + Scalar.exp(-z)) - y
      for j in 0..<x.count { g[j] += residual * x[j] }
    }
    guard needsValue else { return 0 }
    // log(1 + e^z), without overflow for large z.
    return max(z, 0) + Scalar.log(onePlus: Scalar.exp(-z.magnitude)) - y * z
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }
}

extension LogisticRegression: Classifier {
  /// Two classes, 0 and 1.
  public var classes: Int { 2 }

  /// (0, xᵀw): the softmax of the two is (1 − σ(z), σ(z)), so the cross-entropy is the
  /// logistic loss and the larger logit the predicted label.
  public func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into z: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>
  ) {
    z[0] = 0
    z[1] = Vector.sum(count: x.count) { x[$0] * w[$0] }
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> Evaluation {
    try classify(data, at: w)
  }
}
