/// A differentiable function to minimise, `f: ℝᵈ → ℝ`.
///
/// Points and gradients are passed as buffers the caller owns, so an evaluation
/// never allocates. Optimizers do not call an objective directly: they go through a
/// ``CountingOracle``, which counts every evaluation.
public protocol Objective<Scalar>: Sendable {
  associatedtype Scalar: DescentFloat

  /// The number of parameters, `d`.
  var dimension: Int { get }

  /// `f(w)`.
  func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar

  /// Writes `∇f(w)` into `gradient`, which has `dimension` entries.
  func gradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>)

  /// `f(w)`, writing `∇f(w)` into `gradient`. Implement it when the two share work.
  func valueAndGradient(
    at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar

  /// The minimiser `w*`, where it is known.
  var minimizer: [Scalar]? { get }

  /// The minimum `f* = f(w*)`, where it is known.
  var minimum: Scalar? { get }

  /// Whether each gradient is drawn on a new minibatch, and a value alone is taken on
  /// the batch of the last gradient: two values are then comparable only on one batch,
  /// which a method that tests its moves must respect. False by default.
  var isStochastic: Bool { get }

  /// For a minibatch objective, the full objective it samples (every row, no batch
  /// drawn): what a watcher evaluates, so that watching a run neither moves its batches
  /// nor reports one batch's loss. Nil by default (the objective is its own).
  var fullObjective: (any Objective<Scalar>)? { get }

  /// θ as named blocks with shapes, laid end to end over `0..<dimension` in order, so
  /// that a method can give matrices one rule and vectors another. Default: one block,
  /// the vector itself.
  var parameterBlocks: [ParameterBlock] { get }
}

extension Objective {
  @inlinable
  public func valueAndGradient(
    at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    self.gradient(at: w, into: gradient)
    return value(at: w)
  }

  public var minimizer: [Scalar]? { nil }
  public var minimum: Scalar? { nil }
  public var isStochastic: Bool { false }
  public var fullObjective: (any Objective<Scalar>)? { nil }
  public var parameterBlocks: [ParameterBlock] { ParameterBlock.vector(dimension) }

  /// `f(w)` for an array.
  @inlinable
  public func value(at w: [Scalar]) -> Scalar {
    w.withUnsafeBufferPointer { value(at: $0) }
  }

  /// Writes `∇f(w)` into an array of `dimension` entries.
  @inlinable
  public func gradient(at w: [Scalar], into gradient: inout [Scalar]) {
    precondition(w.count == dimension && gradient.count == dimension, "dimension mismatch")
    w.withUnsafeBufferPointer { point in
      gradient.withUnsafeMutableBufferPointer { self.gradient(at: point, into: $0) }
    }
  }
}
