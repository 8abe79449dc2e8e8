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
