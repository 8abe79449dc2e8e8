import Descent

/// The quadratic `f(w) = ½ wᵀQw + bᵀw`, with `Q` symmetric, diagonal or dense.
///
///     ∇f(w) = Qw + b,   w* = −Q⁻¹b,   f* = ½ bᵀw*   (when Q is positive definite)
///
/// The paper's convex problem is `Quadratic.paperConvex`: `Q = diag(1000, 1)`,
/// `b = 0`, started from (−1, 2) (Yao 2022, section 3). When `Q` is not positive
/// definite there is no minimiser, and `minimizer` and `minimum` are `nil`.
public struct Quadratic<Scalar: DescentFloat>: Objective {
  /// How `Q` is stored.
  public enum Curvature: Sendable, Equatable {
    /// The diagonal of `Q`.
    case diagonal([Scalar])
    /// `Q` row by row, `d·d` entries.
    case dense([Scalar])
  }

  public let curvature: Curvature
  /// b.
  public let linear: [Scalar]
  public let dimension: Int
  public let minimizer: [Scalar]?
  public let minimum: Scalar?

  /// - Throws: ``DescentError`` for a `Q` or `b` of the wrong size, a non-finite
  ///   entry, or a dense `Q` that is not symmetric.
  public init(curvature: Curvature, linear: [Scalar]? = nil) throws(DescentError) {
    switch curvature {
    case .diagonal(let q):
      try DescentError.require(!q.isEmpty, "Q", "[]", "at least one entry")
      try DescentError.requireFiniteVector(q, named: "Q", dimension: q.count)
      dimension = q.count
    case .dense(let q):
      let d = Int(Double(q.count).squareRoot().rounded())
      try DescentError.require(
        d > 0 && d * d == q.count, "Q", "with \(q.count) entries", "d·d entries for a d×d matrix")
      try DescentError.requireFiniteVector(q, named: "Q", dimension: q.count)
      for i in 0..<d {
        for j in 0..<i where q[i * d + j] != q[j * d + i] {
          throw .invalidValue(
            name: "Q[\(i)][\(j)]", value: "\(q[i * d + j]) ≠ Q[\(j)][\(i)] = \(q[j * d + i])",
            expected: "a symmetric matrix")
        }
      }
      dimension = d
    }
    let b = linear ?? [Scalar](repeating: 0, count: dimension)
    try DescentError.requireFiniteVector(b, named: "b", dimension: dimension)
    self.curvature = curvature
    self.linear = b
    if let solution = Quadratic.solve(curvature, dimension: dimension, b) {
      minimizer = solution
      var gap: Scalar = 0
      for i in 0..<dimension { gap += b[i] * solution[i] }
      minimum = gap / 2
    } else {
      minimizer = nil
      minimum = nil
    }
  }

  /// `½ wᵀQw` with `Q` positive definite, built by this module so that it is
  /// known to be: minimiser 0 and f* = 0, with no factorisation.
  init(positiveDefinite curvature: Curvature, dimension: Int) {
    self.curvature = curvature
    self.dimension = dimension
    linear = [Scalar](repeating: 0, count: dimension)
    minimizer = linear
    minimum = 0
  }

  /// d curvatures from 1 to κ, evenly spaced in log scale: qᵢ = κ^{i/(d−1)}.
  static func logSpacedCurvatures(dimension d: Int, condition: Scalar) -> [Scalar] {
    d == 1 ? [1] : (0..<d).map { Scalar.pow(condition, Scalar($0) / Scalar(d - 1)) }
  }

  /// d numbers drawn from N(0, 1) with `seed`.
  static func seededStart(dimension d: Int, seed: UInt64) -> [Scalar] {
    var generator = SeededGenerator(seed: seed)
    return (0..<d).map { _ in Scalar(generator.normal()) }
  }

  /// The paper's ill-conditioned convex problem, `Q = diag(1000, 1)`, `b = 0`.
  public static var paperConvex: Quadratic {
    try! Quadratic(curvature: .diagonal([1000, 1]))
  }

  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
    var sum: Scalar = 0
    switch curvature {
    case .diagonal(let q):
      for i in 0..<dimension { sum += q[i] * w[i] * w[i] / 2 + linear[i] * w[i] }
    case .dense(let q):
      for i in 0..<dimension {
        var row: Scalar = 0
        for j in 0..<dimension { row += q[i * dimension + j] * w[j] }
        sum += w[i] * row / 2 + linear[i] * w[i]
      }
    }
    return sum
  }

  @inlinable
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    switch curvature {
    case .diagonal(let q):
      for i in 0..<dimension { g[i] = q[i] * w[i] + linear[i] }
    case .dense(let q):
      for i in 0..<dimension {
        var row: Scalar = 0
        for j in 0..<dimension { row += q[i * dimension + j] * w[j] }
        g[i] = row + linear[i]
      }
    }
  }

  /// `−Q⁻¹b` by the diagonal or a Cholesky factorisation; `nil` unless `Q` is
  /// positive definite.
  static func solve(_ curvature: Curvature, dimension d: Int, _ b: [Scalar]) -> [Scalar]? {
    switch curvature {
    case .diagonal(let q):
      guard q.allSatisfy({ $0 > 0 }) else { return nil }
      return (0..<d).map { b[$0] == 0 ? 0 : -b[$0] / q[$0] }
    case .dense(let q):
      // Q = LLᵀ, then forward and back substitution.
      var l = [Scalar](repeating: 0, count: d * d)
      for j in 0..<d {
        var pivot = q[j * d + j]
        for k in 0..<j { pivot -= l[j * d + k] * l[j * d + k] }
        guard pivot > 0 else { return nil }
        l[j * d + j] = pivot.squareRoot()
        for i in (j + 1)..<max(j + 1, d) {
          var entry = q[i * d + j]
          for k in 0..<j { entry -= l[i * d + k] * l[j * d + k] }
          l[i * d + j] = entry / l[j * d + j]
        }
      }
      var y = [Scalar](repeating: 0, count: d)
      for i in 0..<d {
        var entry = -b[i]
        for k in 0..<i { entry -= l[i * d + k] * y[k] }
        y[i] = entry / l[i * d + i]
      }
      var x = [Scalar](repeating: 0, count: d)
      for i in stride(from: d - 1, through: 0, by: -1) {
        var entry = y[i]
        for k in (i + 1)..<max(i + 1, d) { entry -= l[k * d + i] * x[k] }
        x[i] = entry / l[i * d + i]
      }
      return x
    }
  }
}

extension Quadratic: CatalogedProblem {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "quadratic", summary: "½ wᵀQw + bᵀw with diagonal Q; default the paper's convex problem from (−1, 2)",
      citation: "Yao (2022), section 3", initialiserDefaults: { paperConvex },
      settings: [
        .list("curvatures", \.curvatures, symbol: "diag Q", default: [1000, 1], "the diagonal of Q"),
        .list(
          "linearSetting", \.linearSetting, name: "linear", symbol: "b", default: [0],
          "b; a single 0 means the zero vector"),
      ],
      build: { v throws(DescentError) in
        let (q, b): ([Scalar], [Scalar]) = (v.curvatures, v.linearSetting)
        if b != [0] && b.count != q.count {
          throw .invalidValue(
            name: "linearSetting", value: "\(b)", expected: "\(q.count) numbers, one per curvature, or 0")
        }
        return try Self(curvature: .diagonal(q), linear: b == [0] ? nil : b)
      })
  }

  /// The diagonal of Q (of a dense Q, its diagonal entries).
  public var curvatures: [Scalar] {
    switch curvature {
    case .diagonal(let q): return q
    case .dense(let q): return (0..<dimension).map { q[$0 * dimension + $0] }
    }
  }

  /// b as the setting writes it: a single 0 for the zero vector.
  var linearSetting: [Scalar] { linear.allSatisfy { $0 == 0 } ? [0] : linear }

  /// The paper's start, (−1, 2), for d = 2; all ones otherwise.
  public var defaultStart: [Scalar] {
    dimension == 2 ? [-1, 2] : [Scalar](repeating: 1, count: dimension)
  }
}
