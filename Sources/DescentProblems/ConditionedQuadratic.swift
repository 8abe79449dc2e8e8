import Descent

/// A convex quadratic of a chosen condition, ½ wᵀAw with w* = 0 and f* = 0, from a
/// seeded draw of N(0, I): its settings are d, κ and the seed. The diagonal and the
/// rotated quadratics are its two forms.
public protocol ConditionedQuadratic: CatalogedProblem {
  /// κ, the largest curvature over the smallest.
  var condition: Scalar { get }
  var seed: UInt64 { get }
  /// The quadratic itself.
  var quadratic: Quadratic<Scalar> { get }
}

extension ConditionedQuadratic {
  public var dimension: Int { quadratic.dimension }
  public var minimizer: [Scalar]? { quadratic.minimizer }
  public var minimum: Scalar? { 0 }
  public var defaultStart: [Scalar] { Quadratic.seededStart(dimension: dimension, seed: seed) }

  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar { quadratic.value(at: w) }

  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    quadratic.gradient(at: w, into: g)
  }
}

extension ConditionedQuadratic {
  /// d, κ and the seed, the settings both conditioned quadratics take.
  static func conditionedSettings(dimensions: Allowed<Int>) -> [Setting<Self>] {
    [
      .integer("dimension", \.dimension, symbol: "d", default: 100, dimensions, "number of parameters"),
      .real("condition", \.condition, symbol: "κ", default: 1e4, .atLeast(1), "largest ÷ smallest curvature"),
      .integer("seed", \.seed, default: 0, .atLeast(0), "seed of the start, drawn from N(0, I)"),
    ]
  }
}
