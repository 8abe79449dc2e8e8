// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import RealModule
  import _Differentiation

  // Products, broadcasting and arithmetic of `DifferentiableMatrix`,
  // each with its derivative written by hand. Checked against central differences in
  // `MatrixOperationTests`.

  /// The three products the forward and backward passes need, adding into `c`, each with
  /// its innermost loop over contiguous memory so that it vectorises.
  @usableFromInline
  enum MatrixKernels {
    /// C (m × n) += A (m × k) · B (k × n).
    @inlinable
    static func addProduct<S: DescentFloat>(
      _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int
    ) {
      for i in 0..<m {
        let row = c + i * n
        for p in 0..<k {
          let (scale, source) = (a[i * k + p], b + p * n)
          for j in 0..<n { row[j] += scale * source[j] }
        }
      }
    }

    /// C (m × n) += A (m × k) · Bᵀ, B being n × k: dot products of rows.
    @inlinable
    static func addProductWithTranspose<S: DescentFloat>(
      _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int
    ) {
      for i in 0..<m {
        let row = a + i * k
        for j in 0..<n {
          let other = b + j * k
          c[i * n + j] += Vector.sum(count: k) { row[$0] * other[$0] }
        }
      }
    }

    /// C (k × n) += Aᵀ · B, A being m × k and B m × n.
    @inlinable
    static func addTransposeProduct<S: DescentFloat>(
      _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, into c: UnsafeMutablePointer<S>, m: Int, k: Int, n: Int
    ) {
      for i in 0..<m {
        let (rowA, rowB) = (a + i * k, b + i * n)
        if n == 1 {
          let scale = rowB[0]
          for p in 0..<k { c[p] += rowA[p] * scale }
          continue
        }
        for p in 0..<k {
          let (scale, target) = (rowA[p], c + p * n)
          for j in 0..<n { target[j] += scale * rowB[j] }
        }
      }
    }
  }

  extension DifferentiableMatrix {
    @inlinable
    func withElements<R>(_ body: (UnsafePointer<Scalar>) -> R) -> R {
      elements.withUnsafeBufferPointer { body($0.baseAddress ?? UnsafePointer(bitPattern: 8)!) }
    }

    /// A·B.
    @inlinable @differentiable(reverse)
    public func multiplied(by other: DifferentiableMatrix) -> DifferentiableMatrix {
      precondition(columns == other.rows, "product of \(rows) × \(columns) and \(other.rows) × \(other.columns)")
      var values = [Scalar](repeating: 0, count: rows * other.columns)
      withElements { a in
        other.withElements { b in
          values.withUnsafeMutableBufferPointer { c in
            guard let c = c.baseAddress else { return }
            MatrixKernels.addProduct(a, b, into: c, m: rows, k: columns, n: other.columns)
          }
        }
      }
      return DifferentiableMatrix(
        rows: rows, columns: other.columns, elements: values, isTracked: isTracked || other.isTracked)
    }

    @inlinable @derivative(of: multiplied(by:))
    func _vjpMultiplied(by other: DifferentiableMatrix) -> (
      value: DifferentiableMatrix, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let (a, b) = (self, other)
      let result = multiplied(by: other)
      let output = result.adjoint
      return (
        result,
        { _ in
          guard let upstream = output.storage else { return (.zero, .zero) }
          let (m, k, n) = (a.rows, a.columns, b.columns)
          // Ā += C̄ Bᵀ, B̄ += Aᵀ C̄
          if a.isTracked {
            b.withElements {
              MatrixKernels.addProductWithTranspose(upstream, $0, into: a.adjoint.adjoints, m: m, k: n, n: k)
            }
          }
          if b.isTracked {
            a.withElements {
              MatrixKernels.addTransposeProduct($0, upstream, into: b.adjoint.adjoints, m: m, k: k, n: n)
            }
          }
          return (.zero, .zero)
        }
      )
    }

    /// A·Bᵀ: for a batch of rows A and a layer's weights B (one row per unit), as PyTorch's
    /// `Linear` stores them.
    @inlinable @differentiable(reverse)
    public func multiplied(byTransposeOf other: DifferentiableMatrix) -> DifferentiableMatrix {
      precondition(columns == other.columns, "product of \(rows) × \(columns) and (\(other.rows) × \(other.columns))ᵀ")
      var values = [Scalar](repeating: 0, count: rows * other.rows)
      withElements { a in
        other.withElements { b in
          values.withUnsafeMutableBufferPointer { c in
            guard let c = c.baseAddress else { return }
            MatrixKernels.addProductWithTranspose(a, b, into: c, m: rows, k: columns, n: other.rows)
          }
        }
      }
      return DifferentiableMatrix(
        rows: rows, columns: other.rows, elements: values, isTracked: isTracked || other.isTracked)
    }

    @inlinable @derivative(of: multiplied(byTransposeOf:))
    func _vjpMultiplied(byTransposeOf other: DifferentiableMatrix) -> (
      value: DifferentiableMatrix, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let (a, b) = (self, other)
      let result = multiplied(byTransposeOf: other)
      let output = result.adjoint
      return (
        result,
        { _ in
          guard let upstream = output.storage else { return (.zero, .zero) }
          let (m, k, n) = (a.rows, a.columns, b.rows)
          // Ā += C̄ B, B̄ += C̄ᵀ A
          if a.isTracked {
            b.withElements { MatrixKernels.addProduct(upstream, $0, into: a.adjoint.adjoints, m: m, k: n, n: k) }
          }
          if b.isTracked {
            a.withElements {
              MatrixKernels.addTransposeProduct(upstream, $0, into: b.adjoint.adjoints, m: m, k: n, n: k)
            }
          }
          return (.zero, .zero)
        }
      )
    }

    /// A·x.
    @inlinable @differentiable(reverse)
    public func multiplied(by vector: DifferentiableVector<Scalar>) -> DifferentiableVector<Scalar> {
      precondition(columns == vector.count, "product of \(rows) × \(columns) and a vector of \(vector.count)")
      var values = [Scalar](repeating: 0, count: rows)
      withElements { a in
        vector.elements.withUnsafeBufferPointer { x in
          values.withUnsafeMutableBufferPointer { y in
            guard let y = y.baseAddress, let x = x.baseAddress else { return }
            MatrixKernels.addProductWithTranspose(a, x, into: y, m: rows, k: columns, n: 1)
          }
        }
      }
      return DifferentiableVector(scalars: values, isTracked: isTracked || vector.isTracked)
    }

    @inlinable @derivative(of: multiplied(by:))
    func _vjpMultiplied(by vector: DifferentiableVector<Scalar>) -> (
      value: DifferentiableVector<Scalar>, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let (a, x) = (self, vector)
      let result = multiplied(by: vector)
      let output = result.adjoint
      return (
        result,
        { _ in
          guard let upstream = output.storage else { return (.zero, .zero) }
          let (m, k) = (a.rows, a.columns)
          // Ā += ȳ xᵀ, x̄ += Aᵀ ȳ
          if a.isTracked {
            x.elements.withUnsafeBufferPointer {
              MatrixKernels.addProduct(upstream, $0.baseAddress!, into: a.adjoint.adjoints, m: m, k: 1, n: k)
            }
          }
          if x.isTracked {
            a.withElements {
              MatrixKernels.addTransposeProduct($0, upstream, into: x.adjoint.adjoints, m: m, k: k, n: 1)
            }
          }
          return (.zero, .zero)
        }
      )
    }

    /// Aᵀ.
    @inlinable @differentiable(reverse)
    public func transposed() -> DifferentiableMatrix {
      var values = elements
      for i in 0..<rows { for j in 0..<columns { values[j * rows + i] = elements[i * columns + j] } }
      return DifferentiableMatrix(rows: columns, columns: rows, elements: values, isTracked: isTracked)
    }

    @inlinable @derivative(of: transposed)
    func _vjpTransposed() -> (value: DifferentiableMatrix, pullback: (TangentVector) -> TangentVector) {
      let (a, result) = (self, transposed())
      let output = result.adjoint
      return (
        result,
        { _ in
          guard a.isTracked, let upstream = output.storage else { return .zero }
          let target = a.adjoint.adjoints
          for i in 0..<a.rows { for j in 0..<a.columns { target[i * a.columns + j] += upstream[j * a.rows + i] } }
          return .zero
        }
      )
    }

    /// A + 1bᵀ: `vector` added to every row (a layer's bias over a batch).
    @inlinable @differentiable(reverse)
    public func addingToEachRow(_ vector: DifferentiableVector<Scalar>) -> DifferentiableMatrix {
      precondition(columns == vector.count, "a vector of \(vector.count) added to rows of \(columns)")
      var values = elements
      for i in 0..<rows { for j in 0..<columns { values[i * columns + j] += vector.elements[j] } }
      return DifferentiableMatrix(
        rows: rows, columns: columns, elements: values, isTracked: isTracked || vector.isTracked)
    }

    @inlinable @derivative(of: addingToEachRow)
    func _vjpAddingToEachRow(_ vector: DifferentiableVector<Scalar>) -> (
      value: DifferentiableMatrix, pullback: (TangentVector) -> (TangentVector, TangentVector)
    ) {
      let (a, b) = (self, vector)
      let result = addingToEachRow(vector)
      let output = result.adjoint
      return (
        result,
        { _ in
          guard let upstream = output.storage else { return (.zero, .zero) }
          ArrayDerivatives.addScaled(1, from: output, to: a.adjoint, inputIsTracked: a.isTracked)
          if b.isTracked {
            let target = b.adjoint.adjoints
            for i in 0..<a.rows { for j in 0..<a.columns { target[j] += upstream[i * a.columns + j] } }
          }
          return (.zero, .zero)
        }
      )
    }

    /// A + B.
    @inlinable @differentiable(reverse)
    public static func + (lhs: DifferentiableMatrix, rhs: DifferentiableMatrix) -> DifferentiableMatrix {
      precondition(
        lhs.rows == rhs.rows && lhs.columns == rhs.columns,
        "sum of \(lhs.rows) × \(lhs.columns) and \(rhs.rows) × \(rhs.columns)")
      let values = (0..<lhs.elements.count).map { lhs.elements[$0] + rhs.elements[$0] }
      return DifferentiableMatrix(
        rows: lhs.rows, columns: lhs.columns, elements: values, isTracked: lhs.isTracked || rhs.isTracked)
    }

    @inlinable @derivative(of: +)
    static func _vjpAdd(lhs: DifferentiableMatrix, rhs: DifferentiableMatrix) -> (
      value: DifferentiableMatrix, pullback: (TangentVector) -> (TangentVector, TangentVector)
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

    /// The elements, row by row, as a vector.
    @inlinable @differentiable(reverse)
    public func flattened() -> DifferentiableVector<Scalar> {
      DifferentiableVector(scalars: elements, isTracked: isTracked)
    }

    @inlinable @derivative(of: flattened)
    func _vjpFlattened() -> (
      value: DifferentiableVector<Scalar>, pullback: (DifferentiableVector<Scalar>.TangentVector) -> TangentVector
    ) {
      let result = flattened()
      let (output, source, tracked) = (result.adjoint, adjoint, isTracked)
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(1, from: output, to: source, inputIsTracked: tracked)
          return .zero
        }
      )
    }

    // The rest of the arithmetic, as the vectors' on the elements (the shape is an
    // integer, outside differentiation).

    /// A − B.
    @inlinable @differentiable(reverse)
    public static func - (lhs: DifferentiableMatrix, rhs: DifferentiableMatrix) -> DifferentiableMatrix {
      precondition(
        lhs.rows == rhs.rows && lhs.columns == rhs.columns,
        "difference of \(lhs.rows) × \(lhs.columns) and \(rhs.rows) × \(rhs.columns)")
      return (lhs.flattened() - rhs.flattened()).reshaped(
        rows: withoutDerivative(at: lhs.rows), columns: withoutDerivative(at: lhs.columns))
    }

    /// A ⊙ B, element by element (the product is `multiplied(by:)`).
    @inlinable @differentiable(reverse)
    public static func * (lhs: DifferentiableMatrix, rhs: DifferentiableMatrix) -> DifferentiableMatrix {
      precondition(
        lhs.rows == rhs.rows && lhs.columns == rhs.columns,
        "element-wise product of \(lhs.rows) × \(lhs.columns) and \(rhs.rows) × \(rhs.columns)")
      return (lhs.flattened() * rhs.flattened()).reshaped(
        rows: withoutDerivative(at: lhs.rows), columns: withoutDerivative(at: lhs.columns))
    }

    /// a·A.
    @inlinable @differentiable(reverse)
    public static func * (scale: Scalar, matrix: DifferentiableMatrix) -> DifferentiableMatrix {
      (scale * matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// A·a.
    @inlinable @differentiable(reverse)
    public static func * (matrix: DifferentiableMatrix, scale: Scalar) -> DifferentiableMatrix {
      (scale * matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// A / a.
    @inlinable @differentiable(reverse)
    public static func / (matrix: DifferentiableMatrix, divisor: Scalar) -> DifferentiableMatrix {
      (matrix.flattened() / divisor).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// −A.
    @inlinable @differentiable(reverse)
    public static prefix func - (matrix: DifferentiableMatrix) -> DifferentiableMatrix {
      (-matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }
  }
#endif
