// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  /// A matrix inside a differentiable function: a layer's weights, a batch of examples, a
  /// layer's activations. Stored by rows; elements are read and written as
  /// ``DifferentiableVector``'s are (O(1) each in the gradient), and its products,
  /// element-wise functions and losses (`multiplied(by:)`, ``tanh()``,
  /// ``softmaxCrossEntropy(labels:)``, …) have hand-written derivatives.
  ///
  ///     let batch = try DifferentiableMatrix<Float>(rows: n, columns: 40, scalars: features)
  ///     let hidden = batch.multiplied(byTransposeOf: model.weights).addingToEachRow(model.bias).relu()
  ///
  /// Made from data with ``init(rows:columns:scalars:)`` it is a constant: no gradient is
  /// computed for it. As with ``DifferentiableVector``, the gradient is collected in the
  /// arrays' buffers, not in `TangentVector`, which carries nothing.
  public struct DifferentiableMatrix<Scalar: DescentFloat & Differentiable>: Differentiable, Sendable
  where Scalar.TangentVector == Scalar {
    /// The numbers of rows and of columns.
    public let rows: Int
    public let columns: Int
    /// The elements, row by row. Differentiable, as a whole array (O(rows × columns) in
    /// the gradient per use): read single elements with `m[i, j]`.
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
    /// Whether a gradient can reach this matrix (see ``DifferentiableVector``).
    @usableFromInline var isTracked: Bool

    /// A matrix of constants (data), `scalars` row by row.
    public init(rows: Int, columns: Int, scalars: [Scalar]) throws(DescentError) {
      try DescentError.require(rows >= 0, "rows", rows, "an integer ≥ 0")
      try DescentError.require(columns >= 0, "columns", columns, "an integer ≥ 0")
      let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
      guard !overflow, size == scalars.count else {
        throw .invalidValue(
          name: "scalars", value: "\(scalars.count) numbers",
          expected: overflow ? "a matrix smaller than Int.max elements" : "rows × columns = \(size) numbers")
      }
      self.init(rows: rows, columns: columns, elements: scalars, isTracked: false)
    }

    /// `rows` × `columns` zeros, to be written.
    public init(zeros rows: Int, columns: Int) {
      precondition(rows >= 0 && columns >= 0, "a matrix of \(rows) × \(columns)")
      let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
      precondition(!overflow, "a matrix of \(rows) × \(columns) elements overflows Int")
      self.init(rows: rows, columns: columns, elements: [Scalar](repeating: 0, count: size), isTracked: false)
    }

    @usableFromInline
    init(rows: Int, columns: Int, elements: [Scalar], isTracked: Bool) {
      (self.rows, self.columns, self.elements, self.isTracked) = (rows, columns, elements, isTracked)
      adjoint = AdjointBuffer(count: elements.count)
      identity = ArrayIdentity()
    }

    /// Element (row, column); reading and writing it are differentiable, O(1) in the gradient.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
      @differentiable(reverse)
      get { elements[index(row, column)] }
      @differentiable(reverse)
      set {
        separateIfShared()
        elements[index(row, column)] = newValue
      }
    }

    @inlinable
    func index(_ row: Int, _ column: Int) -> Int {
      precondition(
        row >= 0 && row < rows && column >= 0 && column < columns, "element (\(row), \(column)) of \(rows) × \(columns)"
      )
      return row * columns + column
    }

    // Reads and writes build their pullbacks here rather than through a shared helper: a
    // closure returned by a helper and wrapped again would cost a second allocation on
    // the hot path of every loop.
    @inlinable
    @derivative(of: subscript(_:_:))
    func _vjpRead(row: Int, column: Int) -> (value: Scalar, pullback: (Scalar) -> TangentVector) {
      let (buffer, tracked, at) = (adjoint, isTracked, index(row, column))
      return (
        elements[at],
        { adjoint in
          if tracked { buffer.add(adjoint, at: at) }
          return .zero
        }
      )
    }

    @inlinable
    @derivative(of: subscript(_:_:).set)
    mutating func _vjpWrite(newValue: Scalar, row: Int, column: Int)
      -> (value: Void, pullback: (inout TangentVector) -> Scalar)
    {
      let source = separateIfShared()
      let at = index(row, column)
      elements[at] = newValue
      isTracked = true
      let buffer = adjoint
      return (
        (),
        { _ in
          let adjoint = buffer.take(at: at)
          if let source { buffer.add(into: source) }
          return adjoint
        }
      )
    }

    /// Gives a copy its own gradient buffer before its first write; returns the one it shared.
    @usableFromInline @discardableResult
    mutating func separateIfShared() -> AdjointBuffer<Scalar>? {
      ArrayDerivatives.separate(&adjoint, &identity)
    }

    /// Carries nothing: the gradient is in the arrays' buffers.
    public typealias TangentVector = DifferentiableVector<Scalar>.TangentVector

    /// Does nothing: Descent's optimizers move the parameters, not Swift's tangents.
    public mutating func move(by offset: TangentVector) {}
  }
#endif
