/// A test problem the catalog can describe and build from named settings.
public protocol CatalogedProblem<Scalar>: Objective {
  /// Name, citation and every parameter with its default.
  static var problem: MethodDescription { get }
  /// Builds the problem from settings, validating each value.
  init(settings: Settings) throws(DescentError)
  /// Where the paper starts it.
  var defaultStart: [Scalar] { get }
}

/// Every test problem Descent has, by name.
public enum ProblemCatalog {
  public static func types<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [Rosenbrock<S>.self, Quadratic<S>.self]
  }

  public static var problems: [MethodDescription] { types(Double.self).map { $0.problem } }

  public static var names: [String] { problems.map(\.name) }

  /// Builds the problem called `name` from settings given as text.
  public static func make<S: DescentFloat>(
    _ name: String, settings: [String: String] = [:], as: S.Type = S.self
  ) throws(DescentError) -> any CatalogedProblem<S> {
    guard let type = types(S.self).first(where: { $0.problem.name == name }) else {
      throw .unknownName(kind: "problem", name: name, known: names)
    }
    return try Settings(settings, for: type.problem).build { settings throws(DescentError) in
      try type.init(settings: settings)
    }
  }
}
