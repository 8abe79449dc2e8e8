/// A named method or problem with its settings, as `descent list` shows it and as
/// the tool configures it from flags.
public struct MethodDescription: Sendable {
  /// The name used on the command line, e.g. `csawg`.
  public let name: String
  /// One line saying what it is.
  public let summary: String
  /// Where it comes from.
  public let citation: String
  public let parameters: [ParameterDescription]

  public init(name: String, summary: String, citation: String, parameters: [ParameterDescription]) {
    self.name = name
    self.summary = summary
    self.citation = citation
    self.parameters = parameters
  }
}

/// One setting of a method or problem.
public struct ParameterDescription: Sendable {
  public enum Kind: Sendable, Equatable {
    case real
    case integer
    case list
    case choice([String])
  }

  /// The flag name, e.g. `learning-rate` for `--learning-rate`.
  public let name: String
  /// The paper's letter, e.g. `γ`.
  public let symbol: String
  public let kind: Kind
  /// The default as written on the command line.
  public let defaultValue: String
  /// The allowed range in words, e.g. `> 0`.
  public let allowed: String
  public let summary: String

  public init(
    _ name: String, symbol: String = "", kind: Kind = .real, default defaultValue: String,
    allowed: String, summary: String
  ) {
    self.name = name
    self.symbol = symbol
    self.kind = kind
    self.defaultValue = defaultValue
    self.allowed = allowed
    self.summary = summary
  }
}

/// Settings given by name, read with the description's defaults for those not given.
public struct Settings: Sendable {
  public let description: MethodDescription
  public let values: [String: String]

  /// Throws if a name is not one of the description's parameters.
  public init(_ values: [String: String], for description: MethodDescription) throws(DescentError) {
    let accepted = description.parameters.map(\.name)
    for name in values.keys.sorted() where !accepted.contains(name) {
      throw .unexpectedParameter(name: name, method: description.name, accepted: accepted)
    }
    self.description = description
    self.values = values
  }

  private func raw(_ name: String) -> String {
    values[name] ?? parameter(name).defaultValue
  }

  private func expected(_ name: String) -> String {
    "a number \(parameter(name).allowed)"
  }

  /// A real-valued setting.
  public func real<S: DescentFloat>(_ name: String, as: S.Type = S.self) throws(DescentError) -> S {
    let text = raw(name)
    guard let value = S(text.trimmingWhitespace) else {
      throw .invalidValue(name: name, value: text, expected: expected(name))
    }
    return value
  }

  private func parameter(_ name: String) -> ParameterDescription {
    guard let parameter = description.parameters.first(where: { $0.name == name }) else {
      preconditionFailure("\(description.name) does not describe parameter \(name)")
    }
    return parameter
  }

  /// `error` with the value as the user typed it, when it names a setting given
  /// here: a value parsed and checked as a number is otherwise echoed rounded.
  public func asTyped(_ error: DescentError) -> DescentError {
    guard case .invalidValue(let name, _, let expected) = error, let typed = values[name] else { return error }
    return .invalidValue(name: name, value: typed, expected: expected)
  }

  /// Builds a value from these settings, reporting any refused value as typed.
  public func build<T>(_ make: (Settings) throws(DescentError) -> T) throws(DescentError) -> T {
    do {
      return try make(self)
    } catch {
      throw asTyped(error)
    }
  }

  /// An integer setting.
  public func integer(_ name: String) throws(DescentError) -> Int {
    let text = raw(name)
    guard let value = Int(text.trimmingWhitespace) else {
      throw .invalidValue(name: name, value: text, expected: "an integer \(parameter(name).allowed)")
    }
    return value
  }

  /// A comma-separated list of reals, e.g. `1000,1`.
  public func list<S: DescentFloat>(_ name: String, as: S.Type = S.self) throws(DescentError) -> [S] {
    let text = raw(name)
    var result: [S] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      guard let value = S(String(part).trimmingWhitespace), value.isFinite else {
        throw .invalidValue(name: name, value: text, expected: "comma-separated finite numbers, e.g. 1000,1")
      }
      result.append(value)
    }
    return result
  }

}

extension String {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
