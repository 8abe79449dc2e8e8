extension Setting {
  /// γ (given as a row: the paper's planner requires it, the safeguarded one may take it
  /// from its pairs), K, P, M and the first projection's gradient: the settings of the
  /// planning schedule that both planners take, for a planner that stores them at these paths.
  static func planningSchedule(
    learningRate: Self, horizon: WritableKeyPath<Subject, Int>, defaultHorizon: Int,
    planningSteps: WritableKeyPath<Subject, Int>, corrections: WritableKeyPath<Subject, Int>,
    projectionGradient: WritableKeyPath<Subject, ProjectionGradient?>
  ) -> [Self] {
    [
      learningRate,
      .integer(
        "horizon", horizon, symbol: "K", default: defaultHorizon, .atLeast(1), "steps between the compared weights"),
      .integer("planningSteps", planningSteps, symbol: "P", default: 1, .atLeast(1), "projections per planning event"),
      .integer(
        "corrections", corrections, symbol: "M", default: 0, .atLeast(0), "gradient steps after each projection"),
      .optionalChoice(
        "projectionGradientChoice", projectionGradient, name: "projection-gradient", none: "paper",
        "gradient of the first projection; paper: reused when P = 1 and M = 0 (Algorithm 1), else fresh"),
    ]
  }
}

/// γ, K, P, M and the projection's gradient as a planner's checkpoint holds them,
/// beside its window's fields.
struct PlanningScheduleCoding<Scalar: DescentFloat>: Codable {
  /// γ, absent for a safeguarded planner that takes its steps' size from its pairs.
  var learningRate: Scalar?
  var horizon: Int
  var planningSteps: Int
  var corrections: Int
  var projectionGradient: ProjectionGradient?
}

/// A planner on a `PlanningWindow` with the planning schedule's settings.
protocol Planner {
  associatedtype Scalar: DescentFloat
  /// γ as set, or nil where the planner sizes its steps itself.
  var scheduledLearningRate: Scalar? { get }
  var horizon: Int { get }
  var planningSteps: Int { get }
  var corrections: Int { get }
  var projectionGradientChoice: ProjectionGradient? { get }
  var window: PlanningWindow<Scalar> { get }
}

extension Planner {
  /// A checkpoint whose state does not fit its settings.
  static func corrupted(_ decoder: any Decoder, _ message: String) -> DecodingError {
    .dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: message))
  }

  /// The window's fields and the schedule's settings, in the keys of the checkpoint.
  func encodeWindowAndSchedule(to encoder: any Encoder) throws {
    try window.encode(to: encoder)
    try PlanningScheduleCoding(
      learningRate: scheduledLearningRate, horizon: horizon, planningSteps: planningSteps, corrections: corrections,
      projectionGradient: projectionGradientChoice
    ).encode(to: encoder)
  }
}
