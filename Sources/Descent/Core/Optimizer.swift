/// A first-order method: one call to ``step(_:oracle:)`` is one outer iteration.
///
/// An optimizer is a value: its hyperparameters and its whole state are stored
/// properties, and the state is `Codable`, so a run can be checkpointed and resumed
/// bit for bit. A step may evaluate the oracle several times (Csawg's planning, a
/// line search); the oracle counts each evaluation.
public protocol Optimizer<Scalar>: Codable, Sendable {
  associatedtype Scalar: DescentFloat

  /// Advances `w` by one outer iteration.
  ///
  /// The first step on a new dimension allocates the state; later steps do not
  /// allocate.
  mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar

  /// The current per-component step-sizes, for methods that learn them (Csawg's α);
  /// `nil` for methods that have none or before the first are learned.
  var stepSizes: [Scalar]? { get }
}

extension Optimizer {
  public var stepSizes: [Scalar]? { nil }
}
