import Descent

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
    try Self.checkSetting("a", a)
    try Self.checkSetting("b", b)
    try Self.checkSetting("dimension", dimension)
    try DescentError.requireMemory(
      MemoryRequirement.product(MemoryRequirement.runVectors, dimension), of: Scalar.self, name: "dimension",
      value: dimension, what: "a run's \(MemoryRequirement.runVectors) vectors of d numbers")
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
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
    let (a, b) = (a, b)
    return Vector.sum(count: dimension - 1) { i in
      let valley = w[i + 1] - w[i] * w[i]
      let offset = a - w[i]
      return b * valley * valley + offset * offset
    }
  }

  /// Each component from its own terms, in the order a term-by-term accumulation
  /// would add them, so the loop vectorises and the bits are those of the textbook
  /// form: g_i = 2b(w_i − w_{i−1}²) + [−2(a − w_i) − 4b w_i (w_{i+1} − w_i²)].
  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    let (a, b, last) = (a, b, dimension - 1)
    let zero: Scalar = 0
    let kernel = RosenbrockGradient(w: w, g: g, a: a, b: b)
    g[0] = zero + kernel.ownTerm(0)
    Parallel.forEachChunk(count: last - 1) { kernel($0) }  // components 1 ..< last
    g[last] = zero + kernel.fromBelow(last)
  }

  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func valueAndGradient(
    at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    gradient(at: w, into: g)
    return value(at: w)
  }
}

extension Rosenbrock: CatalogedProblem {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "rosenbrock", summary: "the Rosenbrock valley, chained for d > 2; start (−1, 0, …, 0)",
      citation: "Rosenbrock (1960)", initialiserDefaults: { try Self() },
      settings: [
        .real("a", \.a, default: 1, .finite, "w* = (a, a²)"),
        .real("b", \.b, default: 100, .positive, "steepness of the valley walls"),
        .integer("dimension", \.dimension, symbol: "d", default: 2, .atLeast(2), "number of parameters"),
      ],
      build: { v throws(DescentError) in try Self(a: v.a, b: v.b, dimension: v.dimension) })
  }

  /// The paper's start, (−1, 0), padded with zeros.
  public var defaultStart: [Scalar] {
    [-1] + [Scalar](repeating: 0, count: dimension - 1)
  }
}

/// The inner components of Rosenbrock's gradient, g_{i+1} for i in a range: each
/// from its own terms, so a range runs on any core with the same bits.
@usableFromInline
struct RosenbrockGradient<S: DescentFloat> {
  @usableFromInline let w: UnsafeBufferPointer<S>
  @usableFromInline let g: UnsafeMutableBufferPointer<S>
  @usableFromInline let a: S
  @usableFromInline let b: S

  @inlinable init(w: UnsafeBufferPointer<S>, g: UnsafeMutableBufferPointer<S>, a: S, b: S) {
    (self.w, self.g, self.a, self.b) = (w, g, a, b)
  }

  /// −2(a − w_i) − 4b w_i (w_{i+1} − w_i²): the i-th term's derivative in w_i.
  @inlinable @inline(__always)
  func ownTerm(_ i: Int) -> S {
    let valley: S = w[i &+ 1] - w[i] * w[i]
    let offset: S = a - w[i]
    return -2 * offset - 4 * b * w[i] * valley
  }

  /// 2b(w_i − w_{i−1}²): the (i−1)-th term's derivative in w_i.
  @inlinable @inline(__always)
  func fromBelow(_ i: Int) -> S {
    let valley: S = w[i] - w[i &- 1] * w[i &- 1]
    return 2 * b * valley
  }

  @_specialize(where S == Float) @_specialize(where S == Double)
  @inlinable func callAsFunction(_ range: Range<Int>) {
    // Wrapping index arithmetic: an overflow check in the loop would stop it vectorising.
    for i in (range.lowerBound &+ 1)..<(range.upperBound &+ 1) {
      g[i] = fromBelow(i) + ownTerm(i)
    }
  }
}
