/// The safeguarded planner's step sizing and its planning: the pair rule that sizes
/// gradient steps, then the fit of the window and the jumps it plans.
extension SafeguardedCsawg {
  /// Sizes the steps from the pair (s, y) between the last accepted point and `w`, when
  /// no γ is set, and keeps `w` and its gradient for the next pair.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func measure(_ w: [Scalar], after move: Move) {
    defer {
      // Only BB's pair reads the last point and gradient: with a γ or on minibatches
      // the two copies of d would be work for nothing.
      if learningRate == nil && !onMinibatches {
        Vector.copy(w, into: &lastPoint)
        Vector.copy(gradient, into: &lastGradient)
      }
      hasLastPoint = true
    }
    if learningRate != nil {
      // With a γ the test's cuts are undone by the growth on minibatches, up to γ.
      if onMinibatches && move == .step {
        stepSize = minibatch.grown(stepSize, cut: rejectedSteps > 0, learningRate: learningRate)
      }
      return
    }
    guard hasLastPoint else {
      // The first step has length 1e-5: the pair it makes sizes the next.
      let norm = Vector.norm(gradient)
      stepSize = norm > 0 ? 1e-5 / norm : 1e-5
      return
    }
    if onMinibatches {
      // Pairs from two batches measure the batches' difference more than curvature:
      // each accepted step lets the next grow instead, and the test cuts it back.
      // Until the first cut the step doubles: the scale is found in a few dozen steps
      // from the first step's 10⁻⁵, whatever the units of w.
      if move == .step { stepSize = minibatch.grown(stepSize, cut: rejectedSteps > 0, learningRate: nil) }
      return
    }
    let pair = PairStepRule.products(w, gradient, from: lastPoint, lastGradient)
    guard let next = stepRule.nextSize(pair, current: stepSize, previous: previousStepSize) else { return }
    previousStepSize = stepSize
    stepSize = next
  }

  /// Fits, then up to P tested projections, each followed by M corrections.
  @inlinable
  mutating func plan<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    fitWindow()
    for p in 0..<planningSteps {
      if p == 0 && projectionGradient == .reused {
        // The projection reuses g_k, charged as one evaluation, as Csawg charges it.
        guard oracle.reserve(gradients: 1) else { return }
        oracle.chargeReusedGradient()
      } else {
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .evaluated else {
          gradientIsCurrent = outcome == .rejected
          return
        }
      }
      guard jump(&w) else { return }
      for _ in 0..<corrections {
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .evaluated else {
          gradientIsCurrent = outcome == .rejected
          return
        }
        Vector.copy(w, into: &stepStart)
        Vector.subtractScaled(stepSize, gradient, from: &w)
        pending = .step
      }
    }
  }

  /// α (diagonal or scalar) or the secant system, and the sums cleared.
  @usableFromInline
  mutating func fitWindow() {
    switch fit {
    case .diagonal: window.fitDiagonal(into: &alpha)
    case .scalar: window.fitScalar(into: &alpha)
    case .secant:
      secant.fit(window, regularization: regularization)
      window.clearSums()
    }
  }

  /// w ← w − ρ α ⊙ g (or w − ρ A g), remembering where it started; false when the
  /// jump is not downhill to first order and was skipped.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func jump(_ w: inout [Scalar]) -> Bool {
    let d = w.count
    let rho = trust
    switch fit {
    case .diagonal, .scalar:
      Vector.copy(w, into: &moveStart)
      var slope: Scalar = 0
      for i in 0..<d { slope += alpha[i] * gradient[i] * gradient[i] }
      guard slope > 0 else { return false }
      for i in 0..<d { w[i] -= rho * alpha[i] * gradient[i] }
    case .secant:
      // moveStart holds the step until w moves, then where w was.
      guard secant.direction(for: gradient, in: window, into: &moveStart) > 0 else {
        Vector.copy(w, into: &moveStart)
        return false
      }
      for i in 0..<d {
        let step = moveStart[i]
        moveStart[i] = w[i]
        w[i] -= rho * step
      }
    }
    jumpFollowsStep = pending == .step
    pending = .jump
    return true
  }
}
