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

  /// The size of the next gradient step, where the method has one: a learning rate on
  /// its schedule, or the step it has adapted (a training trace's `step_size`).
  /// Default: the one step-size of ``stepSizes``, or their mean.
  var currentStepSize: Scalar? { get }

  /// Checks, before a run, that the method can run on `objective`: Polyak's
  /// step-size needs a known minimum, for instance.
  func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar

  /// Numbers of state the method keeps on `dimension` parameters, or nil when that
  /// overflows `Int`. The driver checks it, with its own vectors, against the
  /// machine's memory before a run allocates anything. Default: 5 vectors of d.
  func stateSize(dimension: Int) -> Int?

  /// Set when the method's own test ends the run: Nelder–Mead's simplex has
  /// shrunk below its tolerances, or a line search found no acceptable step.
  var methodTermination: Termination? { get }

  /// Which of its own tests ended the run, with its value, when one did.
  var methodTerminationReason: String? { get }

  /// Called by `minimize` before the first step with the run's stopping rules, so a
  /// method with stopping tests of its own can leave the user's tolerances to decide.
  mutating func prepare(for rules: StoppingRules<Scalar>)

  /// Where to evaluate what a run has trained, given its iterate `w`: `w` itself, or
  /// the averaged point of a method that keeps one (schedule-free's x, the safeguarded
  /// planner's average on minibatches). Default: `w`.
  func evaluationPoint(for w: [Scalar]) -> [Scalar]
}

extension Optimizer {
  public var stepSizes: [Scalar]? { nil }

  public var currentStepSize: Scalar? {
    guard let sizes = stepSizes, !sizes.isEmpty else { return nil }
    return sizes.count == 1 ? sizes[0] : sizes.reduce(0, +) / Scalar(sizes.count)
  }

  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {}

  public var methodTermination: Termination? { nil }

  public var methodTerminationReason: String? { nil }

  public mutating func prepare(for rules: StoppingRules<Scalar>) {}

  public func evaluationPoint(for w: [Scalar]) -> [Scalar] { w }

  public func stateSize(dimension: Int) -> Int? { MemoryRequirement.product(5, dimension) }
}
