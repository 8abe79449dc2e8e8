/// The Nelder–Mead simplex method: derivative-free, one to n + 2 values of f per
/// iteration, with scipy's initial simplex, rules and stopping test.
///
///     sort the simplex so f(x₀) ≤ … ≤ f(x_n);  x̄ = mean of x₀ … x_{n−1}
///     reflect  x_r = x̄ + ρ(x̄ − x_n);  if f(x_r) < f(x₀) try expanding to
///              x_e = x̄ + ρχ(x̄ − x_n) and keep the better of the two;
///     else if f(x_r) < f(x_{n−1}) keep x_r;
///     else contract outside (f(x_r) < f(x_n): x_c = x̄ + ψρ(x̄ − x_n), kept if f(x_c) ≤ f(x_r))
///          or inside (x_cc = x̄ − ψ(x̄ − x_n), kept if f(x_cc) < f(x_n)),
///          and otherwise shrink every vertex towards x₀ by σ.
///
/// The initial simplex is w₀ and, for each component k, w₀ with its k-th entry
/// scaled by 1.05 (or set to 0.00025 where it is zero). The run converges
/// (`.methodConverged`) once max‖x_i − x₀‖∞ ≤ `xatol` and max|f(x_i) − f(x₀)| ≤ `fatol`.
/// The iterate is the best vertex x₀.
///
/// Nelder, J. A. and Mead, R. (1965). A simplex method for function minimization.
/// The Computer Journal, 7, 308–313. Rules and tolerances as scipy.optimize's
/// `minimize(method="Nelder-Mead")`.
///
/// Hyperparameters: ρ = 1, χ = 2, ψ = 0.5, σ = 0.5 (the standard coefficients);
/// `xatol` ≥ 0, default 1e-4; `fatol` ≥ 0, default 1e-4.
public struct NelderMead<Scalar: DescentFloat>: Optimizer {
  public internal(set) var xatol: Scalar
  public internal(set) var fatol: Scalar
  static var reflection: Scalar { 1 }
  static var expansion: Scalar { 2 }
  static var contraction: Scalar { 0.5 }
  static var shrink: Scalar { 0.5 }

  /// n + 1 vertices of n entries, row by row, sorted by value.
  var simplex: [Scalar] = []
  var values: [Scalar] = []
  var centroid: [Scalar] = []
  var candidate: [Scalar] = []
  var second: [Scalar] = []
  var order: [Int] = []
  var scratch: [Scalar] = []
  var termination: Termination?

  public init(xatol: Scalar = 1e-4, fatol: Scalar = 1e-4) throws(DescentError) {
    self.xatol = xatol
    self.fatol = fatol
    try checkSettings()
  }

  public func validateState(dimension d: Int) throws(DescentError) {
    let n = d
    try DescentError.requireMemory(
      stateSize(dimension: n), of: Scalar.self, name: "dimension", value: n,
      what: "two simplices of (d + 1)·d numbers at d = \(n)")
    // A resumed simplex must have been made on this dimension, every scratch with it.
    try DescentError.requireState(values, dimension: n + 1)
    try DescentError.requireState(simplex, scratch, dimension: (n + 1) * n)
    try DescentError.requireState(centroid, candidate, second, dimension: n)
    if !order.isEmpty && (order.count != n + 1 || Set(order) != Set(0...n)) {
      throw .dimensionMismatch(name: "optimizer state", expected: n + 1, actual: order.count)
    }
    if values.isEmpty != simplex.isEmpty || values.isEmpty != order.isEmpty {
      throw .dimensionMismatch(name: "optimizer state", expected: n, actual: 0)
    }
  }

  public var methodTermination: Termination? { termination }

  /// The simplex and its sorting copy, 2(n + 1)·n, and 4n + 2 more.
  public func stateSize(dimension n: Int) -> Int? {
    let simplex = MemoryRequirement.sum(n, 1).flatMap { MemoryRequirement.product($0, n) }
    return MemoryRequirement.sum(
      simplex.flatMap { MemoryRequirement.product(2, $0) },
      MemoryRequirement.product(4, n).flatMap { MemoryRequirement.sum($0, 2) })
  }

  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    guard termination == nil else { return }
    let n = w.count
    if values.isEmpty {
      guard oracle.reserve(values: n + 1) else { return }
      start(at: w, oracle: &oracle)
    }
    if hasConverged(n) {
      termination = .methodConverged
      return
    }
    iterate(n, oracle: &oracle)
    sortSimplex(n)
    for i in 0..<n { w[i] = simplex[i] }
  }

  mutating func start<Problem: Objective>(at w: [Scalar], oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    let n = w.count
    simplex = [Scalar](repeating: 0, count: (n + 1) * n)
    for vertex in 0...n {
      for i in 0..<n { simplex[vertex * n + i] = w[i] }
      if vertex > 0 {
        let k = vertex - 1
        simplex[vertex * n + k] = w[k] != 0 ? (1 + 0.05) * w[k] : 0.00025
      }
    }
    values = [Scalar](repeating: 0, count: n + 1)
    centroid = [Scalar](repeating: 0, count: n)
    candidate = centroid
    second = centroid
    scratch = simplex
    order = Array(0...n)
    for index in 0...n { values[index] = oracle.value(at: vertex(index, n)) }
    sortSimplex(n)
  }

  func vertex(_ index: Int, _ n: Int) -> [Scalar] {
    Array(simplex[(index * n)..<((index + 1) * n)])
  }

  func hasConverged(_ n: Int) -> Bool {
    var spread: Scalar = 0
    var valueSpread: Scalar = 0
    for vertex in 1...n {
      for i in 0..<n { spread = max(spread, abs(simplex[vertex * n + i] - simplex[i])) }
      valueSpread = max(valueSpread, abs(values[0] - values[vertex]))
    }
    return spread <= xatol && valueSpread <= fatol
  }

  /// `destination = a·x̄ − b·x_n`, the points along the line from the worst vertex.
  static func along(
    _ a: Scalar, _ b: Scalar, centroid: [Scalar], simplex: [Scalar], into destination: inout [Scalar]
  ) {
    let n = centroid.count
    for i in 0..<n { destination[i] = a * centroid[i] - b * simplex[n * n + i] }
  }

  mutating func replaceWorst(with point: [Scalar], value: Scalar, _ n: Int) {
    for i in 0..<n { simplex[n * n + i] = point[i] }
    values[n] = value
  }

  /// One reflection, expansion, contraction or shrink. An iteration the budget
  /// cannot pay for in full leaves the simplex as it was.
  mutating func iterate<Problem: Objective>(_ n: Int, oracle: inout CountingOracle<Problem>)
  where Problem.Scalar == Scalar {
    guard oracle.reserve(values: 1) else { return }
    let (rho, chi, psi, sigma) = (Self.reflection, Self.expansion, Self.contraction, Self.shrink)
    for i in 0..<n {
      var sum: Scalar = 0
      for vertex in 0..<n { sum += simplex[vertex * n + i] }
      centroid[i] = sum / Scalar(n)
    }
    Self.along(1 + rho, rho, centroid: centroid, simplex: simplex, into: &candidate)
    let reflected = oracle.value(at: candidate)
    if reflected < values[0] {
      guard oracle.reserve(values: 1) else { return }
      Self.along(1 + rho * chi, rho * chi, centroid: centroid, simplex: simplex, into: &second)
      let expanded = oracle.value(at: second)
      if expanded < reflected {
        replaceWorst(with: second, value: expanded, n)
      } else {
        replaceWorst(with: candidate, value: reflected, n)
      }
      return
    }
    if reflected < values[n - 1] {
      replaceWorst(with: candidate, value: reflected, n)
      return
    }
    guard oracle.reserve(values: 1) else { return }
    if reflected < values[n] {
      Self.along(1 + psi * rho, psi * rho, centroid: centroid, simplex: simplex, into: &second)
      let contracted = oracle.value(at: second)
      if contracted <= reflected {
        replaceWorst(with: second, value: contracted, n)
        return
      }
    } else {
      for i in 0..<n { second[i] = (1 - psi) * centroid[i] + psi * simplex[n * n + i] }
      let contracted = oracle.value(at: second)
      if contracted < values[n] {
        replaceWorst(with: second, value: contracted, n)
        return
      }
    }
    guard oracle.reserve(values: n) else { return }
    for vertex in 1...n {
      for i in 0..<n {
        simplex[vertex * n + i] = simplex[i] + sigma * (simplex[vertex * n + i] - simplex[i])
      }
      values[vertex] = oracle.value(at: self.vertex(vertex, n))
    }
  }

  /// Sorts vertices by value, ties kept in place (numpy's sort of so few values is stable).
  mutating func sortSimplex(_ n: Int) {
    for i in 0...n { order[i] = i }
    order.sort { (values[$0], $0) < (values[$1], $1) }
    for (position, index) in order.enumerated() {
      for i in 0..<n { scratch[position * n + i] = simplex[index * n + i] }
    }
    swap(&simplex, &scratch)
    let sortedValues = order.map { values[$0] }
    for i in 0...n { values[i] = sortedValues[i] }
  }
}

extension NelderMead: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "nelder-mead", summary: "the Nelder–Mead simplex method (values only), scipy's rules",
      citation: "Nelder & Mead (1965)", initialiserDefaults: { try Self() },
      settings: [
        .real("xatol", \.xatol, default: 1e-4, .nonNegative, "converged when the simplex is this small"),
        .real("fatol", \.fatol, default: 1e-4, .nonNegative, "…and its values this close"),
      ])
  }
}
