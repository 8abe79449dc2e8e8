// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Testing
  import _Differentiation

  @differentiable(reverse)
  func loopRosenbrock(_ w: DifferentiableVector<Double>) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  @differentiable(reverse)
  func loopRosenbrock(_ w: DifferentiableVector<Float>) -> Float {
    var total: Float = 0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  /// Σ wⱼ³, through a vector written inside the function: ∇ = 3w².
  @differentiable(reverse)
  func cubesThroughWrites(_ w: DifferentiableVector<Double>) -> Double {
    var squares = DifferentiableVector<Double>(zeros: withoutDerivative(at: w.count))
    for j in 0..<withoutDerivative(at: w.count) { squares[j] = w[j] * w[j] }
    var total = 0.0
    for j in 0..<withoutDerivative(at: w.count) { total = total + squares[j] * w[j] }
    return total
  }

  /// A copy written, the original read after: w₀ + 5 + w₁, so ∇ = (1, 1, 0, …).
  @differentiable(reverse)
  func copyThenWrite(_ w: DifferentiableVector<Double>) -> Double {
    var copy = w
    copy[0] = 5
    return w[0] + copy[0] + copy[1]
  }

  /// Parameters overwritten in place, in a loop: vᵢ ← 3vᵢ², summed: ∇ = 6w.
  @differentiable(reverse)
  func overwriteInPlace(_ w: DifferentiableVector<Double>) -> Double {
    var v = w
    for i in 0..<withoutDerivative(at: v.count) {
      v[i] = v[i] * v[i]
      v[i] = 3 * v[i]
    }
    var total = 0.0
    for i in 0..<withoutDerivative(at: v.count) { total = total + v[i] }
    return total
  }

  /// Σ wᵢ² through `scalars`, the whole array (what the standard library's operations take).
  @differentiable(reverse)
  func squaresThroughScalars(_ w: DifferentiableVector<Double>) -> Double {
    w.scalars.differentiableMap { $0 * $0 }.differentiableReduce(0) { $0 + $1 }
  }

  /// Element access on `DifferentiableVector`: gradients equal to the hand-written ones, and
  /// writes (into a fresh vector, into a copy, in place) that route the gradient as
  /// arrays' values are routed.
  @Suite struct DifferentiableVectorTests {
    @Test(arguments: [2, 7, 1000])
    func loopRosenbrockMatchesTheHandWrittenGradient(dimension d: Int) throws {
      try expectHandWrittenRosenbrockGradient(
        DifferentiableObjective<Double>(dimension: d) { loopRosenbrock($0) }, tolerance: 1e-14)
      try expectHandWrittenRosenbrockGradient(
        DifferentiableObjective<Float>(dimension: d) { loopRosenbrock($0) }, tolerance: 1e-5)
    }

    @Test func writesRouteTheGradient() {
      let w: [Double] = [0.5, -1.5, 2, 3]
      let cubes = DifferentiableVector.valueWithGradient(at: w, of: cubesThroughWrites)
      #expect(cubes.value == w.map { $0 * $0 * $0 }.reduce(0, +))
      #expect(cubes.gradient == w.map { 3 * $0 * $0 })

      let copied = DifferentiableVector.valueWithGradient(at: w, of: copyThenWrite)
      #expect(copied.value == 0.5 + 5 - 1.5)
      #expect(copied.gradient == [1, 1, 0, 0])

      let whole = DifferentiableVector.valueWithGradient(at: w, of: squaresThroughScalars)
      #expect(whole.gradient == w.map { 2 * $0 })

      let overwritten = DifferentiableVector.valueWithGradient(at: w, of: overwriteInPlace)
      #expect(overwritten.value == w.map { 3 * $0 * $0 }.reduce(0, +))
      #expect(overwritten.gradient == w.map { 6 * $0 })
    }

    /// Swift's own `gradient(at:of:)` gets an empty tangent; the arrays' buffers are fresh
    /// for every evaluation, so gradients never add up across calls.
    @Test func gradientsDoNotAccumulateAcrossCalls() throws {
      let objective = try DifferentiableObjective<Double>(dimension: 3) { loopRosenbrock($0) }
      var first = [Double](repeating: 0, count: 3)
      var second = first
      let w: [Double] = [0.1, 0.2, 0.3]
      w.withUnsafeBufferPointer { point in
        _ = first.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: point, into: $0) }
        _ = second.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: point, into: $0) }
      }
      #expect(first == second)
    }
  }
#endif
