/// The last m curvature pairs (s, y) of a quasi-Newton method, and the two-loop
/// recursion that applies the inverse-Hessian approximation they define.
///
/// Nocedal, J. and Wright, S. J. (2006). Numerical Optimization, 2nd ed.,
/// Algorithm 7.4.
@usableFromInline
struct CurvatureHistory<Scalar: DescentFloat>: Codable, Sendable {
  let capacity: Int
  let dimension: Int
  /// Pairs held, at most `capacity`.
  private(set) var count = 0
  /// The ring slot of the newest pair.
  var newest = -1
  var steps: [Scalar] = []
  var gradientChanges: [Scalar] = []
  /// 1 / (sᵀy) for each slot.
  var inverseCurvatures: [Scalar] = []
  /// Scratch for the recursion's coefficients.
  var coefficients: [Scalar] = []

  init() {
    capacity = 0
    dimension = 0
  }

  init(capacity: Int, dimension: Int) {
    self.capacity = capacity
    self.dimension = dimension
    steps = [Scalar](repeating: 0, count: capacity * dimension)
    gradientChanges = steps
    inverseCurvatures = [Scalar](repeating: 0, count: capacity)
    coefficients = inverseCurvatures
  }

  /// Throws unless a decoded history was made with `capacity` pairs on `dimension`
  /// parameters (an empty one is made on the first step).
  func requireFits(capacity expected: Int, dimension d: Int) throws(DescentError) {
    guard !steps.isEmpty else { return }
    guard capacity == expected, dimension == d, steps.count == MemoryRequirement.product(capacity, dimension),
      gradientChanges.count == steps.count, inverseCurvatures.count == capacity, coefficients.count == capacity,
      (0...capacity).contains(count), (-1..<capacity).contains(newest)
    else {
      throw .dimensionMismatch(name: "optimizer state", expected: d, actual: dimension)
    }
  }

  mutating func clear() {
    count = 0
    newest = -1
  }

  /// Adds s = α·direction and y = newGradient − oldGradient when sᵀy > ε·(−oldGradientᵀs),
  /// L-BFGS-B's test; returns sᵀy.
  @discardableResult
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  mutating func push(step alpha: Scalar, direction: [Scalar], oldGradient: [Scalar], newGradient: [Scalar]) -> Scalar {
    var sy: Scalar = 0
    var descent: Scalar = 0
    for i in 0..<dimension {
      let s = alpha * direction[i]
      sy += s * (newGradient[i] - oldGradient[i])
      descent -= oldGradient[i] * s
    }
    guard sy > Scalar.ulpOfOne * descent else { return sy }
    newest = (newest + 1) % capacity
    count = min(count + 1, capacity)
    let base = newest * dimension
    for i in 0..<dimension {
      steps[base + i] = alpha * direction[i]
      gradientChanges[base + i] = newGradient[i] - oldGradient[i]
    }
    inverseCurvatures[newest] = 1 / sy
    return sy
  }

  /// `result = −H·gradient` by the two-loop recursion; `−gradient` when empty.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  mutating func applyInverseHessian(to gradient: [Scalar], into result: inout [Scalar]) {
    for i in 0..<dimension { result[i] = -gradient[i] }
    guard count > 0 else { return }
    for back in 0..<count {
      let slot = (newest - back + capacity) % capacity
      let base = slot * dimension
      var dot: Scalar = 0
      for i in 0..<dimension { dot += steps[base + i] * result[i] }
      let a = inverseCurvatures[slot] * dot
      coefficients[slot] = a
      for i in 0..<dimension { result[i] -= a * gradientChanges[base + i] }
    }
    let base = newest * dimension
    var yy: Scalar = 0
    for i in 0..<dimension { yy += gradientChanges[base + i] * gradientChanges[base + i] }
    let scale = 1 / (inverseCurvatures[newest] * yy)  // sᵀy / yᵀy
    for i in 0..<dimension { result[i] *= scale }
    for back in stride(from: count - 1, through: 0, by: -1) {
      let slot = (newest - back + capacity) % capacity
      let base = slot * dimension
      var dot: Scalar = 0
      for i in 0..<dimension { dot += gradientChanges[base + i] * result[i] }
      let b = inverseCurvatures[slot] * dot
      for i in 0..<dimension { result[i] += steps[base + i] * (coefficients[slot] - b) }
    }
  }
}
