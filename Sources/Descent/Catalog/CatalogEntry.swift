/// A method or problem as the catalog knows it: its name, what it is, where it comes
/// from, its initialiser with every default, and its table of settings.
///
/// The table is the one place settings given as text become values: ``make(_:)``
/// parses and checks each against its row, builds the subject, and reports any refused
/// value, its own or one its initialiser refused, by the setting's name and the value
/// as the user typed it (``namingSettings(_:given:)``).
public struct CatalogEntry<Subject> {
  /// The name used on the command line, e.g. `csawg`.
  public let name: String
  /// One line saying what it is.
  public let summary: String
  /// Where it comes from.
  public let citation: String
  /// The initialiser with every argument left out (it throws only ``DescentError``);
  /// a test holds it to the table.
  public let initialiserDefaults: () throws -> Subject
  public let settings: [Setting<Subject>]
  /// The subject with the given values and the table's defaults elsewhere.
  let build: (SettingValues<Subject>) throws(DescentError) -> Subject

  /// A method's entry: the catalog builds it by its initialiser's defaults and assigns
  /// each setting given (every key path writable); `validate` then checks what no single
  /// setting's range can (a warm-up shorter than its decay), as the initialiser does.
  public init(
    _ name: String, summary: String, citation: String,
    initialiserDefaults: @escaping () throws -> Subject, settings: [Setting<Subject>],
    validate: @escaping (Subject) throws(DescentError) -> Void = { _ in }
  ) {
    (self.name, self.summary, self.citation) = (name, summary, citation)
    (self.initialiserDefaults, self.settings) = (initialiserDefaults, settings)
    let defaults = Self.throwingOnlyDescentError(name, initialiserDefaults)
    build = { values throws(DescentError) in
      var subject = try defaults()
      for (setting, value) in values.givenSettings { setting.assign(&subject, value) }
      try validate(subject)
      return subject
    }
  }

  /// A problem's entry: `build` hands the values to the problem's initialiser.
  public init(
    _ name: String, summary: String, citation: String,
    initialiserDefaults: @escaping () throws -> Subject, settings: [Setting<Subject>],
    build: @escaping (SettingValues<Subject>) throws(DescentError) -> Subject
  ) {
    (self.name, self.summary, self.citation) = (name, summary, citation)
    (self.initialiserDefaults, self.settings, self.build) = (initialiserDefaults, settings, build)
  }

  /// Throws for the first setting outside its range, naming its Swift property.
  public func check(_ subject: Subject) throws(DescentError) {
    for setting in settings { try setting.check(subject) }
  }

  /// Throws unless `value` is in the range of the setting of Swift property `property`,
  /// naming it: an initialiser's check of an argument before it builds anything.
  public func check<Value>(_ property: String, _ value: Value) throws(DescentError) {
    let setting = self.setting(property)
    guard setting.allowsValue(value) else {
      throw .invalidValue(name: setting.property, value: String(describing: value), expected: setting.expected)
    }
  }

  /// The setting of Swift property `property`. Settings are found by the property's
  /// name, not by key path: a key path made in a generic context is not equal to the
  /// same path made where the type is known.
  func setting(_ property: String) -> Setting<Subject> {
    guard let setting = settings.first(where: { $0.property == property }) else {
      preconditionFailure("\(name) has no setting for the property \(property)")
    }
    return setting
  }

  /// The subject with the named settings given as text and the defaults elsewhere.
  /// Errors name the setting and its value as typed.
  public func make(_ texts: [String: String]) throws(DescentError) -> Subject {
    for name in texts.keys.sorted() where !settings.contains(where: { $0.name == name }) {
      throw .unexpectedParameter(name: name, method: self.name, accepted: settings.map(\.name))
    }
    var given: [(Setting<Subject>, Any)] = []
    for setting in settings {
      guard let text = texts[setting.name] else { continue }
      guard let value = setting.parse(text.trimmingWhitespace) else {
        throw .invalidValue(name: setting.name, value: text, expected: setting.expectedText)
      }
      guard setting.allowsValue(value) else {
        throw .invalidValue(name: setting.name, value: text, expected: setting.expected)
      }
      given.append((setting, value))
    }
    do {
      let subject = try build(SettingValues(given: given, entry: self))
      try check(subject)
      return subject
    } catch {
      throw namingSettings(error, given: texts)
    }
  }

  /// `error` as a user of the settings sees it: a setting named by its command-line
  /// name, with its value as given in `texts` (or the default as the table writes it).
  public func namingSettings(_ error: DescentError, given texts: [String: String]) -> DescentError {
    guard case .invalidValue(let name, _, let expected) = error,
      let setting = settings.first(where: { $0.property == name || $0.name == name })
    else { return error }
    return .invalidValue(name: setting.name, value: texts[setting.name] ?? setting.defaultText, expected: expected)
  }

  /// The subject its initialiser makes with every default.
  public func defaults() throws(DescentError) -> Subject {
    try Self.throwingOnlyDescentError(name, initialiserDefaults)()
  }

  private static func throwingOnlyDescentError(
    _ name: String, _ make: @escaping () throws -> Subject
  ) -> () throws(DescentError) -> Subject {
    { () throws(DescentError) in
      do {
        return try make()
      } catch let error as DescentError {
        throw error
      } catch {
        preconditionFailure("\(name)'s initialiser threw \(error), which is not a DescentError")
      }
    }
  }

  /// Every setting at the table's default, read by the Swift property's name.
  public var defaultValues: SettingValues<Subject> { SettingValues(given: [], entry: self) }

  /// The settings whose value in `subject` is not the table's default.
  public func notAtDefault(_ subject: Subject) -> [String] {
    settings.filter { !$0.isDefault(subject) }.map(\.property)
  }
}

/// The settings a problem is built from: each given value, parsed and checked, or the
/// table's default, read by the Swift property's name, `values.dimension`.
@dynamicMemberLookup
public struct SettingValues<Subject> {
  let givenSettings: [(Setting<Subject>, Any)]
  let entry: CatalogEntry<Subject>

  init(given: [(Setting<Subject>, Any)], entry: CatalogEntry<Subject>) {
    (givenSettings, self.entry) = (given, entry)
  }

  /// The value of the setting of Swift property `property`.
  public subscript<Value>(dynamicMember property: String) -> Value {
    let value = givenSettings.first { $0.0.property == property }?.1 ?? entry.setting(property).defaultValue
    return value as! Value
  }
}
