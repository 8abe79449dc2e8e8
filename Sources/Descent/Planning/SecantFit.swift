/// The multi-secant step-size model, fitted to a window that keeps its pairs: the
/// least-squares map from the window's gradients to their K-step displacements,
///
///     A g = D (GᵀG + λ tr(GᵀG)/K · I)⁻¹ Gᵀ g,   D = [w_s − w_{s+K}],  G = [g_s],
///
/// a map of rank at most K that turns with the problem (rotation invariant), unlike
/// the paper's diagonal model. λ is relative to the mean squared gradient norm and at
/// least 10ε of the precision (1.2e-6 in Float, where 1e-8 would leave it singular).
///
/// Fang, H. and Saad, Y. (2009). Two classes of multisecant methods for nonlinear
/// acceleration. Numer. Linear Algebra Appl. 16.
@usableFromInline
struct SecantFit<Scalar: DescentFloat>: Sendable {
  /// GᵀG + λ tr(GᵀG)/K · I for the event, K × K, row-major.
  @usableFromInline var system: [Scalar] = []
  /// Scratch for each projection's solve (K² and K), sized once.
  @usableFromInline var scratch: [Scalar] = []
  @usableFromInline var coefficients: [Scalar] = []

  @usableFromInline init() {}

  /// Numbers the fit keeps at horizon K: the system and its scratch, 2K² + K.
  @usableFromInline
  static func size(horizon k: Int) -> Int? {
    MemoryRequirement.product(k, k).flatMap { MemoryRequirement.product(2, $0) }
      .flatMap { MemoryRequirement.sum($0, k) }
  }

  /// The system of `window`'s kept pairs.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func fit(_ window: PlanningWindow<Scalar>, regularization: Scalar) {
    let k = window.horizon
    let d = window.dimension
    if system.count != k * k {
      system = [Scalar](repeating: 0, count: k * k)
      scratch = system
      coefficients = [Scalar](repeating: 0, count: k)
    }
    let g = window.pairedGradients
    var trace: Scalar = 0
    for a in 0..<k {
      for b in a..<k {
        var total: Scalar = 0
        for i in 0..<d { total += g[a * d + i] * g[b * d + i] }
        system[a * k + b] = total
        system[b * k + a] = total
      }
      trace += system[a * k + a]
    }
    // A term below the arithmetic's resolution regularises nothing: at least 10ε.
    let lambda = max(regularization, 10 * Scalar.ulpOfOne)
    for a in 0..<k { system[a * k + a] += lambda * trace / Scalar(k) }
  }

  /// A `gradient` into `step` (d numbers), returning the slope gᵀA g. The event's
  /// system is solved again per projection, so it is copied rather than overwritten.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func direction(
    for gradient: [Scalar], in window: PlanningWindow<Scalar>, into step: inout [Scalar]
  ) -> Scalar {
    let k = window.horizon
    let d = window.dimension
    let (displacements, pairedGradients) = (window.displacements, window.pairedGradients)
    for a in 0..<k {
      var total: Scalar = 0
      for i in 0..<d { total += pairedGradients[a * d + i] * gradient[i] }
      coefficients[a] = total
    }
    for index in 0..<(k * k) { scratch[index] = system[index] }
    SmallLinearSystem.solve(&scratch, &coefficients, size: k)
    var slope: Scalar = 0
    for i in 0..<d {
      var component: Scalar = 0
      for a in 0..<k { component += displacements[a * d + i] * coefficients[a] }
      slope += gradient[i] * component
      step[i] = component
    }
    return slope
  }
}
