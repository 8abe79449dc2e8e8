import ArgumentParser
import Descent
import DescentProblems
import Foundation

/// `descent run` on a training problem: the run by epochs, a row per epoch (the training
/// loss over every row, the held-out loss and accuracy, at the method's evaluation
/// point), written to the trace as each epoch ends.
enum TrainingRun {
  /// The trace's columns.
  /// The trace's columns: `wall_seconds` since the run started (the trace's only
  /// column that differs between two runs), `step_size` empty where the method
  /// reports none.
  static let header =
    "epoch,gradient_evaluations,value_evaluations,train_loss,test_loss,test_accuracy,step_size,wall_seconds"

  static func csvLine<S: DescentFloat>(_ record: EpochRecord<S>, wallSeconds: Double) -> String {
    [
      String(record.epoch), String(record.gradientEvaluations), String(record.valueEvaluations),
      record.trainingLoss.description, record.testLoss.description, record.testAccuracy.description,
      record.stepSize?.description ?? "", String(format: "%.3f", wallSeconds),
    ].joined(separator: ",")
  }

  /// Trains `problem` with `optimizer`, writing each record to `trace` as it is made
  /// and calling `each` with it.
  static func run<S: DescentFloat>(
    _ problem: any TrainedByEpochs<S>, from start: [S], with optimizer: any Optimizer<S>, epochs: Int,
    maxEvaluations: Int?, maxValueEvaluations: Int, trace: OutputFile?, each: (EpochRecord<S>) -> Void = { _ in }
  ) throws -> TrainingResult<S> {
    let started = ContinuousClock.now
    try trace?.write(header + "\n")
    try trace?.flush()
    return try problem.train(
      from: start, with: optimizer, epochs: epochs, maxGradientEvaluations: maxEvaluations,
      maxValueEvaluations: maxValueEvaluations
    ) { record in
      // A whole row at a time, on the disk as the epoch ends: Ctrl-C keeps it.
      try TemporaryFiles.writing.withLock {
        try trace?.write(csvLine(record, wallSeconds: seconds(since: started)) + "\n")
        try trace?.flush()
        each(record)
      }
      return true
    }
  }

  /// The table `descent run` prints as the run goes: about `count` epochs of `epochs`
  /// evenly spaced, always the first and the last.
  static func table(epochs: Int, gradientsPerEpoch: Int, count: Int) -> (LiveTable, shown: Set<Int>) {
    let digits = { (n: Int) in String(n).count }
    let table = LiveTable(
      header: ["epoch", "grad evals", "value evals", "train loss", "test loss", "test accuracy", "step size"],
      widths: [
        digits(epochs), digits(epochs.multipliedReportingOverflow(by: gradientsPerEpoch).partialValue), 0, 10, 10, 7,
        10,
      ])
    // ProgressTable.pick's spacing over 0...epochs, without the array: epochs may be any
    // count the memory check will refuse after the heading is made.
    guard epochs >= count else { return (table, Set(0...max(0, epochs))) }
    let shown = (0..<count).map { i in
      (count - 1).dividingFullWidth(i.multipliedFullWidth(by: epochs)).quotient
    }
    return (table, Set(shown))
  }

  static func cells<S: DescentFloat>(_ record: EpochRecord<S>) -> [String] {
    [
      String(record.epoch), String(record.gradientEvaluations), String(record.valueEvaluations),
      Format.number(record.trainingLoss), Format.number(record.testLoss), percent(record.testAccuracy),
      record.stepSize.map(Format.number) ?? "—",
    ]
  }

  private static func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// The lines after the table.
  static func summary<S: DescentFloat>(_ result: TrainingResult<S>, averaged: Bool) -> String {
    let last = result.records.last!
    return [
      "result: \(last.epoch) epoch\(last.epoch == 1 ? "" : "s"), \(result.termination)",
      "  test accuracy         \(percent(last.testAccuracy))"
        + (averaged ? " (at the method's averaged point)" : ""),
      "  test loss             \(Format.number(last.testLoss))",
      "  train loss            \(Format.number(last.trainingLoss))",
      "  gradient evaluations  \(result.gradientEvaluations)",
      "  value evaluations     \(result.valueEvaluations)",
    ].joined(separator: "\n")
  }

  static func percent<S: DescentFloat>(_ share: S) -> String {
    String(format: "%.1f %%", 100 * Double(share))
  }
}

/// The epochs of a training run as `--format json` prints them.
struct EpochJSON: Encodable {
  let epoch: Int
  let gradientEvaluations: Int
  let valueEvaluations: Int
  let trainLoss: Double?
  let testLoss: Double?
  let testAccuracy: Double?

  private enum CodingKeys: String, CodingKey {
    case epoch, gradientEvaluations, valueEvaluations, trainLoss, testLoss, testAccuracy
  }

  /// Every key, a non-finite number as null.
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(epoch, forKey: .epoch)
    try c.encode(gradientEvaluations, forKey: .gradientEvaluations)
    try c.encode(valueEvaluations, forKey: .valueEvaluations)
    try c.encode(trainLoss, forKey: .trainLoss)
    try c.encode(testLoss, forKey: .testLoss)
    try c.encode(testAccuracy, forKey: .testAccuracy)
  }

  init<S: DescentFloat>(_ record: EpochRecord<S>) {
    (epoch, gradientEvaluations, valueEvaluations) =
      (record.epoch, record.gradientEvaluations, record.valueEvaluations)
    trainLoss = RunRecord.finite(record.trainingLoss)
    testLoss = RunRecord.finite(record.testLoss)
    testAccuracy = RunRecord.finite(record.testAccuracy)
  }
}
