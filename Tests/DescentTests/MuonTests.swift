import Descent
import DescentProblems
import Foundation
import Testing

/// Muon held to KellerJordan/Muon's `muon.py` (SingleDeviceMuonWithAuxAdam), transcribed
/// in float64 by `Utilities/Reference/muon_reference.py`, on a quadratic over a small
/// network's blocks: a tall and a wide matrix, a convolution kernel, biases, and the
/// output layer (Adam's).
@Suite struct MuonTests {
  struct Fixture: Decodable {
    struct Block: Decodable {
      let name: String
      let shape: [Int]
    }
    struct Case: Decodable {
      let settings: [String: Double]
      let trajectory: [[Double]]
    }
    let blocks: [Block]
    let curvature: [Double]
    let target: [Double]
    let start: [Double]
    let cases: [Case]
  }

  /// ½ Σ qᵢ (θᵢ − θ*ᵢ)², its parameters described as the fixture's blocks.
  struct BlockQuadratic: Objective {
    let q: [Double]
    let target: [Double]
    let parameterBlocks: [ParameterBlock]
    var dimension: Int { q.count }
    func value(at w: UnsafeBufferPointer<Double>) -> Double {
      var total = 0.0
      for i in 0..<q.count {
        let e = w[i] - target[i]
        total += q[i] * e * e / 2
      }
      return total
    }
    func gradient(at w: UnsafeBufferPointer<Double>, into g: UnsafeMutableBufferPointer<Double>) {
      for i in 0..<q.count { g[i] = q[i] * (w[i] - target[i]) }
    }
  }

  static let fixture: Fixture = {
    let url = Bundle.module.url(forResource: "Fixtures/muon_trajectories", withExtension: "json")!
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }()

  @Test(arguments: [0, 1])
  func followsTheAuthorsCode(index: Int) throws {
    let fixture = Self.fixture
    let blocks = ParameterBlock.laidOut(fixture.blocks.map { ($0.name, $0.shape) })
    let problem = BlockQuadratic(q: fixture.curvature, target: fixture.target, parameterBlocks: blocks)
    let reference = fixture.cases[index]
    let settings = reference.settings.mapValues { $0 == $0.rounded() && $0 >= 1 ? String(Int($0)) : "\($0)" }
    var muon = try OptimizerCatalog.make("muon", settings: settings, as: Double.self)
    #expect(Muon<Double>.orthogonalised(blocks).map(\.name) == ["hidden.weight", "conv.weight", "middle.weight"])
    var oracle = CountingOracle(problem)
    var w = fixture.start
    for (step, expected) in reference.trajectory.enumerated() {
      muon.step(&w, oracle: &oracle)
      let distance = relativeDistance(w, expected)
      #expect(distance <= 1e-12, "case \(index), step \(step + 1): relative distance \(distance)")
      if distance > 1e-12 { return }
    }
    #expect(oracle.gradientEvaluations == 25 && oracle.valueEvaluations == 0)
  }

  /// On an objective with no matrix block (one vector), Muon is its Adam companion.
  @Test func withoutMatricesItIsAdam() throws {
    let problem = try Rosenbrock<Double>()
    var muon = try Muon<Double>(adamLearningRate: 0.01)
    var adam = try Adam<Double>(learningRate: 0.01, beta1: 0.9, beta2: 0.95, epsilon: 1e-10)
    let a = try minimize(problem, from: [-1, 0], using: &muon, until: .init(maxIterations: 200))
    let b = try minimize(problem, from: [-1, 0], using: &adam, until: .init(maxIterations: 200))
    #expect(relativeDistance(a.minimizer, b.minimizer) <= 1e-12)
  }

  /// The iteration takes a matrix to one whose singular values lie near 1 (in about
  /// [0.5, 1.5], as muon.py says of its coefficients), whatever the matrix's scale.
  @Test func newtonSchulzNearlyOrthogonalises() {
    var generator = SeededGenerator(seed: 7)
    let (rows, columns) = (6, 9)
    let g = (0..<(rows * columns)).map { _ in Double.random(in: -1...1, using: &generator) * 1e3 }
    let x = Muon<Double>.newtonSchulz(g, rows: rows, columns: columns, steps: 5)
    // X Xᵀ's diagonal is the squared length of each row: for X = U S' Vᵀ with S' in
    // [0.5, 1.5], each lies in [0.25, 2.25].
    for i in 0..<rows {
      let length = (0..<columns).reduce(0) { $0 + x[i * columns + $1] * x[i * columns + $1] }
      #expect(length > 0.2 && length < 2.3, "row \(i): \(length)")
    }
  }
}
