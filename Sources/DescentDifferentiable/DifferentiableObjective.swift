// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  /// An objective written as a differentiable Swift function of the parameters: f as the
  /// user writes it, ∇f by the compiler's reverse-mode differentiation
  /// (`import _Differentiation`), counted by the oracle like any other.
  ///
  /// Write f of a ``DifferentiableVector``, reading and writing its elements in the loops
  /// you would write on paper; its gradient costs O(d) (docs/performance.md,
  /// `bash Benchmarks/differentiable.sh`):
  ///
  ///     @differentiable(reverse)
  ///     func rosenbrock(_ w: DifferentiableVector<Double>) -> Double {
  ///       var total = 0.0
  ///       for i in 0..<withoutDerivative(at: w.count - 1) {
  ///         let a = w[i + 1] - w[i] * w[i]
  ///         let b = 1 - w[i]
  ///         total = total + 100 * a * a + b * b
  ///       }
  ///       return total
  ///     }
  ///     let objective = try DifferentiableObjective<Double>(dimension: 1_000) { rosenbrock($0) }
  ///
  /// A function of a `[Scalar]` is taken too, but each `w[i]` read there makes its pullback
  /// add a whole zero array, so its gradient costs O(d²): a second at d = 10,000. A model
  /// with layers of weights is a ``DifferentiableModel``.
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
      let ofArray: (@Sendable @differentiable(reverse) ([Scalar]) -> Scalar)?
      let ofVector: (@Sendable @differentiable(reverse) (DifferentiableVector<Scalar>) -> Scalar)?
      init(
        ofArray: (@Sendable @differentiable(reverse) ([Scalar]) -> Scalar)?,
        ofVector: (@Sendable @differentiable(reverse) (DifferentiableVector<Scalar>) -> Scalar)?
      ) { (self.ofArray, self.ofVector) = (ofArray, ofVector) }
    }

    /// f of a ``DifferentiableVector``: O(1) per element read or written in the gradient.
    ///
    /// - Parameters: `minimum` and `minimizer`: f* and w*, when known (for error-based
    ///   stopping and reports).
    public init(
      dimension: Int, minimum: Scalar? = nil, minimizer: [Scalar]? = nil,
      _ function: @escaping @Sendable @differentiable(reverse) (DifferentiableVector<Scalar>) -> Scalar
    ) throws(DescentError) {
      try self.init(
        dimension: dimension, minimum: minimum, minimizer: minimizer, FunctionBox(ofArray: nil, ofVector: function))
    }

    /// f of a `[Scalar]`: each element read costs O(d) in the gradient.
    ///
    /// - Parameters: `minimum` and `minimizer`: f* and w*, when known (for error-based
    ///   stopping and reports).
    @_disfavoredOverload
    public init(
      dimension: Int, minimum: Scalar? = nil, minimizer: [Scalar]? = nil,
      _ function: @escaping @Sendable @differentiable(reverse) ([Scalar]) -> Scalar
    ) throws(DescentError) {
      try self.init(
        dimension: dimension, minimum: minimum, minimizer: minimizer, FunctionBox(ofArray: function, ofVector: nil))
    }

    init(dimension: Int, minimum: Scalar?, minimizer: [Scalar]?, _ box: FunctionBox) throws(DescentError) {
      guard dimension >= 1 else {
        throw .invalidValue(name: "dimension", value: String(dimension), expected: "an integer ≥ 1")
      }
      if let minimizer, minimizer.count != dimension {
        throw .dimensionMismatch(name: "minimizer", expected: dimension, actual: minimizer.count)
      }
      (self.dimension, self.minimum, self.minimizer) = (dimension, minimum, minimizer)
      self.box = box
    }

    public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
      if let function = box.ofVector { return function(DifferentiableVector(Array(w))) }
      return box.ofArray!(Array(w))
    }

    public func gradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>) {
      _ = valueAndGradient(at: w, into: gradient)
    }

    public func valueAndGradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>)
      -> Scalar
    {
      if let function = box.ofVector {
        return DifferentiableVector.valueWithGradient(at: w, into: gradient, of: function)
      }
      let (value, tangent) = valueWithGradient(at: Array(w), of: box.ofArray!)
      // A function that never reads w has an empty tangent: its gradient is zero.
      let base = tangent.base
      for i in 0..<gradient.count { gradient[i] = i < base.count ? base[i] : 0 }
      return value
    }
  }
#endif
