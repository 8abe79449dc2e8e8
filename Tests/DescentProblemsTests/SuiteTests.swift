import Descent
import DescentProblems
import Testing

/// The test suite's problems: each gradient against central differences of its value,
/// at the standard start and at a point off it, in Double; each known minimum is f at
/// the known minimiser (for the real-data problems, the reference run's f* at its w*).
@Suite struct SuiteTests {
  /// Every problem of the catalog at its default settings, and each variable-size one
  /// at n = 12 (a size every one of them allows) as well.
  static let cases: [(name: String, settings: [String: String])] =
    ProblemCatalog.names.map { ($0, [:]) }
    + ProblemCatalog.types(Double.self).filter { $0.settingNames.contains("dimension") }.map {
      ($0.catalogName, ["dimension": "12"])
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
      // At most 12 components, spread over the vector: the data problems have thousands.
      for j in Set(stride(from: 0, to: point.count, by: max(1, point.count / 12))).sorted() {
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

extension SuiteTests {
  /// The stochastic mode: the same seed draws the same batches; a batch of every row is
  /// the full gradient (up to the order of the sum); rows are counted.
  @Test func minibatchesAreSeededAndCounted() throws {
    let full = try BreastCancerLogistic<Double>()
    let w = (0..<full.dimension).map { Double($0 % 5) / 10 - 0.2 }
    var exact = [Double](repeating: 0, count: w.count)
    full.gradient(at: w, into: &exact)
    let everyRow = try BreastCancerLogistic<Double>(batchSize: full.rows, seed: 3)
    var whole = [Double](repeating: 0, count: w.count)
    everyRow.gradient(at: w, into: &whole)
    #expect(zip(whole, exact).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    func gradients(seed: UInt64) throws -> [[Double]] {
      let sampled = try BreastCancerLogistic<Double>(batchSize: 32, seed: seed)
      var result: [[Double]] = []
      for _ in 0..<20 {  // past an epoch: 569 rows are 17 batches of 32
        var g = [Double](repeating: 0, count: w.count)
        sampled.gradient(at: w, into: &g)
        result.append(g)
      }
      #expect(sampled.samplesDrawn == 20 * 32)
      return result
    }
    #expect(try gradients(seed: 1) == gradients(seed: 1))
    #expect(try gradients(seed: 1) != gradients(seed: 2))
    #expect(throws: DescentError.self) { try BreastCancerLogistic<Double>(batchSize: 570) }
  }

  /// Unshuffled, batches are the rows in order, from the first again after the last
  /// whole batch: the gradient of batch k is that of rows 10k … 10k + 9 (mod 50).
  @Test func unshuffledBatchesTakeTheRowsInOrder() throws {
    let data = MNIST1D.training(as: Double.self)
    let rows = 50
    let head = try Dataset(
      features: Array(data.features[0..<(rows * 40)]), targets: Array(data.targets[0..<rows]), columns: 40)
    let model = try SoftmaxRegression(data: head, classes: 10, regularization: 0)
    let inOrder = try model.minibatches(of: 10, seed: 0, shuffled: false)
    let w = (0..<model.dimension).map { Double($0 % 7) / 7 - 0.4 }
    for step in 0..<7 {
      var g = [Double](repeating: 0, count: w.count)
      inOrder.gradient(at: w, into: &g)
      let first = (step % 5) * 10
      let batch = try SoftmaxRegression(
        data: Dataset(
          features: Array(head.features[(first * 40)..<((first + 10) * 40)]),
          targets: Array(head.targets[first..<(first + 10)]), columns: 40), classes: 10, regularization: 0)
      var expected = [Double](repeating: 0, count: w.count)
      batch.gradient(at: w, into: &expected)
      #expect(g == expected, "step \(step)")
    }
  }
}
