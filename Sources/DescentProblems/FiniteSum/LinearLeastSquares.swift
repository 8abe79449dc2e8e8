import Descent

/// ℓ2-regularised linear least squares:
///
///     f(w) = (1/n) Σᵢ ½(xᵢᵀw − yᵢ)² + (λ/2)‖w‖²,   ∇f(w) = (1/n) Σᵢ (xᵢᵀw − yᵢ) xᵢ + λw.
public struct LinearLeastSquares<Scalar: DescentFloat>: FiniteSum {
  public let data: Dataset<Scalar>
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let minimum: Scalar?
  public let minimizer: [Scalar]?

  public init(
    data: Dataset<Scalar>, regularization: Scalar, minimum: Scalar? = nil, minimizer: [Scalar]? = nil
  ) throws(DescentError) {
    try Self.checkRegularization(regularization)
    (self.data, self.regularization, self.minimum, self.minimizer) = (data, regularization, minimum, minimizer)
  }

  public var dimension: Int { data.columns }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let residual = Vector.sum(count: x.count) { x[$0] * w[$0] } - y
    if let g {
      for j in 0..<x.count { g[j] += residual * x[j] }
    }
    return residual * residual / 2
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }
}
