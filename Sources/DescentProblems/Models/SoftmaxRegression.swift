import Descent
import RealModule

/// ℓ2-regularised multinomial (softmax) regression over K classes, labels 0 … K − 1:
/// W is K rows of p weights (class k's at k·p), zₖ = Wₖxᵢ,
///
///     f(W) = (1/n) Σᵢ [log Σₖ e^{zₖ} − z_{yᵢ}] + (λ/2)‖W‖²,
///     ∇_{Wₖ} f = (1/n) Σᵢ (softmax(z)ₖ − [k = yᵢ]) xᵢ + λWₖ.
public struct SoftmaxRegression<Scalar: DescentFloat>: Classifier {
  public let data: Dataset<Scalar>
  public let classes: Int
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let minimum: Scalar?
  public let minimizer: [Scalar]?

  public init(
    data: Dataset<Scalar>, classes: Int, regularization: Scalar, minimum: Scalar? = nil, minimizer: [Scalar]? = nil
  ) throws(DescentError) {
    try Self.checkClassification(data: data, classes: classes, regularization: regularization)
    self.data = data
    self.classes = classes
    self.regularization = regularization
    self.minimum = minimum
    self.minimizer = minimizer
  }

  public var dimension: Int { classes * data.columns }
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }

  /// W, K rows of p (with an intercept column where the data has one).
  public var parameterBlocks: [ParameterBlock] { ParameterBlock.laidOut([("weight", [classes, data.columns])]) }
  public var scratchSize: Int { classes }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch z: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let (p, label) = (x.count, Int(y))
    var largest = -Scalar.infinity
    // Row pointers, so that no index in the inner loops is overflow-checked (a check
    // there stops them vectorising).
    let (weights, features) = (w.baseAddress!, x.baseAddress!)
    for k in 0..<classes {
      let row = weights + k * p
      z[k] = Vector.sum(count: p) { row[$0] * features[$0] }
      largest = max(largest, z[k])
    }
    let loss = largest - z[label]
    var normaliser: Scalar = 0
    for k in 0..<classes {
      z[k] = Scalar.exp(z[k] - largest)  // z now holds the unnormalised softmax
      normaliser += z[k]
    }
    if let g {
      for k in 0..<classes {
        let weight = z[k] / normaliser - (k == label ? 1 : 0)
        let row = g.baseAddress! + k * p
        for j in 0..<p { row[j] += weight * features[j] }
      }
    }
    return loss + Scalar.log(normaliser)
  }

  @inlinable
  public func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into z: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>
  ) {
    let (p, weights, features) = (x.count, w.baseAddress!, x.baseAddress!)
    for k in 0..<classes {
      let row = weights + k * p
      z[k] = Vector.sum(count: p) { row[$0] * features[$0] }
    }
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> Evaluation {
    try classify(data, at: w)
  }
}
