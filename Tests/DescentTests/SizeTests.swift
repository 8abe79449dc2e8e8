import Descent
import DescentProblems
import Foundation
import Testing

/// Sizes a user controls are checked, with overflow-checked arithmetic, against the
/// machine's memory before anything is allocated; a reused optimizer is checked
/// against the new problem's dimension.
@Suite struct SizeTests {
  static let problem = try! Rosenbrock<Double>()

  @Test(arguments: [Int.max, 1_000_000_000, Int.max / 2 + 1])
  func hugeHorizonIsRefusedBeforeAllocating(_ horizon: Int) throws {
    var csawg = try Csawg<Double>(horizon: horizon)
    #expect(throws: DescentError.self) {
      try minimize(Self.problem, from: [-1, 0], using: &csawg)
    }
  }

  @Test func hugeMemoryIsRefusedBeforeAllocating() throws {
    var lbfgs = try LBFGS<Double>(memory: .max)
    #expect(throws: DescentError.self) { try minimize(Self.problem, from: [-1, 0], using: &lbfgs) }
    var large = try LBFGS<Double>(memory: 1_000_000_000)
    do {
      _ = try minimize(Self.problem, from: [-1, 0], using: &large)
      Issue.record("memory 1e9 was not refused")
    } catch {
      // The line says how much it would take.
      #expect(error.description.contains("GiB"), "\(error)")
    }
  }

  @Test(arguments: [Int.max, 1 << 62, 1 << 40])
  func hugeDimensionIsRefused(_ dimension: Int) {
    #expect(throws: DescentError.self) { try Rosenbrock<Double>(dimension: dimension) }
    #expect(throws: DescentError.self) { try IDBDLeastMeanSquares<Float>(dimension: dimension) }
  }

  @Test func nelderMeadRefusesASimplexThatCannotFit() throws {
    let wide = try Rosenbrock<Double>(dimension: 100_000_000)
    var nelderMead = try NelderMead<Double>()
    #expect(throws: DescentError.self) {
      try minimize(wide, from: [Double](repeating: 0, count: 2), using: &nelderMead)
    }
  }

  /// Csawg reused, or resumed from a checkpoint, on another dimension is refused
  /// with a dimension error, as Adam and L-BFGS are.
  @Test func csawgOnAnotherDimensionThrows() throws {
    var csawg = try Csawg<Double>()
    _ = try minimize(Self.problem, from: [-1, 0], using: &csawg, until: .init(maxIterations: 5))
    let wider = try Rosenbrock<Double>(dimension: 3)
    #expect(throws: DescentError.dimensionMismatch(name: "optimizer state", expected: 3, actual: 2)) {
      try minimize(wider, from: [-1, 0, 0], using: &csawg)
    }
    var resumed = try JSONDecoder().decode(Csawg<Double>.self, from: JSONEncoder().encode(csawg))
    #expect(throws: DescentError.self) { try minimize(wider, from: [-1, 0, 0], using: &resumed) }
  }

  /// A resumed state must fit every method on the problem it resumes.
  @Test(arguments: OptimizerCatalog.names)
  func everyResumedStateIsCheckedAgainstTheDimension(_ name: String) throws {
    let optimizer = try OptimizerCatalog.make(name, as: Double.self)
    try checkResume(optimizer)
  }

  func checkResume<O: Optimizer<Double>>(_ optimizer: O) throws {
    let narrow = try Quadratic<Double>(curvature: .diagonal([1, 2]), linear: [0.5, -1])
    var used = optimizer
    _ = try minimize(narrow, from: [-1, 2], using: &used, until: .init(maxIterations: 5))
    var resumed = try JSONDecoder().decode(O.self, from: JSONEncoder().encode(used))
    let wider = try Quadratic<Double>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
    // Either refused, or (a method with no state yet) run cleanly.
    do {
      _ = try minimize(wider, from: [-1, 2, 0.5], using: &resumed, until: .init(maxIterations: 5))
    } catch {
      guard case .dimensionMismatch = error else {
        Issue.record("expected a dimension error, got \(error)")
        return
      }
    }
  }

  /// A checkpoint whose step counter no run reaches (crafted, or corrupted) is
  /// refused when decoded or validated, never left to overflow on the next step.
  @Test(arguments: OptimizerCatalog.names)
  func unreachableCountersAreRefused(_ name: String) throws {
    let optimizer = try OptimizerCatalog.make(name, as: Double.self)
    try checkCounters(optimizer, name)
  }

  func checkCounters<O: Optimizer<Double>>(_ optimizer: O, _ name: String) throws {
    var used = optimizer
    _ = try minimize(Self.problem, from: [-1, 0], using: &used, until: .init(maxIterations: 3))
    let json = String(decoding: try JSONEncoder().encode(used), as: UTF8.self)
    let counter = /"(count|iteration|stepsSinceSync)":\d+/
    guard json.contains(counter) else { return }
    let crafted = json.replacing(counter) { match in "\"\(match.output.1)\":\(Int.max)" }
    // Refused on decoding (Csawg), or else by validate.
    guard var resumed = try? JSONDecoder().decode(O.self, from: Data(crafted.utf8)) else { return }
    #expect(throws: DescentError.self, "\(name)") {
      try minimize(Self.problem, from: [-1, 0], using: &resumed, until: .init(maxIterations: 3))
    }
  }
}

extension SizeTests {
  /// The memory a run may take is the process's (its limits and group's) shared among
  /// the runs of a sweep: with four runs at once, each may take a quarter.
  @Test func runsAtOnceShareTheMemory() {
    let alone = MemoryRequirement.available(sharedBy: 1)
    let shared = MemoryRequirement.available(sharedBy: 4)
    #expect(shared.limit.hasSuffix("shared by 4 runs"))
    #expect(abs(Double(shared.bytes) * 4 - Double(alone.bytes)) < 0.25 * Double(alone.bytes))
  }
}
