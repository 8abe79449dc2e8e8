// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import RealModule
  import _Differentiation

  // Whole-vector operations of `DifferentiableVector`, each with its derivative written by
  // hand: one forward loop and one backward loop, O(d), with no per-element closures.
  // Checked against central differences in `VectorOperationTests`.

  extension DifferentiableVector {
    /// xᵀy.
    @inlinable @differentiable(reverse)
    public func dot(_ other: DifferentiableVector) -> Scalar {
      precondition(count == other.count, "dot of vectors of \(count) and \(other.count) elements")
      return elements.withUnsafeBufferPointer { a in
        other.elements.withUnsafeBufferPointer { b in
          ArrayDerivatives.dot(a.baseAddress!, b.baseAddress!, count: count)
        }
      }
    }

    @inlinable @derivative(of: dot)
    func _vjpDot(_ other: DifferentiableVector) -> (
      value: Scalar, pullback: (Scalar) -> (TangentVector, TangentVector)
    ) {
      let (x, y) = (self, other)
      return (
        dot(other),
        { adjoint in
          ArrayDerivatives.reduction(adjoint, to: x.adjoint, inputIsTracked: x.isTracked) { y.elements[$0] }
          ArrayDerivatives.reduction(adjoint, to: y.adjoint, inputIsTracked: y.isTracked) { x.elements[$0] }
          return (.zero, .zero)
        }
      )
    }

    /// Σ xᵢ.
    @inlinable @differentiable(reverse)
    public func sum() -> Scalar {
      elements.withUnsafeBufferPointer { x in Vector.sum(count: x.count) { x[$0] } }
    }

    @inlinable @derivative(of: sum)
    func _vjpSum() -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let backward = ArrayDerivatives.sum(of: elements, adjoint, isTracked: isTracked, squares: false)
      return (
        sum(),
        {
          backward($0)
          return .zero
        }
      )
    }

    /// ‖x‖² = Σ xᵢ².
    @inlinable @differentiable(reverse)
    public func squaredNorm() -> Scalar {
      elements.withUnsafeBufferPointer { Vector.sumOfSquares($0) }
    }

    @inlinable @derivative(of: squaredNorm)
    func _vjpSquaredNorm() -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let backward = ArrayDerivatives.sum(of: elements, adjoint, isTracked: isTracked, squares: true)
      return (
        squaredNorm(),
        {
          backward($0)
          return .zero
        }
      )
    }

    /// x + y.
    @inlinable @differentiable(reverse)
    public static func + (lhs: DifferentiableVector, rhs: DifferentiableVector) -> DifferentiableVector {
      precondition(lhs.count == rhs.count, "sum of vectors of \(lhs.count) and \(rhs.count) elements")
      let values = (0..<lhs.count).map { lhs.elements[$0] + rhs.elements[$0] }
      return DifferentiableVector(scalars: values, isTracked: lhs.isTracked || rhs.isTracked)
    }

    @inlinable @derivative(of: +)
    static func _vjpAdd(lhs: DifferentiableVector, rhs: DifferentiableVector) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let result = lhs + rhs
      let output = result.adjoint
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(1, from: output, to: lhs.adjoint, inputIsTracked: lhs.isTracked)
          ArrayDerivatives.addScaled(1, from: output, to: rhs.adjoint, inputIsTracked: rhs.isTracked)
          return (.zero, .zero)
        }
      )
    }

    /// x − y.
    @inlinable @differentiable(reverse)
    public static func - (lhs: DifferentiableVector, rhs: DifferentiableVector) -> DifferentiableVector {
      precondition(lhs.count == rhs.count, "difference of vectors of \(lhs.count) and \(rhs.count) elements")
      let values = (0..<lhs.count).map { lhs.elements[$0] - rhs.elements[$0] }
      return DifferentiableVector(scalars: values, isTracked: lhs.isTracked || rhs.isTracked)
    }

    @inlinable @derivative(of: -)
    static func _vjpSubtract(lhs: DifferentiableVector, rhs: DifferentiableVector) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let result = lhs - rhs
      let output = result.adjoint
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(1, from: output, to: lhs.adjoint, inputIsTracked: lhs.isTracked)
          ArrayDerivatives.addScaled(-1, from: output, to: rhs.adjoint, inputIsTracked: rhs.isTracked)
          return (.zero, .zero)
        }
      )
    }

    /// a·x, with a differentiable too; `a * x + y` is the scaled addition.
    @inlinable @differentiable(reverse)
    public static func * (scale: Scalar, vector: DifferentiableVector) -> DifferentiableVector {
      DifferentiableVector(scalars: vector.elements.map { scale * $0 }, isTracked: vector.isTracked)
    }

    @inlinable @derivative(of: *)
    static func _vjpScale(scale: Scalar, vector: DifferentiableVector) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (Scalar, TangentVector)
    ) {
      // Tracked whatever the vector is: this derivative runs only where an operand is, and a
      // scalar does not say whether it is (w[0] · data must reach w[0]).
      var result = scale * vector
      result.isTracked = true
      let output = result.adjoint
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(scale, from: output, to: vector.adjoint, inputIsTracked: vector.isTracked)
          // ā = Σ ȳᵢ xᵢ
          guard let upstream = output.storage else { return (0, .zero) }
          let x = vector.elements
          return (Vector.sum(count: x.count) { upstream[$0] * x[$0] }, .zero)
        }
      )
    }

    /// x·a.
    @inlinable @differentiable(reverse)
    public static func * (vector: DifferentiableVector, scale: Scalar) -> DifferentiableVector {
      scale * vector
    }

    /// −x.
    @inlinable @differentiable(reverse)
    public static prefix func - (vector: DifferentiableVector) -> DifferentiableVector {
      Scalar(-1) * vector
    }

    /// x / a.
    @inlinable @differentiable(reverse)
    public static func / (vector: DifferentiableVector, divisor: Scalar) -> DifferentiableVector {
      DifferentiableVector(scalars: vector.elements.map { $0 / divisor }, isTracked: vector.isTracked)
    }

    @inlinable @derivative(of: /)
    static func _vjpDivide(vector: DifferentiableVector, divisor: Scalar) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (TangentVector, Scalar)
    ) {
      var result = vector / divisor
      result.isTracked = true  // as in a·x: the divisor may be the tracked operand
      let output = result.adjoint
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(1 / divisor, from: output, to: vector.adjoint, inputIsTracked: vector.isTracked)
          // ā = −Σ ȳᵢ xᵢ / a²
          guard let upstream = output.storage else { return (.zero, 0) }
          let x = vector.elements
          return (.zero, -Vector.sum(count: x.count) { upstream[$0] * x[$0] } / (divisor * divisor))
        }
      )
    }

    /// x ⊙ y, element by element.
    @inlinable @differentiable(reverse)
    public static func * (lhs: DifferentiableVector, rhs: DifferentiableVector) -> DifferentiableVector {
      precondition(lhs.count == rhs.count, "product of vectors of \(lhs.count) and \(rhs.count) elements")
      let values = (0..<lhs.count).map { lhs.elements[$0] * rhs.elements[$0] }
      return DifferentiableVector(scalars: values, isTracked: lhs.isTracked || rhs.isTracked)
    }

    @inlinable @derivative(of: *)
    static func _vjpMultiply(lhs: DifferentiableVector, rhs: DifferentiableVector) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let result = lhs * rhs
      let (x, y) = (lhs.elements, rhs.elements)
      let toLeft = ArrayDerivatives.elementwise(from: result.adjoint, to: lhs.adjoint, inputIsTracked: lhs.isTracked) {
        y[$0]
      }
      let toRight = ArrayDerivatives.elementwise(from: result.adjoint, to: rhs.adjoint, inputIsTracked: rhs.isTracked) {
        x[$0]
      }
      return (
        result,
        { _ in
          toLeft()
          toRight()
          return (.zero, .zero)
        }
      )
    }

    /// An element-wise function and its pullback.
    @inlinable
    func elementwise(_ function: ElementwiseFunction) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> TangentVector
    ) {
      let (x, result) = (elements, mapped(function))
      let y = result.elements
      let backward = ArrayDerivatives.elementwise(from: result.adjoint, to: adjoint, inputIsTracked: isTracked) {
        function.slope(at: x[$0], value: y[$0])
      }
      return (
        result,
        { _ in
          backward()
          return .zero
        }
      )
    }

    @inlinable
    func mapped(_ function: ElementwiseFunction) -> DifferentiableVector {
      DifferentiableVector(scalars: elements.map { function.value($0) }, isTracked: isTracked)
    }

    /// tanh, element by element.
    @inlinable @differentiable(reverse)
    public func tanh() -> DifferentiableVector { mapped(.tanh) }

    @inlinable @derivative(of: tanh)
    func _vjpTanh() -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      elementwise(.tanh)
    }

    /// max(0, x), element by element (slope 0 at 0).
    @inlinable @differentiable(reverse)
    public func relu() -> DifferentiableVector { mapped(.relu) }

    @inlinable @derivative(of: relu)
    func _vjpRelu() -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      elementwise(.relu)
    }

    /// eˣ, element by element.
    @inlinable @differentiable(reverse)
    public func exp() -> DifferentiableVector { mapped(.exp) }

    @inlinable @derivative(of: exp)
    func _vjpExp() -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      elementwise(.exp)
    }

    /// log x, element by element.
    @inlinable @differentiable(reverse)
    public func log() -> DifferentiableVector { mapped(.log) }

    @inlinable @derivative(of: log)
    func _vjpLog() -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      elementwise(.log)
    }

    /// log(1 + eˣ), element by element, without overflow (the logistic loss's term).
    @inlinable @differentiable(reverse)
    public func softplus() -> DifferentiableVector { mapped(.softplus) }

    @inlinable @derivative(of: softplus)
    func _vjpSoftplus() -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      elementwise(.softplus)
    }

    /// log Σ e^{xᵢ}, shifted by the largest xᵢ so that no term overflows.
    @inlinable @differentiable(reverse)
    public func logSumExp() -> Scalar {
      Self.logSumExp(elements)
    }

    @inlinable
    static func logSumExp(_ x: [Scalar]) -> Scalar {
      guard let largest = x.max(), largest.isFinite else { return x.max() ?? -.infinity }
      return largest + Scalar.log(Vector.sum(count: x.count) { Scalar.exp(x[$0] - largest) })
    }

    @inlinable @derivative(of: logSumExp)
    func _vjpLogSumExp() -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let x = self
      let value = logSumExp()
      return (
        value,
        { adjoint in
          // ∂/∂xᵢ = softmax(x)ᵢ
          ArrayDerivatives.reduction(adjoint, to: x.adjoint, inputIsTracked: x.isTracked) {
            Scalar.exp(x.elements[$0] - value)
          }
          return .zero
        }
      )
    }

    /// The cross-entropy of softmax(x) against class `label`: log Σ e^{xᵢ} − x_label.
    @inlinable @differentiable(reverse)
    public func softmaxCrossEntropy(label: Int) -> Scalar {
      precondition(label >= 0 && label < count, "label \(label) of \(count) classes")
      return logSumExp() - elements[label]
    }

    @inlinable @derivative(of: softmaxCrossEntropy)
    func _vjpSoftmaxCrossEntropy(label: Int) -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let x = self
      let normaliser = logSumExp()
      return (
        normaliser - elements[label],
        { adjoint in
          // ∂/∂xᵢ = softmax(x)ᵢ − [i = label]
          ArrayDerivatives.reduction(adjoint, to: x.adjoint, inputIsTracked: x.isTracked) {
            Scalar.exp(x.elements[$0] - normaliser) - ($0 == label ? 1 : 0)
          }
          return .zero
        }
      )
    }

    /// Elements `range` as a vector of their own (a layer's block of a parameter vector).
    @inlinable
    public subscript(range: Range<Int>) -> DifferentiableVector {
      @differentiable(reverse)
      get {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "elements \(range) of \(count)")
        return DifferentiableVector(scalars: Array(elements[range]), isTracked: isTracked)
      }
    }

    @inlinable @derivative(of: subscript(_:))
    func _vjpSlice(range: Range<Int>) -> (value: DifferentiableVector, pullback: (TangentVector) -> TangentVector) {
      let (result, source, tracked) = (self[range], adjoint, isTracked)
      let output = result.adjoint
      return (
        result,
        { _ in
          guard tracked, let upstream = output.storage else { return .zero }
          let target = source.adjoints + range.lowerBound
          for i in 0..<range.count { target[i] += upstream[i] }
          return .zero
        }
      )
    }

    /// The elements as a `rows` × `columns` matrix, row by row.
    @inlinable @differentiable(reverse)
    public func reshaped(rows: Int, columns: Int) -> DifferentiableMatrix<Scalar> {
      precondition(
        rows >= 0 && columns >= 0 && rows.multipliedReportingOverflow(by: columns) == (count, false),
        "\(count) elements as \(rows) × \(columns)")
      return DifferentiableMatrix(rows: rows, columns: columns, elements: elements, isTracked: isTracked)
    }

    @inlinable @derivative(of: reshaped)
    func _vjpReshaped(rows: Int, columns: Int) -> (
      value: DifferentiableMatrix<Scalar>, pullback: (DifferentiableMatrix<Scalar>.TangentVector) -> TangentVector
    ) {
      let result = reshaped(rows: rows, columns: columns)
      let (output, source, tracked) = (result.adjoint, adjoint, isTracked)
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(1, from: output, to: source, inputIsTracked: tracked)
          return .zero
        }
      )
    }
  }
#endif
