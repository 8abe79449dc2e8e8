import Descent
import DescentProblems
import Foundation

/// A specification checked before its first run.
extension StudySpecification {
  /// Checks the specification without listing its runs: every name and setting, each
  /// value of each setting built in turn (with the others at their first values), the
  /// runs counted. A sweep of millions of runs is checked in a moment.
  public func check(quick: Bool = false) throws -> (runs: Int, problems: Int, methods: Int) {
    let problemEntries = problems.filter { entry in
      !quick || (self.quick?.problems.map { $0.contains(entry.name) } ?? true)
    }
    let methodEntries = methods.filter { entry in
      !quick || (self.quick?.methods.map { $0.contains(entry.label ?? entry.name) } ?? true)
    }
    let methodGrids = try methodEntries.map {
      try grid($0, kind: .method)
    }
    for grid in methodGrids {
      try Self.buildEach(grid, in: .method) {
        try OptimizerCatalog.make(grid.entry.name, settings: $0, as: Double.self)
      }
    }
    let methodCount = try methodGrids.reduce(0) { try Self.countRuns($0 + $1.count, 1, "the methods") }
    // Two entries that make the same method are found by listing them, where that is cheap;
    // where it is cheaper still, every method is built, so that no combination of values
    // (a warm-up as long as its decay) fails after the first runs.
    if methodCount <= 2_000_000 {
      let listed = try methodEntries.map {
        ($0, try configurations($0, kind: .method))
      }
      if methodCount <= 100_000 {
        for (entry, configurations) in listed {
          for configuration in configurations {
            try Self.build(entry, in: .method, configuration.settings) {
              try OptimizerCatalog.make(entry.name, settings: $0, as: Double.self)
            }
          }
        }
      }
      try Self.requireDistinct(listed.flatMap(\.1), .method)
    }
    var problemConfigurations: [StudyRun.Configuration] = []
    var problemCount = 0
    var runCount = 0
    let seeds = (quick ? self.quick?.seeds : nil) ?? self.seeds ?? [0]
    for entry in problemEntries {
      let grid = try grid(entry, kind: .problem)
      try Self.buildEach(grid, in: .problem) {
        try ProblemCatalog.make(entry.name, settings: try ProblemScale.split($0).settings, as: Double.self)
      }
      for configuration in try configurations(entry, kind: .problem) {
        problemConfigurations.append(configuration)
        let seeded = Self.isRandom(configuration) ? (entry.seeds ?? seeds).count : 1
        runCount = try Self.countRuns(
          runCount + (try Self.countRuns(seeded, methodCount, configuration.text)), 1, "the specification")
        problemCount += 1
      }
    }
    guard runCount > 0 else { throw StudyError("the specification has no runs (no problems or no methods)") }
    try Self.requireDistinct(problemConfigurations, .problem)
    return (runCount, problemCount, methodCount)
  }

  /// Builds the entry at each value of each setting in turn, the others at their first.
  private static func buildEach(_ grid: Expansion, in kind: EntryKind, _ build: ([String: String]) throws -> Any) throws
  {
    let first = Dictionary(uniqueKeysWithValues: grid.keys.map { ($0.name, $0.values[0]) })
    try Self.build(grid.entry, in: kind, first, build)
    for (name, values) in grid.keys {
      for value in values.dropFirst() {
        try Self.build(grid.entry, in: kind, first.merging([name: value]) { $1 }, build)
      }
    }
  }

  /// Builds `entry` (of `list`, methods or problems) at `settings`; a value it refuses is
  /// named with the entry and the settings it was built with.
  private static func build(
    _ entry: Entry, in kind: EntryKind, _ settings: [String: String], _ build: ([String: String]) throws -> Any
  ) throws {
    do {
      _ = try build(settings)
    } catch let error as DescentError {
      let label = entry.label.map { " '\($0)'" } ?? ""
      let values = settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      throw StudyError(
        "\(kind.list): \(entry.name)\(label)\(values.isEmpty ? "" : " with \(values)"): \(error); nothing was run")
    }
  }
}
