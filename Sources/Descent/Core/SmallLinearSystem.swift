/// The small dense systems the multi-step methods solve (Anderson's mixing weights,
/// the multi-secant planner's coefficients): at most a few dozen unknowns.
@usableFromInline
enum SmallLinearSystem {
  /// Solves `matrix · x = rhs` (row-major, `size` × `size`) by Gaussian elimination with
  /// partial pivoting. A singular or non-finite system gives x = 0, which the callers
  /// read as "no extrapolation": the plain step.
  @usableFromInline
  static func solve<Scalar: DescentFloat>(_ matrix: [Scalar], _ rhs: [Scalar], size n: Int) -> [Scalar] {
    var a = matrix
    var b = rhs
    for column in 0..<n {
      var pivot = column
      for row in (column + 1)..<max(n, column + 1) where abs(a[row * n + column]) > abs(a[pivot * n + column]) {
        pivot = row
      }
      guard a[pivot * n + column] != 0 else { return [Scalar](repeating: 0, count: n) }
      if pivot != column {
        for k in 0..<n { a.swapAt(column * n + k, pivot * n + k) }
        b.swapAt(column, pivot)
      }
      for row in (column + 1)..<max(n, column + 1) {
        let factor = a[row * n + column] / a[column * n + column]
        for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
        b[row] -= factor * b[column]
      }
    }
    var x = [Scalar](repeating: 0, count: n)
    for row in stride(from: n - 1, through: 0, by: -1) {
      var total = b[row]
      for k in (row + 1)..<max(n, row + 1) { total -= a[row * n + k] * x[k] }
      x[row] = total / a[row * n + row]
    }
    return x.allSatisfy(\.isFinite) ? x : [Scalar](repeating: 0, count: n)
  }
}
