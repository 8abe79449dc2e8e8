/// A method around an inner method that the catalog builds by name (``Lookahead``,
/// ``Scheduled``, ``DecoupledWeightDecay``): `--optimizer lookahead --inner adam`,
/// the wrapper's settings and the inner method's side by side.
public protocol OptimizerWrapper<Scalar>: Optimizer {
  associatedtype Inner: Optimizer where Inner.Scalar == Scalar

  /// The inner method, with its current state.
  var inner: Inner { get }
}

extension OptimizerWrapper {
  // What a wrapper reports is its inner method's, unless it says otherwise.
  public var stepSizes: [Scalar]? { inner.stepSizes }
  public var currentStepSize: Scalar? { inner.currentStepSize }
  public var methodTermination: Termination? { inner.methodTermination }
  public var methodTerminationReason: String? { inner.methodTerminationReason }
  public func stateSize(dimension d: Int) -> Int? { inner.stateSize(dimension: d) }
  public func evaluationPoint(for w: [Scalar]) -> [Scalar] { inner.evaluationPoint(for: w) }
}

extension OptimizerWrapper where Inner: Cataloged {
  /// The inner method's catalog name: the wrapper's `inner` setting.
  public var innerName: String { Inner.catalogName }
}

extension CatalogEntry where Subject: OptimizerWrapper, Subject.Inner: CatalogedOptimizer {
  /// A wrapper's entry: `inner` (the inner method's name, by which the catalog chose
  /// the type), the wrapper's own settings, then the inner method's, lifted through
  /// `path`. `around` makes the wrapper, at its defaults, around an inner method.
  static func wrapper(
    _ name: String, summary: String, citation: String, inner path: WritableKeyPath<Subject, Subject.Inner>,
    own: [Setting<Subject>], around: @escaping (Subject.Inner) throws(DescentError) -> Subject,
    validate: @escaping (Subject) throws(DescentError) -> Void = { _ in }
  ) -> Self {
    typealias Inner = Subject.Inner
    let family = OptimizerCatalog.wrapper(named: name, Subject.Scalar.self)
    let inner = Setting<Subject>(
      "innerName", \.innerName, name: "inner", kind: .choice(family?.innerNames ?? [Inner.catalogName]),
      default: family?.defaultInner ?? Inner.catalogName,
      Allowed(words: "an optimizer name", expected: "an optimizer \(name) can wrap") { _ in true },
      "the inner optimizer (its flags apply to it)", parse: { $0 }, format: { $0 })
    let defaults = { () throws(DescentError) -> Subject in try around(Inner.catalogEntry.defaults()) }
    return CatalogEntry(
      name, summary: summary, citation: citation, initialiserDefaults: { try defaults() },
      settings: [inner] + own + Inner.catalogEntry.settings.map { $0.lifted(through: path) },
      build: { values throws(DescentError) in
        let named = values.givenSettings.first { $0.0.property == "innerName" }?.1 as? String
        if let named, named != Inner.catalogName {
          throw .invalidValue(name: "innerName", value: named, expected: Inner.catalogName)
        }
        var wrapper = try defaults()
        for (setting, value) in values.givenSettings where setting.property != "innerName" {
          setting.assign(&wrapper, value)
        }
        try validate(wrapper)
        return wrapper
      })
  }
}

/// A family of wrappers as the catalog knows it: its name, the inner method it wraps
/// when none is named, and its type around an inner method, where it can wrap it.
public struct WrapperFamily<S: DescentFloat>: Sendable {
  public let name: String
  public let defaultInner: String
  let around: @Sendable (any CatalogedOptimizer<S>.Type) -> (any CatalogedOptimizer<S>.Type)?

  /// The catalog's methods this family wraps.
  public var innerNames: [String] { OptimizerCatalog.wrappable[name] ?? [] }

  /// The family around `name`, or a typed error naming what it can wrap.
  func type(around name: String) throws(DescentError) -> any CatalogedOptimizer<S>.Type {
    guard let inner = OptimizerCatalog.type(named: name, S.self),
      let type = around(inner)
    else {
      throw .invalidValue(
        name: "inner", value: name,
        expected: "an optimizer \(self.name) can wrap: \(innerNames.joined(separator: ", "))")
    }
    return type
  }
}
