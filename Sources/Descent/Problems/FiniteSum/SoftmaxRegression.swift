import RealModule

/// ℓ2-regularised multinomial (softmax) regression over K classes, labels 0 … K − 1:
/// W is K rows of p weights (class k's at k·p), zₖ = Wₖxᵢ,
///
///     f(W) = (1/n) Σᵢ [log Σₖ e^{zₖ} − z_{yᵢ}] + (λ/2)‖W‖²,
///     ∇_{Wₖ} f = (1/n) Σᵢ (softmax(z)ₖ − [k = yᵢ]) xᵢ + λWₖ.
public struct SoftmaxRegression<Scalar: DescentFloat>: FiniteSum {
  public let data: Dataset<Scalar>
  public let classes: Int
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let minimum: Scalar?
  public let minimizer: [Scalar]?

  public init(
    data: Dataset<Scalar>, classes: Int, regularization: Scalar, minimum: Scalar? = nil, minimizer: [Scalar]? = nil
  ) throws(DescentError) {
    try DescentError.require(classes >= 2, "classes", classes, "an integer ≥ 2")
    try DescentError.require(
      regularization >= 0 && regularization.isFinite, "regularization", regularization, "a finite number ≥ 0")
    try DescentError.require(
      data.targets.allSatisfy { $0 >= 0 && $0 < Scalar(classes) && $0 == $0.rounded() }, "targets",
      "not a class index", "labels 0 … \(classes - 1)")
    self.data = data
    self.classes = classes
    self.regularization = regularization
    self.minimum = minimum
    self.minimizer = minimizer
  }

  public var dimension: Int { classes * data.columns }
  public var scratchSize: Int { classes }

  @inlinable
  public func loss(
    row i: Int, at w: UnsafeBufferPointer<Scalar>, addingGradientTo g: UnsafeMutableBufferPointer<Scalar>?,
    scratch z: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    let (p, classes) = (data.columns, classes)
    let label = Int(data.targets[i])
    return data.features.withUnsafeBufferPointer { features in
      let x = UnsafeBufferPointer(rebasing: features[(i * p)..<((i + 1) * p)])
      var largest = -Scalar.infinity
      for k in 0..<classes {
        var total: Scalar = 0
        for j in 0..<p { total += w[k * p + j] * x[j] }
        z[k] = total
        largest = max(largest, total)
      }
      var normaliser: Scalar = 0
      for k in 0..<classes { normaliser += Scalar.exp(z[k] - largest) }
      let loss = largest + Scalar.log(normaliser) - z[label]
      if let g {
        for k in 0..<classes {
          let weight = Scalar.exp(z[k] - largest) / normaliser - (k == label ? 1 : 0)
          for j in 0..<p { g[k * p + j] += weight * x[j] }
        }
      }
      return loss
    }
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
    FiniteSumEvaluation.run(self, rows: sampler?.batch(drawing: false), at: w, gradient: nil)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    _ = FiniteSumEvaluation.run(self, rows: sampler?.batch(drawing: true), at: w, gradient: g)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func valueAndGradient(
    at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    FiniteSumEvaluation.run(self, rows: sampler?.batch(drawing: true), at: w, gradient: g)
  }
}
