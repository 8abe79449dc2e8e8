import ArgumentParser
import Descent
import DescentProblems
import Foundation

/// How `run` and `compare` print their results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  /// The human table.
  case table
  /// One JSON object per run, one per line (JSON Lines: pandas `read_json(lines=True)`).
  case json
}

/// One run as `--format json` prints it: snake-case keys, numbers as JSON numbers and a
/// non-finite one as null, on one line.
struct RunRecord: Encodable {
  struct Method: Encodable {
    let name: String
    /// The settings as given; every other is the method's default (`descent list`).
    let settings: [String: String]
  }

  struct Problem: Encodable {
    let name: String
    let settings: [String: String]
    let dimension: Int
  }

  struct Evaluations: Encodable {
    let gradient: Int
    let value: Int
  }

  struct Best: Encodable {
    let value: Double?
    let error: Double?
    let iteration: Int

    private enum CodingKeys: String, CodingKey { case value, error, iteration }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(value, forKey: .value)
      try c.encode(error, forKey: .error)
      try c.encode(iteration, forKey: .iteration)
    }
  }

  /// f and ‖w − w*‖ at the method's evaluation point (schedule-free's x, the planner's
  /// average), where it is not the last iterate.
  struct Averaged: Encodable {
    let value: Double?
    let error: Double?

    private enum CodingKeys: String, CodingKey { case value, error }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(value, forKey: .value)
      try c.encode(error, forKey: .error)
    }
  }

  let method: Method
  let problem: Problem
  let precision: String
  /// Where `--iterates` wrote the start, the last and the best iterate (a numpy file);
  /// the line itself holds no vector, so it stays small whatever the dimension.
  let iterates: String?
  /// The termination's identifier (`max-evaluations`, `non-finite-value`, …) and its text.
  let termination: String
  let reason: String
  let converged: Bool
  let failed: Bool
  let iterations: Int
  let evaluations: Evaluations
  /// f and ‖w − w*‖ at the last iterate (null where w* is unknown).
  let value: Double?
  let error: Double?
  /// The best iterate seen, when the driver watched for it.
  let best: Best?
  /// `compare` only: evaluations to each threshold of ‖w − w*‖ (null: not reached).
  let evaluationsToReach: [String: Int?]?
  /// Where the method is used at another point than its iterate.
  var averaged: Averaged?
  /// A training problem only: each epoch's losses and test accuracy (epoch 0: the start),
  /// at the method's evaluation point.
  let epochs: [EpochJSON]?

  init<S: DescentFloat>(
    _ result: MinimizationResult<S>, method: MethodSpecification, problem: ProblemOptions, dimension: Int,
    precision: String, iterates: String? = nil, evaluationsToReach: [String: Int?]? = nil
  ) throws {
    try self.init(
      method: method, problem: problem, dimension: dimension, precision: precision, iterates: iterates,
      termination: result.termination, reason: result.terminationReason, iterations: result.iterations,
      evaluations: Evaluations(gradient: result.gradientEvaluations, value: result.valueEvaluations),
      value: Self.finite(result.value), error: result.error.flatMap(Self.finite),
      best: result.best.map {
        Best(value: Self.finite($0.value), error: $0.error.flatMap(Self.finite), iteration: $0.iteration)
      }, evaluationsToReach: evaluationsToReach, epochs: nil)
  }

  /// A training run: `value` is the last epoch's training loss, `iterations` its epochs.
  init<S: DescentFloat>(
    training result: TrainingResult<S>, method: MethodSpecification, problem: ProblemOptions, dimension: Int,
    precision: String, iterates: String? = nil
  ) throws {
    try self.init(
      method: method, problem: problem, dimension: dimension, precision: precision, iterates: iterates,
      termination: result.termination, reason: nil, iterations: result.records.last?.epoch ?? 0,
      evaluations: Evaluations(gradient: result.gradientEvaluations, value: result.valueEvaluations),
      value: result.records.last.flatMap { Self.finite($0.trainingLoss) }, error: nil,
      // The best epoch: its validation loss, or its training loss where no rows are held out.
      best: result.best.map { Best(value: Self.finite($0.loss), error: nil, iteration: $0.epoch) },
      evaluationsToReach: nil, epochs: result.records.map(EpochJSON.init))
  }

  private init(
    method: MethodSpecification, problem: ProblemOptions, dimension: Int, precision: String, iterates: String?,
    termination: Termination, reason: String?, iterations: Int, evaluations: Evaluations, value: Double?,
    error: Double?, best: Best?, evaluationsToReach: [String: Int?]?, epochs: [EpochJSON]?
  ) throws {
    self.method = Method(name: method.name, settings: method.settings)
    self.problem = Problem(name: problem.problem, settings: try problem.settings(), dimension: dimension)
    (self.precision, self.iterates) = (precision, iterates)
    self.termination = termination.rawValue
    self.reason = termination.description + (reason.map { ": \($0)" } ?? "")
    (converged, failed) = (termination.isConverged, termination.isFailure)
    (self.iterations, self.evaluations, self.value, self.error, self.best) = (
      iterations, evaluations, value, error, best
    )
    (self.evaluationsToReach, self.epochs) = (evaluationsToReach, epochs)
  }

  static func finite<S: DescentFloat>(_ x: S) -> Double? { x.isFinite ? Double(x) : nil }

  private enum CodingKeys: String, CodingKey {
    case method, problem, precision, iterates, termination, reason, converged, failed, iterations, evaluations
    case value, error, best, averaged, evaluationsToReach, epochs
  }

  /// A number that is not finite, or not known, is null; the keys of one command or
  /// option only (`iterates`, `evaluations_to_reach`, `epochs`) are left out elsewhere.
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(method, forKey: .method)
    try c.encode(problem, forKey: .problem)
    try c.encode(precision, forKey: .precision)
    try c.encodeIfPresent(iterates, forKey: .iterates)
    try c.encode(termination, forKey: .termination)
    try c.encode(reason, forKey: .reason)
    try c.encode(converged, forKey: .converged)
    try c.encode(failed, forKey: .failed)
    try c.encode(iterations, forKey: .iterations)
    try c.encode(evaluations, forKey: .evaluations)
    try c.encode(value, forKey: .value)
    try c.encode(error, forKey: .error)
    try c.encode(best, forKey: .best)
    try c.encodeIfPresent(averaged, forKey: .averaged)
    try c.encodeIfPresent(evaluationsToReach, forKey: .evaluationsToReach)
    try c.encodeIfPresent(epochs, forKey: .epochs)
  }

  /// The record as one line of JSON, keys sorted.
  func line() throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
