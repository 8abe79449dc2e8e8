import Descent
import DescentProblems
import Testing

/// The evaluation budget holds inside a step: no run spends more than it was given.
@Suite struct BudgetTests {
  static let problem = try! Rosenbrock<Double>()

  /// A planning event of a million projections stops at the budget.
  @Test func planningStopsAtTheBudget() throws {
    var csawg = try Csawg<Double>(horizon: 2, planningSteps: 1_000_000, corrections: 3)
    let result = try minimize(
      Self.problem, from: [-1, 0], using: &csawg, until: .init(maxIterations: nil, maxGradientEvaluations: 100))
    #expect(result.gradientEvaluations == 100)
    #expect(result.termination == .maxGradientEvaluations)
  }

  /// P·(1 + M) past Int.max neither traps nor runs forever.
  @Test func hugePlanningIsBoundedByTheBudget() throws {
    var csawg = try Csawg<Double>(planningSteps: .max, corrections: .max)
    #expect(csawg.evaluationsPerPlanningEvent == .max)
    let result = try minimize(
      Self.problem, from: [-1, 0], using: &csawg, until: .init(maxIterations: 10, maxGradientEvaluations: 1_000))
    #expect(result.gradientEvaluations == 1_000)
  }

  /// Every method, under gradient and value budgets of every small size, stays within them.
  @Test(arguments: OptimizerCatalog.names)
  func everyMethodStaysWithinItsBudget(_ name: String) throws {
    let quadratic = try Quadratic<Double>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
    for budget in [0, 1, 2, 3, 4, 5, 7, 11, 30] {
      for settings in Self.demanding(name) {
        let optimizer = try OptimizerCatalog.make(name, settings: settings, as: Double.self)
        let rules = StoppingRules<Double>(
          maxIterations: 1_000, maxGradientEvaluations: budget, maxValueEvaluations: budget)
        let result = try minimize(quadratic, from: [-1, 2, 0.5], with: optimizer, until: rules)
        #expect(
          result.gradientEvaluations <= budget, "\(name) \(settings) spent \(result.gradientEvaluations) of \(budget)")
        #expect(
          result.valueEvaluations <= budget, "\(name) \(settings) spent \(result.valueEvaluations) values of \(budget)")
      }
    }
  }

  /// Settings that make a step spend many evaluations.
  static func demanding(_ name: String) -> [[String: String]] {
    switch name {
    case "csawg": [[:], ["planning-steps": "4", "corrections": "3", "horizon": "1"]]
    case "lookahead": [["inner": "csawg", "planning-steps": "5", "corrections": "2"], ["inner": "nelder-mead"]]
    default: [[:]]
    }
  }

  @Test func reserveMarksWhichBudgetIsSpent() {
    var oracle = CountingOracle(Self.problem, maxGradientEvaluations: 2, maxValueEvaluations: 1)
    let fits = oracle.reserve(gradients: 2, values: 1)
    let tooMany = oracle.reserve(values: 2)
    #expect(fits && !tooMany)
    #expect(oracle.spentBudget == .maxValueEvaluations)
    var other = CountingOracle(Self.problem, maxGradientEvaluations: 0)
    let huge = other.reserve(gradients: .max)
    #expect(!huge)
    #expect(other.spentBudget == .maxGradientEvaluations)
  }
}
