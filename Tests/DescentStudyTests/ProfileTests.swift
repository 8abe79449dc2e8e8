import DescentStudy
import Testing

/// The profiles against a small example worked out by hand.
@Suite struct ProfileTests {
  /// Three problems (n = 1, 3, 9), three methods; costs in gradient evaluations:
  ///
  ///            A      B      C
  ///     p1     10     20     ✗
  ///     p2     40     10     10
  ///     p3     ✗      100    50
  ///
  /// Ratios to the best: A (1, 4, ∞), B (2, 1, 2), C (∞, 1, 1).
  /// Performance: ρ_A(1) = 1/3, ρ_A(4) = 2/3; ρ_B(1) = 1/3, ρ_B(2) = 1; ρ_C(1) = 2/3.
  /// Simplex gradients t/(n + 1): A (5, 10, ∞), B (10, 2.5, 10), C (∞, 2.5, 5).
  static let costs = Profiles.Costs(
    problems: ["p1", "p2", "p3"], dimensions: [1, 3, 9], methods: ["A", "B", "C"],
    costs: [[10, 20, nil], [40, 10, 10], [nil, 100, 50]],
    failures: [[nil, nil, "nonFiniteValue"], [nil, nil, nil], ["maxGradientEvaluations", nil, nil]])

  @Test func performanceProfileByHand() {
    let profiles = Profiles.performance(Self.costs)
    #expect(profiles[0].map(\.ratio) == [1, 4] && profiles[0].map(\.share) == [1.0 / 3, 2.0 / 3])
    #expect(profiles[1].map(\.ratio) == [1, 2] && profiles[1].map(\.share) == [1.0 / 3, 1])
    #expect(profiles[2].map(\.ratio) == [1] && profiles[2].map(\.share) == [2.0 / 3])
  }

  @Test func dataProfileByHand() {
    let profiles = Profiles.data(Self.costs)
    #expect(profiles[0].map(\.budget) == [5, 10] && profiles[0].map(\.share) == [1.0 / 3, 2.0 / 3])
    #expect(profiles[1].map(\.budget) == [2.5, 10] && profiles[1].map(\.share) == [1.0 / 3, 1])
    #expect(profiles[2].map(\.budget) == [2.5, 5] && profiles[2].map(\.share) == [1.0 / 3, 2.0 / 3])
  }

  /// Costs from results: f_L is f* where known (the exact counts), else the best value
  /// any run reached (read off the histories); defaults are the runs without settings,
  /// best the cheapest configuration per problem.
  @Test func costsFromResults() {
    func result(_ method: String, _ settings: [String: String], history: [(Int, Double)], minimum: Double?)
      -> StudyResult
    {
      let run = StudyRun(
        index: 0, problem: .init(name: "q", settings: [:]),
        method: .init(name: method, settings: settings, isDefault: settings.isEmpty),
        seed: nil, budget: 100)
      let points = history.map {
        StudyResult.Point(evaluations: .init(gradient: $0.0, value: 0, samples: nil), best: $0.1)
      }
      return StudyResult(
        id: run.id, run: run, dimension: 1, startValue: 100, minimum: minimum, finalValue: history.last!.1,
        bestValue: history.map(\.1).min()!, error: nil, termination: .ended(.maxGradientEvaluations),
        evaluations: .init(
          gradient: 100, value: 0, samples: nil), reach: nil, history: points)
    }
    // f_L = 0 (the best run): τ = 1e-1 needs f ≤ 10.
    let results = [
      result("gd", [:], history: [(0, 100), (5, 20), (30, 9)], minimum: nil),
      result("gd", ["learning-rate": "1"], history: [(0, 100), (8, 5), (50, 0)], minimum: nil),
      result("adam", [:], history: [(0, 100), (70, 50)], minimum: nil),
    ]
    let defaults = Profiles.costs(results, tau: 1e-1, variant: .defaults)
    #expect(defaults.methods == ["gd", "adam"])
    #expect(defaults.costs == [[30, nil]])
    #expect(defaults.failures == [[nil, "max-evaluations"]])
    let best = Profiles.costs(results, tau: 1e-1, variant: .best)
    #expect(best.costs == [[8, nil]])
    #expect(Profiles.costs(results, tau: 1e-7, variant: .best).costs == [[50, nil]])
  }
}
