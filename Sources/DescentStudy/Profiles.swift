/// Dolan–Moré performance profiles and Moré–Wild data profiles of a sweep's results.
///
/// A run solves its problem at accuracy τ once f(x₀) − f(x) ≥ (1 − τ)(f(x₀) − f_L),
/// with f_L the problem's f* where known and otherwise the best value any run of the
/// sweep reached (Moré & Wild 2009, SIAM J. Optim. 20(1)). The cost t_{p,s} of method s
/// on problem p is the gradient evaluations it took (∞ unsolved). Then
///
///     performance  ρ_s(α) = |{p : t_{p,s} ≤ α · min_s t_{p,s}}| / |P|   (Dolan & Moré 2002)
///     data         d_s(κ) = |{p : t_{p,s} ≤ κ · (n_p + 1)}| / |P|        (simplex gradients)
///
/// A problem is a problem with its settings and seed. A method is a label; it is
/// profiled at its defaults (its run marked so: see ``StudySpecification``) and at its
/// best setting per problem from the grid.
public enum Profiles {
  public enum Variant: String, Sendable, CaseIterable {
    case defaults
    case best
  }

  /// t_{p,s} for every problem and method at one accuracy.
  public struct Costs: Sendable, Equatable {
    public var problems: [String]
    public var dimensions: [Int]
    public var methods: [String]
    /// costs[p][s]: gradient evaluations to solve, nil when unsolved.
    public var costs: [[Int?]]
    /// Why an unsolved entry failed: its run's termination.
    public var failures: [[String?]]

    public init(problems: [String], dimensions: [Int], methods: [String], costs: [[Int?]], failures: [[String?]]) {
      (self.problems, self.dimensions, self.methods, self.costs, self.failures) =
        (problems, dimensions, methods, costs, failures)
    }
  }

  /// The costs of every method on every problem of `results` at accuracy `tau`.
  public static func costs(_ results: [StudyResult], tau: Double, variant: Variant) -> Costs {
    var order: [String] = []
    var byProblem: [String: [StudyResult]] = [:]
    for result in results {
      let key = result.run.problem.text
      if byProblem[key] == nil { order.append(key) }
      byProblem[key, default: []].append(result)
    }
    var labels: [String] = []
    for result in results where !labels.contains(result.run.method.label) { labels.append(result.run.method.label) }
    if variant == .defaults {
      labels = labels.filter { label in results.contains { $0.run.method.label == label && $0.run.method.isDefault } }
    }
    var costs: [[Int?]] = []
    var failures: [[String?]] = []
    var dimensions: [Int] = []
    for key in order {
      let runs = byProblem[key]!
      let floor = runs[0].minimum ?? runs.map(\.bestValue).filter(\.isFinite).min() ?? .infinity
      dimensions.append(runs[0].dimension)
      var row: [Int?] = []
      var reasons: [String?] = []
      for label in labels {
        let candidates = runs.filter {
          $0.run.method.label == label && (variant == .best || $0.run.method.isDefault)
        }
        let solved = candidates.compactMap { run in cost(of: run, tau: tau, floor: floor).map { ($0, run) } }
        let best = solved.min { $0.0 < $1.0 }
        row.append(best?.0)
        reasons.append(best == nil ? candidates.map(\.termination.description).first : nil)
      }
      costs.append(row)
      failures.append(reasons)
    }
    return Costs(problems: order, dimensions: dimensions, methods: labels, costs: costs, failures: failures)
  }

  /// Gradient evaluations `run` took to solve at `tau` against `floor` (f_L), or nil.
  static func cost(of run: StudyResult, tau: Double, floor: Double) -> Int? {
    let gap = run.startValue - floor
    guard gap > 0 else { return 0 }
    if let minimum = run.minimum, minimum == floor, let index = StudyResult.accuracies.firstIndex(of: tau),
      let reach = run.reach
    {
      return reach[index]?.gradient
    }
    let target = run.startValue - (1 - tau) * gap
    return run.history.first { $0.best <= target }?.evaluations.gradient
  }

  /// ρ_s as steps: the sorted ratios where it rises and its value from there on.
  public static func performance(_ costs: Costs) -> [[(ratio: Double, share: Double)]] {
    let problemCount = Double(costs.problems.count)
    let minima = costs.costs.map { row in row.compactMap { $0 }.min() }
    return costs.methods.indices.map { s in
      var ratios: [Double] = []
      for (p, row) in costs.costs.enumerated() {
        guard let t = row[s], let best = minima[p] else { continue }
        ratios.append(Double(max(t, 1)) / Double(max(best, 1)))
      }
      return steps(ratios.sorted(), of: problemCount)
    }
  }

  /// d_s as steps: the sorted budgets (in simplex gradients) where it rises.
  public static func data(_ costs: Costs) -> [[(budget: Double, share: Double)]] {
    let problemCount = Double(costs.problems.count)
    return costs.methods.indices.map { s in
      var budgets: [Double] = []
      for (p, row) in costs.costs.enumerated() {
        guard let t = row[s] else { continue }
        budgets.append(Double(t) / Double(costs.dimensions[p] + 1))
      }
      return steps(budgets.sorted(), of: problemCount).map { (budget: $0.ratio, share: $0.share) }
    }
  }

  /// The share of problems at or below each sorted value, one step per distinct value.
  private static func steps(_ sorted: [Double], of count: Double) -> [(ratio: Double, share: Double)] {
    var result: [(ratio: Double, share: Double)] = []
    for (index, value) in sorted.enumerated() {
      let share = Double(index + 1) / count
      if let last = result.last, last.ratio == value {
        result[result.count - 1].share = share
      } else {
        result.append((value, share))
      }
    }
    return result
  }
}
