/// The small dense systems the multi-step methods solve (Anderson's mixing weights,
/// the multi-secant planner's coefficients): at most a few dozen unknowns.
@usableFromInline
enum SmallLinearSystem {
  /// Solves `matrix · x = rhs` for the leading `size` × `size` block (row-major, row
  /// stride `size`) by Gaussian elimination with partial pivoting, in place: the matrix
  /// is overwritten and `rhs` holds x on return, so a step that solves one allocates
  /// nothing. A singular or non-finite system gives x = 0, which the callers read as
  /// "no extrapolation": the plain step.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  static func solve<Scalar: DescentFloat>(_ a: inout [Scalar], _ b: inout [Scalar], size n: Int) {
    precondition(a.count >= n * n && b.count >= n, "SmallLinearSystem: buffers smaller than the system")
    for column in 0..<n {
      var pivot = column
      for row in (column + 1)..<n where abs(a[row * n + column]) > abs(a[pivot * n + column]) {
        pivot = row
      }
      guard a[pivot * n + column] != 0 else { return clear(&b, n) }
      if pivot != column {
        for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
        b.swapAt(column, pivot)
      }
      for row in (column + 1)..<n {
        let factor = a[row * n + column] / a[column * n + column]
        for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
        b[row] -= factor * b[column]
      }
    }
    for row in stride(from: n - 1, through: 0, by: -1) {
      var total = b[row]
      for k in (row + 1)..<n { total -= a[row * n + k] * b[k] }
      b[row] = total / a[row * n + row]
    }
    if !b[0..<n].allSatisfy(\.isFinite) { clear(&b, n) }
  }

  @usableFromInline
  static func clear<Scalar: DescentFloat>(_ b: inout [Scalar], _ n: Int) {
    for i in 0..<n { b[i] = 0 }
  }
}
