/// A method or problem the catalog can describe and build from named settings.
public protocol Cataloged {
  /// Its name, citation, initialiser and table of settings.
  static var catalogEntry: CatalogEntry<Self> { get }
}

extension Cataloged {
  /// The name used on the command line.
  public static var catalogName: String { catalogEntry.name }

  /// Its settings' command-line names, in the table's order.
  public static var settingNames: [String] { catalogEntry.settings.map(\.name) }

  /// Built from settings given as text, by their command-line names.
  public init(settings: [String: String]) throws(DescentError) {
    self = try Self.catalogEntry.make(settings)
  }

  /// `error` as the tool shows it: a setting named by its command-line name, with its
  /// value as given in `settings` (or the default as the table writes it).
  public static func namingSettings(_ error: DescentError, given settings: [String: String]) -> DescentError {
    catalogEntry.namingSettings(error, given: settings)
  }

  /// Throws for the first setting outside its range, naming its Swift property.
  public func checkSettings() throws(DescentError) {
    try Self.catalogEntry.check(self)
  }

  /// Throws unless `value` is in the range of the setting of Swift property `property`.
  public static func checkSetting<Value>(_ property: String, _ value: Value) throws(DescentError) {
    try catalogEntry.check(property, value)
  }
}
