/// The safeguarded planner's checkpoint (its settings validated by its initialiser, its
/// state checked for consistency with them) and its catalog entry.
extension SafeguardedCsawg {
  /// The layout of the checkpoint this build writes. A checkpoint without the key is of
  /// format 1 (the same layout, from before the key).
  public static var checkpointFormat: Int { 1 }

  private enum CodingKeys: String, CodingKey {
    case format
    case fit, memory, backoff, regularization, stepRule
    case sufficientDecrease, growth, shrink, averaging, average, averagedPoints
  }

  /// One object: the settings, the schedule's and the window's fields (as in Csawg's
  /// checkpoint) and the run's state (`PlannerState`), each under its own name.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let format = try c.decodeIfPresent(Int.self, forKey: .format) ?? 1
    guard format == Self.checkpointFormat else {
      throw Self.corrupted(
        decoder,
        "a checkpoint of SafeguardedCsawg in format \(format), which this build does not read (it reads format \(Self.checkpointFormat))"
      )
    }
    let schedule = try PlanningScheduleCoding<Scalar>(from: decoder)
    try self.init(
      learningRate: schedule.learningRate, stepRule: c.decode(StepRule.self, forKey: .stepRule),
      horizon: schedule.horizon, planningSteps: schedule.planningSteps,
      corrections: schedule.corrections, projectionGradient: schedule.projectionGradient,
      fit: c.decode(Fit.self, forKey: .fit), memory: c.decode(Memory.self, forKey: .memory),
      backoff: c.decode(Scalar.self, forKey: .backoff), regularization: c.decode(Scalar.self, forKey: .regularization),
      sufficientDecrease: c.decode(Scalar.self, forKey: .sufficientDecrease),
      growth: c.decode(Scalar.self, forKey: .growth), shrink: c.decode(Scalar.self, forKey: .shrink),
      averaging: c.decode(Scalar.self, forKey: .averaging))
    window = try PlanningWindow(from: decoder)
    state = try PlannerState(from: decoder)
    minibatch.average = try c.decode([Scalar].self, forKey: .average)
    minibatch.averagedPoints = try c.decode(Int.self, forKey: .averagedPoints)
    let d = window.dimension
    let allocated = d > 0
    guard
      [state.alpha, state.gradient, state.moveStart, state.stepStart, state.lastPoint, state.lastGradient].allSatisfy({
        $0.count == d
      }),
      state.acceptance.memory == valuesRemembered, !allocated || window.keepsPairs == (fit == .secant),
      !allocated || learningRate == nil || (state.stepSize > 0 && state.stepSize <= learningRate!), state.stepSize >= 0,
      state.previousStepSize >= 0, state.trust > 0 && state.trust <= 1,
      [state.acceptedJumps, state.rejectedJumps, state.rejectedSteps, minibatch.averagedPoints].allSatisfy({ $0 >= 0 }),
      minibatch.average.count == (allocated && state.onMinibatches ? d : 0), state.startValue.isFinite
    else { throw Self.corrupted(decoder, "SafeguardedCsawg's state does not fit its settings") }
  }

  public func encode(to encoder: any Encoder) throws {
    try encodeWindowAndSchedule(to: encoder)
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(Self.checkpointFormat, forKey: .format)
    try c.encode(fit, forKey: .fit)
    try c.encode(memory, forKey: .memory)
    try c.encode(backoff, forKey: .backoff)
    try c.encode(regularization, forKey: .regularization)
    try c.encode(stepRule, forKey: .stepRule)
    try c.encode(sufficientDecrease, forKey: .sufficientDecrease)
    try c.encode(growth, forKey: .growth)
    try c.encode(shrink, forKey: .shrink)
    try c.encode(averaging, forKey: .averaging)
    try c.encode(minibatch.average, forKey: .average)
    try c.encode(minibatch.averagedPoints, forKey: .averagedPoints)
    try state.encode(to: encoder)
  }
}

extension SafeguardedCsawg: CatalogedOptimizer, Planner {
  var scheduledLearningRate: Scalar? { learningRate }

  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "csawg-safeguarded",
      summary:
        "step-size planning with nothing to tune: steps sized from its pairs, every move tested and undone when it fails",
      citation: "Yao (2022); Grippo, Lampariello & Lucidi (1986); Fang & Saad (2009)",
      initialiserDefaults: { try Self() },
      settings: Setting.planningSchedule(
        learningRate: .optionalReal(
          "learningRate", \.learningRate, symbol: "γ", none: "auto", .positive,
          "the state.gradient steps' size (auto: from the pairs the planner has measured)"), horizon: \.horizon,
        defaultHorizon: 5, planningSteps: \.planningSteps,
        corrections: \.corrections, projectionGradient: \.projectionGradientChoice)
        + [
          .choice(
            "stepRule", \.stepRule, default: .bb1,
            "without a γ, each step's size from the last pair: bb1 sᵀs/sᵀy, bb2 sᵀy/yᵀy, adgd ‖s‖/2‖y‖"),
          .choice("fit", \.fit, default: .secant, "secant (rotation invariant), diagonal (the paper's) or scalar"),
          Setting(
            "memory", \.memory, symbol: "m", kind: .integer, default: .automatic,
            Allowed(words: "≥ 0, auto or all", expected: "an integer ≥ 0, auto or all") {
              if case .last(let m) = $0 { m >= 0 } else { true }
            },
            "values the state.acceptance test looks back over (auto: 10 without a γ, all with one: never above f(w₀))",
            parse: { $0 == "auto" ? .automatic : $0 == "all" ? .all : Int($0).map(Memory.last) },
            format: {
              switch $0 {
              case .automatic: "auto"
              case .all: "all"
              case .last(let m): "\(m)"
              }
            }),
          .real("backoff", \.backoff, symbol: "β", default: 0.5, .fraction, "factor on the jump after a rejection"),
          .real(
            "regularization", \.regularization, symbol: "λ", default: 1e-8, .nonNegative,
            "Tikhonov term of the secant fit, relative to tr(GᵀG)/K"),
          .real(
            "sufficientDecrease", \.sufficientDecrease, symbol: "c", default: 0.1, .rate,
            "on minibatches: Armijo's c of the same-batch test"),
          .real(
            "growth", \.growth, symbol: "r", default: 1.0717735, .atLeast(1),
            "on minibatches: the step's factor after each accepted step once one was cut (2 before)"),
          .real(
            "shrink", \.shrink, symbol: "β_s", default: 0.8, .openUnit, "on minibatches: the step's factor after a cut"),
          .real(
            "averaging", \.averaging, symbol: "η", default: 3, .nonNegative,
            "on minibatches: the power of the polynomial-decay average that is evaluated"),
        ])
  }
}
