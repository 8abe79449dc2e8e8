/// The Rosenbrock function, in its chained form for any dimension d ≥ 2:
///
///     f(w) = Σ_{i=1}^{d−1} [ b (w_{i+1} − w_i²)² + (a − w_i)² ]
///
/// For d = 2 this is the paper's `f(w) = (w₁ − 1)² + 100 (w₂ − w₁²)²`, with minimiser
/// `w* = (a, a²)` and `f* = 0`. For d > 2 the minimiser is known when a = 1 (all ones).
///
/// Rosenbrock, H. H. (1960). An automatic method for finding the greatest or least
/// value of a function. The Computer Journal, 3(3), 175–184.
///
/// Parameters: `a` (default 1) and `b` > 0 (default 100).
public struct Rosenbrock<Scalar: DescentFloat>: Objective {
  public let a: Scalar
  public let b: Scalar
  public let dimension: Int

  public init(a: Scalar = 1, b: Scalar = 100, dimension: Int = 2) throws(DescentError) {
    try DescentError.require(a.isFinite, "a", a, "a finite number")
    try DescentError.require(b > 0 && b.isFinite, "b", b, "a finite number > 0")
    try DescentError.require(dimension >= 2, "dimension", dimension, "an integer ≥ 2")
    self.a = a
    self.b = b
    self.dimension = dimension
  }

  public var minimizer: [Scalar]? {
    if dimension == 2 { return [a, a * a] }
    return a == 1 ? [Scalar](repeating: 1, count: dimension) : nil
  }

  public var minimum: Scalar? { minimizer == nil ? nil : 0 }

  @inlinable
  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
    var sum: Scalar = 0
    for i in 0..<(dimension - 1) {
      let valley = w[i + 1] - w[i] * w[i]
      let offset = a - w[i]
      sum += b * valley * valley + offset * offset
    }
    return sum
  }

  @inlinable
  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    for i in 0..<dimension { g[i] = 0 }
    for i in 0..<(dimension - 1) {
      let valley = w[i + 1] - w[i] * w[i]
      g[i] += -2 * (a - w[i]) - 4 * b * w[i] * valley
      g[i + 1] += 2 * b * valley
    }
  }
}

extension Rosenbrock: CatalogedProblem {
  public static var problem: MethodDescription {
    MethodDescription(
      name: "rosenbrock", summary: "the Rosenbrock valley, chained for d > 2; start (−1, 0, …, 0)",
      citation: "Rosenbrock (1960)",
      parameters: [
        ParameterDescription("a", default: "1", allowed: "finite", summary: "w* = (a, a²)"),
        ParameterDescription("b", default: "100", allowed: "> 0", summary: "steepness of the valley walls"),
        ParameterDescription(
          "dimension", symbol: "d", kind: .integer, default: "2", allowed: "≥ 2", summary: "number of parameters"),
      ])
  }

  public init(settings: Settings) throws(DescentError) {
    try self.init(
      a: settings.real("a"), b: settings.real("b"), dimension: settings.integer("dimension"))
  }

  /// The paper's start, (−1, 0), padded with zeros.
  public var defaultStart: [Scalar] {
    [-1] + [Scalar](repeating: 0, count: dimension - 1)
  }
}
