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
      RMSprop<S>.self, Adam<S>.self, AdamW<S>.self, Muon<S>.self, Adagrad<S>.self, PolyakStepSize<S>.self,
      StochasticPolyak<S>.self, L4<S>.self, LossGrad<S>.self, IDBD<S>.self, HypergradientDescent<S>.self,
      AdamHD<S>.self, LBFGS<S>.self, NelderMead<S>.self, AdGD<S>.self, AdGDAccelerated<S>.self,
      NesterovRestart<S>.self, DoG<S>.self, Prodigy<S>.self, BarzilaiBorwein<S>.self,
      AndersonAcceleration<S>.self, BFGS<S>.self, ConjugateGradient<S>.self, ACFGM<S>.self, ScheduleFreeSGD<S>.self,
      ScheduleFreeAdamW<S>.self,
    ]
  }

  /// The wrappers, each around any method it can wrap, named by its `inner` setting.
  public static func wrappers<S: DescentFloat>(_: S.Type = S.self) -> [WrapperFamily<S>] {
    [
      WrapperFamily(name: "lookahead", defaultInner: "adam") { lookahead($0) },
      WrapperFamily(name: "snoo", defaultInner: "adam") { snoo($0) },
      WrapperFamily(name: "schedule", defaultInner: "gd") { inner in
        (inner as? any (CatalogedOptimizer<S> & ScalableUpdate).Type).map { scheduled($0) }
      },
      WrapperFamily(name: "weight-decay", defaultInner: "adam") { inner in
        (inner as? any (CatalogedOptimizer<S> & DecayableUpdate).Type).map { decayed($0) }
      },
    ]
  }

  static func wrapper<S: DescentFloat>(named name: String, _: S.Type) -> WrapperFamily<S>? {
    wrappers(S.self).first { $0.name == name }
  }

  /// Every type `descent list` describes: the optimizers, then each wrapper around its
  /// default inner method.
  public static func listed<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedOptimizer<S>.Type] {
    types(S.self) + wrappers(S.self).map { try! $0.type(around: $0.defaultInner) }
  }

  /// Each name once: building every entry's table is work a command line does often.
  public static let names: [String] = listed(Double.self).map { $0.catalogName }

  /// Each type's place in ``types(_:)`` by its name (the same order in Float and Double),
  /// so a lookup builds no entry.
  static let placeOfName: [String: Int] = Dictionary(
    uniqueKeysWithValues: types(Double.self).enumerated().map { ($1.catalogName, $0) })

  /// The type called `name` in ``types(_:)``.
  static func type<S: DescentFloat>(named name: String, _: S.Type) -> (any CatalogedOptimizer<S>.Type)? {
    placeOfName[name].map { types(S.self)[$0] }
  }

  /// The methods each wrapper can wrap, by the wrapper's name (the same in Float and Double).
  static let wrappable: [String: [String]] = Dictionary(
    uniqueKeysWithValues: wrappers(Double.self).map { family in
      (family.name, types(Double.self).filter { family.around($0) != nil }.map { $0.catalogName })
    })

  /// Builds the optimizer called `name` from settings given as text; a wrapper around
  /// the method its `inner` setting names.
  public static func make<S: DescentFloat>(
    _ name: String, settings: [String: String] = [:], as: S.Type = S.self
  ) throws(DescentError) -> any CatalogedOptimizer<S> {
    if let family = wrapper(named: name, S.self) {
      let type = try family.type(around: settings["inner"] ?? family.defaultInner)
      return try type.init(settings: settings.filter { $0.key != "inner" })
    }
    guard let type = type(named: name, S.self) else {
      throw .unknownName(kind: "optimizer", name: name, known: names)
    }
    return try type.init(settings: settings)
  }

  /// The settings the method called `name` takes, a wrapper's with those of its inner
  /// method (`inner`, or the wrapper's default); nil for a name the catalog does not know.
  public static func settingNames(of name: String, inner: String? = nil) -> [String]? {
    if let family = wrapper(named: name, Double.self) {
      guard let wrapper = try? family.type(around: family.defaultInner) else { return nil }
      let own = ownSettingNames(wrapper)
      let innerType = type(named: inner ?? family.defaultInner, Double.self)
      return own + (innerType?.settingNames ?? [])
    }
    return type(named: name, Double.self)?.settingNames
  }

  /// A wrapper's own settings, without its inner method's.
  private static func ownSettingNames<T: CatalogedOptimizer>(_: T.Type) -> [String] {
    T.catalogEntry.settings.filter { !$0.isInner }.map(\.name)
  }

  private static func lookahead<Inner: CatalogedOptimizer>(_: Inner.Type) -> any CatalogedOptimizer<Inner.Scalar>.Type {
    Lookahead<Inner>.self
  }

  private static func snoo<Inner: CatalogedOptimizer>(_: Inner.Type) -> any CatalogedOptimizer<Inner.Scalar>.Type {
    SNOO<Inner>.self
  }

  private static func scheduled<Inner: CatalogedOptimizer & ScalableUpdate>(_: Inner.Type)
    -> any CatalogedOptimizer<Inner.Scalar>.Type
  { Scheduled<Inner>.self }

  private static func decayed<Inner: CatalogedOptimizer & DecayableUpdate>(_: Inner.Type)
    -> any CatalogedOptimizer<Inner.Scalar>.Type
  { DecoupledWeightDecay<Inner>.self }
}
