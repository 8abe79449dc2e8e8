/// The safeguarded planner's evaluations: each move's landing point tested (the
/// non-monotone test, or Armijo's on minibatches) and kept or undone, and the average
/// it is used at on minibatches.
extension SafeguardedCsawg {
  @usableFromInline
  enum Evaluation { case evaluated, rejected, outOfBudget }

  /// ∇f(w) and f(w) into `gradient` and the test's values. The evaluation after a move
  /// tests it: f alone first, and ∇f only where the move is accepted. A rejected move
  /// puts w back where it started, whose gradient `gradient` still holds (a rejected jump
  /// shrinks ρ; a rejected gradient step halves the step-size and restarts planning,
  /// whose pairs were made with the old one).
  @inlinable
  mutating func evaluate<Problem: Objective>(_ w: inout [Scalar], oracle: inout CountingOracle<Problem>)
    -> Evaluation where Problem.Scalar == Scalar
  {
    // On a stochastic objective values compare on one batch: each accepted point's
    // value is taken with its gradient, on the batch the next trial will read.
    let sameBatch = state.onMinibatches
    guard oracle.reserve(gradients: 1, values: sameBatch ? 2 : 1) else { return .outOfBudget }
    let move = state.pending
    state.pending = .none
    guard move != .none else {
      state.startValue = oracle.valueAndGradient(at: w, into: &state.gradient)
      state.acceptance.remember(state.startValue)
      measure(w, after: move)
      accumulateAverage(w)
      return .evaluated
    }
    var gradientLost = false
    if let value = oracle.trialValue(at: w), passes(value, at: w, after: move, sameBatch: sameBatch) {
      let fresh: Scalar? =
        sameBatch
        ? oracle.trialValueAndGradient(at: w, into: &state.gradient)
        : (oracle.trialGradient(at: w, into: &state.gradient) ? value : nil)
      if let fresh {
        if move == .jump {
          state.acceptedJumps += 1
          state.trust = min(1, 2 * state.trust)
        }
        state.startValue = fresh
        state.acceptance.remember(fresh)
        measure(w, after: move)
        accumulateAverage(w)
        return .evaluated
      }
      gradientLost = true
    }
    if move == .jump {
      state.rejectedJumps += 1
      state.trust *= backoff
      swap(&w, &state.moveStart)
      if state.jumpFollowsStep {
        // The jump started where an untested step landed: test that point in its turn.
        state.pending = .step
        let outcome = evaluate(&w, oracle: &oracle)
        guard outcome == .rejected, gradientLost else { return outcome == .outOfBudget ? .outOfBudget : .rejected }
        return reevaluate(w, oracle: &oracle)
      }
    } else {
      state.rejectedSteps += 1
      if sameBatch {
        // One batch's verdict: a milder cut, and the window kept (on minibatches a
        // fifth of the steps are cut, and a restart would stop planning for good).
        state.stepSize = minibatch.cut(state.stepSize)
      } else {
        state.stepSize /= 2
        window.restart()
      }
      swap(&w, &state.stepStart)
    }
    return gradientLost ? reevaluate(w, oracle: &oracle) : .rejected
  }

  /// Whether a landing point's value passes: the non-monotone test, or on minibatches
  /// Armijo's f_B(w) ≤ f_B(start) − c ∇f_B(start)ᵀ(start − w) on the start's batch B.
  @inlinable
  func passes(_ value: Scalar, at w: [Scalar], after move: Move, sameBatch: Bool) -> Bool {
    guard sameBatch else { return state.acceptance.accepts(value) }
    let start = move == .step || state.jumpFollowsStep ? state.stepStart : state.moveStart
    return minibatch.accepts(value, at: w, start: start, startValue: state.startValue, gradient: state.gradient)
  }

  /// On minibatches, `w` into the average (``MinibatchRegime``).
  @inlinable
  mutating func accumulateAverage(_ w: [Scalar]) {
    if state.onMinibatches { minibatch.accumulate(w) }
  }

  /// Where to evaluate the trained model: on minibatches the average x̄ of the points
  /// whose gradients the run took (each iterate carries its batches' noise; the
  /// average cancels it), else w.
  public func evaluationPoint(for w: [Scalar]) -> [Scalar] {
    state.onMinibatches && minibatch.averagedPoints > 0 && minibatch.average.count == w.count ? minibatch.average : w
  }

  /// ∇f again where a rejected move started, after a landing point whose value passed
  /// but whose gradient was not finite overwrote it (on minibatches with f, as the
  /// gradient comes from a new batch that the next test must read).
  @inlinable
  mutating func reevaluate<Problem: Objective>(_ w: [Scalar], oracle: inout CountingOracle<Problem>)
    -> Evaluation where Problem.Scalar == Scalar
  {
    guard oracle.reserve(gradients: 1, values: state.onMinibatches ? 1 : 0) else { return .outOfBudget }
    if state.onMinibatches {
      state.startValue = oracle.valueAndGradient(at: w, into: &state.gradient)
    } else {
      oracle.gradient(at: w, into: &state.gradient)
    }
    return .rejected
  }
}
