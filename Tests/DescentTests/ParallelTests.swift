import Descent
import DescentProblems
import Testing

/// Element-wise kernels split across cores above `Parallel.threshold`; each element is
/// computed as on one core, so the split must not change a single bit.
@Suite struct ParallelTests {
  /// Methods whose update of a component does not depend on that component alone,
  /// with the reason: for these a run on all components is not the runs on two
  /// halves. Every other cataloged method must pass the test below.
  static let notSeparable = [
    "polyak": "the step-size uses f and ‖∇f‖² over all components",
    "sps": "the step-size uses f and ‖∇f‖² over all components",
    "l4": "the step-size uses f and ĝᵀv over all components",
    "lossgrad": "the step-size uses f and ‖∇f‖² over all components",
    "sgd-hd": "the step-size follows gᵀg′ over all components",
    "adam-hd": "the step-size follows gᵀu over all components",
    "lbfgs": "the direction and the line search couple all components",
    "nelder-mead": "the simplex couples all components",
    "adgd": "the step-size uses ‖Δx‖ and ‖Δ∇f‖ over all components",
    "adgd-accel": "the step-size and momentum use ‖Δx‖ and ‖Δ∇f‖ over all components",
    "nesterov-restart": "the restart test uses ∇fᵀΔx (or f) over all components",
    "dog": "the step-size uses ‖x − x₀‖ and ‖g‖² over all components",
    "prodigy": "the estimate d uses gᵀ(x₀ − x) and ‖s‖₁ over all components",
    "bb": "the step-size uses sᵀy and the line search f over all components",
    "csawg-safeguarded": "the acceptance test compares f, a sum over all components",
    "anderson": "the mixing weights solve a least-squares problem over all components",
    "bfgs": "the inverse Hessian and the line search couple all components",
    "cg": "β and the line search use sums over all components",
    "ac-fgm": "the step-sizes use ‖Δ∇f‖ and ∇fᵀΔx over all components",
  ]

  static let separable = OptimizerCatalog.names.filter { notSeparable[$0] == nil }

  @Test func everyMethodIsSplitOrSaysWhyNot() {
    for name in Self.notSeparable.keys { #expect(OptimizerCatalog.names.contains(name), "\(name) is not a method") }
  }

  @Test(arguments: separable)
  func splittingAcrossCoresChangesNoBit(_ name: String) throws {
    let half = Parallel.threshold / 2 + 1_000  // each half runs on one core, the whole on all
    let curvatures = (0..<(2 * half)).map { 0.5 + Double($0 % 97) / 50 }
    let start = (0..<(2 * half)).map { Double($0 % 13) / 6 - 1 }
    let settings = name == "csawg" ? ["planning-steps": "2", "corrections": "1", "learning-rate": "0.1"] : [:]
    func run(_ range: Range<Int>) throws -> [Double] {
      let problem = try Quadratic<Double>(curvature: .diagonal(Array(curvatures[range])))
      let optimizer = try OptimizerCatalog.make(name, settings: settings, as: Double.self)
      return try minimize(problem, from: Array(start[range]), with: optimizer, until: .init(maxIterations: 12))
        .minimizer
    }
    let whole = try run(0..<(2 * half))
    let halves = try run(0..<half) + run(half..<(2 * half))
    #expect(whole.count >= Parallel.threshold)
    #expect(whole.map(\.bitPattern) == halves.map(\.bitPattern))
  }

  @Test func chunksCoverEveryIndexOnce() {
    for count in [0, 1, 63, Parallel.threshold - 1, Parallel.threshold, 3 * Parallel.threshold + 17] {
      var seen = [Int](repeating: 0, count: count)
      seen.withUnsafeMutableBufferPointer { seen in
        Parallel.forEachChunk(count: count) { range in
          for i in range { seen[i] += 1 }
        }
      }
      #expect(seen.allSatisfy { $0 == 1 }, "count \(count)")
    }
  }

  @Test func finitenessCheckSeesEveryChunk() {
    var x = [Double](repeating: 1, count: 3 * Parallel.threshold)
    #expect(Vector.isFinite(x))
    for index in [0, Parallel.threshold + 5, x.count - 1] {
      x[index] = .nan
      #expect(!Vector.isFinite(x))
      x[index] = .infinity
      #expect(!Vector.isFinite(x))
      x[index] = 1
    }
  }

  /// The thread count is a setting (and `DESCENT_THREADS`): one thread gives the
  /// bits of all of them, and a count is kept within 1…maximumThreads.
  @Test func threadCountChangesNoBit() throws {
    let d = 3 * Parallel.threshold
    let problem = try Quadratic<Double>(curvature: .diagonal((0..<d).map { 0.5 + Double($0 % 97) / 50 }))
    let start = (0..<d).map { Double($0 % 13) / 6 - 1 }
    func run() throws -> [Double] {
      var adam = try Adam<Double>(learningRate: 0.1)
      return try minimize(problem, from: start, using: &adam, until: .init(maxIterations: 8)).minimizer
    }
    let all = try run()
    let chosen = Parallel.threads
    Parallel.threads = 1
    let one = try run()
    Parallel.threads = 0
    #expect(Parallel.threads == 1)
    Parallel.threads = .max
    #expect(Parallel.threads == Parallel.maximumThreads)
    Parallel.threads = chosen
    #expect(one.map(\.bitPattern) == all.map(\.bitPattern))
  }
}
