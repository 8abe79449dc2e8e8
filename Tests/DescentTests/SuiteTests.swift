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

extension SuiteTests {
  /// Q = U diag(q) Uᵀ with U orthogonal has the trace and the Frobenius norm of
  /// diag(q): Σ qᵢ and Σ qᵢ², read off Q's columns Qeⱼ = ∇f(eⱼ).
  @Test func rotationKeepsTheSpectrum() throws {
    let d = 30
    let rotated = try RotatedQuadratic<Double>(dimension: d, condition: 1e3, seed: 7)
    let q = (0..<d).map { Double.pow(1e3, Double($0) / Double(d - 1)) }
    var (trace, frobenius) = (0.0, 0.0)
    for j in 0..<d {
      var unit = [Double](repeating: 0, count: d)
      unit[j] = 1
      var column = [Double](repeating: 0, count: d)
      rotated.gradient(at: unit, into: &column)
      trace += column[j]
      frobenius += column.map { $0 * $0 }.reduce(0, +)
    }
    #expect(abs(trace - q.reduce(0, +)) <= 1e-10 * q.reduce(0, +))
    #expect(abs(frobenius - q.map { $0 * $0 }.reduce(0, +)) <= 1e-10 * q.map { $0 * $0 }.reduce(0, +))
    // Not diagonal: the rotation couples the components.
    var first = [Double](repeating: 0, count: d)
    rotated.gradient(at: [1] + [Double](repeating: 0, count: d - 1), into: &first)
    #expect(first.dropFirst().contains { abs($0) > 1e-3 })
  }
}
