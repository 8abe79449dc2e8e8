import Descent

/// A test problem the catalog can describe and build from named settings.
public protocol CatalogedProblem<Scalar>: Objective, Cataloged {
  /// Where the problem is started by default (the paper's start, or its source's).
  var defaultStart: [Scalar] { get }
  /// Whether its seed changes the problem at these settings (a start, a rotation,
  /// batches), so that a study runs it once per seed. Default: it has a seed.
  static func isRandom(settings: [String: String]) -> Bool
}

extension CatalogedProblem {
  public static func isRandom(settings: [String: String]) -> Bool { settingNames.contains("seed") }
}

/// Every test problem Descent has, by name: Rosenbrock and the quadratics, the
/// Moré–Garbow–Hillstrom functions, and the problems on real data.
public enum ProblemCatalog {
  /// The problem types, in the order `descent list` shows them.
  public static func types<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [Rosenbrock<S>.self, Quadratic<S>.self, DiagonalQuadratic<S>.self, RotatedQuadratic<S>.self]
      + moreGarbowHillstrom(S.self) + realData(S.self) + training(S.self)
  }

  /// The 35 functions of Moré, Garbow and Hillstrom (1981), in their order.
  public static func moreGarbowHillstrom<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [
      MGHRosenbrock<S>.self, FreudensteinRoth<S>.self, PowellBadlyScaled<S>.self, BrownBadlyScaled<S>.self,
      Beale<S>.self, JennrichSampson<S>.self, HelicalValley<S>.self, Bard<S>.self, Gaussian<S>.self, Meyer<S>.self,
      Gulf<S>.self, Box3D<S>.self, PowellSingular<S>.self, Wood<S>.self, KowalikOsborne<S>.self, BrownDennis<S>.self,
      Osborne1<S>.self, BiggsExp6<S>.self, Osborne2<S>.self, Watson<S>.self, ExtendedRosenbrock<S>.self,
      ExtendedPowell<S>.self, PenaltyI<S>.self, PenaltyII<S>.self, VariablyDimensioned<S>.self, Trigonometric<S>.self,
      BrownAlmostLinear<S>.self, DiscreteBoundaryValue<S>.self, DiscreteIntegralEquation<S>.self,
      BroydenTridiagonal<S>.self, BroydenBanded<S>.self, LinearFullRank<S>.self, LinearRank1<S>.self,
      LinearRank1ZeroColumns<S>.self, Chebyquad<S>.self,
    ]
  }

  /// The problems on real data, each with its seeded stochastic mode.
  public static func realData<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [BreastCancerLogistic<S>.self, DigitsSoftmax<S>.self, DiabetesLeastSquares<S>.self, DigitsTanhNetwork<S>.self]
  }

  /// The training problems: classifiers trained on minibatches and tested on held-out rows.
  public static func training<S: DescentFloat>(_: S.Type = S.self) -> [any CatalogedProblem<S>.Type] {
    [
      MNIST1DLogistic<S>.self, MNIST1DMLP<S>.self, MNIST1DCNN<S>.self, DigitsNetworkHeldOut<S>.self,
      BreastCancerHeldOut<S>.self,
    ]
  }

  public static var names: [String] { types(Double.self).map { $0.catalogName } }

  /// Builds the problem called `name` from settings given as text.
  public static func make<S: DescentFloat>(
    _ name: String, settings: [String: String] = [:], as: S.Type = S.self
  ) throws(DescentError) -> any CatalogedProblem<S> {
    guard let type = types(S.self).first(where: { $0.catalogName == name }) else {
      throw .unknownName(kind: "problem", name: name, known: names)
    }
    return try type.init(settings: settings)
  }
}
