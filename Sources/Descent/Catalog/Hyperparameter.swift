import Foundation

/// One hyperparameter of a method, declared once: its Swift property and key path,
/// its command-line name, symbol, default, allowed range and meaning.
///
/// A method's table of these checks its values (errors name the Swift property),
/// builds it from named settings (errors name the command-line name), describes it
/// for `descent list`, and lets a test hold the initialiser's defaults to the table.
public struct Hyperparameter<Method> {
  /// The Swift property, e.g. `learningRate`.
  public let property: String
  /// The command-line name, e.g. `learning-rate`: the property in kebab case unless given.
  public let name: String
  /// The paper's letter, e.g. `γ`.
  public let symbol: String
  public let kind: ParameterDescription.Kind
  /// The default as written on the command line.
  public let defaultText: String
  /// The allowed values in words, e.g. `> 0`.
  public let allowed: String
  public let summary: String
  /// The property's key path; a test holds ``property`` to it.
  public let keyPath: AnyKeyPath
  /// What a value outside the range is told it should be, e.g. `a finite number > 0`.
  public let expected: String
  /// What text that does not parse is told it should be, e.g. `a number > 0`.
  let expectedText: String
  let describe: (Method) -> String
  let assign: (inout Method, String) -> Bool
  let isAllowed: (Method) -> Bool
  let isDefault: (Method) -> Bool

  /// A hyperparameter of any value type, read from text by `parse` and written by `format`.
  public init<Value: Equatable>(
    _ property: String, _ keyPath: WritableKeyPath<Method, Value>, name: String? = nil, symbol: String = "",
    kind: ParameterDescription.Kind, default defaultValue: Value, _ allowed: Allowed<Value>, _ summary: String,
    parse: @escaping (String) -> Value?, format: @escaping (Value) -> String
  ) {
    self.property = property
    self.name = name ?? Self.kebabCase(property)
    self.symbol = symbol
    self.kind = kind
    self.defaultText = format(defaultValue)
    self.allowed = allowed.words
    self.summary = summary
    self.keyPath = keyPath
    self.expected = allowed.expected
    switch kind {
    case .real, .list: self.expectedText = "a number \(allowed.words)"
    case .integer: self.expectedText = "an integer \(allowed.words)"
    case .choice: self.expectedText = allowed.expected
    }
    self.describe = { String(describing: $0[keyPath: keyPath]) }
    self.assign = { method, text in
      guard let value = parse(text.trimmingWhitespace) else { return false }
      method[keyPath: keyPath] = value
      return true
    }
    self.isAllowed = { allowed.contains($0[keyPath: keyPath]) }
    self.isDefault = { $0[keyPath: keyPath] == defaultValue }
  }

  /// `learningRate` → `learning-rate`.
  static func kebabCase(_ property: String) -> String {
    property.reduce(into: "") { name, character in
      if character.isUppercase {
        name += "-" + character.lowercased()
      } else {
        name.append(character)
      }
    }
  }

  /// Throws if the method's value is outside the range, naming the Swift property.
  func check(_ method: Method) throws(DescentError) {
    guard isAllowed(method) else {
      throw .invalidValue(name: property, value: describe(method), expected: expected)
    }
  }

  /// As `descent list` shows it.
  public var description: ParameterDescription {
    ParameterDescription(
      name, symbol: symbol, kind: kind, default: defaultText, allowed: allowed, summary: summary)
  }

  /// This hyperparameter of a method held at `path` inside another (Lookahead's inner optimizer).
  func lifted<Outer>(through path: WritableKeyPath<Outer, Method>) -> Hyperparameter<Outer> {
    Hyperparameter<Outer>(lifting: self, through: path)
  }

  private init<Inner>(lifting inner: Hyperparameter<Inner>, through path: WritableKeyPath<Method, Inner>) {
    (property, name, symbol, kind, defaultText) = (
      inner.property, inner.name, inner.symbol, inner.kind, inner.defaultText
    )
    (allowed, summary, expected, expectedText) = (inner.allowed, inner.summary, inner.expected, inner.expectedText)
    keyPath = inner.keyPath
    describe = { inner.describe($0[keyPath: path]) }
    assign = { inner.assign(&$0[keyPath: path], $1) }
    isAllowed = { inner.isAllowed($0[keyPath: path]) }
    isDefault = { inner.isDefault($0[keyPath: path]) }
  }
}

extension Hyperparameter {
  /// A real number.
  public static func real<Value: DescentFloat>(
    _ property: String, _ keyPath: WritableKeyPath<Method, Value>, name: String? = nil, symbol: String = "",
    default defaultValue: Value, _ allowed: Allowed<Value>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .real, default: defaultValue, allowed, summary,
      parse: { Value($0) }, format: Value.settingText)
  }

  /// A real number, or a word meaning "not given" (nil).
  public static func optionalReal<Value: DescentFloat>(
    _ property: String, _ keyPath: WritableKeyPath<Method, Value?>, name: String? = nil, symbol: String = "",
    none: String, _ allowed: Allowed<Value>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .real, default: nil,
      Allowed(words: "\(allowed.words), or \(none)", expected: allowed.expected) { $0.map(allowed.contains) ?? true },
      summary, parse: { $0 == none ? .some(nil) : Value($0).map { $0 } },
      format: { $0.map(Value.settingText) ?? none })
  }

  /// A whole number.
  public static func integer(
    _ property: String, _ keyPath: WritableKeyPath<Method, Int>, name: String? = nil, symbol: String = "",
    default defaultValue: Int, _ allowed: Allowed<Int>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .integer, default: defaultValue, allowed, summary,
      parse: { Int($0) }, format: { String($0) })
  }

  /// A whole number, or a word meaning "not given" (nil).
  public static func optionalInteger(
    _ property: String, _ keyPath: WritableKeyPath<Method, Int?>, name: String? = nil, symbol: String = "",
    none: String, _ allowed: Allowed<Int>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .integer, default: nil,
      Allowed(words: "\(allowed.words), or \(none)", expected: allowed.expected) { $0.map(allowed.contains) ?? true },
      summary, parse: { $0 == none ? .some(nil) : Int($0).map { $0 } }, format: { $0.map(String.init) ?? none })
  }

  /// One of an enumeration's cases, by its raw value.
  public static func choice<Value: RawRepresentable & CaseIterable & Equatable>(
    _ property: String, _ keyPath: WritableKeyPath<Method, Value>, name: String? = nil, symbol: String = "",
    default defaultValue: Value, _ summary: String
  ) -> Self where Value.RawValue == String {
    let words = Value.allCases.map(\.rawValue)
    return Self(
      property, keyPath, name: name, symbol: symbol, kind: .choice(words), default: defaultValue,
      .oneOf(words), summary, parse: { Value(rawValue: $0) }, format: \.rawValue)
  }

  /// One of an enumeration's cases by its raw value, or a word for nil (the method then decides).
  public static func optionalChoice<Value: RawRepresentable & CaseIterable & Equatable>(
    _ property: String, _ keyPath: WritableKeyPath<Method, Value?>, name: String? = nil, symbol: String = "",
    none: String, _ summary: String
  ) -> Self where Value.RawValue == String {
    let words = [none] + Value.allCases.map(\.rawValue)
    return Self(
      property, keyPath, name: name, symbol: symbol, kind: .choice(words), default: nil, .oneOf(words), summary,
      parse: { $0 == none ? .some(nil) : Value(rawValue: $0).map { $0 } }, format: { $0?.rawValue ?? none })
  }
}

/// The values a hyperparameter allows: in words for `descent list`, as an expectation
/// for an error, and as a test.
public struct Allowed<Value> {
  /// E.g. `> 0`.
  public let words: String
  /// E.g. `a finite number > 0`.
  public let expected: String
  public let contains: (Value) -> Bool

  public init(words: String, expected: String, contains: @escaping (Value) -> Bool) {
    (self.words, self.expected, self.contains) = (words, expected, contains)
  }

  /// Any of the words; a choice's parse already refuses others.
  static func oneOf(_ words: [String]) -> Self {
    let list = words.dropLast().joined(separator: ", ") + (words.count > 1 ? " or " : "") + (words.last ?? "")
    return Self(words: list, expected: list) { _ in true }
  }
}

extension Allowed where Value: DescentFloat {
  /// Finite and > 0.
  public static var positive: Self { Self(words: "> 0", expected: "a finite number > 0") { $0 > 0 && $0.isFinite } }
  /// Finite and ≥ 0.
  public static var nonNegative: Self {
    Self(words: "≥ 0", expected: "a finite number ≥ 0") { $0 >= 0 && $0.isFinite }
  }
  /// Finite and > `bound`.
  public static func above(_ bound: Value) -> Self {
    let text = Value.settingText(bound)
    return Self(words: "> \(text)", expected: "a finite number > \(text)") { $0 > bound && $0.isFinite }
  }
  /// In [0, 1): a decay or momentum rate.
  public static var rate: Self { Self(words: "in [0, 1)", expected: "a number in [0, 1)") { $0 >= 0 && $0 < 1 } }
  /// In (0, 1]: a fraction that must move.
  public static var fraction: Self {
    Self(words: "in (0, 1]", expected: "a number in (0, 1]") { $0 > 0 && $0 <= 1 }
  }
  /// In (0, 1), both ends excluded.
  public static var openUnit: Self {
    Self(words: "in (0, 1)", expected: "a number in (0, 1)") { $0 > 0 && $0 < 1 }
  }
  /// > 0, infinity included (no bound).
  public static var positiveOrInfinite: Self {
    Self(words: "> 0 (inf: no bound)", expected: "a number > 0 (inf: no bound)") { $0 > 0 }
  }
  /// Any finite number.
  public static var finite: Self { Self(words: "finite", expected: "a finite number") { $0.isFinite } }
}

extension Allowed where Value == Int {
  /// ≥ `bound`.
  public static func atLeast(_ bound: Int) -> Self {
    Self(words: "≥ \(bound)", expected: "an integer ≥ \(bound)") { $0 >= bound }
  }
}

extension DescentFloat {
  /// As written on the command line: `0.001`, `1e-8`, `1000`.
  static func settingText(_ value: Self) -> String {
    if value.isFinite && value == value.rounded() && value.magnitude < 1e15 {
      return String(Int(value))
    }
    let text = String(describing: value)
    return text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+", with: "e")
  }
}
