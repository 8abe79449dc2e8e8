// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import _Differentiation

  // A scalar with every element: x + a, a + x, x − a, a − x and a / x, for vectors and
  // matrices, each with its derivative written by hand. The scalar's derivative is the sum
  // over the elements (∂/∂a of Σ ȳᵢ (±xᵢ ± a) is ±Σ ȳᵢ), so `w[0] * exp(-w[1] * x) + w[2]`
  // reaches w[0], w[1] and w[2].

  extension DifferentiableVector {
    /// sₓ·x + sₐ·a for the signs sₓ, sₐ ∈ {1, −1}: the four sums and differences in one
    /// place.
    @inlinable @differentiable(reverse,wrt: (vector, shift))
    static func shifted(
      _ vector: DifferentiableVector, by shift: Scalar, vectorSign: Scalar, shiftSign: Scalar
    ) -> DifferentiableVector {
      let offset = shiftSign * shift
      return DifferentiableVector(
        scalars: vector.elements.map { vectorSign * $0 + offset }, isTracked: vector.isTracked)
    }

    @inlinable @derivative(of: shifted, wrt: (vector, shift))
    static func _vjpShifted(
      _ vector: DifferentiableVector, by shift: Scalar, vectorSign: Scalar, shiftSign: Scalar
    ) -> (value: DifferentiableVector, pullback: (TangentVector) -> (TangentVector, Scalar)) {
      // Tracked whatever the vector is: the scalar may be the operand a gradient reaches.
      var result = shifted(vector, by: shift, vectorSign: vectorSign, shiftSign: shiftSign)
      result.isTracked = true
      let output = result.adjoint
      return (
        result,
        { _ in
          ArrayDerivatives.addScaled(vectorSign, from: output, to: vector.adjoint, inputIsTracked: vector.isTracked)
          guard let upstream = output.storage else { return (.zero, 0) }
          return (.zero, shiftSign * Vector.sum(count: output.count) { upstream[$0] })
        }
      )
    }

    /// x + a: a added to every element.
    @inlinable @differentiable(reverse)
    public static func + (vector: DifferentiableVector, shift: Scalar) -> DifferentiableVector {
      shifted(vector, by: shift, vectorSign: 1, shiftSign: 1)
    }

    /// a + x.
    @inlinable @differentiable(reverse)
    public static func + (shift: Scalar, vector: DifferentiableVector) -> DifferentiableVector {
      shifted(vector, by: shift, vectorSign: 1, shiftSign: 1)
    }

    /// x − a: a taken from every element.
    @inlinable @differentiable(reverse)
    public static func - (vector: DifferentiableVector, shift: Scalar) -> DifferentiableVector {
      shifted(vector, by: shift, vectorSign: 1, shiftSign: -1)
    }

    /// a − x.
    @inlinable @differentiable(reverse)
    public static func - (shift: Scalar, vector: DifferentiableVector) -> DifferentiableVector {
      shifted(vector, by: shift, vectorSign: -1, shiftSign: 1)
    }

    /// a / x, element by element.
    @inlinable @differentiable(reverse)
    public static func / (numerator: Scalar, vector: DifferentiableVector) -> DifferentiableVector {
      DifferentiableVector(scalars: vector.elements.map { numerator / $0 }, isTracked: vector.isTracked)
    }

    @inlinable @derivative(of: /)
    static func _vjpReciprocal(numerator: Scalar, vector: DifferentiableVector) -> (
      value: DifferentiableVector, pullback: (TangentVector) -> (Scalar, TangentVector)
    ) {
      var result = numerator / vector
      result.isTracked = true  // as in x + a
      let (output, x, y) = (result.adjoint, vector.elements, result.elements)
      // ∂yᵢ/∂xᵢ = −a/xᵢ² = −yᵢ/xᵢ; ∂yᵢ/∂a = 1/xᵢ.
      let toVector = ArrayDerivatives.elementwise(from: output, to: vector.adjoint, inputIsTracked: vector.isTracked) {
        -y[$0] / x[$0]
      }
      return (
        result,
        { _ in
          toVector()
          guard let upstream = output.storage else { return (0, .zero) }
          return (Vector.sum(count: x.count) { upstream[$0] / x[$0] }, .zero)
        }
      )
    }
  }

  extension DifferentiableMatrix {
    /// A + a: a added to every element.
    @inlinable @differentiable(reverse)
    public static func + (matrix: DifferentiableMatrix, shift: Scalar) -> DifferentiableMatrix {
      (matrix.flattened() + shift).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// a + A.
    @inlinable @differentiable(reverse)
    public static func + (shift: Scalar, matrix: DifferentiableMatrix) -> DifferentiableMatrix {
      (shift + matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// A − a.
    @inlinable @differentiable(reverse)
    public static func - (matrix: DifferentiableMatrix, shift: Scalar) -> DifferentiableMatrix {
      (matrix.flattened() - shift).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// a − A.
    @inlinable @differentiable(reverse)
    public static func - (shift: Scalar, matrix: DifferentiableMatrix) -> DifferentiableMatrix {
      (shift - matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }

    /// a / A, element by element.
    @inlinable @differentiable(reverse)
    public static func / (numerator: Scalar, matrix: DifferentiableMatrix) -> DifferentiableMatrix {
      (numerator / matrix.flattened()).reshaped(
        rows: withoutDerivative(at: matrix.rows), columns: withoutDerivative(at: matrix.columns))
    }
  }
#endif
