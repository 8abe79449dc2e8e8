import Descent
import Foundation

/// A classifier trained on minibatches and judged on rows it never trains on, as a
/// machine-learning user runs it: by epochs, with the training loss over every row and
/// the held-out loss and accuracy after each (`descent run` prints them).
public protocol TrainingProblem<Scalar>: DataProblem, TrainedByEpochs, EpochTrainable where Model: Classifier {
  /// The held-out rows, their features prepared as the model reads them.
  var testData: Dataset<Scalar> { get }
  /// Training rows held out to choose the best epoch by (never the test rows), or nil.
  var validationData: Dataset<Scalar>? { get }
  /// The problem with `validationRows` of its training rows held out for validation
  /// (``Dataset/holdingOut(validationRows:)``) and trained on the rest.
  init(batchSize: Int, seed: UInt64, validationRows: Int) throws(DescentError)
}

/// What a caller holding a training problem by protocol (`any TrainedByEpochs<S>`, as the
/// command line holds a catalog problem) needs to run it by epochs.
public protocol TrainedByEpochs<Scalar>: CatalogedProblem {
  /// B; 0 for every row.
  var batchSize: Int { get }
  /// Gradients in an epoch.
  var gradientsPerEpoch: Int { get }
  /// Training rows held out for validation (0 for none).
  var validationRows: Int { get }
  /// The sampler's place in its batches; nil on the full sum.
  var batches: MinibatchSampler.State? { get }
  /// ``TrainingProblem/train(from:using:epochs:maxGradientEvaluations:maxValueEvaluations:resuming:each:checkpoint:)``
  /// with an optimizer known by protocol; `resuming` needs the optimizer `checkpoint`
  /// was given (or one decoded from it).
  func train(
    from start: [Scalar], with optimizer: any Optimizer<Scalar>, epochs: Int, maxGradientEvaluations: Int?,
    maxValueEvaluations: Int?, resuming: TrainingProgress<Scalar>?, each: (EpochRecord<Scalar>) throws -> Bool,
    checkpoint: ((TrainingProgress<Scalar>, any Optimizer<Scalar>) throws -> Void)?
  ) throws -> TrainingResult<Scalar>
}

extension TrainedByEpochs {
  /// Trains from `start` by ``train(from:with:epochs:maxGradientEvaluations:maxValueEvaluations:resuming:each:checkpoint:)``
  /// with no checkpoint.
  public func train(
    from start: [Scalar], with optimizer: any Optimizer<Scalar>, epochs: Int, maxGradientEvaluations: Int?,
    maxValueEvaluations: Int?, each: (EpochRecord<Scalar>) throws -> Bool
  ) throws -> TrainingResult<Scalar> {
    try train(
      from: start, with: optimizer, epochs: epochs, maxGradientEvaluations: maxGradientEvaluations,
      maxValueEvaluations: maxValueEvaluations, resuming: nil, each: each, checkpoint: nil)
  }
}

extension TrainingProblem {
  /// Random unless its batch size is set to 0 (every row) and its seed draws no start:
  /// its batches are seeded, and its default batch size is 100, not 0.
  public static func isRandom(settings: [String: String]) -> Bool {
    seedsItsStart || (settings["batch-size"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 100) != 0
  }

  public init(batchSize: Int, seed: UInt64) throws(DescentError) {
    try self.init(batchSize: batchSize, seed: seed, validationRows: 0)
  }

  /// Rows held out for validation.
  public var validationRows: Int { validationData?.rows ?? 0 }

  /// The validation rows' accuracy and mean cross-entropy at w, when rows are held out.
  public func validation(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar)? {
    guard let validationData else { return nil }
    return try model.evaluate(on: validationData, at: w)
  }

  /// Gradients in an epoch: ⌊n/B⌋ batches (a sampler drops the rows left over), or one
  /// on the full sum.
  public var gradientsPerEpoch: Int { batchSize == 0 ? 1 : model.data.rows / batchSize }

  public var batches: MinibatchSampler.State? { model.sampler?.state }

  public var batchSampler: MinibatchSampler? { model.sampler }

  public func train(
    from start: [Scalar], with optimizer: any Optimizer<Scalar>, epochs: Int, maxGradientEvaluations: Int?,
    maxValueEvaluations: Int?, resuming: TrainingProgress<Scalar>?, each: (EpochRecord<Scalar>) throws -> Bool,
    checkpoint: ((TrainingProgress<Scalar>, any Optimizer<Scalar>) throws -> Void)?
  ) throws -> TrainingResult<Scalar> {
    func opened<Method: Optimizer>(_ method: Method) throws -> TrainingResult<Scalar> where Method.Scalar == Scalar {
      var method = method
      return try train(
        from: start, using: &method, epochs: epochs, maxGradientEvaluations: maxGradientEvaluations,
        maxValueEvaluations: maxValueEvaluations, resuming: resuming, each: each,
        checkpoint: checkpoint.map { save in { progress, method in try save(progress, method) } })
    }
    return try opened(optimizer)
  }

  /// The held-out accuracy and mean cross-entropy at w.
  public func test(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar) {
    try model.evaluate(on: testData, at: w)
  }

  /// The training loss over every row at w, penalty included: the objective's full sum.
  public func trainingLoss(at w: [Scalar]) -> Scalar {
    var full = model
    full.sampler = nil
    return full.value(at: w)
  }
}

extension CatalogEntry where Subject: TrainingProblem {
  /// A training problem, with the settings every one takes: B (100 by default, as the
  /// mnist1d repository trains) and the seed of the batches and the start.
  static func training(
    _ name: String, summary: String, citation: String, initialiserDefaults: @escaping () throws -> Subject
  ) -> Self {
    CatalogEntry(
      name, summary: summary, citation: citation, initialiserDefaults: initialiserDefaults,
      settings: [
        .batchSize(default: 100, "rows per gradient (0: every training row)"),
        .integer("seed", \.seed, default: 0, .atLeast(0), "seed of the batches and of the start"),
        .integer(
          "validationRows", \.validationRows, default: 0, .atLeast(0),
          "training rows held out to pick the best epoch by (never the test rows)"),
      ],
      build: { v throws(DescentError) in
        try Subject(batchSize: v.batchSize, seed: v.seed, validationRows: v.validationRows)
      })
  }
}
