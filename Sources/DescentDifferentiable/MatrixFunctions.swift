// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import RealModule
  import _Differentiation

  // Element-wise functions and losses of `DifferentiableMatrix`, each with its derivative
  // written by hand. Checked against central differences in `MatrixOperationTests`.

  extension DifferentiableMatrix {
    /// An element-wise function and its pullback.
    @inlinable
    func elementwise(_ function: ElementwiseFunction) -> (
      value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector
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
    func mapped(_ function: ElementwiseFunction) -> DifferentiableMatrix {
      DifferentiableMatrix(
        rows: rows, columns: columns, elements: elements.map { function.value($0) }, isTracked: isTracked)
    }

    /// tanh, element by element.
    @inlinable @differentiable(reverse)
    public func tanh() -> DifferentiableMatrix { mapped(.tanh) }

    @inlinable @derivative(of: tanh)
    func _vjpTanh() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      elementwise(.tanh)
    }

    /// max(0, x), element by element (slope 0 at 0).
    @inlinable @differentiable(reverse)
    public func relu() -> DifferentiableMatrix { mapped(.relu) }

    @inlinable @derivative(of: relu)
    func _vjpRelu() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      elementwise(.relu)
    }

    /// eˣ, element by element.
    @inlinable @differentiable(reverse)
    public func exp() -> DifferentiableMatrix { mapped(.exp) }

    @inlinable @derivative(of: exp)
    func _vjpExp() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      elementwise(.exp)
    }

    /// log x, element by element.
    @inlinable @differentiable(reverse)
    public func log() -> DifferentiableMatrix { mapped(.log) }

    @inlinable @derivative(of: log)
    func _vjpLog() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      elementwise(.log)
    }

    /// log(1 + eˣ), element by element, without overflow.
    @inlinable @differentiable(reverse)
    public func softplus() -> DifferentiableMatrix { mapped(.softplus) }

    @inlinable @derivative(of: softplus)
    func _vjpSoftplus() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      elementwise(.softplus)
    }

    /// Σ aᵢⱼ.
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

    /// Σ aᵢⱼ² (for weight decay).
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

    /// The mean over rows of each row's softmax cross-entropy against its class:
    /// (1/n) Σᵢ (log Σⱼ e^{aᵢⱼ} − a_{i,labelᵢ}), each row shifted by its largest element.
    @inlinable @differentiable(reverse)
    public func softmaxCrossEntropy(labels: [Int]) -> Scalar {
      crossEntropy(labels: labels).loss
    }

    /// The loss and each row's log Σⱼ e^{aᵢⱼ}.
    @inlinable
    func crossEntropy(labels: [Int]) -> (loss: Scalar, normalisers: [Scalar]) {
      precondition(labels.count == rows, "\(labels.count) labels for \(rows) rows")
      var normalisers = [Scalar](repeating: 0, count: rows)
      var total: Scalar = 0
      withElements { a in
        for i in 0..<rows {
          let row = a + i * columns
          precondition(labels[i] >= 0 && labels[i] < columns, "label \(labels[i]) of \(columns) classes")
          var largest = -Scalar.infinity
          for j in 0..<columns { largest = Swift.max(largest, row[j]) }
          let normaliser = largest + Scalar.log(Vector.sum(count: columns) { Scalar.exp(row[$0] - largest) })
          normalisers[i] = normaliser
          total += normaliser - row[labels[i]]
        }
      }
      return (total / Scalar(Swift.max(rows, 1)), normalisers)
    }

    @inlinable @derivative(of: softmaxCrossEntropy)
    func _vjpSoftmaxCrossEntropy(labels: [Int]) -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let a = self
      let (loss, normalisers) = crossEntropy(labels: labels)
      return (
        loss,
        { adjoint in
          guard a.isTracked else { return .zero }
          // ∂/∂aᵢⱼ = (softmax(aᵢ)ⱼ − [j = labelᵢ]) / n
          let (target, scale, c) = (a.adjoint.adjoints, adjoint / Scalar(Swift.max(a.rows, 1)), a.columns)
          a.withElements { values in
            for i in 0..<a.rows {
              for j in 0..<c {
                let p = Scalar.exp(values[i * c + j] - normalisers[i]) - (j == labels[i] ? 1 : 0)
                target[i * c + j] += scale * p
              }
            }
          }
          return .zero
        }
      )
    }
  }
#endif
