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
  /// A training problem only: each epoch's losses and test accuracy (epoch 0: the start),
  /// at the method's evaluation point.
  let epochs: [EpochJSON]?

  init<S: DescentFloat>(
    _ result: MinimizationResult<S>, method: MethodSpecification, problem: ProblemOptions, dimension: Int,
    precision: String, iterates: String? = nil, evaluationsToReach: [String: Int?]? = nil
  ) throws {
    self.method = Method(name: method.name, settings: method.settings)
    self.problem = Problem(name: problem.problem, settings: try problem.settings(), dimension: dimension)
    self.precision = precision
    self.iterates = iterates
    termination = result.termination.rawValue
    reason = result.termination.description + (result.terminationReason.map { ": \($0)" } ?? "")
    converged = result.termination.isConverged
    failed = result.termination.isFailure
    iterations = result.iterations
    evaluations = Evaluations(gradient: result.gradientEvaluations, value: result.valueEvaluations)
    value = Self.finite(result.value)
    error = result.error.flatMap(Self.finite)
    best = result.best.map {
      Best(value: Self.finite($0.value), error: $0.error.flatMap(Self.finite), iteration: $0.iteration)
    }
    self.evaluationsToReach = evaluationsToReach
    epochs = nil
  }

  /// A training run: `value` is the last epoch's training loss, `iterations` its epochs.
  init<S: DescentFloat>(
    training result: TrainingResult<S>, method: MethodSpecification, problem: ProblemOptions, dimension: Int,
    precision: String
  ) throws {
    self.method = Method(name: method.name, settings: method.settings)
    self.problem = Problem(name: problem.problem, settings: try problem.settings(), dimension: dimension)
    self.precision = precision
    iterates = nil
    termination = result.termination.rawValue
    reason = result.termination.description
    converged = result.termination.isConverged
    failed = result.termination.isFailure
    iterations = result.records.last?.epoch ?? 0
    evaluations = Evaluations(gradient: result.gradientEvaluations, value: result.valueEvaluations)
    value = result.records.last.flatMap { Self.finite($0.trainingLoss) }
    error = nil
    best = nil
    evaluationsToReach = nil
    epochs = result.records.map(EpochJSON.init)
  }

  static func finite<S: DescentFloat>(_ x: S) -> Double? { x.isFinite ? Double(x) : nil }

  /// The record as one line of JSON, keys sorted.
  func line() throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
