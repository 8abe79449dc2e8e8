import Descent
import DescentProblems
import Foundation

/// Runs one ``StudyRun``: builds its problem and method from the catalogs, minimises
/// with the run's budget of gradient evaluations, and watches the full objective's value
/// (uncounted) at every iteration, or, on data problems (where a full pass costs a
/// gradient, and in the stochastic mode many steps), on a geometric grid of gradient
/// counts. A run stops early once it has solved its problem to every accuracy against f*.
public struct StudyRunner: Sendable {
  /// Gradient counts of the history grow by this factor between points.
  static let historyGrowth = 1.05

  public init() {}

  public func run(_ run: StudyRun) throws -> (StudyResult, StudyTiming) {
    switch run.precision {
    case .float: try self.run(run, as: Float.self)
    case .double: try self.run(run, as: Double.self)
    }
  }

  /// The run in `S`; what it measures is recorded in Double.
  private func run<S: DescentFloat>(_ run: StudyRun, as _: S.Type) throws -> (StudyResult, StudyTiming) {
    let clock = ContinuousClock.now
    let (settings, scale) = try ProblemScale.split(run.problem.settings)
    let problem = try Self.named { try ProblemCatalog.make(run.problem.name, settings: settings, as: S.self) }
    if let training = problem as? any TrainedByEpochs<S> {
      guard scale == nil else { throw StudyError("\(run.problem.name) is a training problem: it takes no scale") }
      return (try train(run, training), StudyTiming(id: run.id, wallSeconds: seconds(since: clock)))
    }
    // The full objective beside a stochastic one: the same problem on every row.
    let unscaledFull = problem.fullObjective
    // On data, a full pass costs a gradient: f is watched on the history's grid only.
    let watchedOnGrid = unscaledFull != nil || problem is any DataProblem<S>
    let full = unscaledFull.map { ProblemScale.apply(scale, to: $0) } ?? ProblemScale.apply(scale, to: problem)
    let objective = ProblemScale.apply(scale, to: problem)
    let optimizer = try Self.named {
      try OptimizerCatalog.make(run.method.name, settings: run.method.settings, as: S.self)
    }
    let start = problem.defaultStart
    let startValue = Double(full.value(at: start))
    let minimum = full.minimum.map(Double.init)
    let rows = (problem as? any DataProblem<S>)?.rows
    let samplesDrawn = { (problem as? any DataProblem<S>)?.samplesDrawn }

    var watcher = Watcher(startValue: startValue, minimum: minimum)
    func counts(_ progress: RunProgress<S>) -> StudyResult.Counts {
      let samples = samplesDrawn() ?? rows.map { $0 * (progress.gradientEvaluations + progress.valueEvaluations) }
      return .init(gradient: progress.gradientEvaluations, value: progress.valueEvaluations, samples: samples)
    }
    var nextPoint = 0
    // Values are bounded too, at d + 1 a gradient (a simplex gradient, Moré and Wild's
    // unit of cost), so that a method that evaluates no gradient (Nelder–Mead) ends.
    let rules = StoppingRules<S>(
      maxGradientEvaluations: run.budget,
      maxValueEvaluations: StoppingOptionsLimit.values(budget: run.budget, dimension: problem.dimension))
    let result: MinimizationResult<S>
    do {
      result = try minimize(
        objective, from: start, with: optimizer, until: rules,
        progress: { progress in
          let due = progress.gradientEvaluations >= nextPoint
          guard !watchedOnGrid || due else { return .proceed }
          let value = Double(full.value(at: progress.iterate))
          let evaluations = counts(progress)
          watcher.see(value, evaluations, record: due)
          if due {
            nextPoint = max(progress.gradientEvaluations + 1, Int(Double(nextPoint) * Self.historyGrowth))
          }
          // Solved to the finest accuracy against f*: nothing left to measure.
          return watcher.solvedEverything ? .stop : .proceed
        })
    } catch {
      // The method cannot run on this problem (Polyak's step where f* is unknown, a
      // state too large): that is a result of the sweep, not a failure of it.
      let none = StudyResult.Counts(gradient: 0, value: 0, samples: rows.map { _ in 0 })
      let refused = StudyResult(
        id: run.id, run: run, dimension: problem.dimension, startValue: startValue, minimum: minimum,
        finalValue: startValue, bestValue: startValue, error: full.minimizer.map { Double(Vector.distance(start, $0)) },
        termination: .refused("\(error)"), evaluations: none,
        reach: minimum == nil ? nil : Array(repeating: nil, count: StudyResult.accuracies.count),
        history: [.init(evaluations: none, best: startValue)])
      return (refused, StudyTiming(id: run.id, wallSeconds: seconds(since: clock)))
    }
    let last = RunProgress<S>(
      iteration: result.iterations, gradientEvaluations: result.gradientEvaluations,
      valueEvaluations: result.valueEvaluations, iterate: result.minimizer)
    let finalValue = Double(full.value(at: result.minimizer))
    watcher.see(finalValue, counts(last), record: true)
    watcher.keepEnd(finalValue, counts(last))
    let error = full.minimizer.map { Double(Vector.distance(result.minimizer, $0)) }
    let termination: StudyTermination =
      result.termination == .stoppedByCallback && watcher.solvedEverything ? .solved : .ended(result.termination)
    let benchResult = StudyResult(
      id: run.id, run: run, dimension: problem.dimension, startValue: startValue, minimum: minimum,
      finalValue: finalValue, bestValue: watcher.best, error: error, termination: termination,
      evaluations: counts(last), reach: minimum == nil ? nil : watcher.reach, history: watcher.history)
    return (benchResult, StudyTiming(id: run.id, wallSeconds: seconds(since: clock)))
  }

  /// A training problem's run: the budget in whole epochs, measured after each (the
  /// training loss over every row as the value, and the held-out loss and accuracy).
  private func train<S: DescentFloat>(_ run: StudyRun, _ problem: any TrainedByEpochs<S>) throws -> StudyResult {
    let optimizer = try Self.named {
      try OptimizerCatalog.make(run.method.name, settings: run.method.settings, as: S.self)
    }
    let epochs = max(1, run.budget / problem.gradientsPerEpoch)
    let samples: () -> Int? = { (problem as? any DataProblem<S>)?.samplesDrawn ?? nil }
    var history: [StudyResult.Point] = []
    var best = Double.infinity
    let result = try problem.train(
      from: problem.defaultStart, with: optimizer, epochs: epochs, maxGradientEvaluations: nil,
      maxValueEvaluations: StoppingOptionsLimit.values(budget: run.budget, dimension: problem.dimension)
    ) { record in
      if Double(record.trainingLoss) < best { best = Double(record.trainingLoss) }
      let counts = StudyResult.Counts(
        gradient: record.gradientEvaluations, value: record.valueEvaluations, samples: samples())
      history.append(.init(evaluations: counts, best: best))
      return true
    }
    let first = result.records[0]
    let last = result.records.last!
    return StudyResult(
      id: run.id, run: run, dimension: problem.dimension, startValue: Double(first.trainingLoss), minimum: nil,
      finalValue: Double(last.trainingLoss), bestValue: best, error: nil, termination: .ended(result.termination),
      evaluations: history.last!.evaluations, reach: nil, history: history,
      epochs: result.records.map(StudyResult.Epoch.init))
  }

  private func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }

  /// A catalog's error with the run it belongs to.
  private static func named<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw StudyError("\(error)")
    }
  }

  /// The best value so far, when it reached each accuracy against f*, and the history.
  struct Watcher {
    let startValue: Double
    let minimum: Double?
    var best = Double.infinity
    var reach: [StudyResult.Counts?] = Array(repeating: nil, count: StudyResult.accuracies.count)
    var history: [StudyResult.Point] = []

    init(startValue: Double, minimum: Double?) {
      self.startValue = startValue
      self.minimum = minimum
    }

    var solvedEverything: Bool { minimum != nil && reach.allSatisfy { $0 != nil } }

    /// The last point, always in the history.
    mutating func keepEnd(_ value: Double, _ evaluations: StudyResult.Counts) {
      if history.last?.evaluations != evaluations { history.append(.init(evaluations: evaluations, best: best)) }
    }

    mutating func see(_ value: Double, _ evaluations: StudyResult.Counts, record: Bool) {
      if value < best { best = value }
      if let minimum {
        for (index, tau) in StudyResult.accuracies.enumerated() where reach[index] == nil {
          if startValue - best >= (1 - tau) * (startValue - minimum) { reach[index] = evaluations }
        }
      }
      // Against a known f* the exact counts are kept; the history (needed only to find
      // them later against f_L) keeps just its ends.
      if record && (minimum == nil || history.isEmpty) {
        if let last = history.last, last.evaluations == evaluations { history.removeLast() }
        history.append(.init(evaluations: evaluations, best: best))
      }
    }
  }
}

/// The value budget beside a gradient budget: d + 1 values a gradient (a simplex
/// gradient, Moré and Wild's unit of cost), so that a method that evaluates no gradient
/// (Nelder–Mead) ends; nil where that overflows.
enum StoppingOptionsLimit {
  static func values(budget: Int, dimension: Int) -> Int? {
    let (values, overflow) = budget.multipliedReportingOverflow(by: dimension + 1)
    return overflow ? nil : values
  }
}
