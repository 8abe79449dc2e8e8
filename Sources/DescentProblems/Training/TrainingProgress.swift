import Descent

/// Where a training run stands after an epoch: its records, its iterate and evaluation
/// point, its batches and its best epoch. With the optimizer's own state (every
/// optimizer is `Codable`) it is what resumes the run bit for bit
/// (``TrainingProblem/train(from:using:epochs:maxGradientEvaluations:maxValueEvaluations:resuming:each:checkpoint:)``).
public struct TrainingProgress<Scalar: DescentFloat>: Codable, Sendable, Equatable {
  /// Epoch 0 (the start) to the last finished one.
  public var records: [EpochRecord<Scalar>]
  public var iterate: [Scalar]
  public var evaluationPoint: [Scalar]
  /// The sampler's place in its batches; nil on the full sum.
  public var batches: MinibatchSampler.State?
  /// The epoch with the lowest validation loss, or the lowest training loss where no
  /// rows are held out; nil while every loss is non-finite.
  public var best: BestEpoch<Scalar>?
  /// Why the run ended, when it cannot go on: a failure, the method's own test, or a
  /// budget spent inside an epoch. Nil when the last epoch was whole.
  public var ended: Termination?

  /// The last finished epoch.
  public var epoch: Int { records.last?.epoch ?? 0 }

  /// Takes `record`, measured at `point`, as the best epoch when its loss is lower.
  mutating func consider(_ record: EpochRecord<Scalar>, at point: [Scalar]) {
    let loss = record.validationLoss ?? record.trainingLoss
    guard loss.isFinite, best.map({ loss < $0.loss }) ?? true else { return }
    best = BestEpoch(
      epoch: record.epoch, loss: loss, byValidation: record.validationLoss != nil, weights: point)
  }
}

/// The weights of a run's best epoch (at the point its records were measured) and the
/// loss that chose them.
public struct BestEpoch<Scalar: DescentFloat>: Codable, Sendable, Equatable {
  public var epoch: Int
  public var loss: Scalar
  /// Whether `loss` is the validation rows' mean cross-entropy, not the training loss.
  public var byValidation: Bool
  public var weights: [Scalar]
}
