// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  /// The parameters of a differentiable function, or any vector inside it, read and
  /// written element by element at O(1) each in the gradient, as in the loop a user writes
  /// on paper:
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
  /// A read's pullback adds one number to a gradient buffer of the vector's own instead of adding
  /// a tangent array of d numbers (what reading a `[Double]` costs), so the gradient of a
  /// function that reads each of d parameters costs O(d), not O(d²). Writes are
  /// differentiable too (`var h = DifferentiableVector<Double>(zeros: n); h[j] = …`); a
  /// copy that is written gets its own elements and gradient first, as an array does.
  ///
  /// Whole-vector operations with hand-written derivatives (``dot(_:)``, ``sum()``,
  /// ``squaredNorm()``, ``tanh()``, ``logSumExp()``, …, and the matrix products of
  /// ``DifferentiableMatrix``) cost what the same loops cost by hand.
  ///
  /// The gradient is collected in the arrays' buffers, not in the tangent vectors Swift
  /// hands back: `TangentVector` carries nothing, and Swift's own `gradient(at:of:)`
  /// returns an empty one. Take gradients through ``DifferentiableObjective`` (what
  /// `minimize` calls), ``valueWithGradient(at:of:)`` or ``DifferentiableModel``.
  public struct DifferentiableVector<Scalar: DescentFloat & Differentiable>: Differentiable, Sendable
  where Scalar.TangentVector == Scalar {
    /// The elements. Differentiable, as a whole array (O(d) in the gradient per use, as a
    /// `[Scalar]` is): read single elements with `w[i]`, which costs O(1).
    @inlinable public var scalars: [Scalar] {
      @differentiable(reverse)
      get { elements }
    }

    @inlinable @derivative(of: scalars)
    func _vjpScalars() -> (value: [Scalar], pullback: ([Scalar].TangentVector) -> TangentVector) {
      let (buffer, tracked) = (adjoint, isTracked)
      return (
        elements,
        { tangent in
          if tracked { for (i, value) in tangent.base.enumerated() { buffer.add(value, at: i) } }
          return .zero
        }
      )
    }
    @usableFromInline var elements: [Scalar]
    @usableFromInline var adjoint: AdjointBuffer<Scalar>
    @usableFromInline var identity: ArrayIdentity
    /// Whether a gradient can reach this vector: the function's parameters, what is made
    /// from them, and what is written inside a differentiated function. Data is not, so
    /// the backward pass does no work for it.
    @usableFromInline var isTracked: Bool

    /// A vector of constants (data): no gradient is computed for it.
    public init(_ scalars: [Scalar]) {
      self.init(scalars: scalars, isTracked: false)
    }

    /// `count` zeros, to be written.
    public init(zeros count: Int) {
      precondition(count >= 0, "a vector of \(count) zeros")
      self.init(scalars: [Scalar](repeating: 0, count: count), isTracked: false)
    }

    @usableFromInline
    init(scalars: [Scalar], isTracked: Bool) {
      elements = scalars
      adjoint = AdjointBuffer(count: scalars.count)
      identity = ArrayIdentity()
      self.isTracked = isTracked
    }

    /// The number of elements.
    @inlinable public var count: Int { elements.count }

    /// Element `index`; reading and writing it are differentiable, O(1) in the gradient.
    @inlinable
    public subscript(index: Int) -> Scalar {
      @differentiable(reverse)
      get {
        precondition(index >= 0 && index < elements.count, "element \(index) of \(elements.count)")
        return elements[index]
      }
      @differentiable(reverse)
      set {
        precondition(index >= 0 && index < elements.count, "element \(index) of \(elements.count)")
        separateIfShared()
        elements[index] = newValue
      }
    }

    // Reads and writes build their pullbacks here rather than through a shared helper: a
    // closure returned by a helper and wrapped again would cost a second allocation on
    // the hot path of every loop.
    @inlinable
    @derivative(of: subscript(_:))
    func _vjpRead(index: Int) -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let (buffer, tracked) = (adjoint, isTracked)
      return (
        elements[index],
        { adjoint in
          if tracked { buffer.add(adjoint, at: index) }
          return .zero
        }
      )
    }

    @inlinable
    @derivative(of: subscript(_:).set)
    mutating func _vjpWrite(newValue: Scalar, index: Int)
      -> (value: Void, pullback: (inout TangentVector) -> Scalar)
    {
      let source = separateIfShared()
      elements[index] = newValue
      isTracked = true
      let buffer = adjoint
      return (
        (),
        { _ in
          // The element written receives what reached it since; the rest of a copy's
          // gradient belongs to the vector it was copied from.
          let adjoint = buffer.take(at: index)
          if let source { buffer.add(into: source) }
          return adjoint
        }
      )
    }

    /// Gives a copy its own gradient buffer before its first write (its elements are
    /// copied by the array itself); returns the buffer it shared, if it did.
    @usableFromInline @discardableResult
    mutating func separateIfShared() -> AdjointBuffer<Scalar>? {
      ArrayDerivatives.separate(&adjoint, &identity)
    }

    /// Carries nothing: the gradient is in the arrays' buffers (see the type's notes).
    public struct TangentVector: AdditiveArithmetic, Differentiable, Sendable {
      public typealias TangentVector = Self
      public init() {}
      public static var zero: Self { Self() }
      public static func + (lhs: Self, rhs: Self) -> Self { Self() }
      public static func - (lhs: Self, rhs: Self) -> Self { Self() }
      public mutating func move(by offset: Self) {}
    }

    /// Does nothing: Descent's optimizers move the parameters, not Swift's tangents.
    public mutating func move(by offset: TangentVector) {}
  }

  extension DifferentiableVector {
    /// f(w) and ∇f(w) for a function of a vector, in one forward and one backward pass.
    public static func valueWithGradient(
      at point: [Scalar], of function: @differentiable(reverse) (DifferentiableVector) -> Scalar
    ) -> (value: Scalar, gradient: [Scalar]) {
      var gradient = [Scalar](repeating: 0, count: point.count)
      let value = point.withUnsafeBufferPointer { w in
        gradient.withUnsafeMutableBufferPointer { valueWithGradient(at: w, into: $0, of: function) }
      }
      return (value, gradient)
    }

    /// f(w), with ∇f(w) added by the backward pass straight into `gradient` (zeroed first).
    static func valueWithGradient(
      at point: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>,
      of function: @differentiable(reverse) (DifferentiableVector) -> Scalar
    ) -> Scalar {
      precondition(point.count == gradient.count)
      var parameters = DifferentiableVector(scalars: Array(point), isTracked: true)
      if let memory = gradient.baseAddress {
        parameters.adjoint = AdjointBuffer(count: point.count, into: memory)
      }
      let (value, pullback) = _Differentiation.valueWithPullback(at: parameters, of: function)
      _ = pullback(1)
      return value
    }
  }
#endif
