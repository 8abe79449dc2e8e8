import Descent

/// How a study's run ended, as `results.jsonl` writes it (one string): the driver's
/// termination by its identifier (`max-evaluations`, `non-finite-value`, …); `solved`,
/// when the study's watcher saw every accuracy it measures reached and stopped the run;
/// or `refused: REASON`, when the method or the problem refused the run's settings
/// before it started.
public enum StudyTermination: Hashable, Sendable, Codable, CustomStringConvertible {
  case ended(Termination)
  case solved
  case refused(String)

  static let refusedPrefix = "refused: "

  /// The text as written; nil for one that is none of the three.
  public init?(_ text: String) {
    if text == "solved" {
      self = .solved
    } else if text.hasPrefix(Self.refusedPrefix) {
      self = .refused(String(text.dropFirst(Self.refusedPrefix.count)))
    } else if let termination = Termination(rawValue: text) {
      self = .ended(termination)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .ended(let termination): termination.rawValue
    case .solved: "solved"
    case .refused(let reason): Self.refusedPrefix + reason
    }
  }

  /// Whether the run ended on a value, gradient or iterate that is not finite.
  public var isNonFinite: Bool {
    switch self {
    case .ended(.nonFiniteValue), .ended(.nonFiniteGradient), .ended(.nonFiniteIterate): true
    default: false
    }
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let termination = Self(text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription: "'\(text)' is not a termination, 'solved' or 'refused: …'"))
    }
    self = termination
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
