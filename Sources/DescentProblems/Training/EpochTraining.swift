import Descent

/// What a training run measures after each epoch (epoch 0: at the start), at the point
/// the method says to evaluate (``Optimizer/evaluationPoint(for:)``: the iterate, or an
/// averaged point).
public struct EpochRecord<Scalar: DescentFloat>: Codable, Sendable, Equatable {
  public var epoch: Int
  /// Counted so far, over all epochs.
  public var gradientEvaluations: Int
  public var valueEvaluations: Int
  /// The objective over every training row, penalty included.
  public var trainingLoss: Scalar
  /// The held-out mean cross-entropy and the share classified right.
  public var testLoss: Scalar
  public var testAccuracy: Scalar
  /// The same on the training rows held out for validation, when there are any.
  public var validationLoss: Scalar?
  public var validationAccuracy: Scalar?
  /// The method's step size after the epoch (``Optimizer/currentStepSize``); nil where
  /// it has none.
  public var stepSize: Scalar?

  public init(
    epoch: Int, gradientEvaluations: Int, valueEvaluations: Int, trainingLoss: Scalar, testLoss: Scalar,
    testAccuracy: Scalar, validationLoss: Scalar? = nil, validationAccuracy: Scalar? = nil, stepSize: Scalar? = nil
  ) {
    (self.epoch, self.gradientEvaluations, self.valueEvaluations) = (epoch, gradientEvaluations, valueEvaluations)
    (self.trainingLoss, self.testLoss, self.testAccuracy) = (trainingLoss, testLoss, testAccuracy)
    (self.validationLoss, self.validationAccuracy) = (validationLoss, validationAccuracy)
    self.stepSize = stepSize
  }

}

/// A training run's outcome: every epoch's record, the final iterate and the point the
/// records were measured at, the best epoch, and why the run ended.
public struct TrainingResult<Scalar: DescentFloat>: Sendable {
  public var records: [EpochRecord<Scalar>]
  public var minimizer: [Scalar]
  public var evaluationPoint: [Scalar]
  /// The epoch with the lowest validation loss (the training loss where no rows are
  /// held out), with its weights.
  public var best: BestEpoch<Scalar>?
  /// `.maxGradientEvaluations` when every epoch ran; a failure (a non-finite number in
  /// the run, or a training or test loss that overflowed where it is measured) or the
  /// method's own test otherwise, or `.maxValueEvaluations` when the value budget ran
  /// out first.
  public var termination: Termination
  public var gradientEvaluations: Int { records.last?.gradientEvaluations ?? 0 }
  public var valueEvaluations: Int { records.last?.valueEvaluations ?? 0 }
}

/// What the epoch loop needs of a problem: an objective, on minibatches or on every row,
/// the sampler that draws its batches, and what to measure after each epoch. Every
/// ``TrainingProblem`` is one; so is a model written in differentiable Swift
/// (DescentDifferentiable's `ModelTraining`).
public protocol EpochTrainable<Scalar>: Objective {
  /// B; 0 for every row.
  var batchSize: Int { get }
  /// Gradients in an epoch.
  var gradientsPerEpoch: Int { get }
  /// The sampler of the objective's batches; nil on the full sum.
  var batchSampler: MinibatchSampler? { get }
  /// The held-out accuracy and mean cross-entropy at w.
  func test(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar)
  /// The same on the training rows held out for validation, when there are any.
  func validation(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar)?
  /// The objective over every training row, penalty included.
  func trainingLoss(at w: [Scalar]) -> Scalar
}

extension EpochTrainable {
  /// Trains from `start` for `epochs` epochs of ``gradientsPerEpoch`` gradients each,
  /// measuring after each: the run is ``minimize(_:from:using:until:trace:callback:progress:)``
  /// resumed epoch by epoch with the same optimizer, so its state (and the batches) run
  /// on as in one call. `each` sees every record as it is made (epoch 0 first) and may
  /// end the run by returning false. A run ends early on a non-finite number, on the
  /// method's own test, or when `maxGradientEvaluations` or `maxValueEvaluations` (over
  /// the whole run) is spent; its last epoch is then cut short, and measured.
  ///
  /// `checkpoint` is given the progress and the optimizer after every epoch (epoch 0
  /// too). Given back as `resuming`, with that optimizer (decoded, if it was saved),
  /// the run goes on from there to `epochs` in all, with the same numbers, bit for bit,
  /// as if it had never stopped; `start` is then not used.
  public func train<Method: Optimizer>(
    from start: [Scalar], using optimizer: inout Method, epochs: Int, maxGradientEvaluations: Int? = nil,
    maxValueEvaluations: Int? = nil, resuming progress: TrainingProgress<Scalar>? = nil,
    each: (EpochRecord<Scalar>) throws -> Bool = { _ in true },
    checkpoint: ((TrainingProgress<Scalar>, Method) throws -> Void)? = nil
  ) throws -> TrainingResult<Scalar> where Method.Scalar == Scalar {
    try DescentError.require(epochs >= 1, "epochs", epochs, "an integer ≥ 1")
    try DescentError.require(
      maxGradientEvaluations.map { $0 >= 0 } ?? true, "max-evaluations", maxGradientEvaluations ?? 0,
      "an integer ≥ 0")
    try DescentError.require(
      maxValueEvaluations.map { $0 >= 0 } ?? true, "max-value-evaluations", maxValueEvaluations ?? 0,
      "an integer ≥ 0")
    // A record an epoch is kept: eight numbers each, checked before the first is made.
    try DescentError.requireMemory(
      MemoryRequirement.sum(epochs, 1).flatMap { MemoryRequirement.product($0, 8) }, of: Double.self,
      name: "epochs", value: epochs, what: "a record of 8 numbers for each of \(epochs) epochs")
    /// `known`: the training loss at `point` when the run already measured it.
    func record(_ epoch: Int, _ point: [Scalar], gradients: Int, values: Int, known: Scalar? = nil) throws
      -> EpochRecord<Scalar>
    {
      let test = try test(at: point)
      let validation = try validation(at: point)
      return EpochRecord(
        epoch: epoch, gradientEvaluations: gradients, valueEvaluations: values,
        trainingLoss: known ?? trainingLoss(at: point), testLoss: test.loss, testAccuracy: test.accuracy,
        validationLoss: validation?.loss, validationAccuracy: validation?.accuracy,
        stepSize: optimizer.currentStepSize)
    }
    func result(_ state: TrainingProgress<Scalar>, _ termination: Termination) -> TrainingResult<Scalar> {
      TrainingResult(
        records: state.records, minimizer: state.iterate, evaluationPoint: state.evaluationPoint, best: state.best,
        termination: termination)
    }
    var state: TrainingProgress<Scalar>
    if let progress {
      try resume(progress, epochs: epochs)
      state = progress
    } else {
      try DescentError.requireFiniteVector(start, named: "start", dimension: dimension)
      let first = try record(0, start, gradients: 0, values: 0)
      state = TrainingProgress(
        records: [first], iterate: start, evaluationPoint: start,
        batches: checkpoint == nil ? nil : batchSampler?.state)
      state.consider(first, at: start)
      try checkpoint?(state, optimizer)
      guard try each(first) else { return result(state, .stoppedByCallback) }
    }
    var termination = Termination.maxGradientEvaluations
    var epoch = state.epoch
    while epoch < epochs {
      epoch += 1
      let (gradients, values) = (state.records.last!.gradientEvaluations, state.records.last!.valueEvaluations)
      let valuesLeft = maxValueEvaluations.map { $0 - values }
      let gradientsLeft = maxGradientEvaluations.map { $0 - gradients } ?? gradientsPerEpoch
      if let valuesLeft, valuesLeft <= 0 {
        termination = .maxValueEvaluations
        break
      }
      if gradientsLeft <= 0 { break }
      let run = try minimize(
        self, from: state.iterate, using: &optimizer,
        until: StoppingRules(
          maxIterations: nil, maxGradientEvaluations: min(gradientsPerEpoch, gradientsLeft),
          maxValueEvaluations: valuesLeft))
      (state.iterate, state.evaluationPoint) = (run.minimizer, run.evaluationPoint)
      // `minimize` measured the full loss at its iterate: the same number where the
      // method evaluates there, which saves a pass over the rows an epoch.
      let known = run.evaluationPoint == run.minimizer ? run.value : nil
      let made = try record(
        epoch, run.evaluationPoint, gradients: gradients + run.gradientEvaluations,
        values: values + run.valueEvaluations, known: known)
      state.records.append(made)
      state.consider(made, at: run.evaluationPoint)
      // The batches' place (n row indices) is copied only for a checkpoint.
      if checkpoint != nil { state.batches = batchSampler?.state }
      if run.termination != .maxGradientEvaluations {
        termination = run.termination
      } else if !made.trainingLoss.isFinite || !made.testLoss.isFinite {
        // A loss that overflowed where the method evaluates (a huge step that left the
        // gradients finite) ends the run as a failure, as a non-finite value in it would.
        termination = .nonFiniteValue
      }
      let whole = termination == .maxGradientEvaluations && run.gradientEvaluations == gradientsPerEpoch
      if !whole { state.ended = termination }
      try checkpoint?(state, optimizer)
      let proceed = try each(made)
      if !whole { break }
      if !proceed {
        termination = .stoppedByCallback
        break
      }
    }
    return result(state, termination)
  }

  /// Checks that `progress` is a run of this problem that can go on to `epochs`, and
  /// puts the batches where it left them.
  private func resume(_ progress: TrainingProgress<Scalar>, epochs: Int) throws {
    try DescentError.require(
      !progress.records.isEmpty && progress.records.indices.allSatisfy { progress.records[$0].epoch == $0 },
      "resume", "\(progress.records.count) records", "the records of epochs 0, 1, 2, … in order")
    if let ended = progress.ended {
      throw DescentError.invalidValue(
        name: "resume", value: "a run that ended (\(ended)) at epoch \(progress.epoch)",
        expected: "a run whose last epoch was whole")
    }
    try DescentError.require(
      epochs >= progress.epoch, "epochs", epochs, "an integer ≥ \(progress.epoch), the epochs the run has done")
    try DescentError.requireFiniteVector(progress.iterate, named: "iterate", dimension: dimension)
    try DescentError.requireFiniteVector(progress.evaluationPoint, named: "evaluation point", dimension: dimension)
    if let best = progress.best {
      try DescentError.requireFiniteVector(best.weights, named: "best weights", dimension: dimension)
    }
    switch (batchSampler, progress.batches) {
    case (let sampler?, let batches?): try sampler.restore(batches)
    case (nil, nil): break
    case (_?, nil):
      throw DescentError.invalidValue(
        name: "resume", value: "a run on every row", expected: "a run in batches of \(batchSize)")
    case (nil, _?):
      throw DescentError.invalidValue(name: "resume", value: "a run in batches", expected: "a run on every row")
    }
  }
}
