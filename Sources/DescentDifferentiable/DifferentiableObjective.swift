import Descent
import _Differentiation

/// An objective written as a differentiable Swift function of the parameters: f as the
/// user writes it, ∇f by the compiler's reverse-mode differentiation
/// (`import _Differentiation`), counted by the oracle like any other.
///
///     let rosenbrock = try DifferentiableObjective<Double>(dimension: 2) { w in
///       let a = w[1] - w[0] * w[0]
///       let b = 1 - w[0]
///       return 100 * a * a + b * b
///     }
///
/// The parameters are a `[Scalar]`, the function's argument as the optimizers hold them,
/// so nothing is converted but one copy in. What that costs is measured in
/// docs/performance.md (`bash Benchmarks/differentiable.sh`): reading `w[i]` inside a
/// differentiable function makes its pullback add a whole zero array, so a gradient of
/// a function that reads each of d components costs O(d²): a few microseconds at d = 2,
/// a third of a millisecond at d = 100, a second at d = 10,000. Written with whole-array
/// operations (`w.differentiableMap { … }.differentiableReduce(0, +)`), whose pullbacks
/// are O(d), the same sum costs milliseconds at d = 10,000. Up to a few hundred
/// parameters it is the quickest way to a correct gradient; beyond that, write the
/// gradient by hand (`Objective`), as the suite's problems do.
///
/// A loop bound that depends on `w` must be taken out of differentiation:
/// `for i in 0..<withoutDerivative(at: w.count)`.
public struct DifferentiableObjective<Scalar: DescentFloat & Differentiable>: Objective
where Scalar.TangentVector == Scalar {
  public let dimension: Int
  public let minimizer: [Scalar]?
  public let minimum: Scalar?
  /// The function, boxed: copying a struct that holds a `@differentiable` closure
  /// crashes in the value witness this toolchain generates for it (Swift 6.3, a debug
  /// build, seen in `minimize`'s copy of its objective); a class reference copies safely.
  let box: FunctionBox

  final class FunctionBox: Sendable {
    let function: @Sendable @differentiable(reverse) ([Scalar]) -> Scalar
    init(_ function: @escaping @Sendable @differentiable(reverse) ([Scalar]) -> Scalar) { self.function = function }
  }

  /// - Parameters: `minimum` and `minimizer`: f* and w*, when known (for error-based
  ///   stopping and reports).
  public init(
    dimension: Int, minimum: Scalar? = nil, minimizer: [Scalar]? = nil,
    _ function: @escaping @Sendable @differentiable(reverse) ([Scalar]) -> Scalar
  ) throws(DescentError) {
    guard dimension >= 1 else {
      throw .invalidValue(name: "dimension", value: String(dimension), expected: "an integer ≥ 1")
    }
    if let minimizer, minimizer.count != dimension {
      throw .dimensionMismatch(name: "minimizer", expected: dimension, actual: minimizer.count)
    }
    (self.dimension, self.minimum, self.minimizer) = (dimension, minimum, minimizer)
    box = FunctionBox(function)
  }

  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
    box.function(Array(w))
  }

  public func gradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>) {
    _ = valueAndGradient(at: w, into: gradient)
  }

  public func valueAndGradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>)
    -> Scalar
  {
    let (value, tangent) = valueWithGradient(at: Array(w), of: box.function)
    // A function that never reads w has an empty tangent: its gradient is zero.
    let base = tangent.base
    for i in 0..<gradient.count { gradient[i] = i < base.count ? base[i] : 0 }
    return value
  }
}
