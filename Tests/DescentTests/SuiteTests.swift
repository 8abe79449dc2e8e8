import Descent
import Testing

/// The test suite's problems: each gradient against central differences of its value,
/// at the standard start and at a point off it, in Double; each known minimum is f at
/// the known minimiser.
@Suite struct SuiteTests {
  /// Every problem of the catalog at its default settings, and each variable-size one
  /// at n = 12 (a size every one of them allows) as well.
  static let cases: [(name: String, settings: [String: String])] =
    ProblemCatalog.names.map { ($0, [:]) }
    + ProblemCatalog.problems.filter { $0.parameters.contains { $0.name == "dimension" } }.map {
      ($0.name, ["dimension": "12"])
    }

  @Test(arguments: cases.indices)
  func gradientIsTheValuesSlope(_ index: Int) throws {
    let (name, settings) = Self.cases[index]
    let problem = try ProblemCatalog.make(name, settings: settings, as: Double.self)
    let start = problem.defaultStart
    // A point off the start, so that symmetric starts do not hide a wrong sign.
    let moved = start.enumerated().map { $1 + 0.1 * Double(($0 % 3) - 1) * max(1, abs($1)) }
    for point in [start, moved] {
      var gradient = [Double](repeating: 0, count: point.count)
      problem.gradient(at: point, into: &gradient)
      let scale = max(gradient.map(abs).max() ?? 0, abs(problem.value(at: point)) * 1e-6, 1e-8)
      for j in point.indices {
        let h = 1e-6 * max(1, abs(point[j]))
        var (up, down) = (point, point)
        up[j] += h
        down[j] -= h
        let slope = (problem.value(at: up) - problem.value(at: down)) / (up[j] - down[j])
        #expect(
          abs(slope - gradient[j]) <= 1e-5 * scale,
          "\(name) \(settings) at \(point == start ? "start" : "moved"): ∂f/∂x\(j) = \(gradient[j]), differences \(slope)"
        )
      }
    }
  }

  @Test(arguments: cases.indices)
  func knownMinimumIsTheValueAtTheMinimiser(_ index: Int) throws {
    let (name, settings) = Self.cases[index]
    let problem = try ProblemCatalog.make(name, settings: settings, as: Double.self)
    guard let minimizer = problem.minimizer, let minimum = problem.minimum else { return }
    #expect(abs(problem.value(at: minimizer) - minimum) <= 1e-9 * max(1, abs(minimum)), "\(name) \(settings)")
  }
}
