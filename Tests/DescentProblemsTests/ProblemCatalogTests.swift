import Descent
import DescentProblems
import Testing

/// Every problem's table, held to the Swift it describes, in Float as in Double: the
/// initialiser's defaults are the table's, the defaults as written read back, and a
/// refused value is named as the user typed it.
@Suite struct ProblemCatalogTests {
  @Test func initialiserDefaultsAreTheTables() throws {
    for type in ProblemCatalog.types(Float.self) { try expectTableDefaults(type) }
    for type in ProblemCatalog.types(Double.self) { try expectTableDefaults(type) }
  }

  func expectTableDefaults<P: CatalogedProblem>(_: P.Type) throws {
    let entry = P.catalogEntry
    let initialised = try entry.defaults()
    #expect(entry.notAtDefault(initialised).isEmpty, "\(entry.name) in \(P.Scalar.self): initialiser differs")
    let written = Dictionary(uniqueKeysWithValues: entry.settings.map { ($0.name, $0.defaultText) })
    let read = try P(settings: written)
    #expect(entry.notAtDefault(read).isEmpty, "\(entry.name) in \(P.Scalar.self): \(written) reads back otherwise")
    #expect(read.dimension == initialised.dimension && read.defaultStart == initialised.defaultStart, "\(entry.name)")
    // Its parameter blocks lie end to end over the whole vector.
    let blocks = initialised.parameterBlocks
    #expect(blocks.first?.offset == 0, "\(entry.name)")
    #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.range.upperBound == $1.offset }, "\(entry.name)")
    #expect(blocks.last?.range.upperBound == initialised.dimension, "\(entry.name)")
  }

  /// One registry: every problem once, by a unique name (4 of the paper's kind, 35
  /// Moré–Garbow–Hillstrom, 4 on real data, 5 training problems).
  @Test func oneRegistryOfUniqueNames() {
    #expect(Set(ProblemCatalog.names).count == ProblemCatalog.names.count)
    #expect(ProblemCatalog.names.count == 4 + 35 + 4 + 5)
  }

  /// Values refused by the table, and by the problem's initialiser, are named as typed.
  @Test(arguments: [
    ("rosenbrock", ["b", "-1e0"], "invalid b -1e0: expected a finite number > 0"),
    ("rosenbrock", ["dimension", "1"], "invalid dimension 1: expected an integer ≥ 2"),
    ("watson", ["dimension", "32"], "invalid dimension 32: expected an integer ≥ 2 and ≤ 31"),
    ("extended-powell", ["dimension", "6"], "invalid dimension 6: expected an integer ≥ 4, a multiple of 4"),
    ("diagonal-quadratic", ["condition", "0.5"], "invalid condition 0.5: expected a finite number ≥ 1"),
    ("diagonal-quadratic", ["seed", "-1"], "invalid seed -1: expected an integer ≥ 0"),
    ("quadratic", ["linear", "1,2,3"], "invalid linear 1,2,3: expected 2 numbers, one per curvature, or 0"),
    (
      "breast-cancer-logistic", ["batch-size", "1e3"],
      "invalid batch-size 1e3: expected an integer 0 (all rows) or 1 … n"
    ),
  ])
  func refusedValuesAreNamedAsTyped(problem: String, setting: [String], message: String) {
    let error = #expect(throws: DescentError.self) {
      try ProblemCatalog.make(problem, settings: [setting[0]: setting[1]], as: Double.self)
    }
    #expect(error?.description == message)
  }
}
