import RealModule

/// IDBD in the diagonal form of the paper's equation 7, for any differentiable loss:
/// one step-size per component, each learned by gradient descent on its logarithm.
///
///     g_t = ∇f(w_{t−1})
///     β_i ← β_i − θ g_i h_i                         (meta step)
///     α_i = e^{β_i}
///     w_i ← w_i − α_i g_i                            (w_t = w_{t−1} − D_t g_t, D = diag α)
///     h_i ← h_i · max(0, 1 − α_i c_i) − α_i g_i      (trace of recent changes)
///
/// For least mean squares, −g_i = δ x_i and c_i = x_i² is the loss's curvature along
/// component i, which makes this Sutton's IDBD exactly (see ``IDBDLeastMeanSquares``).
/// For a general loss Descent estimates c_i by the diagonal secant of the last two
/// iterates, c_i = (g_{t,i} − g_{t−1,i}) / (w_{t−1,i} − w_{t−2,i}) (0 where the
/// component did not move), which costs no evaluations. The trace decay is clipped
/// at zero when α_i c_i ≥ 1, as the paper explains: a step-size past 1/c_i would
/// otherwise make the trace diverge.
///
/// Sutton, R. S. (1992). Adapting bias by gradient descent: an incremental version
/// of delta-bar-delta. AAAI, 171–176. Yao (2022), §2.5.
///
/// Hyperparameters (Descent's choices; the paper tunes θ per task):
/// - `metaStepSize` θ ≥ 0. Default 0.01.
/// - `initialStepSize` α₀ > 0: every α_i at the start (β_i = ln α₀). Default 0.001.
public struct IDBD<Scalar: DescentFloat>: Optimizer {
  public internal(set) var metaStepSize: Scalar
  public internal(set) var initialStepSize: Scalar
  /// β = ln α.
  @usableFromInline var logStepSizes: [Scalar] = []
  /// h.
  @usableFromInline var trace: [Scalar] = []
  @usableFromInline var previousWeights: [Scalar] = []
  @usableFromInline var previousGradient: [Scalar] = []
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var started = false

  public init(metaStepSize: Scalar = 0.01, initialStepSize: Scalar = 0.001) throws(DescentError) {
    self.metaStepSize = metaStepSize
    self.initialStepSize = initialStepSize
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireState(
      logStepSizes, trace, previousWeights, previousGradient, gradient, dimension: d)
  }

  /// α = e^β.
  public var stepSizes: [Scalar]? { logStepSizes.isEmpty ? nil : logStepSizes.map { .exp($0) } }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard oracle.reserve(gradients: 1) else { return }
    if logStepSizes.count != w.count {
      logStepSizes = [Scalar](repeating: .log(initialStepSize), count: w.count)
      trace = [Scalar](repeating: 0, count: w.count)
      gradient = trace
      previousGradient = trace
      previousWeights = w
    }
    oracle.gradient(at: w, into: &gradient)
    update(&w)
    started = true
  }

  /// The meta step, the weight step and the trace, from `gradient`.
  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  mutating func update(_ w: inout [Scalar]) {
    let theta = metaStepSize
    let hasSecant = started
    withBuffers(&logStepSizes, &trace, &previousWeights, &previousGradient) { beta, h, oldW, oldG in
      gradient.withUnsafeBufferPointer { g in
        w.withUnsafeMutableBufferPointer { w in
          for i in w.indices {
            let moved = w[i] - oldW[i]
            let curvature = hasSecant && moved != 0 ? (g[i] - oldG[i]) / moved : 0
            beta[i] -= theta * g[i] * h[i]
            let alpha = Scalar.exp(beta[i])
            oldW[i] = w[i]
            oldG[i] = g[i]
            w[i] -= alpha * g[i]
            h[i] = h[i] * max(0, 1 - alpha * curvature) - alpha * g[i]
          }
        }
      }
    }
  }
}

extension IDBD: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "idbd", summary: "IDBD, diagonal form: per-component step-sizes e^β learned by meta-descent",
      citation: "Sutton (1992)", initialiserDefaults: { try Self() },
      settings: [
        .real("metaStepSize", \.metaStepSize, symbol: "θ", default: 0.01, .nonNegative, "step-size of ln α"),
        .real("initialStepSize", \.initialStepSize, symbol: "α₀", default: 0.001, .positive, "every α_i at the start"),
      ])
  }
}
