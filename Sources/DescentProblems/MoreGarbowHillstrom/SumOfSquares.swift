import Descent

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
  /// x, as ``evaluate(at:residuals:gradient:)`` reads it.
  public typealias Point = UnsafeBufferPointer<Scalar>
  /// r, or the gradient, as ``evaluate(at:residuals:gradient:)`` writes it.
  public typealias Output = UnsafeMutableBufferPointer<Scalar>

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

/// A function defined at any size n in a range, its one setting.
public protocol SizedSumOfSquares<Scalar>: SumOfSquares {
  /// The function at n parameters, n already checked: call ``init(dimension:)``, which
  /// checks it.
  init(checkedDimension n: Int)
  /// m at n parameters, or nil when that overflows `Int`; n by default.
  static func residualCount(dimension n: Int) -> Int?
}

extension SizedSumOfSquares {
  public static func residualCount(dimension n: Int) -> Int? { n }
  public var residualCount: Int { Self.residualCount(dimension: dimension)! }

  /// The function at n parameters (by default its table's n), once n is a size the
  /// function is defined at (its table's range) and a run's vectors, and the m
  /// residuals, fit in memory.
  public init(dimension: Int? = nil) throws(DescentError) {
    let n = dimension ?? Self.catalogEntry.defaultValues.dimension
    try Self.checkSetting("dimension", n)
    try DescentError.requireProblemSize(n, residuals: Self.residualCount(dimension: n), of: Scalar.self)
    self.init(checkedDimension: n)
  }
}

extension DescentError {
  /// Throws unless a run's vectors of n numbers, and m more, fit in memory.
  package static func requireProblemSize<S: DescentFloat>(_ n: Int, residuals m: Int?, of _: S.Type)
    throws(DescentError)
  {
    try requireMemory(
      MemoryRequirement.sum(MemoryRequirement.product(MemoryRequirement.runVectors, n), m), of: S.self,
      name: "dimension", value: n, what: "a run's \(MemoryRequirement.runVectors) vectors of n numbers and m residuals")
  }
}

/// The declaration every Moré–Garbow–Hillstrom function shares: its number in the
/// paper, its name and a line on what it is, and for a sized one its default size and
/// the sizes it is defined at.
extension CatalogEntry where Subject: FixedSumOfSquares {
  /// Problem `number` of Moré, Garbow and Hillstrom (1981), of fixed size.
  static func moreGarbowHillstrom(_ number: Int, _ name: String, _ summary: String) -> Self {
    CatalogEntry(
      name, summary: summary, citation: "Moré, Garbow & Hillstrom (1981), problem \(number)",
      initialiserDefaults: { Subject() }, settings: [], build: { _ in Subject() })
  }
}

extension CatalogEntry where Subject: SizedSumOfSquares {
  /// Problem `number` of Moré, Garbow and Hillstrom (1981), at n = `dimension` by default.
  static func moreGarbowHillstrom(
    _ number: Int, _ name: String, _ summary: String, dimension: Int, _ sizes: Allowed<Int> = .atLeast(1)
  ) -> Self {
    CatalogEntry(
      name, summary: summary, citation: "Moré, Garbow & Hillstrom (1981), problem \(number)",
      initialiserDefaults: { try Subject(dimension: dimension) },
      settings: [.integer("dimension", \.dimension, symbol: "n", default: dimension, sizes, "number of parameters")],
      build: { values throws(DescentError) in try Subject(dimension: values.dimension as Int) })
  }
}
