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
      let found = (try? Yams.compose(yaml: text)).flatMap { Self.found(error, in: $0) } ?? ""
      throw StudyError("\(path) is not a study specification: \(describe(error))\(found)")
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

  /// "; found …": the value a type mismatch met, as the file writes it.
  static func found(_ error: Error, in root: Node) -> String? {
    guard case DecodingError.typeMismatch(_, let context) = error else { return nil }
    var node: Node? = root
    for key in context.codingPath {
      node =
        key.intValue.flatMap { index in node?.sequence.flatMap { index < $0.count ? $0[index] : nil } }
        ?? node?[key.stringValue]
    }
    switch node {
    case .scalar(let scalar)?: return "; found \(scalar.string)"
    case .mapping?: return "; found a mapping (keys: values)"
    case .sequence?: return "; found a list"
    default: return nil
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
}
