import Descent
import DescentProblems
import Foundation
import Yams

/// What `descent study` runs, read from YAML (or JSON, which is YAML); every key, with
/// what it means, is in the repository's docs/specification.md:
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
/// defaults) unless `defaults: false` or a grid point makes that same method: the run its
/// profile "at defaults" uses. A problem may set its own `budget` and `seeds`; seeds
/// multiply only problems with randomness. Values are kept as typed, so a run's id and
/// its errors show them as written.
public struct StudySpecification: Codable, Sendable {
  public var budget: Int
  public var seeds: [UInt64]?
  public var problems: [Entry]
  public var methods: [Entry]
  public var quick: Quick?
  /// The arithmetic of every run: `float` or `double` (the default).
  public var precision: StudyRun.Precision?

  public init(from decoder: any Decoder) throws {
    try Self.requireKnownKeys(decoder, ["budget", "seeds", "problems", "methods", "quick", "precision"])
    let c = try decoder.container(keyedBy: CodingKeys.self)
    budget = try c.decode(Int.self, forKey: .budget)
    seeds = try c.decodeIfPresent([UInt64].self, forKey: .seeds)
    problems = try c.decode([Entry].self, forKey: .problems)
    methods = try c.decode([Entry].self, forKey: .methods)
    quick = try c.decodeIfPresent(Quick.self, forKey: .quick)
    if let text = try c.decodeIfPresent(String.self, forKey: .precision) {
      guard let precision = StudyRun.Precision(rawValue: text) else {
        throw StudyError("invalid precision '\(text)': expected float or double")
      }
      self.precision = precision
    }
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Refuses a key the specification does not take, naming it, where it stands and the
  /// nearest accepted key: a mistyped key would otherwise be ignored without a word.
  static func requireKnownKeys(_ decoder: any Decoder, _ accepted: [String]) throws {
    let keys = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
    for key in keys.sorted() where !accepted.contains(key) {
      let place = path(decoder.codingPath)
      let near = NearestName.to(key, among: accepted).map { ": did you mean '\($0)'?" } ?? ""
      throw StudyError(
        "unknown key '\(key)'\(place.isEmpty ? " at the top" : " in \(place)")\(near) "
          + "(accepted there: \(accepted.joined(separator: ", ")))")
    }
  }

  /// `methods[3].settings`, as a reader finds it.
  static func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
      .description
  }

  public struct Entry: Codable, Sendable {
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

    /// A problem takes `budget` and `seeds`, a method `label` and `defaults`.
    public init(from decoder: any Decoder) throws {
      let isMethod = decoder.codingPath.dropLast().last?.stringValue == "methods"
      try StudySpecification.requireKnownKeys(
        decoder, ["name", "settings"] + (isMethod ? ["label", "defaults"] : ["budget", "seeds"]))
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      label = try c.decodeIfPresent(String.self, forKey: .label)
      settings = try c.decodeIfPresent([String: Grid].self, forKey: .settings)
      defaults = try c.decodeIfPresent(Bool.self, forKey: .defaults)
      budget = try c.decodeIfPresent(Int.self, forKey: .budget)
      seeds = try c.decodeIfPresent([UInt64].self, forKey: .seeds)
    }
  }

  /// The subset `--quick` runs.
  public struct Quick: Codable, Sendable {
    public var problems: [String]?
    public var methods: [String]?
    public var seeds: [UInt64]?
    public var budget: Int?

    public init(from decoder: any Decoder) throws {
      try StudySpecification.requireKnownKeys(decoder, ["problems", "methods", "seeds", "budget"])
      let c = try decoder.container(keyedBy: CodingKeys.self)
      problems = try c.decodeIfPresent([String].self, forKey: .problems)
      methods = try c.decodeIfPresent([String].self, forKey: .methods)
      seeds = try c.decodeIfPresent([UInt64].self, forKey: .seeds)
      budget = try c.decodeIfPresent(Int.self, forKey: .budget)
    }
  }

  /// One value or a list of them, as text.
  public struct Grid: Codable, Sendable {
    public var values: [String]

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(values)
    }

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
      let reason = FileManager.default.fileExists(atPath: path) ? "it is not a readable text file" : "no such file"
      throw StudyError("cannot read the specification \(path): \(reason)")
    }
    guard !text.allSatisfy({ $0.isWhitespace }) else {
      throw StudyError("\(path) is empty: a specification has a budget, problems and methods (docs/specification.md)")
    }
    do {
      return try YAMLDecoder().decode(StudySpecification.self, from: text)
    } catch {
      throw StudyError("\(path) is not a study specification: \(describe(error))")
    }
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case let error as StudyError:
      return error.description
    case DecodingError.dataCorrupted(let context) where context.underlyingError != nil:
      return describe(context.underlyingError!)
    case YamlError.scanner(let context, let problem, let mark, _),
      YamlError.parser(let context, let problem, let mark, _),
      YamlError.composer(let context, let problem, let mark, _):
      let also = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
      return "YAML error at line \(mark.line), column \(mark.column): \(problem)\(also)"
    case DecodingError.keyNotFound(let key, let context):
      return "missing '\(key.stringValue)'" + at(context)
    case DecodingError.typeMismatch(let type, let context):
      return "expected \(kind(of: type))" + at(context)
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      return context.debugDescription + at(context)
    default:
      return "\(error)"
    }
  }

  /// What a value of `type` is, in words.
  private static func kind(of type: Any.Type) -> String {
    switch type {
    case is Int.Type, is UInt64.Type: return "an integer"
    case is Bool.Type: return "true or false"
    case is String.Type: return "a name or a value"
    case is [UInt64].Type, is [String].Type, is [Entry].Type, is Node.Sequence.Type: return "a list"
    // Yams names the node it wanted: a scalar is one value (of a setting, a name).
    case is Node.Scalar.Type: return "a single value (a number or a name) or a list of them"
    default: return "a mapping of keys to values"
    }
  }

  private static func at(_ context: DecodingError.Context) -> String {
    let place = path(context.codingPath)
    return place.isEmpty ? "" : " at \(place)"
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
    // Counted before they are listed; past the limit, every problem is counted still,
    // so the error says how many runs the specification makes.
    var total = 0
    for (problem, _, seeds) in problems {
      let (each, overflow) = (Self.isRandom(problem) ? seeds.count : 1).multipliedReportingOverflow(by: methods.count)
      let (sum, over) = total.addingReportingOverflow(each)
      total = overflow || over ? .max : sum
    }
    _ = try Self.countRuns(total, 1, "the specification")
    var runs: [StudyRun] = []
    runs.reserveCapacity(total)
    for (problem, budget, seeds) in problems {
      let seeded = Self.isRandom(problem)
      for method in methods {
        for seed in seeded ? seeds.map(Optional.some) : [nil] {
          var settings = problem.settings
          if let seed { settings["seed"] = String(seed) }
          runs.append(
            StudyRun(
              index: runs.count, problem: .init(name: problem.name, settings: settings), method: method,
              seed: seed, budget: budget, precision: precision ?? .double))
        }
      }
    }
    guard !runs.isEmpty else { throw StudyError("the specification has no runs (no problems or no methods)") }
    try Self.requireDistinct(problems.map(\.configuration), "problem")
    try Self.requireDistinct(methods, "method")
    return runs
  }

  /// Refuses two entries that make the same configuration: their runs would be one run
  /// recorded twice.
  static func requireDistinct(_ configurations: [StudyRun.Configuration], _ kind: String) throws {
    var seen: [String: String] = [:]
    for configuration in configurations {
      let text = configuration.text
      if let label = seen.updateValue(configuration.label, forKey: text) {
        throw StudyError(
          "the \(kind) \(text) is given twice (as \(label) and \(configuration.label)): its runs would be one run "
            + "recorded twice; give it once")
      }
    }
  }

  /// Whether seeds give the problem different runs (a start, a rotation, batches): a
  /// problem without randomness, or with its seed given, runs once whatever the seeds.
  static func isRandom(_ problem: StudyRun.Configuration) -> Bool {
    guard problem.settings["seed"] == nil,
      let type = ProblemCatalog.types(Double.self).first(where: { $0.catalogName == problem.name })
    else { return false }
    return type.isRandom(settings: problem.settings)
  }

  /// The most runs one specification makes: a sweep past it is a mistake to split,
  /// refused before its runs are listed.
  public static let maximumRuns = 10_000_000

  /// `a·b` runs, refused past ``maximumRuns``.
  static func countRuns(_ a: Int, _ b: Int, _ what: String) throws -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    guard !overflow, product < Int.max, product <= maximumRuns else {
      throw StudyError(
        "\(what) makes \(overflow || product == .max ? "more than \(Int.max - 1)" : String(product)) runs; a specification makes at most "
          + "\(maximumRuns): split it")
    }
    return product
  }

  /// The settings a problem or method takes (Lookahead's with its inner method's).
  static func settingNames(kind: String, _ entry: Entry) -> [String] {
    if kind == "problem" {
      // Every problem also takes `scale`, c, multiplying f (ScaledObjective).
      return (ProblemCatalog.types(Double.self).first { $0.catalogName == entry.name }?.settingNames ?? [])
        + [ProblemScale.setting]
    }
    return OptimizerCatalog.settingNames(of: entry.name, inner: entry.settings?["inner"]?.values.first) ?? []
  }

  /// The method as its settings make it, encoded, to tell a grid point that is the
  /// method at its defaults from one that is not; nil when the settings do not build it.
  static func method(_ name: String, _ settings: [String: String]) -> Data? {
    guard let method = try? OptimizerCatalog.make(name, settings: settings, as: Double.self) else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return try? encoder.encode(method)
  }

  /// An entry's grid before it is expanded: its settings in name order with their
  /// values, the single-valued ones, which listed values leave a method at its
  /// defaults, and whether the run at defaults is a run of its own.
  struct Expansion {
    var entry: Entry
    var keys: [(name: String, values: [String])]
    var fixed: [String: String]
    var defaultValues: [String: Set<String>]?
    var size: Int
    /// The run at defaults, when no grid point is it.
    var addsDefault: Bool {
      defaultValues.map { values in !keys.allSatisfy { $0.values.count == 1 || !(values[$0.name] ?? []).isEmpty } }
        ?? false
    }
    var count: Int { size + (addsDefault ? 1 : 0) }
  }

  /// Checks an entry's name and settings and finds its grid, without expanding it.
  private func grid(_ entry: Entry, kind: String, known: [String], withDefaults: Bool) throws -> Expansion {
    guard known.contains(entry.name) else {
      let near = NearestName.to(entry.name, among: known).map { ": did you mean '\($0)'?" } ?? ""
      throw StudyError("unknown \(kind) '\(entry.name)'\(near) (known: \(known.joined(separator: ", ")))")
    }
    let accepted = Self.settingNames(kind: kind, entry)
    for name in (entry.settings ?? [:]).keys.sorted() where !accepted.contains(name) {
      let near = NearestName.to(name, among: accepted).map { ": did you mean '\($0)'?" } ?? ""
      throw StudyError(
        "\(entry.name) has no setting '\(name)'\(near) (it takes \(accepted.isEmpty ? "none" : accepted.joined(separator: ", ")))"
      )
    }
    var keys: [(name: String, values: [String])] = []
    var fixed: [String: String] = [:]
    var size = 1
    for (name, grid) in (entry.settings ?? [:]).sorted(by: { $0.key < $1.key }) {
      guard !grid.values.isEmpty else { throw StudyError("\(entry.name): setting '\(name)' has no values") }
      size = try Self.countRuns(size, grid.values.count, "\(entry.name)'s grid")
      if grid.values.count == 1 { fixed[name] = grid.values[0] }
      keys.append((name, grid.values))
    }
    var defaultValues: [String: Set<String>]?
    if withDefaults && (entry.defaults ?? true) {
      // The values of each listed setting that leave the method at its defaults.
      let atDefaults = Self.method(entry.name, fixed)
      var values: [String: Set<String>] = [:]
      for (name, list) in keys where list.count > 1 {
        values[name] = Set(
          list.filter { atDefaults != nil && Self.method(entry.name, fixed.merging([name: $0]) { $1 }) == atDefaults })
      }
      defaultValues = values
    }
    return Expansion(entry: entry, keys: keys, fixed: fixed, defaultValues: defaultValues, size: size)
  }

  /// An entry's configurations: its grid expanded in setting-name order; a method's
  /// defaults first, unless turned off or already in the grid (a grid point that makes
  /// the same method, `learning-rate: 1e-3` where 0.001 is the default, is that run).
  private func configurations(
    _ entry: Entry, kind: String, known: [String], withDefaults: Bool
  ) throws -> [StudyRun.Configuration] {
    let grid = try grid(entry, kind: kind, known: known, withDefaults: withDefaults)
    var settings: [[String: String]] = [[:]]
    for (name, values) in grid.keys {
      settings = settings.flatMap { partial in values.map { partial.merging([name: $0]) { $1 } } }
    }
    var configurations = settings.map {
      StudyRun.Configuration(name: entry.name, label: entry.label ?? entry.name, settings: $0)
    }
    guard let defaultValues = grid.defaultValues else { return configurations }
    if grid.addsDefault {
      configurations.insert(
        .init(name: entry.name, label: entry.label ?? entry.name, settings: grid.fixed, isDefault: true), at: 0)
    } else if let index = configurations.firstIndex(where: {
      $0.settings.allSatisfy { name, value in grid.fixed[name] == value || defaultValues[name]?.contains(value) == true
      }
    }) {
      configurations[index].isDefault = true
    }
    return configurations
  }

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
      try grid($0, kind: "method", known: OptimizerCatalog.names, withDefaults: true)
    }
    for grid in methodGrids {
      try Self.buildEach(grid, in: "methods") {
        try OptimizerCatalog.make(grid.entry.name, settings: $0, as: Double.self)
      }
    }
    let methodCount = try methodGrids.reduce(0) { try Self.countRuns($0 + $1.count, 1, "the methods") }
    // Two entries that make the same method are found by listing them, where that is cheap;
    // where it is cheaper still, every method is built, so that no combination of values
    // (a warm-up as long as its decay) fails after the first runs.
    if methodCount <= 2_000_000 {
      let listed = try methodEntries.map {
        ($0, try configurations($0, kind: "method", known: OptimizerCatalog.names, withDefaults: true))
      }
      if methodCount <= 100_000 {
        for (entry, configurations) in listed {
          for configuration in configurations {
            try Self.build(entry, in: "methods", configuration.settings) {
              try OptimizerCatalog.make(entry.name, settings: $0, as: Double.self)
            }
          }
        }
      }
      try Self.requireDistinct(listed.flatMap(\.1), "method")
    }
    var problemConfigurations: [StudyRun.Configuration] = []
    var problemCount = 0
    var runCount = 0
    let seeds = (quick ? self.quick?.seeds : nil) ?? self.seeds ?? [0]
    for entry in problemEntries {
      let grid = try grid(entry, kind: "problem", known: ProblemCatalog.names, withDefaults: false)
      try Self.buildEach(grid, in: "problems") {
        try ProblemCatalog.make(entry.name, settings: try ProblemScale.split($0).settings, as: Double.self)
      }
      for configuration in try configurations(entry, kind: "problem", known: ProblemCatalog.names, withDefaults: false)
      {
        problemConfigurations.append(configuration)
        let seeded = Self.isRandom(configuration) ? (entry.seeds ?? seeds).count : 1
        runCount = try Self.countRuns(
          runCount + (try Self.countRuns(seeded, methodCount, configuration.text)), 1, "the specification")
        problemCount += 1
      }
    }
    guard runCount > 0 else { throw StudyError("the specification has no runs (no problems or no methods)") }
    try Self.requireDistinct(problemConfigurations, "problem")
    return (runCount, problemCount, methodCount)
  }

  /// Builds the entry at each value of each setting in turn, the others at their first.
  private static func buildEach(_ grid: Expansion, in list: String, _ build: ([String: String]) throws -> Any) throws {
    let first = Dictionary(uniqueKeysWithValues: grid.keys.map { ($0.name, $0.values[0]) })
    try Self.build(grid.entry, in: list, first, build)
    for (name, values) in grid.keys {
      for value in values.dropFirst() {
        try Self.build(grid.entry, in: list, first.merging([name: value]) { $1 }, build)
      }
    }
  }

  /// Builds `entry` (of `list`, methods or problems) at `settings`; a value it refuses is
  /// named with the entry and the settings it was built with.
  private static func build(
    _ entry: Entry, in list: String, _ settings: [String: String], _ build: ([String: String]) throws -> Any
  ) throws {
    do {
      _ = try build(settings)
    } catch let error as DescentError {
      let label = entry.label.map { " '\($0)'" } ?? ""
      let values = settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
      throw StudyError(
        "\(list): \(entry.name)\(label)\(values.isEmpty ? "" : " with \(values)"): \(error); nothing was run")
    }
  }

}

/// A mistake in a specification, a results file or the study's own files, said plainly.
public struct StudyError: Error, CustomStringConvertible, Equatable {
  public let description: String
  public init(_ description: String) { self.description = description }
}
