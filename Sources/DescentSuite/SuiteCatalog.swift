import Descent

/// Every problem the tool knows: the library's (``ProblemCatalog``) and the real-data
/// problems of the suite.
public enum SuiteCatalog {
  public static func types<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    ProblemCatalog.types(S.self) + dataProblems(S.self)
  }

  /// The problems on real data.
  public static func dataProblems<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [
      BreastCancerLogistic<S>.self, DigitsSoftmax<S>.self, DiabetesLeastSquares<S>.self, DigitsTanhNetwork<S>.self,
    ]
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
    return try ProblemCatalog.make(type, settings: settings)
  }
}
