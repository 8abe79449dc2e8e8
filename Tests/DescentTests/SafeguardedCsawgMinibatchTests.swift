import Descent
import DescentProblems
import Foundation
import Testing

/// A minibatch objective small enough to reason about: batch j is the quadratic
/// f_j(w) = ½ Σᵢ hᵢ (wᵢ − c_{j,i})², each gradient takes the next of m batches in turn
/// and a value alone reads the last gradient's batch, as a sampler does. The full
/// objective's minimiser is the centres' mean.
final class CyclingBatches<S: DescentFloat>: Objective, @unchecked Sendable {
  let curvatures: [S]
  let centres: [[S]]
  let scale: S
  private let lock = NSLock()
  private var next = 0
  private var current = 0

  init(curvatures: [S], centres: [[S]], scale: S = 1) {
    (self.curvatures, self.centres, self.scale) = (curvatures, centres, scale)
  }

  var dimension: Int { curvatures.count }
  var isStochastic: Bool { true }
  var mean: [S] { (0..<dimension).map { i in centres.map { $0[i] }.reduce(0, +) / S(centres.count) } }

  private func batch(drawing: Bool) -> [S] {
    lock.lock()
    defer { lock.unlock() }
    if drawing {
      current = next
      next = (next + 1) % centres.count
    }
    return centres[current]
  }

  private func value(_ w: UnsafeBufferPointer<S>, _ c: [S]) -> S {
    var f: S = 0
    for i in 0..<dimension { f += curvatures[i] * (w[i] - c[i]) * (w[i] - c[i]) / 2 }
    return scale * f
  }

  func value(at w: UnsafeBufferPointer<S>) -> S { value(w, batch(drawing: false)) }

  func gradient(at w: UnsafeBufferPointer<S>, into g: UnsafeMutableBufferPointer<S>) {
    _ = valueAndGradient(at: w, into: g)
  }

  func valueAndGradient(at w: UnsafeBufferPointer<S>, into g: UnsafeMutableBufferPointer<S>) -> S {
    let c = batch(drawing: true)
    for i in 0..<dimension { g[i] = scale * curvatures[i] * (w[i] - c[i]) }
    return value(w, c)
  }
}

/// The safeguarded planner on minibatches (docs/planning.md, round 6).
@Suite struct SafeguardedCsawgMinibatchTests {
  static func problem<S: DescentFloat>(_: S.Type, scale: S = 1) -> CyclingBatches<S> {
    var generator = SplitMix(state: 7)
    let centres = (0..<8).map { _ in (0..<6).map { _ in S(generator.next(upperBound: UInt64(2_000))) / 1_000 - 1 } }
    return CyclingBatches(curvatures: [100, 30, 10, 3, 1, 0.3], centres: centres, scale: scale)
  }

  /// Every move is tested on its start's batch, so no batch can hold the run: it keeps
  /// moving, never rises out of bounds, and its averaged point lands near the full
  /// objective's minimiser, nearer than its last iterate, in Float and in Double. (Tested
  /// against the largest value seen on other batches, the planner before round 6
  /// halved its step on one batch until the run ended.)
  @Test func movesAreTestedOnTheirOwnBatch() throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      let objective = Self.problem(S.self)
      var planner = try SafeguardedCsawg<S>()
      let result = try minimize(
        objective, from: [S](repeating: 2, count: 6), using: &planner,
        until: .init(maxGradientEvaluations: 4_000, maxValueEvaluations: 20_000))
      #expect(result.termination == .maxGradientEvaluations, "\(S.self): \(result.termination)")
      #expect(planner.stepRejections < result.gradientEvaluations / 2, "\(S.self)")
      let averaged = Vector.distance(result.evaluationPoint, objective.mean)
      #expect(averaged < 0.05, "\(S.self): ‖x̄ − w*‖ = \(averaged)")
      #expect(averaged < Vector.distance(result.minimizer, objective.mean), "\(S.self)")
      // The same run's iterates on the full objective would have settled at the mean;
      // on batches they keep the noise, which the average removes.
      #expect(result.evaluationPoint == planner.evaluationPoint(for: result.minimizer))
    }
    try check(Float.self)
    try check(Double.self)
  }

  /// Each setting is a ratio of measured values: f and 2¹⁰·f give the same iterates
  /// and the same averaged point, bit for bit.
  @Test func minibatchModeIsScaleFree() throws {
    func check<S: DescentFloat>(_: S.Type) throws {
      func run(_ c: S) throws -> MinimizationResult<S> {
        var planner = try SafeguardedCsawg<S>()
        return try minimize(
          Self.problem(S.self, scale: c), from: [S](repeating: 2, count: 6), using: &planner,
          until: .init(maxGradientEvaluations: 500))
      }
      let (plain, scaled) = (try run(1), try run(1024))
      #expect(plain.minimizer == scaled.minimizer, "\(S.self)")
      #expect(plain.evaluationPoint == scaled.evaluationPoint, "\(S.self)")
      #expect(plain.valueEvaluations == scaled.valueEvaluations)
    }
    try check(Float.self)
    try check(Double.self)
  }

  /// A run checkpointed mid-way and resumed takes the same steps, average included.
  @Test func resumesBitForBit() throws {
    let start = [Double](repeating: 2, count: 6)
    let straightObjective = Self.problem(Double.self)
    var straight = try SafeguardedCsawg<Double>()
    let whole = try minimize(straightObjective, from: start, using: &straight, until: .init(maxIterations: 300))

    let objective = Self.problem(Double.self)
    var first = try SafeguardedCsawg<Double>()
    let half = try minimize(objective, from: start, using: &first, until: .init(maxIterations: 150))
    var resumed = try JSONDecoder().decode(SafeguardedCsawg<Double>.self, from: JSONEncoder().encode(first))
    let rest = try minimize(objective, from: half.minimizer, using: &resumed, until: .init(maxIterations: 150))
    #expect(rest.minimizer == whole.minimizer)
    #expect(rest.evaluationPoint == whole.evaluationPoint)
  }

  /// On a deterministic objective nothing changes: the average is not kept and the
  /// evaluation point is the iterate.
  @Test func deterministicRunsKeepTheirIterate() throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([10, 1]), linear: [1, 1])
    var planner = try SafeguardedCsawg<Double>()
    let result = try minimize(problem, from: [1, 1], using: &planner, until: .init(maxGradientEvaluations: 50))
    #expect(result.evaluationPoint == result.minimizer)
  }
}

/// A seeded generator for test data (SplitMix64).
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
