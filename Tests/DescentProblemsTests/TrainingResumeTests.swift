import Descent
import DescentProblems
import Foundation
import Testing

/// A training run checkpointed after an epoch (its progress and its optimizer through
/// JSON) and resumed goes on bit for bit as the run that never stopped, for every
/// method; the validation rows are training rows, never test rows.
@Suite struct TrainingResumeTests {
  static let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }()
  static let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }()

  /// Runs `name` 4 epochs straight, and 2 then 2 more from a checkpoint decoded from
  /// JSON; nil when the method cannot train this problem.
  static func compare<S: DescentFloat>(_ name: String, as _: S.Type) throws -> (
    straight: TrainingResult<S>, resumed: TrainingResult<S>
  )? {
    // 400 training rows in batches of 100: four gradients an epoch.
    let make = { try BreastCancerHeldOut<S>(batchSize: 100, seed: 3, validationRows: 55) }
    let fresh = try OptimizerCatalog.make(name, settings: [:], as: S.self)
    func run<Method: Optimizer>(_ method: Method) throws -> (TrainingResult<S>, TrainingResult<S>)?
    where Method.Scalar == S {
      let problem = try make()
      var straight = method
      guard
        let whole = try? problem.train(
          from: problem.defaultStart, using: &straight, epochs: 4, maxValueEvaluations: 400)
      else { return nil }
      let first = try make()
      var part = method
      var saved: (Data, Data)?
      _ = try first.train(
        from: first.defaultStart, using: &part, epochs: 2, maxValueEvaluations: 400,
        checkpoint: { progress, optimizer in
          saved = (try encoder.encode(progress), try encoder.encode(optimizer))
        })
      let (progressData, optimizerData) = try #require(saved)
      // A method that spends its values before two epochs end has nothing to resume.
      guard try decoder.decode(TrainingProgress<S>.self, from: progressData).ended == nil else { return nil }
      // A new process: the problem built again, the state decoded.
      let second = try make()
      var resumed = try decoder.decode(Method.self, from: optimizerData)
      let rest = try second.train(
        from: [S](repeating: .nan, count: second.dimension), using: &resumed, epochs: 4, maxValueEvaluations: 400,
        resuming: try decoder.decode(TrainingProgress<S>.self, from: progressData))
      return (whole, rest)
    }
    return try run(fresh)
  }

  /// The same numbers (equal floating-point numbers are the same bits but for ±0, and
  /// a NaN would fail).
  static func expectSame<S: DescentFloat>(_ a: TrainingResult<S>, _ b: TrainingResult<S>, _ name: String) {
    #expect(a.records == b.records, "\(name)")
    #expect(a.minimizer == b.minimizer, "\(name)")
    #expect(a.evaluationPoint == b.evaluationPoint, "\(name)")
    #expect(a.best == b.best, "\(name)")
    #expect(a.termination == b.termination, "\(name)")
  }

  @Test func everyMethodResumesBitForBit() throws {
    var untrained: [String] = []
    for name in OptimizerCatalog.names {
      guard let (straight, resumed) = try Self.compare(name, as: Double.self) else {
        untrained.append(name)
        continue
      }
      Self.expectSame(straight, resumed, name)
    }
    // Polyak's and SPS's steps need f*, which a training problem has not; Nelder–Mead spends its
    // values within an epoch; the rest train.
    #expect(untrained == ["polyak", "sps", "nelder-mead"], "\(untrained)")
  }

  @Test(arguments: ["csawg-safeguarded", "adamw"])
  func floatResumesBitForBit(name: String) throws {
    let (straight, resumed) = try #require(try Self.compare(name, as: Float.self))
    Self.expectSame(straight, resumed, name)
  }

  /// The validation rows are training rows the model does not train on; the test rows
  /// are as they were.
  @Test func validationRowsAreCarvedFromTheTrainingRows() throws {
    let whole = try DigitsNetworkHeldOut<Double>(batchSize: 0, seed: 0)
    let carved = try DigitsNetworkHeldOut<Double>(batchSize: 0, seed: 0, validationRows: 200)
    let validation = try #require(carved.validationData)
    #expect(whole.validationData == nil)
    #expect(carved.model.data.rows + validation.rows == whole.model.data.rows)
    #expect(carved.testData.features == whole.testData.features)
    let row = { (data: Dataset<Double>, i: Int) in Array(data.features[(i * data.columns)..<((i + 1) * data.columns)]) }
    let training = Set((0..<whole.model.data.rows).map { row(whole.model.data, $0) })
    let trainedOn = Set((0..<carved.model.data.rows).map { row(carved.model.data, $0) })
    let held = Set((0..<validation.rows).map { row(validation, $0) })
    #expect(held.isSubset(of: training) && trainedOn.isDisjoint(with: held))
    #expect(held.isDisjoint(with: Set((0..<whole.testData.rows).map { row(whole.testData, $0) })))
    #expect(throws: DescentError.self) { try DigitsNetworkHeldOut<Double>(validationRows: 1437) }
  }

  /// The best epoch is the one with the lowest validation loss, its weights kept.
  @Test func theBestEpochIsChosenByValidationLoss() throws {
    let problem = try DigitsNetworkHeldOut<Double>(batchSize: 100, seed: 1, validationRows: 300)
    var method = try AdamW<Double>(learningRate: 0.03)
    let result = try problem.train(from: problem.defaultStart, using: &method, epochs: 12)
    let best = try #require(result.best)
    let losses = result.records.map { $0.validationLoss! }
    #expect(best.byValidation && best.loss == losses.min() && losses[best.epoch] == best.loss)
    #expect(try problem.validation(at: best.weights)?.loss == best.loss)
  }

  @Test func aRunThatEndedDoesNotResume() throws {
    let problem = try BreastCancerHeldOut<Double>(batchSize: 100)
    var method = try AdamW<Double>()
    var last: TrainingProgress<Double>?
    _ = try problem.train(
      from: problem.defaultStart, using: &method, epochs: 3, maxGradientEvaluations: 6,
      checkpoint: { progress, _ in last = progress })
    let progress = try #require(last)
    #expect(progress.ended == .maxGradientEvaluations)
    #expect(throws: DescentError.self) {
      try problem.train(from: problem.defaultStart, using: &method, epochs: 5, resuming: progress)
    }
  }
}
