// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  // The element-wise functions as free functions, as Foundation spells them for a scalar
  // (`exp(-w[1] * x)`), and `withoutDerivative(at:)` for the array types.

  /// eˣ, element by element.
  @inlinable @differentiable(reverse)
  public func exp<S>(_ x: DifferentiableVector<S>) -> DifferentiableVector<S> { x.exp() }

  /// log x, element by element.
  @inlinable @differentiable(reverse)
  public func log<S>(_ x: DifferentiableVector<S>) -> DifferentiableVector<S> { x.log() }

  /// tanh x, element by element.
  @inlinable @differentiable(reverse)
  public func tanh<S>(_ x: DifferentiableVector<S>) -> DifferentiableVector<S> { x.tanh() }

  /// eˣ, element by element.
  @inlinable @differentiable(reverse)
  public func exp<S>(_ x: DifferentiableMatrix<S>) -> DifferentiableMatrix<S> { x.exp() }

  /// log x, element by element.
  @inlinable @differentiable(reverse)
  public func log<S>(_ x: DifferentiableMatrix<S>) -> DifferentiableMatrix<S> { x.log() }

  /// tanh x, element by element.
  @inlinable @differentiable(reverse)
  public func tanh<S>(_ x: DifferentiableMatrix<S>) -> DifferentiableMatrix<S> { x.tanh() }

  /// `x` as a constant: no gradient reaches it or flows back through it.
  ///
  /// The standard library's `withoutDerivative(at:)` stops Swift's tangents, but the
  /// gradient of these arrays is gathered in buffers of their own (see
  /// ``DifferentiableVector``), which it cannot see; this overload, which Swift picks for
  /// a vector, returns a copy with no buffer of the original's.
  @inlinable @differentiable(reverse)
  public func withoutDerivative<S>(at x: DifferentiableVector<S>) -> DifferentiableVector<S> {
    DifferentiableVector(scalars: x.elements, isTracked: false)
  }

  @inlinable @derivative(of: withoutDerivative(at:))
  func _vjpWithoutDerivative<S>(at x: DifferentiableVector<S>) -> (
    value: DifferentiableVector<S>,
    pullback: (DifferentiableVector<S>.TangentVector) -> DifferentiableVector<S>.TangentVector
  ) {
    (withoutDerivative(at: x), { _ in .zero })
  }

  /// `x` as a constant, as for a vector.
  @inlinable @differentiable(reverse)
  public func withoutDerivative<S>(at x: DifferentiableMatrix<S>) -> DifferentiableMatrix<S> {
    DifferentiableMatrix(rows: x.rows, columns: x.columns, elements: x.elements, isTracked: false)
  }

  @inlinable @derivative(of: withoutDerivative(at:))
  func _vjpWithoutDerivative<S>(at x: DifferentiableMatrix<S>) -> (
    value: DifferentiableMatrix<S>,
    pullback: (DifferentiableMatrix<S>.TangentVector) -> DifferentiableMatrix<S>.TangentVector
  ) {
    (withoutDerivative(at: x), { _ in .zero })
  }
#endif
