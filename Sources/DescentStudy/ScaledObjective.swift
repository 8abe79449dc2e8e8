import Descent

/// A problem with f multiplied by c > 0: ∇f, f* scale with it, w* does not. A study's
/// problems take `scale` beside their own settings, so that a study can ask whether a
/// method's cost depends on the units of f, as a method with a hidden step-size does.
struct ScaledObjective<Base: Objective>: Objective {
  let base: Base
  let scale: Base.Scalar

  var dimension: Int { base.dimension }

  func value(at w: UnsafeBufferPointer<Base.Scalar>) -> Base.Scalar { scale * base.value(at: w) }

  func gradient(at w: UnsafeBufferPointer<Base.Scalar>, into gradient: UnsafeMutableBufferPointer<Base.Scalar>) {
    base.gradient(at: w, into: gradient)
    for i in gradient.indices { gradient[i] *= scale }
  }

  func valueAndGradient(
    at w: UnsafeBufferPointer<Base.Scalar>, into gradient: UnsafeMutableBufferPointer<Base.Scalar>
  ) -> Base.Scalar {
    let f = base.valueAndGradient(at: w, into: gradient)
    for i in gradient.indices { gradient[i] *= scale }
    return scale * f
  }

  var minimizer: [Base.Scalar]? { base.minimizer }
  var minimum: Base.Scalar? { base.minimum.map { scale * $0 } }
  var isStochastic: Bool { base.isStochastic }
  var parameterBlocks: [ParameterBlock] { base.parameterBlocks }
  var fullObjective: (any Objective<Base.Scalar>)? {
    func scaled<Full: Objective>(_ full: Full) -> any Objective<Base.Scalar> where Full.Scalar == Base.Scalar {
      ScaledObjective<Full>(base: full, scale: scale)
    }
    return base.fullObjective.map { scaled($0) }
  }
}

/// The `scale` a study's problem may take beside its own settings.
enum ProblemScale {
  static let setting = "scale"

  /// The problem's own settings and c (nil: not given), or an error naming c as typed.
  static func split(_ settings: [String: String]) throws -> (settings: [String: String], scale: Double?) {
    guard let text = settings[setting] else { return (settings, nil) }
    guard let scale = Double(text), scale > 0, scale.isFinite else {
      throw StudyError("invalid scale \(text): expected a finite number > 0 (f is multiplied by it)")
    }
    return (settings.filter { $0.key != setting }, scale)
  }

  /// `problem`, or it scaled by c.
  static func apply<S: DescentFloat>(_ scale: Double?, to problem: some Objective<S>) -> any Objective<S> {
    guard let scale else { return problem }
    return ScaledObjective(base: problem, scale: S(scale))
  }
}
