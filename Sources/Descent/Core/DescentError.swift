/// Why Descent refused an input. Each case names the offending value, so the
/// message alone says what to fix.
public enum DescentError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A hyperparameter, problem parameter or stopping rule outside its allowed range.
  case invalidValue(name: String, value: String, expected: String)
  /// A vector whose length is not the problem's dimension.
  case dimensionMismatch(name: String, expected: Int, actual: Int)
  /// A vector with a NaN or infinite entry.
  case nonFiniteEntry(name: String, index: Int, value: String)
  /// A name that is not in the catalog.
  case unknownName(kind: String, name: String, known: [String])
  /// A hyperparameter given to a method that does not have it.
  case unexpectedParameter(name: String, method: String, accepted: [String])
  /// A run that could never stop: no iteration or evaluation budget.
  case missingBudget

  public var description: String {
    switch self {
    case .invalidValue(let name, let value, let expected):
      return "invalid \(name) \(value): expected \(expected)"
    case .dimensionMismatch(let name, let expected, let actual):
      return "\(name) has \(actual) entries, but the problem has dimension \(expected)"
    case .nonFiniteEntry(let name, let index, let value):
      return "\(name)[\(index)] is \(value): every entry must be finite"
    case .unknownName(let kind, let name, let known):
      let near = NearestName.to(name, among: known).map { ": did you mean '\($0)'?" } ?? ""
      return "unknown \(kind) '\(name)'\(near) (known: \(known.joined(separator: ", ")))"
    case .unexpectedParameter(let name, let method, let accepted):
      let list = accepted.isEmpty ? "none" : accepted.joined(separator: ", ")
      let near = NearestName.to(name, among: accepted)
      // One setting that is the one meant: naming it once says it all.
      if let near, accepted == [near] { return "\(method) has no setting '\(name)': did you mean '\(near)'?" }
      return "\(method) has no setting '\(name)': \(near.map { "did you mean '\($0)'? " } ?? "")it takes \(list)"
    case .missingBudget:
      return "no budget: set a maximum number of iterations or gradient evaluations"
    }
  }
}

extension DescentError {
  /// Throws `invalidValue` unless `condition` holds.
  @usableFromInline
  package static func require(
    _ condition: Bool, _ name: String, _ value: some CustomStringConvertible, _ expected: String
  ) throws(DescentError) {
    if !condition {
      throw .invalidValue(name: name, value: value.description, expected: expected)
    }
  }

  /// Throws unless `vector` has `dimension` finite entries.
  @usableFromInline
  package static func requireFiniteVector<S: DescentFloat>(
    _ vector: [S], named name: String, dimension: Int
  ) throws(DescentError) {
    guard vector.count == dimension else {
      throw .dimensionMismatch(name: name, expected: dimension, actual: vector.count)
    }
    if !Vector.isFinite(vector), let index = vector.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteEntry(name: name, index: index, value: vector[index].description)
    }
  }
}

extension DescentError {
  /// Throws unless `value` is finite and > 0.
  @usableFromInline
  static func requirePositive<S: DescentFloat>(_ value: S, _ name: String) throws(DescentError) {
    try require(value > 0 && value.isFinite, name, value, "a finite number > 0")
  }

  /// Throws unless `value` is finite and ≥ 0.
  @usableFromInline
  static func requireNonNegative<S: DescentFloat>(_ value: S, _ name: String) throws(DescentError) {
    try require(value >= 0 && value.isFinite, name, value, "a finite number ≥ 0")
  }

  /// √L and √μ for curvatures in [μ, L], after checking 0 < μ ≤ L < ∞: the constants
  /// heavy ball and Nesterov take for strongly convex problems.
  @usableFromInline
  static func curvatureRoots<S: DescentFloat>(lipschitz: S, strongConvexity: S) throws(DescentError) -> (S, S) {
    try requirePositive(strongConvexity, "strong-convexity")
    try require(lipschitz >= strongConvexity && lipschitz.isFinite, "lipschitz", lipschitz, "a finite number ≥ μ")
    return (lipschitz.squareRoot(), strongConvexity.squareRoot())
  }

  /// Throws unless f* is given or `objective` knows it: Polyak's and SPS's steps need it.
  @usableFromInline
  static func requireMinimum<Problem: Objective>(_ given: Problem.Scalar?, for objective: Problem) throws(DescentError)
  {
    if given == nil && objective.minimum == nil {
      throw .invalidValue(name: "minimumValue", value: "nil", expected: "a number: the problem's f* is not known")
    }
  }

  /// Throws unless a decoded step counter is one a run can reach: from 0 to half of
  /// `Int.max`, so that the steps to come cannot overflow it.
  @usableFromInline
  static func requireCount(_ count: Int, in range: ClosedRange<Int> = 0...(Int.max / 2)) throws(DescentError) {
    try require(
      range.contains(count), "optimizer state", "count \(count)",
      "a step count in \(range.lowerBound)…\(range.upperBound)")
  }

  /// Throws unless each state vector is empty (not yet allocated) or has
  /// `dimension` entries: a decoded checkpoint must fit the problem it resumes.
  @usableFromInline
  static func requireState<S: DescentFloat>(_ vectors: [S]..., dimension: Int) throws(DescentError) {
    for vector in vectors where !vector.isEmpty && vector.count != dimension {
      throw .dimensionMismatch(name: "optimizer state", expected: dimension, actual: vector.count)
    }
  }
}
