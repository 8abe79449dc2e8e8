import Descent
import DescentProblems
import Foundation
import Yams

/// What `descent study` runs, read from YAML (or JSON, which is YAML):
///
/// ```yaml
/// budget: 2000                 # gradient evaluations per run
/// seeds: [0, 1, 2]             # for problems with a seed (default [0])
/// problems:
///   - name: extended-rosenbrock
///     settings: {dimension: [10, 100]}
///   - name: breast-cancer-logistic
///     settings: {batch-size: [0, 32]}
/// methods:
///   - name: gd
///     settings: {learning-rate: [1e-4, 1e-3]}
///   - name: csawg
///     label: csawg-2
///     settings: {horizon: 2, planning-steps: 5, corrections: 10}
/// quick: {problems: [extended-rosenbrock], methods: [gd], budget: 200}
/// ```
///
/// A setting is one value or a list (a grid). A method also runs at its defaults for
/// what its grid tunes (its single-valued settings kept, the listed ones left at their
/// defaults) unless `defaults: false`: the run its profile "at defaults" uses. A problem
/// may set its own `budget` and `seeds`. Values are kept as typed, so a run's id and its errors
/// show them as written.
public struct StudySpecification: Decodable, Sendable {
  public var budget: Int
  public var seeds: [UInt64]?
  public var problems: [Entry]
  public var methods: [Entry]
  public var quick: Quick?

  public struct Entry: Decodable, Sendable {
    public var name: String
    /// The method's name in profiles (default: its name).
    public var label: String?
    public var settings: [String: Grid]?
    /// Whether a method also runs at its defaults (default: yes).
    public var defaults: Bool?
    /// A problem's own budget of gradient evaluations, instead of the specification's.
    public var budget: Int?
    /// A problem's own seeds, instead of the specification's.
    public var seeds: [UInt64]?
  }

  /// The subset `--quick` runs.
  public struct Quick: Decodable, Sendable {
    public var problems: [String]?
    public var methods: [String]?
    public var seeds: [UInt64]?
    public var budget: Int?
  }

  /// One value or a list of them, as text.
  public struct Grid: Decodable, Sendable {
    public var values: [String]

    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let list = try? container.decode([String].self) {
        values = list
      } else {
        values = [try container.decode(String.self)]
      }
    }
  }

  /// Reads a specification, naming the file and what is wrong in any error.
  public static func read(_ path: String) throws -> StudySpecification {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw StudyError("cannot read the specification \(path): \(error.localizedDescription)")
    }
    do {
      return try YAMLDecoder().decode(StudySpecification.self, from: text)
    } catch {
      throw StudyError("\(path) is not a study specification: \(describe(error))")
    }
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "missing '\(key.stringValue)'" + at(context)
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      return context.debugDescription + at(context)
    default:
      return "\(error)"
    }
  }

  private static func at(_ context: DecodingError.Context) -> String {
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    return path.isEmpty ? "" : " at \(path)"
  }

  /// Every run, in the fixed order: problems, then methods, then seeds.
  public func runs(quick: Bool = false) throws -> [StudyRun] {
    let budget = quick ? (self.quick?.budget ?? self.budget) : self.budget
    guard budget >= 1 else { throw StudyError("budget \(budget): expected an integer ≥ 1") }
    let seeds = (quick ? self.quick?.seeds : nil) ?? self.seeds ?? [0]
    guard !seeds.isEmpty else { throw StudyError("seeds: expected at least one") }
    let problems = try self.problems.filter { entry in
      !quick || (self.quick?.problems.map { $0.contains(entry.name) } ?? true)
    }.flatMap { entry in
      let own = quick ? (self.quick?.budget ?? entry.budget) : entry.budget
      if let own, own < 1 { throw StudyError("\(entry.name): budget \(own): expected an integer ≥ 1") }
      return try configurations(entry, kind: "problem", known: ProblemCatalog.names, withDefaults: false).map {
        (configuration: $0, budget: own ?? budget, seeds: entry.seeds ?? seeds)
      }
    }
    let methods = try self.methods.filter { entry in
      !quick || (self.quick?.methods.map { $0.contains(entry.label ?? entry.name) } ?? true)
    }.flatMap { try configurations($0, kind: "method", known: OptimizerCatalog.names, withDefaults: true) }
    var runs: [StudyRun] = []
    for (problem, budget, seeds) in problems {
      let type = ProblemCatalog.types(Double.self).first { $0.catalogName == problem.name }!
      let seeded = type.settingNames.contains("seed") && problem.settings["seed"] == nil
      for method in methods {
        for seed in seeded ? seeds.map(Optional.some) : [nil] {
          var settings = problem.settings
          if let seed { settings["seed"] = String(seed) }
          runs.append(
            StudyRun(
              index: runs.count, problem: .init(name: problem.name, settings: settings), method: method,
              seed: seed, budget: budget))
        }
      }
    }
    guard !runs.isEmpty else { throw StudyError("the specification has no runs (no problems or no methods)") }
    return runs
  }

  /// An entry's grid, expanded over its settings in name order; a method's defaults
  /// first, unless turned off or already in the grid.
  private func configurations(
    _ entry: Entry, kind: String, known: [String], withDefaults: Bool
  ) throws -> [StudyRun.Configuration] {
    guard known.contains(entry.name) else {
      throw StudyError("unknown \(kind) '\(entry.name)': known are \(known.joined(separator: ", "))")
    }
    var grids: [[String: String]] = [[:]]
    var fixed: [String: String] = [:]
    for (name, grid) in (entry.settings ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard !grid.values.isEmpty else { throw StudyError("\(entry.name): setting '\(name)' has no values") }
      if grid.values.count == 1 { fixed[name] = grid.values[0] }
      grids = grids.flatMap { partial in grid.values.map { partial.merging([name: $0]) { $1 } } }
    }
    var configurations = grids.map {
      StudyRun.Configuration(name: entry.name, label: entry.label ?? entry.name, settings: $0)
    }
    if withDefaults && (entry.defaults ?? true) {
      if let index = configurations.firstIndex(where: { $0.settings == fixed }) {
        configurations[index].isDefault = true
      } else {
        configurations.insert(
          .init(name: entry.name, label: entry.label ?? entry.name, settings: fixed, isDefault: true), at: 0)
      }
    }
    return configurations
  }
}

/// A mistake in a specification, a results file or the study's own files, said plainly.
public struct StudyError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
