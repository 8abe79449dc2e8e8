import Descent
import DescentProblems
import Foundation

/// A specification's runs: the grids expanded, in the fixed order.
extension StudySpecification {
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
      return try configurations(entry, kind: .problem).map {
        (configuration: $0, budget: own ?? budget, seeds: entry.seeds ?? seeds)
      }
    }
    let methods = try self.methods.filter { entry in
      !quick || (self.quick?.methods.map { $0.contains(entry.label ?? entry.name) } ?? true)
    }.flatMap { try configurations($0, kind: .method) }
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
    try Self.requireDistinct(problems.map(\.configuration), .problem)
    try Self.requireDistinct(methods, .method)
    return runs
  }

  /// Refuses two entries that make the same configuration: their runs would be one run
  /// recorded twice.
  static func requireDistinct(_ configurations: [StudyRun.Configuration], _ kind: EntryKind) throws {
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
  static func settingNames(kind: EntryKind, _ entry: Entry) -> [String] {
    if kind == .problem {
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
  func grid(_ entry: Entry, kind: EntryKind) throws -> Expansion {
    let known = kind.known
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
    if kind.runsDefaults && (entry.defaults ?? true) {
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
  func configurations(
    _ entry: Entry, kind: EntryKind
  ) throws -> [StudyRun.Configuration] {
    let grid = try grid(entry, kind: kind)
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
}

extension StudySpecification {
  /// What an entry of the specification names: a problem or a method of the catalogs.
  enum EntryKind: String {
    case problem, method

    /// The names its catalog knows.
    var known: [String] { self == .problem ? ProblemCatalog.names : OptimizerCatalog.names }
    /// Whether its grid runs the entry at its defaults too (a method's does).
    var runsDefaults: Bool { self == .method }
    /// The specification's list of them.
    var list: String { rawValue + "s" }
  }
}
