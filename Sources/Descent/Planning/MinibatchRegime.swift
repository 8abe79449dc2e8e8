/// The safeguarded planner on minibatches (an objective whose
/// ``Objective/isStochastic``: each gradient on a new batch B, a value alone on the last
/// gradient's batch), where values compare only on one batch and pairs from two batches
/// measure the batches' difference more than the curvature (docs/planning.md, round 6):
///
///     test     f_B(w⁺) ≤ f_B(w) − c ∇f_B(w)ᵀ(w − w⁺) on the batch B of the start's
///              gradient (Armijo's test as Vaswani et al.'s stochastic line search makes it)
///     steps    λ ← 2λ after each accepted gradient step until the first is rejected, then
///              λ ← rλ; λ ← β_s λ after a rejected one; with a γ, λ ≤ γ (and no doubling)
///     point    x̄ ← (1 − c_t) x̄ + c_t w at each accepted point, c_t = (η + 1)/(t + η)
///              (Shamir and Zhang's polynomial-decay average): the point to evaluate the
///              trained model at
///
/// Vaswani, S. et al. (2019). Painless stochastic gradient: interpolation, line-search,
/// and convergence rates. NeurIPS (c = 0.1); Shamir, O. and Zhang, T. (2013). Stochastic
/// gradient descent for non-smooth optimization. ICML (η = 3).
@usableFromInline
struct MinibatchRegime<Scalar: DescentFloat>: Sendable {
  /// c, r, β_s and η: all ratios, so that f and c·f give the same run.
  @usableFromInline var sufficientDecrease: Scalar
  @usableFromInline var growth: Scalar
  @usableFromInline var shrink: Scalar
  @usableFromInline var averaging: Scalar
  /// x̄, and the points averaged into it.
  @usableFromInline var average: [Scalar] = []
  @usableFromInline var averagedPoints = 0

  @usableFromInline
  init(sufficientDecrease: Scalar, growth: Scalar, shrink: Scalar, averaging: Scalar) {
    (self.sufficientDecrease, self.growth, self.shrink, self.averaging) =
      (sufficientDecrease, growth, shrink, averaging)
  }

  /// Armijo's test on the start's batch: `value` at `w`, against the start's value and
  /// gradient.
  @inlinable
  func accepts(_ value: Scalar, at w: [Scalar], start: [Scalar], startValue: Scalar, gradient: [Scalar]) -> Bool {
    var slope: Scalar = 0
    for i in 0..<w.count { slope += gradient[i] * (start[i] - w[i]) }
    return value <= startValue - sufficientDecrease * slope
  }

  /// The step after an accepted gradient step: doubled until the first cut, then grown
  /// by r; with a γ, grown by r up to γ (the cuts undone).
  @inlinable
  func grown(_ stepSize: Scalar, cut: Bool, learningRate: Scalar?) -> Scalar {
    if let learningRate { return min(learningRate, stepSize * growth) }
    return stepSize * (cut ? growth : 2)
  }

  /// One batch's verdict: a milder cut than halving.
  @inlinable
  func cut(_ stepSize: Scalar) -> Scalar { stepSize * shrink }

  /// x̄ ← (1 − c) x̄ + c w, c = (η + 1)/(t + η) at the t-th point (weights growing as
  /// t^η, so the early points fade without a budget to place a tail).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func accumulate(_ w: [Scalar]) {
    averagedPoints += 1
    let c = (averaging + 1) / (Scalar(averagedPoints) + averaging)
    for i in 0..<w.count { average[i] += c * (w[i] - average[i]) }
  }
}
