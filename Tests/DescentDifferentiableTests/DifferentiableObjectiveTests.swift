// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Foundation
  import Testing
  import _Differentiation

  // Generic arithmetic is not differentiable (the operators' derivatives are registered
  // for Float and Double only), so the function is written once per precision.
  @differentiable(reverse)
  func chainedRosenbrock(_ w: [Double]) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  @differentiable(reverse)
  func chainedRosenbrock(_ w: [Float]) -> Float {
    var total: Float = 0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  /// Expects `compiled`'s value and gradient to be chained Rosenbrock's hand-written ones,
  /// within `tolerance` of the largest component, at a fixed point.
  func expectHandWrittenRosenbrockGradient<S: DescentFloat & Differentiable>(
    _ compiled: DifferentiableObjective<S>, tolerance: S
  ) throws where S.TangentVector == S {
    let d = compiled.dimension
    let written = try Rosenbrock<S>(dimension: d)
    let w = (0..<d).map { S($0 % 5) / 4 - S(0.6) }
    var g = [S](repeating: 0, count: d)
    var h = g
    written.gradient(at: w, into: &g)
    let value = w.withUnsafeBufferPointer { point in
      h.withUnsafeMutableBufferPointer { compiled.valueAndGradient(at: point, into: $0) }
    }
    let scale = g.map(abs).max()!
    #expect(zip(g, h).allSatisfy { abs($0 - $1) <= tolerance * scale }, "\(S.self) d = \(d)")
    #expect(abs(value - written.value(at: w)) <= tolerance * abs(value))
    #expect(compiled.value(at: w) == value)
  }

  /// The compiler's gradients against the hand-written ones.
  @Suite struct DifferentiableObjectiveTests {
    @Test(arguments: [2, 7, 100])
    func rosenbrockMatchesTheHandWrittenGradient(dimension d: Int) throws {
      try expectHandWrittenRosenbrockGradient(
        DifferentiableObjective<Double>(dimension: d) { chainedRosenbrock($0) }, tolerance: 1e-14)
      try expectHandWrittenRosenbrockGradient(
        DifferentiableObjective<Float>(dimension: d) { chainedRosenbrock($0) }, tolerance: 1e-5)
    }

    /// A small logistic regression, f(w) = (1/n) Σ log(1 + e^{z}) − y z, z = xᵀw.
    @Test func logisticRegressionMatchesTheHandWrittenGradient() throws {
      let (n, d) = (12, 5)
      let x = (0..<(n * d)).map { Double(($0 * 7) % 11) / 11 - 0.4 }
      let y = (0..<n).map { Double($0 % 2) }
      let written = try LogisticRegression(
        data: try Dataset(features: x, targets: y, columns: d), regularization: 0)
      let compiled = try DifferentiableObjective<Double>(dimension: d) { w in
        var total = 0.0
        for i in 0..<n {
          var z = 0.0
          for j in 0..<d { z = z + x[i * d + j] * w[j] }
          total = total + Foundation.log(1 + Foundation.exp(z)) - y[i] * z
        }
        return total / Double(n)
      }
      let w: [Double] = [0.3, -0.2, 0.1, 0.5, -0.4]
      var g = [Double](repeating: 0, count: d)
      var h = g
      written.gradient(at: w, into: &g)
      compiled.gradient(at: w, into: &h)
      #expect(zip(g, h).allSatisfy { abs($0 - $1) <= 1e-14 })
      #expect(abs(compiled.value(at: w) - written.value(at: w)) <= 1e-14)
    }

    /// Minimised like any objective, its evaluations counted.
    @Test func minimisesAndCounts() throws {
      let objective = try DifferentiableObjective<Double>(dimension: 2, minimum: 0, minimizer: [1, 1]) {
        chainedRosenbrock($0)
      }
      var planner = try Csawg<Double>(learningRate: 0.001, horizon: 2, planningSteps: 5, corrections: 10)
      let result = try minimize(
        objective, from: [-1, 0], using: &planner, until: .init(maxGradientEvaluations: 1_000, errorTolerance: 0))
      #expect(result.gradientEvaluations == 458)
      #expect(result.minimizer == [1, 1])
    }

    @Test func refusesBadSizes() {
      #expect(throws: DescentError.self) { try DifferentiableObjective<Double>(dimension: 0) { $0[0] } }
      #expect(throws: DescentError.self) {
        try DifferentiableObjective<Double>(dimension: 2, minimizer: [1]) { $0[0] }
      }
    }
  }
#endif
