/// The only door from an optimizer to its objective: it evaluates and counts.
///
/// Every value and every gradient an optimizer asks for is counted here, so the
/// evaluation counts in results and traces are the method's true cost. The oracle
/// also notes the first non-finite value or gradient it hands out, which lets the
/// driver stop the run and return the last finite iterate.
///
/// The oracle also holds the run's evaluation budget. A step that needs several
/// evaluations (Csawg's planning, a line search, Nelder–Mead's simplex) asks
/// ``reserve(gradients:values:)`` before each; when the budget cannot pay, the step
/// ends early and the driver ends the run, so a run never spends more than its budget.
public struct CountingOracle<Problem: Objective>: Sendable {
  public typealias Scalar = Problem.Scalar

  public let objective: Problem

  @usableFromInline var _valueEvaluations = 0
  @usableFromInline var _gradientEvaluations = 0
  @usableFromInline var _nonFinite: NonFiniteEvaluation?
  @usableFromInline var _spentBudget: Termination?

  /// The most gradient evaluations the run may spend; nil for no limit.
  public let maxGradientEvaluations: Int?
  /// The most value evaluations the run may spend; nil for no limit.
  public let maxValueEvaluations: Int?

  public init(_ objective: Problem, maxGradientEvaluations: Int? = nil, maxValueEvaluations: Int? = nil) {
    self.objective = objective
    self.maxGradientEvaluations = maxGradientEvaluations
    self.maxValueEvaluations = maxValueEvaluations
  }

  /// Whether `gradients` more gradient and `values` more value evaluations fit in
  /// the budget. When they do not, the budget is marked spent (``spentBudget``)
  /// and the step asking should end without evaluating.
  @inlinable
  public mutating func reserve(gradients: Int = 0, values: Int = 0) -> Bool {
    if !Self.fits(gradients, used: _gradientEvaluations, limit: maxGradientEvaluations) {
      _spentBudget = _spentBudget ?? .maxGradientEvaluations
      return false
    }
    if !Self.fits(values, used: _valueEvaluations, limit: maxValueEvaluations) {
      _spentBudget = _spentBudget ?? .maxValueEvaluations
      return false
    }
    return true
  }

  @inlinable
  static func fits(_ more: Int, used: Int, limit: Int?) -> Bool {
    guard let limit else { return true }
    return used <= limit && more <= limit - used
  }

  /// Which budget a step found too small for its next evaluation, if any.
  public var spentBudget: Termination? { _spentBudget }

  /// Values of `f` evaluated so far.
  public var valueEvaluations: Int { _valueEvaluations }

  /// Gradients of `f` evaluated so far, plus any reused gradient an optimizer
  /// charged with ``chargeReusedGradient()``.
  public var gradientEvaluations: Int { _gradientEvaluations }

  /// The first non-finite evaluation handed out, if any.
  public var nonFinite: NonFiniteEvaluation? { _nonFinite }

  public var dimension: Int { objective.dimension }

  /// Whether the objective draws a new minibatch for each gradient (``Objective/isStochastic``).
  public var isStochastic: Bool { objective.isStochastic }
  /// The objective's blocks (``Objective/parameterBlocks``).
  public var parameterBlocks: [ParameterBlock] { objective.parameterBlocks }

  /// `f(w)`, counted.
  @inlinable
  public mutating func value(at w: [Scalar]) -> Scalar {
    _valueEvaluations += 1
    let f = objective.value(at: w)
    if !f.isFinite { noteNonFinite(.value) }
    return f
  }

  /// Writes `∇f(w)` into `gradient`, counted.
  @inlinable
  public mutating func gradient(at w: [Scalar], into gradient: inout [Scalar]) {
    _gradientEvaluations += 1
    objective.gradient(at: w, into: &gradient)
    if !Vector.isFinite(gradient) { noteNonFinite(.gradient) }
  }

  /// The step's first gradient: one evaluation reserved and, when the budget has it,
  /// `∇f(w)` written into `gradient` (sized to w on the first step), counted. False,
  /// with nothing evaluated, when the budget is spent.
  @inlinable
  public mutating func reservedGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Bool {
    guard reserve(gradients: 1) else { return false }
    if gradient.count != w.count { gradient = [Scalar](repeating: 0, count: w.count) }
    self.gradient(at: w, into: &gradient)
    return true
  }

  /// f(w) and ∇f(w), in a new vector, when the budget holds one more of each (counted):
  /// a method's first evaluation. Nil when it does not.
  @inlinable
  public mutating func firstEvaluation(at w: [Scalar]) -> (value: Scalar, gradient: [Scalar])? {
    guard reserve(gradients: 1, values: 1) else { return nil }
    var gradient = [Scalar](repeating: 0, count: w.count)
    let value = valueAndGradient(at: w, into: &gradient)
    return (value, gradient)
  }

  /// `f(w)`, writing `∇f(w)` into `gradient`; counts one of each.
  @inlinable
  public mutating func valueAndGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Scalar {
    let f = countedValueAndGradient(at: w, into: &gradient)
    if !f.isFinite { noteNonFinite(.value) }
    if !Vector.isFinite(gradient) { noteNonFinite(.gradient) }
    return f
  }

  /// `f(w)`, writing `∇f(w)` into `gradient`, at a trial point the method tests and
  /// rejects when it is not finite (a line search, a safeguarded jump): counted as
  /// ``valueAndGradient(at:into:)``, but a non-finite value or gradient returns nil
  /// and is the method's to handle, so it does not end the run.
  @inlinable
  public mutating func trialValueAndGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Scalar? {
    let f = countedValueAndGradient(at: w, into: &gradient)
    return f.isFinite && Vector.isFinite(gradient) ? f : nil
  }

  /// `f(w)` at a trial point, counted; nil when it is not finite, which the method
  /// rejects (a line search that needs f alone there, as Raydan's GBB does).
  @inlinable
  public mutating func trialValue(at w: [Scalar]) -> Scalar? {
    _valueEvaluations += 1
    let f = objective.value(at: w)
    return f.isFinite ? f : nil
  }

  /// One joint evaluation, counted as a value and a gradient; what is done with a
  /// non-finite result is the caller's.
  @inlinable
  mutating func countedValueAndGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Scalar {
    _valueEvaluations += 1
    _gradientEvaluations += 1
    precondition(w.count == dimension && gradient.count == dimension, "dimension mismatch")
    return w.withUnsafeBufferPointer { point in
      gradient.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: point, into: $0) }
    }
  }

  /// Writes `∇f(w)` into `gradient` at a trial point the method rejects when it is
  /// not finite: counted as ``gradient(at:into:)``; returns whether it is finite, and a
  /// non-finite one does not end the run.
  @inlinable
  public mutating func trialGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Bool {
    _gradientEvaluations += 1
    objective.gradient(at: w, into: &gradient)
    return Vector.isFinite(gradient)
  }

  /// Counts a gradient that a method reuses but that its paper counts as a fresh
  /// evaluation: Csawg's Algorithm 1 projects with the gradient of the iteration
  /// and the paper counts that projection as one gradient evaluation (footnote 4).
  @inlinable
  public mutating func chargeReusedGradient() {
    _gradientEvaluations += 1
  }

  @usableFromInline
  mutating func noteNonFinite(_ kind: NonFiniteEvaluation) {
    if _nonFinite == nil { _nonFinite = kind }
  }
}

/// Which evaluation came back NaN or infinite.
public enum NonFiniteEvaluation: String, Sendable, Codable {
  case value
  case gradient
}
