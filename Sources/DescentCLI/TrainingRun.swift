import ArgumentParser
import Descent
import DescentProblems
import DescentStudy
import Foundation

/// `descent run` on a training problem: the run by epochs, a row per epoch (the training
/// loss over every row, the held-out loss and accuracy, at the method's evaluation
/// point), written to the trace as each epoch ends.
enum TrainingRun {
  /// The trace's columns: `wall_seconds` since the run started (the trace's only
  /// column that differs between two runs), `validation_*` and `step_size` empty where
  /// no rows are held out or the method reports no step.
  static let header =
    "epoch,gradient_evaluations,value_evaluations,train_loss,test_loss,test_accuracy,validation_loss,validation_accuracy,step_size,wall_seconds"

  static func csvLine<S: DescentFloat>(_ record: EpochRecord<S>, wallSeconds: Double) -> String {
    [
      String(record.epoch), String(record.gradientEvaluations), String(record.valueEvaluations),
      record.trainingLoss.description, record.testLoss.description, record.testAccuracy.description,
      record.validationLoss?.description ?? "", record.validationAccuracy?.description ?? "",
      record.stepSize?.description ?? "", String(format: "%.3f", wallSeconds),
    ].joined(separator: ",")
  }

  /// Trains `problem` with `optimizer` (or goes on from `resumed`), writing each record
  /// to `trace` as it is made and calling `each` with it (a resumed run's earlier
  /// records first); `checkpoint` is given the progress, the optimizer and the wall
  /// times of the records after every epoch.
  static func run<S: DescentFloat>(
    _ problem: any TrainedByEpochs<S>, from start: [S], with optimizer: any Optimizer<S>, epochs: Int,
    maxEvaluations: Int?, maxValueEvaluations: Int, trace: OutputFile?,
    resumed: TrainingCheckpoint.Resumed<S>? = nil,
    checkpoint: ((TrainingProgress<S>, any Optimizer<S>, [Double]) throws -> Void)? = nil,
    each: (EpochRecord<S>) -> Void = { _ in }
  ) throws -> TrainingResult<S> {
    let started = ContinuousClock.now
    // A resumed run's clock goes on from its last epoch.
    var walls = resumed?.wallSeconds ?? []
    let offset = walls.last ?? 0
    func noteWall(_ epoch: Int) {
      if walls.count <= epoch { walls.append(offset + seconds(since: started)) }
    }
    try trace?.write(header + "\n")
    for record in resumed?.progress.records ?? [] {
      try trace?.write(csvLine(record, wallSeconds: walls[record.epoch]) + "\n")
      each(record)
    }
    try trace?.flush()
    return try problem.train(
      from: start, with: resumed?.optimizer ?? optimizer, epochs: epochs, maxGradientEvaluations: maxEvaluations,
      maxValueEvaluations: maxValueEvaluations, resuming: resumed?.progress,
      each: { record in
        noteWall(record.epoch)
        // A whole row at a time, on the disk as the epoch ends: Ctrl-C keeps it.
        try TemporaryFiles.writing.withLock {
          try trace?.write(csvLine(record, wallSeconds: walls[record.epoch]) + "\n")
          try trace?.flush()
          each(record)
        }
        return true
      },
      checkpoint: checkpoint.map { save in
        { progress, optimizer in
          noteWall(progress.epoch)
          try save(progress, optimizer, walls)
        }
      })
  }

  /// The table `descent run` prints as the run goes: about `count` epochs of `epochs`
  /// evenly spaced, always the first and the last.
  /// A column of the validation loss when rows are held out.
  static func table(epochs: Int, gradientsPerEpoch: Int, count: Int, validation: Bool = false) -> (
    LiveTable, shown: Set<Int>
  ) {
    let digits = { (n: Int) in String(n).count }
    let table = LiveTable(
      header: ["epoch", "grad evals", "value evals", "train loss", "test loss", "test accuracy"]
        + (validation ? ["val loss"] : []) + ["step size"],
      widths: [
        digits(epochs), digits(epochs.multipliedReportingOverflow(by: gradientsPerEpoch).partialValue), 0, 10, 10, 7,
      ] + (validation ? [10] : []) + [10])
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
    ] + (record.validationLoss.map { [Format.number($0)] } ?? []) + [record.stepSize.map(Format.number) ?? "—"]
  }

  private static func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// The lines after the table.
  static func summary<S: DescentFloat>(_ result: TrainingResult<S>, averaged: Bool) -> String {
    let last = result.records.last!
    var lines = [
      "result: \(Plural.of(last.epoch, "epoch")), \(result.termination)",
      "  test accuracy         \(percent(last.testAccuracy))"
        + (averaged ? " (at the method's averaged point)" : ""),
      "  test loss             \(Format.number(last.testLoss))",
      "  train loss            \(Format.number(last.trainingLoss))",
    ]
    if let loss = last.validationLoss, let accuracy = last.validationAccuracy {
      lines.append("  validation loss       \(Format.number(loss)) (accuracy \(percent(accuracy)))")
    }
    if let best = result.best, best.byValidation {
      let record = result.records[best.epoch]
      lines.append(
        "  best epoch            \(best.epoch), by validation loss \(Format.number(best.loss)) (test accuracy \(percent(record.testAccuracy)) there)"
      )
    }
    lines += [
      "  gradient evaluations  \(result.gradientEvaluations)",
      "  value evaluations     \(result.valueEvaluations)",
    ]
    return lines.joined(separator: "\n")
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
  let validationLoss: Double?
  let validationAccuracy: Double?

  private enum CodingKeys: String, CodingKey {
    case epoch, gradientEvaluations, valueEvaluations, trainLoss, testLoss, testAccuracy, validationLoss
    case validationAccuracy
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
    try c.encode(validationLoss, forKey: .validationLoss)
    try c.encode(validationAccuracy, forKey: .validationAccuracy)
  }

  init<S: DescentFloat>(_ record: EpochRecord<S>) {
    (epoch, gradientEvaluations, valueEvaluations) =
      (record.epoch, record.gradientEvaluations, record.valueEvaluations)
    trainLoss = RunRecord.finite(record.trainingLoss)
    testLoss = RunRecord.finite(record.testLoss)
    testAccuracy = RunRecord.finite(record.testAccuracy)
    validationLoss = record.validationLoss.flatMap(RunRecord.finite)
    validationAccuracy = record.validationAccuracy.flatMap(RunRecord.finite)
  }
}
