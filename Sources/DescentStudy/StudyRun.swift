/// One run of a sweep: a problem with its settings, a method with its settings, a
/// seed and a budget. Its ``id`` is a hash of all of these, stable across machines,
/// versions of the spec that keep the run, and orders of the sweep.
public struct StudyRun: Codable, Sendable, Equatable {
  public struct Configuration: Codable, Sendable, Equatable, Hashable {
    public var name: String
    /// The method's name in profiles; a problem's is its name.
    public var label: String
    public var settings: [String: String]
    /// Whether this is the method at its defaults for what the grid tunes: the run its
    /// profile "at defaults" uses. Not part of the run's id.
    public var isDefault: Bool

    public init(name: String, label: String? = nil, settings: [String: String], isDefault: Bool = false) {
      self.name = name
      self.label = label ?? name
      self.settings = settings
      self.isDefault = isDefault
    }

    /// `name k=v k=v`, settings in name order.
    public var text: String {
      ([name] + settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    private enum CodingKeys: String, CodingKey { case name, label, settings, isDefault }

    /// Settings are written with their type, numbers as numbers, so that a results
    /// file's settings columns are numeric in pandas; read back as text.
    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      label = try c.decode(String.self, forKey: .label)
      settings = try c.decode([String: TypedSetting].self, forKey: .settings).mapValues(\.text)
      isDefault = try c.decode(Bool.self, forKey: .isDefault)
    }

    public func encode(to encoder: any Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(name, forKey: .name)
      try c.encode(label, forKey: .label)
      try c.encode(settings.mapValues(TypedSetting.init), forKey: .settings)
      try c.encode(isDefault, forKey: .isDefault)
    }
  }

  /// A setting's value as a results file holds it: an integer, a finite number, or text
  /// (a choice, a list, `inf`).
  enum TypedSetting: Codable, Equatable {
    case integer(Int)
    case number(Double)
    case text(String)

    init(_ text: String) {
      if let integer = Int(text) {
        self = .integer(integer)
      } else if let number = Double(text), number.isFinite {
        self = .number(number)
      } else {
        self = .text(text)
      }
    }

    var text: String {
      switch self {
      case .integer(let value): String(value)
      case .number(let value): Double.settingText(value)
      case .text(let value): value
      }
    }

    init(from decoder: any Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let integer = try? c.decode(Int.self) {
        self = .integer(integer)
      } else if let number = try? c.decode(Double.self) {
        self = .number(number)
      } else {
        self = .text(try c.decode(String.self))
      }
    }

    func encode(to encoder: any Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .integer(let value): try c.encode(value)
      case .number(let value): try c.encode(value)
      case .text(let value): try c.encode(value)
      }
    }
  }

  /// Position in the sweep's fixed order.
  public var index: Int
  public var problem: Configuration
  public var method: Configuration
  /// The seed given to a seeded problem (its data batches, start or rotation).
  public var seed: UInt64?
  /// Gradient evaluations the run may spend.
  public var budget: Int
  /// The arithmetic the run is made in.
  public var precision: Precision {
    get { storedPrecision ?? .double }
    set { storedPrecision = newValue == .double ? nil : newValue }
  }
  /// nil for Double: a run in Double is written without its precision, as runs were
  /// before a study could choose it, so that their lines and ids are unchanged.
  private var storedPrecision: Precision?

  /// A study's arithmetic: Double unless its specification says `precision: float`.
  public enum Precision: String, Codable, Sendable, CaseIterable {
    case float, double
  }

  public init(
    index: Int, problem: Configuration, method: Configuration, seed: UInt64?, budget: Int,
    precision: Precision = .double
  ) {
    (self.index, self.problem, self.method, self.seed, self.budget) = (index, problem, method, seed, budget)
    self.precision = precision
  }

  private enum CodingKeys: String, CodingKey {
    case index, problem, method, seed, budget
    case storedPrecision = "precision"
  }

  public var id: String {
    let text =
      "problem \(problem.text) | method \(method.text) | seed \(seed.map(String.init) ?? "-") | budget \(budget)"
      + (precision == .double ? "" : " | precision \(precision.rawValue)")
    return Self.fnv1a(text)
  }

  /// ``fnv1a(_:)``, for the tests that hold it to the published vectors.
  public static func fnv1aForTesting(_ text: String) -> String { fnv1a(text) }

  /// FNV-1a, 64 bits, as 16 hex digits: a stable hash of the run's text.
  static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
