/// A method as the catalog knows it: its name, what it is, where it comes from,
/// its initialiser with every default, and its table of hyperparameters.
public struct CatalogEntry<Method> {
  /// The name used on the command line, e.g. `csawg`.
  public let name: String
  /// One line saying what it is.
  public let summary: String
  /// Where it comes from.
  public let citation: String
  /// The initialiser with every argument left out (it throws only ``DescentError``);
  /// a test holds it to the table.
  public let initialiserDefaults: () throws -> Method
  public let hyperparameters: [Hyperparameter<Method>]

  public init(
    _ name: String, summary: String, citation: String,
    initialiserDefaults: @escaping () throws -> Method, hyperparameters: [Hyperparameter<Method>]
  ) {
    self.name = name
    self.summary = summary
    self.citation = citation
    self.initialiserDefaults = initialiserDefaults
    self.hyperparameters = hyperparameters
  }

  /// As `descent list` shows it.
  public var description: MethodDescription {
    MethodDescription(name: name, summary: summary, citation: citation, parameters: hyperparameters.map(\.description))
  }

  /// Throws for the first hyperparameter outside its range, naming its Swift property.
  public func check(_ method: Method) throws(DescentError) {
    for hyperparameter in hyperparameters { try hyperparameter.check(method) }
  }

  /// The method with the named settings given as text and the defaults elsewhere.
  /// Errors name the setting and its value as typed.
  public func make(_ settings: [String: String]) throws(DescentError) -> Method {
    for name in settings.keys.sorted() where !hyperparameters.contains(where: { $0.name == name }) {
      throw .unexpectedParameter(name: name, method: self.name, accepted: hyperparameters.map(\.name))
    }
    var method = try defaults()
    for hyperparameter in hyperparameters {
      guard let text = settings[hyperparameter.name] else { continue }
      guard hyperparameter.assign(&method, text) else {
        throw .invalidValue(name: hyperparameter.name, value: text, expected: hyperparameter.expectedText)
      }
    }
    for hyperparameter in hyperparameters {
      do {
        try hyperparameter.check(method)
      } catch {
        let typed = settings[hyperparameter.name] ?? hyperparameter.defaultText
        throw .invalidValue(name: hyperparameter.name, value: typed, expected: hyperparameter.expected)
      }
    }
    return method
  }

  /// The method its initialiser makes with every default.
  public func defaults() throws(DescentError) -> Method {
    do {
      return try initialiserDefaults()
    } catch let error as DescentError {
      throw error
    } catch {
      preconditionFailure("\(name)'s initialiser threw \(error), which is not a DescentError")
    }
  }

  /// The hyperparameters whose value in `method` is not the table's default.
  public func notAtDefault(_ method: Method) -> [String] {
    hyperparameters.filter { !$0.isDefault(method) }.map(\.property)
  }
}
