// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import RealModule

  /// The backward loops shared by ``DifferentiableVector`` and ``DifferentiableMatrix``:
  /// each adds an operation's part of the gradient from its result's buffer into its
  /// inputs' buffers, doing nothing where no gradient reached the result or where the input
  /// is data.
  @usableFromInline
  enum ArrayDerivatives {
    /// Where an element-wise y = f(x) sends the gradient: x̄ᵢ += ȳᵢ f′ᵢ, f′ᵢ from `slope`.
    @inlinable
    static func elementwise<Scalar: DescentFloat>(
      from output: AdjointBuffer<Scalar>, to input: AdjointBuffer<Scalar>, inputIsTracked: Bool,
      slope: @escaping (Int) -> Scalar
    ) -> () -> Void {
      {
        guard inputIsTracked, let upstream = output.storage else { return }
        let target = input.adjoints
        for i in 0..<output.count { target[i] += upstream[i] * slope(i) }
      }
    }

    /// Where a scalar s = f(x) sends the gradient: x̄ᵢ += s̄ ∂f/∂xᵢ.
    @inlinable
    static func reduction<Scalar: DescentFloat>(
      _ adjoint: Scalar, to input: AdjointBuffer<Scalar>, inputIsTracked: Bool,
      partial: (Int) -> Scalar
    ) {
      guard inputIsTracked else { return }
      let target = input.adjoints
      for i in 0..<input.count { target[i] += adjoint * partial(i) }
    }

    /// x̄ += a·ȳ, for y = a·x + … (a sum, a difference, a scaled copy).
    @inlinable
    static func addScaled<Scalar: DescentFloat>(
      _ a: Scalar, from output: AdjointBuffer<Scalar>, to input: AdjointBuffer<Scalar>, inputIsTracked: Bool
    ) {
      guard inputIsTracked, let upstream = output.storage else { return }
      let target = input.adjoints
      for i in 0..<output.count { target[i] += a * upstream[i] }
    }

    /// Σᵢ aᵢ bᵢ over `count` elements, in four lanes (fixed order, so the same bits each run).
    @inlinable @inline(__always)
    static func dot<Scalar: DescentFloat>(
      _ a: UnsafePointer<Scalar>, _ b: UnsafePointer<Scalar>, count: Int
    ) -> Scalar {
      Vector.sum(count: count) { a[$0] * b[$0] }
    }

    /// log(1 + eˣ): x + log(1 + e⁻ˣ) for x > 0, so that eˣ never overflows.
    @inlinable
    static func softplus<Scalar: DescentFloat>(_ x: Scalar) -> Scalar {
      x > 0 ? x + Scalar.log(onePlus: Scalar.exp(-x)) : Scalar.log(onePlus: Scalar.exp(x))
    }

    /// 1 / (1 + e⁻ˣ), softplus's slope, in the form that does not overflow.
    @inlinable
    static func logistic<Scalar: DescentFloat>(_ x: Scalar) -> Scalar {
      x >= 0 ? 1 / (1 + Scalar.exp(-x)) : Scalar.exp(x) / (1 + Scalar.exp(x))
    }

    /// Gives an array value its own buffer before its first write when a copy shares it
    /// (its elements are copied by `Array` itself); returns the shared buffer, if it was.
    @inlinable
    static func separate<Scalar: DescentFloat>(
      _ adjoint: inout AdjointBuffer<Scalar>, _ identity: inout ArrayIdentity
    ) -> AdjointBuffer<Scalar>? {
      guard !isKnownUniquelyReferenced(&identity) else { return nil }
      let shared = adjoint
      adjoint = AdjointBuffer(count: shared.count)
      identity = ArrayIdentity()
      return shared
    }

    /// The pullback of Σ xᵢ (`square` false) or Σ xᵢ² (true).
    @inlinable
    static func sum<Scalar: DescentFloat>(
      of elements: [Scalar], _ buffer: AdjointBuffer<Scalar>, isTracked: Bool, squares: Bool
    ) -> (Scalar) -> Void {
      { adjoint in reduction(adjoint, to: buffer, inputIsTracked: isTracked) { squares ? 2 * elements[$0] : 1 } }
    }
  }

  /// The element-wise functions of both array types, each with its slope from x and f(x).
  @usableFromInline
  enum ElementwiseFunction: Sendable {
    case tanh, relu, exp, log, softplus

    @inlinable
    func value<Scalar: DescentFloat>(_ x: Scalar) -> Scalar {
      switch self {
      case .tanh: Scalar.tanh(x)
      case .relu: Swift.max(0, x)
      case .exp: Scalar.exp(x)
      case .log: Scalar.log(x)
      case .softplus: ArrayDerivatives.softplus(x)
      }
    }

    /// f′(x), given y = f(x); ReLU's is 0 at 0.
    @inlinable
    func slope<Scalar: DescentFloat>(at x: Scalar, value y: Scalar) -> Scalar {
      switch self {
      case .tanh: 1 - y * y
      case .relu: x > 0 ? 1 : 0
      case .exp: y
      case .log: 1 / x
      case .softplus: ArrayDerivatives.logistic(x)
      }
    }
  }
#endif
