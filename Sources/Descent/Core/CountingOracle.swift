/// The only door from an optimizer to its objective: it evaluates and counts.
///
/// Every value and every gradient an optimizer asks for is counted here, so the
/// evaluation counts in results and traces are the method's true cost. The oracle
/// also notes the first non-finite value or gradient it hands out, which lets the
/// driver stop the run and return the last finite iterate.
public struct CountingOracle<Problem: Objective>: Sendable {
  public typealias Scalar = Problem.Scalar

  public let objective: Problem

  @usableFromInline var _valueEvaluations = 0
  @usableFromInline var _gradientEvaluations = 0
  @usableFromInline var _nonFinite: NonFiniteEvaluation?

  /// When set, every point the oracle evaluates at is kept in ``recordedPoints``
  /// (for figures of what a method looked at; off by default, as it allocates).
  public var recordsPoints = false
  /// The points evaluated while ``recordsPoints`` was set, in order.
  public var recordedPoints: [[Scalar]] = []

  public init(_ objective: Problem) {
    self.objective = objective
  }

  /// Values of `f` evaluated so far.
  public var valueEvaluations: Int { _valueEvaluations }

  /// Gradients of `f` evaluated so far, plus any reused gradient an optimizer
  /// charged with ``chargeReusedGradient()``.
  public var gradientEvaluations: Int { _gradientEvaluations }

  /// The first non-finite evaluation handed out, if any.
  public var nonFinite: NonFiniteEvaluation? { _nonFinite }

  public var dimension: Int { objective.dimension }

  /// `f(w)`, counted.
  @inlinable
  public mutating func value(at w: [Scalar]) -> Scalar {
    _valueEvaluations += 1
    if recordsPoints { recordedPoints.append(w) }
    let f = objective.value(at: w)
    if !f.isFinite { noteNonFinite(.value) }
    return f
  }

  /// Writes `∇f(w)` into `gradient`, counted.
  @inlinable
  public mutating func gradient(at w: [Scalar], into gradient: inout [Scalar]) {
    _gradientEvaluations += 1
    if recordsPoints { recordedPoints.append(w) }
    objective.gradient(at: w, into: &gradient)
    if !Vector.isFinite(gradient) { noteNonFinite(.gradient) }
  }

  /// `f(w)`, writing `∇f(w)` into `gradient`; counts one of each.
  @inlinable
  public mutating func valueAndGradient(at w: [Scalar], into gradient: inout [Scalar]) -> Scalar {
    _valueEvaluations += 1
    _gradientEvaluations += 1
    if recordsPoints { recordedPoints.append(w) }
    precondition(w.count == dimension && gradient.count == dimension, "dimension mismatch")
    let f = w.withUnsafeBufferPointer { point in
      gradient.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: point, into: $0) }
    }
    if !f.isFinite { noteNonFinite(.value) }
    if !Vector.isFinite(gradient) { noteNonFinite(.gradient) }
    return f
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
