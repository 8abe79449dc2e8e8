import Descent
import Foundation
import Testing

/// Every method's defaults, as its initialiser gives them, in Float as in Double:
/// they equal the catalog's, and they make progress. A default tuned to one
/// precision (L-BFGS's ftol was 1e7·ε: 1.19 in Float, which ended every run after
/// one iteration) shows up here.
@Suite struct DefaultsTests {
  /// The initialiser with every default, for each cataloged method.
  static func defaultInitialiser<S: DescentFloat>(_ name: String, _: S.Type) throws -> (any Optimizer<S>)? {
    switch name {
    case "gd": try GradientDescent<S>()
    case "csawg": try Csawg<S>()
    case "momentum": try Momentum<S>()
    case "heavy-ball": try HeavyBall<S>()
    case "nesterov": try Nesterov<S>()
    case "rmsprop": try RMSprop<S>()
    case "adam": try Adam<S>()
    case "adamw": try AdamW<S>()
    case "adagrad": try Adagrad<S>()
    case "polyak": try PolyakStepSize<S>()
    case "sps": try StochasticPolyak<S>()
    case "l4": try L4<S>()
    case "lossgrad": try LossGrad<S>()
    case "idbd": try IDBD<S>()
    case "sgd-hd": try HypergradientDescent<S>()
    case "adam-hd": try AdamHD<S>()
    case "lbfgs": try LBFGS<S>()
    case "nelder-mead": try NelderMead<S>()
    case "lookahead": try Lookahead(try Adam<S>())
    default: nil
    }
  }

  @Test(arguments: OptimizerCatalog.names)
  func initialiserDefaultsAreTheCatalogs(_ name: String) throws {
    try sameDefaults(name, Float.self)
    try sameDefaults(name, Double.self)
  }

  func sameDefaults<S: DescentFloat>(_ name: String, _: S.Type) throws {
    let initialised = try #require(
      try Self.defaultInitialiser(name, S.self), "no default initialiser listed for \(name)")
    let cataloged = try OptimizerCatalog.make(name, as: S.self)
    #expect(try encoded(initialised) == encoded(cataloged), "\(name) in \(S.self)")
  }

  func encoded(_ optimizer: any Optimizer) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(optimizer), as: UTF8.self)
  }

  @Test(arguments: OptimizerCatalog.names)
  func defaultsMakeProgressInBothPrecisions(_ name: String) throws {
    let double = try gap(Double.self, name)
    let float = try gap(Float.self, name)
    #expect(double.termination.isFailure == false, "\(name) in Double: \(double.termination)")
    #expect(float.termination.isFailure == false, "\(name) in Float: \(float.termination)")
    // Progress: f − f* at most half its start.
    #expect(double.ratio <= 0.5, "\(name) in Double kept \(double.ratio) of f − f*")
    #expect(float.ratio <= 0.5, "\(name) in Float kept \(float.ratio) of f − f*")
    // Float gets as far as Double, to within Float's resolution of this gap.
    #expect(float.ratio <= max(10 * double.ratio, 1e-4), "\(name): Float \(float.ratio), Double \(double.ratio)")
  }

  /// (f(w) − f*) / (f(w₀) − f*) after 2,000 iterations of the initialiser's defaults.
  func gap<S: DescentFloat>(_: S.Type, _ name: String) throws -> (ratio: Double, termination: Termination) {
    let problem = try Quadratic<S>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
    let start: [S] = [-1, 2, 0.5]
    let optimizer = try #require(try Self.defaultInitialiser(name, S.self))
    let result = try minimize(problem, from: start, with: optimizer, until: .init(maxIterations: 2_000))
    let minimum = Double(problem.minimum!)
    let ratio = (Double(result.value) - minimum) / (Double(problem.value(at: start)) - minimum)
    return (ratio, result.termination)
  }
}
