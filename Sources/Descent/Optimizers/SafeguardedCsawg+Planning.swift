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
      if learningRate == nil && !state.onMinibatches {
        Vector.copy(w, into: &state.lastPoint)
        Vector.copy(state.gradient, into: &state.lastGradient)
      }
      state.hasLastPoint = true
    }
    if learningRate != nil {
      // With a γ the test's cuts are undone by the growth on minibatches, up to γ.
      if state.onMinibatches && move == .step {
        state.stepSize = minibatch.grown(state.stepSize, cut: state.rejectedSteps > 0, learningRate: learningRate)
      }
      return
    }
    guard state.hasLastPoint else {
      // The first step has length 1e-5: the pair it makes sizes the next.
      let norm = Vector.norm(state.gradient)
      state.stepSize = norm > 0 ? 1e-5 / norm : 1e-5
      return
    }
    if state.onMinibatches {
      // Pairs from two batches measure the batches' difference more than curvature:
      // each accepted step lets the next grow instead, and the test cuts it back.
      // Until the first cut the step doubles: the scale is found in a few dozen steps
      // from the first step's 10⁻⁵, whatever the units of w.
      if move == .step {
        state.stepSize = minibatch.grown(state.stepSize, cut: state.rejectedSteps > 0, learningRate: nil)
      }
      return
    }
    let pair = PairStepRule.products(w, state.gradient, from: state.lastPoint, state.lastGradient)
    guard let next = stepRule.nextSize(pair, current: state.stepSize, previous: state.previousStepSize) else { return }
    state.previousStepSize = state.stepSize
    state.stepSize = next
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
          state.gradientIsCurrent = outcome == .rejected
          return
        }
      }
      guard jump(&w) else { return }
      for _ in 0..<corrections {
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .evaluated else {
          state.gradientIsCurrent = outcome == .rejected
          return
        }
        Vector.copy(w, into: &state.stepStart)
        Vector.subtractScaled(state.stepSize, state.gradient, from: &w)
        state.pending = .step
      }
    }
  }

  /// α (diagonal or scalar) or the secant system, and the sums cleared.
  @usableFromInline
  mutating func fitWindow() {
    switch fit {
    case .diagonal: window.fitDiagonal(into: &state.alpha)
    case .scalar: window.fitScalar(into: &state.alpha)
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
    let rho = state.trust
    switch fit {
    case .diagonal, .scalar:
      Vector.copy(w, into: &state.moveStart)
      var slope: Scalar = 0
      for i in 0..<d { slope += state.alpha[i] * state.gradient[i] * state.gradient[i] }
      guard slope > 0 else { return false }
      for i in 0..<d { w[i] -= rho * state.alpha[i] * state.gradient[i] }
    case .secant:
      // moveStart holds the step until w moves, then where w was.
      guard secant.direction(for: state.gradient, in: window, into: &state.moveStart) > 0 else {
        Vector.copy(w, into: &state.moveStart)
        return false
      }
      for i in 0..<d {
        let step = state.moveStart[i]
        state.moveStart[i] = w[i]
        w[i] -= rho * step
      }
    }
    state.jumpFollowsStep = state.pending == .step
    state.pending = .jump
    return true
  }
}
