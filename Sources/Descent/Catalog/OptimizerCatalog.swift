/// An optimizer the catalog can describe and build from named settings.
public protocol CatalogedOptimizer<Scalar>: Optimizer {
  /// Its name, citation, initialiser and table of hyperparameters.
  static var catalogEntry: CatalogEntry<Self> { get }
  /// As `descent list` shows it.
  static var method: MethodDescription { get }
  /// Builds the optimizer from settings given as text, by their command-line names.
  init(settings: [String: String]) throws(DescentError)
  /// `error` as the tool shows it: a hyperparameter named by its setting, with its
  /// value as given in `settings` (or the default as the table writes it).
  static func namingSettings(_ error: DescentError, given settings: [String: String]) -> DescentError
}

extension CatalogedOptimizer {
  public static var method: MethodDescription { catalogEntry.description }

  public init(settings: [String: String]) throws(DescentError) {
    self = try Self.catalogEntry.make(settings)
  }

  public static func namingSettings(_ error: DescentError, given settings: [String: String]) -> DescentError {
    guard case .invalidValue(let name, _, let expected) = error,
      let hyperparameter = catalogEntry.hyperparameters.first(where: { $0.property == name })
    else { return error }
    let typed = settings[hyperparameter.name] ?? hyperparameter.defaultText
    return .invalidValue(name: hyperparameter.name, value: typed, expected: expected)
  }

  /// Throws for the first hyperparameter outside its range, naming its Swift property.
  public func checkHyperparameters() throws(DescentError) {
    try Self.catalogEntry.check(self)
  }
}

/// Every optimizer Descent has, by name.
public enum OptimizerCatalog {
  /// The optimizer types, in the order `descent list` shows them.
  public static func types<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedOptimizer<S>.Type] {
    [
      GradientDescent<S>.self, Csawg<S>.self, SafeguardedCsawg<S>.self, Momentum<S>.self, HeavyBall<S>.self,
      Nesterov<S>.self,
      RMSprop<S>.self, Adam<S>.self, AdamW<S>.self, Adagrad<S>.self, PolyakStepSize<S>.self,
      StochasticPolyak<S>.self, L4<S>.self, LossGrad<S>.self, IDBD<S>.self, HypergradientDescent<S>.self,
      AdamHD<S>.self, LBFGS<S>.self, NelderMead<S>.self, AdGD<S>.self, AdGDAccelerated<S>.self,
      NesterovRestart<S>.self, DoG<S>.self, Prodigy<S>.self, BarzilaiBorwein<S>.self,
      AndersonAcceleration<S>.self,
    ]
  }

  public static var methods: [MethodDescription] {
    types(Double.self).map { $0.method } + [Lookahead<GradientDescent<Double>>.lookaheadDescription]
  }

  public static var names: [String] { methods.map(\.name) }

  /// Builds the optimizer called `name` from settings given as text.
  public static func make<S: DescentFloat>(
    _ name: String, settings: [String: String] = [:], as: S.Type = S.self
  ) throws(DescentError) -> any CatalogedOptimizer<S> {
    if name == "lookahead" {
      let innerName = settings["inner"] ?? "adam"
      guard let inner = types(S.self).first(where: { $0.method.name == innerName }) else {
        let others = names.filter { $0 != "lookahead" }.joined(separator: ", ")
        throw .invalidValue(name: "inner", value: innerName, expected: "an optimizer other than lookahead: \(others)")
      }
      return try makeLookahead(inner, settings: settings.filter { $0.key != "inner" })
    }
    guard let type = types(S.self).first(where: { $0.method.name == name }) else {
      throw .unknownName(kind: "optimizer", name: name, known: names)
    }
    return try type.init(settings: settings)
  }

  private static func makeLookahead<Inner: CatalogedOptimizer>(
    _: Inner.Type, settings: [String: String]
  ) throws(DescentError) -> any CatalogedOptimizer<Inner.Scalar> {
    try Lookahead<Inner>(settings: settings)
  }
}
