import Foundation

/// What kind of value a setting takes, as `descent list` and the fuzz harness read it.
public enum SettingKind: Sendable, Equatable {
  case real
  case integer
  /// Comma-separated reals.
  case list
  /// One of these words.
  case choice([String])
}

/// One setting of a method or a problem, declared once: its Swift property and key
/// path, its command-line name, symbol, default, allowed range and meaning.
///
/// A method's or problem's table of these (its ``CatalogEntry``) checks values (errors
/// name the Swift property), builds it from named settings (errors name the setting as
/// typed), describes it for `descent list`, and lets a test hold the initialiser's
/// defaults to the table.
public struct Setting<Subject> {
  /// The Swift property, e.g. `learningRate`.
  public let property: String
  /// The command-line name, e.g. `learning-rate`: the property in kebab case unless given.
  public let name: String
  /// The paper's letter, e.g. `γ`.
  public let symbol: String
  public let kind: SettingKind
  /// The default as written on the command line.
  public let defaultText: String
  /// The allowed values in words, e.g. `> 0`.
  public let allowed: String
  public let summary: String
  /// The property's key path; a test holds ``property`` to it.
  public let keyPath: AnyKeyPath
  /// What a value outside the range is told it should be, e.g. `a finite number > 0`.
  public let expected: String
  /// Whether it is a setting of a method held inside this one (Lookahead's inner
  /// optimizer), which `descent list` shows under that method's own name.
  public let isInner: Bool
  /// What text that does not parse is told it should be, e.g. `a number > 0`.
  let expectedText: String
  let defaultValue: Any
  let parse: (String) -> Any?
  let allowsValue: (Any) -> Bool
  let describe: (Subject) -> String
  let assign: (inout Subject, Any) -> Void
  let isAllowed: (Subject) -> Bool
  let isDefault: (Subject) -> Bool

  /// A setting of any value type, read from text by `parse` and written by `format`.
  /// Methods give writable key paths (the catalog assigns their settings); a problem's
  /// may be read-only (the catalog hands its values to the problem's initialiser).
  public init<Value: Equatable>(
    _ property: String, _ keyPath: KeyPath<Subject, Value>, name: String? = nil, symbol: String = "",
    kind: SettingKind, default defaultValue: Value, _ allowed: Allowed<Value>, _ summary: String,
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
    self.isInner = false
    switch kind {
    // Text that is not a number is told what a value that is refused is told.
    case .real: self.expectedText = allowed.expected
    case .list: self.expectedText = "a number \(allowed.words)"
    case .integer: self.expectedText = "an integer \(allowed.words)"
    case .choice: self.expectedText = allowed.expected
    }
    self.defaultValue = defaultValue
    self.parse = { parse($0) }
    self.allowsValue = { allowed.contains($0 as! Value) }
    self.describe = { format($0[keyPath: keyPath]) }
    self.assign = { subject, value in
      guard let writable = keyPath as? WritableKeyPath<Subject, Value> else {
        preconditionFailure("\(property) is read-only: its subject is built from its values, not assigned")
      }
      subject[keyPath: writable] = value as! Value
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

  /// Throws if the subject's value is outside the range, naming the Swift property.
  func check(_ subject: Subject) throws(DescentError) {
    guard isAllowed(subject) else {
      throw .invalidValue(name: property, value: describe(subject), expected: expected)
    }
  }

  /// This setting of a method held at `path` inside another (Lookahead's inner optimizer).
  func lifted<Outer>(through path: WritableKeyPath<Outer, Subject>) -> Setting<Outer> {
    Setting<Outer>(lifting: self, through: path)
  }

  private init<Inner>(lifting inner: Setting<Inner>, through path: WritableKeyPath<Subject, Inner>) {
    (property, name, symbol, kind, defaultText) = (
      inner.property, inner.name, inner.symbol, inner.kind, inner.defaultText
    )
    (allowed, summary, expected, expectedText) = (inner.allowed, inner.summary, inner.expected, inner.expectedText)
    (keyPath, isInner, defaultValue, parse, allowsValue) = (
      inner.keyPath, true, inner.defaultValue, inner.parse, inner.allowsValue
    )
    describe = { inner.describe($0[keyPath: path]) }
    assign = { inner.assign(&$0[keyPath: path], $1) }
    isAllowed = { inner.isAllowed($0[keyPath: path]) }
    isDefault = { inner.isDefault($0[keyPath: path]) }
  }
}

extension Setting {
  /// A real number.
  public static func real<Value: DescentFloat>(
    _ property: String, _ keyPath: KeyPath<Subject, Value>, name: String? = nil, symbol: String = "",
    default defaultValue: Value, _ allowed: Allowed<Value>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .real, default: defaultValue, allowed, summary,
      parse: { Value($0) }, format: Value.settingText)
  }

  /// A real number, or a word meaning "not given" (nil).
  public static func optionalReal<Value: DescentFloat>(
    _ property: String, _ keyPath: KeyPath<Subject, Value?>, name: String? = nil, symbol: String = "",
    none: String, _ allowed: Allowed<Value>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .real, default: nil,
      Allowed(words: "\(allowed.words), or \(none)", expected: allowed.expected) { $0.map(allowed.contains) ?? true },
      summary, parse: { $0 == none ? .some(nil) : Value($0).map { $0 } },
      format: { $0.map(Value.settingText) ?? none })
  }

  /// A whole number (a count, a size, a seed).
  public static func integer<Value: FixedWidthInteger>(
    _ property: String, _ keyPath: KeyPath<Subject, Value>, name: String? = nil, symbol: String = "",
    default defaultValue: Value, _ allowed: Allowed<Value>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .integer, default: defaultValue, allowed, summary,
      parse: { Value($0) }, format: { String($0) })
  }

  /// Comma-separated finite reals, e.g. `1000,1`.
  public static func list<Value: DescentFloat>(
    _ property: String, _ keyPath: KeyPath<Subject, [Value]>, name: String? = nil, symbol: String = "",
    default defaultValue: [Value], _ summary: String
  ) -> Self {
    let allowed = Allowed<[Value]>(
      words: "finite, comma-separated", expected: "comma-separated finite numbers, e.g. 1000,1"
    ) { $0.allSatisfy(\.isFinite) }
    return Self(
      property, keyPath, name: name, symbol: symbol, kind: .list, default: defaultValue, allowed, summary,
      parse: { text in
        var values: [Value] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
          guard let value = Value(String(part).trimmingWhitespace) else { return nil }
          values.append(value)
        }
        return values
      }, format: { $0.map(Value.settingText).joined(separator: ",") })
  }

  /// A whole number, or a word meaning "not given" (nil).
  public static func optionalInteger(
    _ property: String, _ keyPath: KeyPath<Subject, Int?>, name: String? = nil, symbol: String = "",
    none: String, _ allowed: Allowed<Int>, _ summary: String
  ) -> Self {
    Self(
      property, keyPath, name: name, symbol: symbol, kind: .integer, default: nil,
      Allowed(words: "\(allowed.words), or \(none)", expected: allowed.expected) { $0.map(allowed.contains) ?? true },
      summary, parse: { $0 == none ? .some(nil) : Int($0).map { $0 } }, format: { $0.map(String.init) ?? none })
  }

  /// One of an enumeration's cases, by its raw value.
  public static func choice<Value: RawRepresentable & CaseIterable & Equatable>(
    _ property: String, _ keyPath: KeyPath<Subject, Value>, name: String? = nil, symbol: String = "",
    default defaultValue: Value, _ summary: String
  ) -> Self where Value.RawValue == String {
    let words = Value.allCases.map(\.rawValue)
    return Self(
      property, keyPath, name: name, symbol: symbol, kind: .choice(words), default: defaultValue,
      .oneOf(words), summary, parse: { Value(rawValue: $0) }, format: \.rawValue)
  }

  /// One of an enumeration's cases by its raw value, or a word for nil (the method then decides).
  public static func optionalChoice<Value: RawRepresentable & CaseIterable & Equatable>(
    _ property: String, _ keyPath: KeyPath<Subject, Value?>, name: String? = nil, symbol: String = "",
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
  /// Finite and ≥ `bound`.
  public static func atLeast(_ bound: Value) -> Self {
    let text = Value.settingText(bound)
    return Self(words: "≥ \(text)", expected: "a finite number ≥ \(text)") { $0 >= bound && $0.isFinite }
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

extension Allowed where Value: FixedWidthInteger {
  /// ≥ `bound`.
  public static func atLeast(_ bound: Value) -> Self {
    Self(words: "≥ \(bound)", expected: "an integer ≥ \(bound)") { $0 >= bound }
  }

  /// From `lower` to `upper`, both included.
  public static func between(_ lower: Value, _ upper: Value) -> Self {
    let words = "≥ \(lower) and ≤ \(upper)"
    return Self(words: words, expected: "an integer \(words)") { $0 >= lower && $0 <= upper }
  }

  /// A multiple of `factor`, ≥ `bound`.
  public static func multiple(of factor: Value, atLeast bound: Value) -> Self {
    let words = "≥ \(bound), a multiple of \(factor)"
    return Self(words: words, expected: "an integer \(words)") { $0 >= bound && $0 % factor == 0 }
  }
}

extension String {
  var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}

extension DescentFloat {
  /// As written on the command line: `0.001`, `1e-8`, `1000`.
  package static func settingText(_ value: Self) -> String {
    if value.isFinite && value == value.rounded() && value.magnitude < 1e15 {
      return String(Int(value))
    }
    let text = String(describing: value)
    return text.replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+", with: "e")
  }
}
