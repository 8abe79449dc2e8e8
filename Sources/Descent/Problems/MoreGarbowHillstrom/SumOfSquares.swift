/// A function in the form Moré, Garbow and Hillstrom test with,
///
///     f(x) = Σᵢ rᵢ(x)²,   ∇f(x) = 2 Σᵢ rᵢ(x) ∇rᵢ(x),
///
/// given by its m residuals. The value and gradient follow from ``evaluate(at:residuals:gradient:)``,
/// which writes r and, when asked, adds each residual's 2 rᵢ ∇rᵢ to a zeroed gradient.
///
/// Moré, J. J., Garbow, B. S. and Hillstrom, K. E. (1981). Testing unconstrained
/// optimization software. ACM Transactions on Mathematical Software, 7(1), 17–41.
public protocol SumOfSquares<Scalar>: CatalogedProblem {
  /// m, the number of residuals.
  var residualCount: Int { get }
  /// Writes r(x) into `r` (m numbers) and, when `g` is given (zeroed, n numbers),
  /// adds 2 rᵢ ∇rᵢ(x) for every i.
  func evaluate(
    at x: UnsafeBufferPointer<Scalar>, residuals r: UnsafeMutableBufferPointer<Scalar>,
    gradient g: UnsafeMutableBufferPointer<Scalar>?)
}

extension SumOfSquares {
  @inlinable
  public func value(at x: UnsafeBufferPointer<Scalar>) -> Scalar {
    withUnsafeTemporaryAllocation(of: Scalar.self, capacity: residualCount) { r in
      evaluate(at: x, residuals: r, gradient: nil)
      return Vector.sumOfSquares(UnsafeBufferPointer(r))
    }
  }

  @inlinable
  public func gradient(at x: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    _ = valueAndGradient(at: x, into: g)
  }

  @inlinable
  public func valueAndGradient(
    at x: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    withUnsafeTemporaryAllocation(of: Scalar.self, capacity: residualCount) { r in
      g.update(repeating: 0)
      evaluate(at: x, residuals: r, gradient: g)
      return Vector.sumOfSquares(UnsafeBufferPointer(r))
    }
  }
}

/// A function of fixed size, with nothing to set.
public protocol FixedSumOfSquares<Scalar>: SumOfSquares {
  init()
}

extension FixedSumOfSquares {
  public init(settings: Settings) throws(DescentError) { self.init() }
}

/// A function defined at any size n in a range, its one setting.
public protocol SizedSumOfSquares<Scalar>: SumOfSquares {
  init(dimension: Int) throws(DescentError)
}

extension SizedSumOfSquares {
  public init(settings: Settings) throws(DescentError) {
    try self.init(dimension: settings.integer("dimension"))
  }
}

extension DescentError {
  /// Throws unless n is a size the function is defined at (at least `minimum`, a
  /// multiple of `multiple`, at most `maximum`) and a run's vectors, and the m
  /// residuals, fit in memory.
  static func requireProblemSize<S: DescentFloat>(
    _ n: Int, atLeast minimum: Int, atMost maximum: Int = .max, multipleOf multiple: Int = 1, residuals m: Int?,
    of _: S.Type
  ) throws(DescentError) {
    let allowed =
      "an integer ≥ \(minimum)" + (maximum < .max ? " and ≤ \(maximum)" : "")
      + (multiple > 1 ? ", a multiple of \(multiple)" : "")
    try require(n >= minimum && n <= maximum && n % multiple == 0, "dimension", n, allowed)
    try requireMemory(
      MemoryRequirement.sum(MemoryRequirement.product(MemoryRequirement.runVectors, n), m), of: S.self,
      name: "dimension", value: n, what: "a run's \(MemoryRequirement.runVectors) vectors of n numbers and m residuals")
  }
}

extension MethodDescription {
  /// Problem `number` of Moré, Garbow and Hillstrom (1981).
  static func moreGarbowHillstrom(
    _ number: Int, _ name: String, _ summary: String, parameters: [ParameterDescription] = []
  ) -> MethodDescription {
    MethodDescription(
      name: name, summary: summary, citation: "Moré, Garbow & Hillstrom (1981), problem \(number)",
      parameters: parameters)
  }
}

extension ParameterDescription {
  /// n, for the functions defined at any size.
  static func dimension(_ defaultValue: Int, allowed: String = "≥ 1") -> ParameterDescription {
    ParameterDescription(
      "dimension", symbol: "n", kind: .integer, default: String(defaultValue), allowed: allowed,
      summary: "number of parameters")
  }
}
