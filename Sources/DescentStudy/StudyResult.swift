import Descent
import DescentProblems

/// What one run of a sweep did: one line of a results file.
public struct StudyResult: Codable, Sendable, Equatable {
  /// Evaluations spent by some point of a run.
  public struct Counts: Codable, Sendable, Equatable {
    public var gradient: Int
    public var value: Int
    /// Rows of data read (finite-sum problems only).
    public var samples: Int?

    public init(gradient: Int, value: Int, samples: Int?) {
      (self.gradient, self.value, self.samples) = (gradient, value, samples)
    }
  }

  /// The best value a run had seen after some evaluations; in JSON the array
  /// `[gradient, value, samples or null, best]`, to keep the lines short.
  public struct Point: Codable, Sendable, Equatable {
    public var evaluations: Counts
    public var best: Double

    public init(evaluations: Counts, best: Double) {
      (self.evaluations, self.best) = (evaluations, best)
    }

    public init(from decoder: any Decoder) throws {
      var fields = try decoder.unkeyedContainer()
      let gradient = try fields.decode(Int.self)
      let value = try fields.decode(Int.self)
      let samples = try fields.decodeIfPresent(Int.self)
      evaluations = Counts(gradient: gradient, value: value, samples: samples)
      best = try fields.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
      var fields = encoder.unkeyedContainer()
      try fields.encode(evaluations.gradient)
      try fields.encode(evaluations.value)
      if let samples = evaluations.samples { try fields.encode(samples) } else { try fields.encodeNil() }
      try fields.encode(best)
    }
  }

  /// The Moré–Wild accuracies: a run solves a problem at τ once
  /// f(x₀) − f(x) ≥ (1 − τ)(f(x₀) − f_L).
  public static let accuracies: [Double] = [1e-1, 1e-3, 1e-5, 1e-7]

  public var id: String
  public var run: StudyRun
  public var dimension: Int
  /// f(x₀), f*, the last value and the best value seen (the full objective's, in the
  /// stochastic mode too).
  public var startValue: Double
  public var minimum: Double?
  public var finalValue: Double
  public var bestValue: Double
  /// ‖w − w*‖ at the end, where w* is known.
  public var error: Double?
  public var termination: StudyTermination
  public var evaluations: Counts
  /// Evaluations to reach each of ``accuracies`` with f_L = f*, where f* is known (nil
  /// entries: not reached); nil where it is not.
  public var reach: [Counts?]?
  /// The best value as the evaluations grew, at gradient counts about 5 % apart, and
  /// at the end: from it `descent profile` finds when each accuracy was reached once
  /// f_L, the best value of any run, is known. Where f* is known (and ``reach`` exact),
  /// only the start and the end.
  public var history: [Point]
  /// On a training problem, each epoch's measurements (epoch 0: the start), at the
  /// method's evaluation point; nil on the other problems.
  public var epochs: [Epoch]?

  /// One epoch of a training run: `[gradients, values, train loss, test loss, test accuracy]`.
  public struct Epoch: Codable, Sendable, Equatable {
    public var gradientEvaluations: Int
    public var valueEvaluations: Int
    public var trainingLoss: Double
    public var testLoss: Double
    public var testAccuracy: Double

    public init<S: DescentFloat>(_ record: EpochRecord<S>) {
      (gradientEvaluations, valueEvaluations) = (record.gradientEvaluations, record.valueEvaluations)
      (trainingLoss, testLoss, testAccuracy) = (
        Double(record.trainingLoss), Double(record.testLoss), Double(record.testAccuracy)
      )
    }

    public init(from decoder: any Decoder) throws {
      var fields = try decoder.unkeyedContainer()
      gradientEvaluations = try fields.decode(Int.self)
      valueEvaluations = try fields.decode(Int.self)
      // A non-finite loss is "inf", "-inf" or "nan" (StudyJSON); files written before
      // 2026-12-08 wrote it as null, read as nan.
      trainingLoss = try fields.decodeIfPresent(Double.self) ?? .nan
      testLoss = try fields.decodeIfPresent(Double.self) ?? .nan
      testAccuracy = try fields.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
      var fields = encoder.unkeyedContainer()
      try fields.encode(gradientEvaluations)
      try fields.encode(valueEvaluations)
      try fields.encode(trainingLoss)
      try fields.encode(testLoss)
      try fields.encode(testAccuracy)
    }
  }

  public init(
    id: String, run: StudyRun, dimension: Int, startValue: Double, minimum: Double?, finalValue: Double,
    bestValue: Double, error: Double?, termination: StudyTermination, evaluations: Counts, reach: [Counts?]?,
    history: [Point],
    epochs: [Epoch]? = nil
  ) {
    (self.id, self.run, self.dimension, self.startValue, self.minimum) = (id, run, dimension, startValue, minimum)
    (self.finalValue, self.bestValue, self.error, self.termination) = (finalValue, bestValue, error, termination)
    (self.evaluations, self.reach, self.history) = (evaluations, reach, history)
    self.epochs = epochs
  }
}

/// How long a run took: kept beside the results, not in them, so that the results file
/// is the same bytes whatever the number of jobs, shards or interruptions.
public struct StudyTiming: Codable, Sendable, Equatable {
  public var id: String
  public var wallSeconds: Double
}
