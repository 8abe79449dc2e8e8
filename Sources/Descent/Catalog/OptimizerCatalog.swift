/// An optimizer the catalog can describe and build from named settings.
public protocol CatalogedOptimizer<Scalar>: Optimizer, Cataloged {
  /// Checks a state, perhaps decoded from a checkpoint, against d parameters: each
  /// vector empty (not yet allocated) or of its size, each counter one a run reaches,
  /// and the state within the machine's memory. Default: nothing to check.
  func validateState(dimension: Int) throws(DescentError)
}

extension CatalogedOptimizer {
  public func validateState(dimension: Int) throws(DescentError) {}

  /// The settings within their ranges, then the state against the problem's dimension.
  public func validate<Problem: Objective>(for objective: Problem) throws(DescentError)
  where Problem.Scalar == Scalar {
    try checkSettings()
    try validateState(dimension: objective.dimension)
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
      AndersonAcceleration<S>.self, BFGS<S>.self, ConjugateGradient<S>.self, ACFGM<S>.self, ScheduleFreeSGD<S>.self,
      ScheduleFreeAdamW<S>.self,
    ]
  }

  /// Every type `descent list` describes: the optimizers, then Lookahead (around
  /// gradient descent, for its own settings and the choice of inner method).
  public static func listed<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedOptimizer<S>.Type] {
    types(S.self) + [Lookahead<GradientDescent<S>>.self]
  }

  public static var names: [String] { listed(Double.self).map { $0.catalogName } }

  /// Builds the optimizer called `name` from settings given as text.
  public static func make<S: DescentFloat>(
    _ name: String, settings: [String: String] = [:], as: S.Type = S.self
  ) throws(DescentError) -> any CatalogedOptimizer<S> {
    if name == "lookahead" {
      let innerName = settings["inner"] ?? "adam"
      guard let inner = types(S.self).first(where: { $0.catalogName == innerName }) else {
        let others = names.filter { $0 != "lookahead" }.joined(separator: ", ")
        throw .invalidValue(name: "inner", value: innerName, expected: "an optimizer other than lookahead: \(others)")
      }
      return try makeLookahead(inner, settings: settings.filter { $0.key != "inner" })
    }
    guard let type = types(S.self).first(where: { $0.catalogName == name }) else {
      throw .unknownName(kind: "optimizer", name: name, known: names)
    }
    return try type.init(settings: settings)
  }

  /// The settings the method called `name` takes, Lookahead's with those of its inner
  /// method (`inner`, Adam by default); nil for a name the catalog does not know.
  public static func settingNames(of name: String, inner: String? = nil) -> [String]? {
    guard let type = listed(Double.self).first(where: { $0.catalogName == name }) else { return nil }
    guard name == "lookahead" else { return type.settingNames }
    let own = Lookahead<GradientDescent<Double>>.catalogEntry.settings.filter { !$0.isInner }.map(\.name)
    return own + (types(Double.self).first { $0.catalogName == (inner ?? "adam") }?.settingNames ?? [])
  }

  private static func makeLookahead<Inner: CatalogedOptimizer>(
    _: Inner.Type, settings: [String: String]
  ) throws(DescentError) -> any CatalogedOptimizer<Inner.Scalar> {
    try Lookahead<Inner>(settings: settings)
  }
}
