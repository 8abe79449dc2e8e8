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
  }

  /// Position in the sweep's fixed order.
  public var index: Int
  public var problem: Configuration
  public var method: Configuration
  /// The seed given to a seeded problem (its data batches, start or rotation).
  public var seed: UInt64?
  /// Gradient evaluations the run may spend.
  public var budget: Int

  public init(index: Int, problem: Configuration, method: Configuration, seed: UInt64?, budget: Int) {
    (self.index, self.problem, self.method, self.seed, self.budget) = (index, problem, method, seed, budget)
  }

  public var id: String {
    let text =
      "problem \(problem.text) | method \(method.text) | seed \(seed.map(String.init) ?? "-") | budget \(budget)"
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
