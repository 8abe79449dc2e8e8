import Descent

/// What a training run measures after each epoch (epoch 0: at the start), at the point
/// the method says to evaluate (``Optimizer/evaluationPoint(for:)``: the iterate, or an
/// averaged point).
public struct EpochRecord<Scalar: DescentFloat>: Sendable, Equatable {
  public var epoch: Int
  /// Counted so far, over all epochs.
  public var gradientEvaluations: Int
  public var valueEvaluations: Int
  /// The objective over every training row, penalty included.
  public var trainingLoss: Scalar
  /// The held-out mean cross-entropy and the share classified right.
  public var testLoss: Scalar
  public var testAccuracy: Scalar
  /// The method's step size after the epoch (``Optimizer/currentStepSize``); nil where
  /// it has none.
  public var stepSize: Scalar?

  public init(
    epoch: Int, gradientEvaluations: Int, valueEvaluations: Int, trainingLoss: Scalar, testLoss: Scalar,
    testAccuracy: Scalar, stepSize: Scalar? = nil
  ) {
    (self.epoch, self.gradientEvaluations, self.valueEvaluations) = (epoch, gradientEvaluations, valueEvaluations)
    (self.trainingLoss, self.testLoss, self.testAccuracy) = (trainingLoss, testLoss, testAccuracy)
    self.stepSize = stepSize
  }

}

/// A training run's outcome: every epoch's record, the final iterate and the point the
/// records were measured at, and why the run ended.
public struct TrainingResult<Scalar: DescentFloat>: Sendable {
  public var records: [EpochRecord<Scalar>]
  public var minimizer: [Scalar]
  public var evaluationPoint: [Scalar]
  /// `.maxGradientEvaluations` when every epoch ran; a failure (a non-finite number in
  /// the run, or a training or test loss that overflowed where it is measured) or the
  /// method's own test otherwise, or `.maxValueEvaluations` when the value budget ran
  /// out first.
  public var termination: Termination
  public var gradientEvaluations: Int { records.last?.gradientEvaluations ?? 0 }
  public var valueEvaluations: Int { records.last?.valueEvaluations ?? 0 }
}

extension TrainingProblem {
  /// Trains from `start` for `epochs` epochs of ``gradientsPerEpoch`` gradients each,
  /// measuring after each: the run is ``minimize(_:from:using:until:trace:callback:progress:)``
  /// resumed epoch by epoch with the same optimizer, so its state (and the batches) run
  /// on as in one call. `each` sees every record as it is made (epoch 0 first) and may
  /// end the run by returning false. A run ends early on a non-finite number, on the
  /// method's own test, or when `maxGradientEvaluations` or `maxValueEvaluations` (over
  /// the whole run) is spent; its last epoch is then cut short, and measured.
  public func train<Method: Optimizer>(
    from start: [Scalar], using optimizer: inout Method, epochs: Int, maxGradientEvaluations: Int? = nil,
    maxValueEvaluations: Int? = nil, each: (EpochRecord<Scalar>) throws -> Bool = { _ in true }
  ) throws -> TrainingResult<Scalar> where Method.Scalar == Scalar {
    try DescentError.require(epochs >= 1, "epochs", epochs, "an integer ≥ 1")
    try DescentError.require(
      maxGradientEvaluations.map { $0 >= 0 } ?? true, "max-evaluations", maxGradientEvaluations ?? 0,
      "an integer ≥ 0")
    try DescentError.require(
      maxValueEvaluations.map { $0 >= 0 } ?? true, "max-value-evaluations", maxValueEvaluations ?? 0,
      "an integer ≥ 0")
    try DescentError.requireFiniteVector(start, named: "start", dimension: dimension)
    // A record an epoch is kept: six numbers each, checked before the first is made.
    try DescentError.requireMemory(
      MemoryRequirement.sum(epochs, 1).flatMap { MemoryRequirement.product($0, 6) }, of: Double.self,
      name: "epochs", value: epochs, what: "a record of 6 numbers for each of \(epochs) epochs")
    /// `known`: the training loss at `point` when the run already measured it.
    func record(_ epoch: Int, _ point: [Scalar], gradients: Int, values: Int, known: Scalar? = nil) throws
      -> EpochRecord<Scalar>
    {
      let test = try test(at: point)
      return EpochRecord(
        epoch: epoch, gradientEvaluations: gradients, valueEvaluations: values,
        trainingLoss: known ?? trainingLoss(at: point), testLoss: test.loss, testAccuracy: test.accuracy,
        stepSize: optimizer.currentStepSize)
    }
    var records = [try record(0, start, gradients: 0, values: 0)]
    var (w, point, gradients, values) = (start, start, 0, 0)
    var termination = Termination.maxGradientEvaluations
    guard try each(records[0]) else {
      return TrainingResult(records: records, minimizer: w, evaluationPoint: point, termination: .stoppedByCallback)
    }
    for epoch in 1...epochs {
      let valuesLeft = maxValueEvaluations.map { $0 - values }
      let gradientsLeft = maxGradientEvaluations.map { $0 - gradients } ?? gradientsPerEpoch
      if let valuesLeft, valuesLeft <= 0 {
        termination = .maxValueEvaluations
        break
      }
      if gradientsLeft <= 0 { break }
      let result = try minimize(
        self, from: w, using: &optimizer,
        until: StoppingRules(
          maxIterations: nil, maxGradientEvaluations: min(gradientsPerEpoch, gradientsLeft),
          maxValueEvaluations: valuesLeft))
      (w, point) = (result.minimizer, result.evaluationPoint)
      (gradients, values) = (gradients + result.gradientEvaluations, values + result.valueEvaluations)
      // `minimize` measured the full loss at its iterate: the same number where the
      // method evaluates there, which saves a pass over the rows an epoch.
      let known = point == w ? result.value : nil
      records.append(try record(epoch, point, gradients: gradients, values: values, known: known))
      let proceed = try each(records[epoch])
      if result.termination != .maxGradientEvaluations {
        termination = result.termination
        break
      }
      // A loss that overflowed where the method evaluates (a huge step that left the
      // gradients finite) ends the run as a failure, as a non-finite value in it would.
      if !records[epoch].trainingLoss.isFinite || !records[epoch].testLoss.isFinite {
        termination = .nonFiniteValue
        break
      }
      if !proceed {
        termination = .stoppedByCallback
        break
      }
    }
    return TrainingResult(records: records, minimizer: w, evaluationPoint: point, termination: termination)
  }
}
