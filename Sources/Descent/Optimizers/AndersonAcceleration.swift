import RealModule

/// Anderson acceleration (type II) of the gradient step, with regularised least squares
/// and a safeguard: the classical way of reusing the last iterates.
///
/// The fixed-point map is the gradient step G(x) = x − γ∇f(x), with residual
/// r_k = G(x_k) − x_k = −γ g_k. With the last m_k = min(m, k) differences
/// ΔX = [x_{j+1} − x_j] and ΔR = [r_{j+1} − r_j], j = k − m_k … k − 1:
///
///     θ = argmin ‖r_k − ΔR θ‖² + λ‖ΔR‖²_F ‖θ‖²        (regularised least squares)
///     x_AA = x_k + r_k − (ΔX + ΔR) θ                   (type II, mixing β = 1)
///
/// This is type-II Anderson with one safeguard borrowed from Zhang, O'Donoghue and
/// Boyd, not their method: theirs is type-I Anderson (an approximate inverse Jacobian,
/// with Powell-type regularisation and restarts), which Descent does not have.
///
/// Safeguard (Zhang, O'Donoghue & Boyd 2020, their eq. (12) on the residual): x_AA is
/// accepted when its gradient is finite and ‖g(x_AA)‖ ≤ D ‖g(x₀)‖ (n + 1)^−(1+ε), n the
/// accepted Anderson steps so far; otherwise the step is the plain gradient step
/// x_k + r_k and the gradient at x_AA was spent for nothing. The memory is cleared
/// after a rejection, so the next step is built from fresh differences. The first
/// step (no differences yet) is the gradient step. One gradient a step, two after a
/// rejection.
///
/// Walker, H. F. and Ni, P. (2011). Anderson acceleration for fixed-point iterations.
/// SIAM J. Numer. Anal., 49(4), 1715–1735. Anderson, D. G. (1965). J. ACM 12(4).
/// Scieur, D., d'Aspremont, A. and Bach, F. (2016). Regularized nonlinear acceleration.
/// NeurIPS (the scaled Tikhonov term). Zhang, J., O'Donoghue, B. and Boyd, S. (2020).
/// Globally convergent type-I Anderson acceleration for nonsmooth fixed-point
/// iterations. SIAM J. Optimization, 30(4), 3170–3197 (the safeguard, D = 10⁶, ε = 10⁻⁶).
///
/// Hyperparameters:
/// - `learningRate` γ > 0: the gradient step. Default 0.001 (as `gd`).
/// - `memory` m ≥ 1: the differences kept. Default 5 (Walker & Ni's experiments use 5 to 50).
/// - `regularization` λ ≥ 0, relative to ‖ΔR‖²_F. Default 1e-10.
/// - `safeguardScale` D > 0. Default 1e6.
public struct AndersonAcceleration<Scalar: DescentFloat>: Optimizer {
  public internal(set) var learningRate: Scalar
  public internal(set) var memory: Int
  public internal(set) var regularization: Scalar
  public internal(set) var safeguardScale: Scalar

  @usableFromInline var started = false
  /// Differences stored so far (≤ m), and the ring slot the next one goes to.
  @usableFromInline var stored = 0
  @usableFromInline var nextSlot = 0
  /// Accepted Anderson steps n, rejected ones, and ‖g(x₀)‖.
  @usableFromInline var accepted = 0
  @usableFromInline var rejected = 0
  @usableFromInline var initialGradientNorm: Scalar = 0
  /// ΔX and ΔR, m columns of d each.
  @usableFromInline var weightDifferences: [Scalar] = []
  @usableFromInline var residualDifferences: [Scalar] = []
  /// ΔRᵀΔR, m × m, kept up to date one column at a time.
  @usableFromInline var gram: [Scalar] = []
  /// x_k and g_k, and the previous ones the next differences are taken from.
  @usableFromInline var gradient: [Scalar] = []
  @usableFromInline var previousWeights: [Scalar] = []
  @usableFromInline var previousGradient: [Scalar] = []
  @usableFromInline var candidate: [Scalar] = []
  @usableFromInline var candidateGradient: [Scalar] = []
  /// Scratch for the regularised normal equations and their solution θ; not state.
  @usableFromInline var system: [Scalar] = []
  @usableFromInline var theta: [Scalar] = []

  public init(
    learningRate: Scalar = 0.001, memory: Int = 5, regularization: Scalar = 1e-10, safeguardScale: Scalar = 1e6
  ) throws(DescentError) {
    (self.learningRate, self.memory, self.regularization, self.safeguardScale) =
      (learningRate, memory, regularization, safeguardScale)
    try checkSettings()
  }

  /// Anderson steps rejected by the safeguard so far.
  public var rejections: Int { rejected }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "memory", value: memory,
      what: "2m·d + 2m² + m + 5d numbers at d = \(d)")
    try DescentError.requireState(
      gradient, previousWeights, previousGradient, candidate, candidateGradient, dimension: d)
    if !weightDifferences.isEmpty && weightDifferences.count != MemoryRequirement.product(memory, d) {
      throw .dimensionMismatch(name: "optimizer state", expected: d, actual: weightDifferences.count / memory)
    }
  }

  /// ΔX and ΔR (2m·d), the Gram matrix and the solve's scratch (2m² + m), five vectors of d.
  public func stateSize(dimension d: Int) -> Int? {
    MemoryRequirement.sum(
      MemoryRequirement.sum(
        MemoryRequirement.product(2, memory).flatMap { MemoryRequirement.product($0, d) },
        MemoryRequirement.product(memory, memory).flatMap { MemoryRequirement.product(2, $0) }
          .flatMap { MemoryRequirement.sum($0, memory) }),
      MemoryRequirement.product(5, d))
  }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    let d = w.count
    if !started {
      guard oracle.reserve(gradients: 1) else { return }
      gradient = [Scalar](repeating: 0, count: d)
      (previousWeights, previousGradient, candidate, candidateGradient) = (gradient, gradient, gradient, gradient)
      weightDifferences = [Scalar](repeating: 0, count: memory * d)
      residualDifferences = weightDifferences
      gram = [Scalar](repeating: 0, count: memory * memory)
      oracle.gradient(at: w, into: &gradient)
      initialGradientNorm = Vector.norm(gradient)
      started = true
    }
    // The step from x_k: x_AA when there are differences and it passes the safeguard,
    // else x_k − γ g_k. `previousWeights`/`previousGradient` become x_k and g_k.
    Vector.copy(w, into: &previousWeights)
    Vector.copy(gradient, into: &previousGradient)
    if stored > 0 {
      guard oracle.reserve(gradients: 1) else { return }
      makeCandidate(from: w)
      let bound =
        safeguardScale * initialGradientNorm * Scalar.pow(Scalar(accepted + 1), -(1 + Scalar(1e-6)))
      if oracle.trialGradient(at: candidate, into: &candidateGradient),
        Vector.norm(candidateGradient) <= bound
      {
        accepted += 1
        swap(&w, &candidate)
        swap(&gradient, &candidateGradient)
        record(w, gradient)
        return
      }
      rejected += 1
      stored = 0
      nextSlot = 0
    }
    guard oracle.reserve(gradients: 1) else { return }
    Vector.subtractScaled(learningRate, gradient, from: &w)
    oracle.gradient(at: w, into: &gradient)
    record(w, gradient)
  }

  /// `candidate` ← x_k + r_k − (ΔX + ΔR)θ, θ from the regularised normal equations.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func makeCandidate(from w: [Scalar]) {
    let d = w.count
    let columns = stored
    // Scratch for the system, sized once (m² and m), so a step allocates nothing.
    if system.count != memory * memory { system = [Scalar](repeating: 0, count: memory * memory) }
    if theta.count != memory { theta = [Scalar](repeating: 0, count: memory) }
    // ΔRᵀ r_k, with r_k = −γ g_k.
    var trace: Scalar = 0
    for j in 0..<columns {
      var total: Scalar = 0
      let base = j * d
      for i in 0..<d { total += residualDifferences[base + i] * gradient[i] }
      theta[j] = -learningRate * total
      trace += gram[j * memory + j]
    }
    for a in 0..<columns {
      for b in 0..<columns { system[a * columns + b] = gram[a * memory + b] }
      system[a * columns + a] += regularization * trace
    }
    SmallLinearSystem.solve(&system, &theta, size: columns)
    for i in 0..<d { candidate[i] = w[i] - learningRate * gradient[i] }
    for j in 0..<columns where theta[j] != 0 {
      let base = j * d
      let t = theta[j]
      for i in 0..<d { candidate[i] -= t * (weightDifferences[base + i] + residualDifferences[base + i]) }
    }
  }

  /// Stores Δx = x_{k+1} − x_k and Δr = −γ(g_{k+1} − g_k), and its row of ΔRᵀΔR.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func record(_ w: [Scalar], _ g: [Scalar]) {
    let d = w.count
    let slot = nextSlot
    let base = slot * d
    for i in 0..<d {
      weightDifferences[base + i] = w[i] - previousWeights[i]
      residualDifferences[base + i] = -learningRate * (g[i] - previousGradient[i])
    }
    stored = min(stored + 1, memory)
    nextSlot = (slot + 1) % memory
    for j in 0..<stored {
      var total: Scalar = 0
      let other = j * d
      for i in 0..<d { total += residualDifferences[base + i] * residualDifferences[other + i] }
      gram[slot * memory + j] = total
      gram[j * memory + slot] = total
    }
  }
}

extension AndersonAcceleration: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "anderson", summary: "Anderson acceleration (type II) of the gradient step, safeguarded",
      citation: "Walker & Ni (2011); Zhang, O'Donoghue & Boyd (2020)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "γ", default: 0.001, .positive, "step-size of the gradient step"),
        .integer("memory", \.memory, symbol: "m", default: 5, .atLeast(1), "differences kept"),
        .real(
          "regularization", \.regularization, symbol: "λ", default: 1e-10, .nonNegative,
          "Tikhonov term, relative to ‖ΔR‖²"),
        .real(
          "safeguardScale", \.safeguardScale, symbol: "D", default: 1e6, .positive,
          "accept when ‖g‖ ≤ D‖g₀‖(n+1)^−(1+ε)"),
      ])
  }
}
