import Descent
import DescentDifferentiable
import DescentProblems
import Foundation
import _Differentiation

// The gradient of differentiable Swift against the hand-written one, on the same
// problems: chained Rosenbrock and a logistic regression of 50 rows, at d = 2, 100 and
// 10,000. Written for Double, where the compiler has the operators' derivatives.

@differentiable(reverse)
func differentiableRosenbrock(_ w: [Double]) -> Double {
  var total = 0.0
  for i in 0..<withoutDerivative(at: w.count - 1) {
    let a = w[i + 1] - w[i] * w[i]
    let b = 1 - w[i]
    total = total + 100 * a * a + b * b
  }
  return total
}

/// Σ wᵢ², reading each element: O(d²) to differentiate.
@differentiable(reverse)
func elementwiseSquares(_ w: [Double]) -> Double {
  var total = 0.0
  for i in 0..<withoutDerivative(at: w.count) { total = total + w[i] * w[i] }
  return total
}

/// Σ wᵢ² with whole-array operations, whose pullbacks are O(d).
@differentiable(reverse)
func wholeArraySquares(_ w: [Double]) -> Double {
  w.differentiableMap { $0 * $0 }.differentiableReduce(0) { $0 + $1 }
}

/// f(w) = (1/n) Σ log(1 + e^{z}) − y z, z = xᵀw, over `rows` rows of `features`.
func differentiableLogistic(features: [Double], targets: [Double], columns d: Int)
  -> @Sendable @differentiable(reverse) ([Double]) -> Double
{
  let n = targets.count
  return { w in
    var total = 0.0
    for i in 0..<n {
      var z = 0.0
      for j in 0..<d { z = z + features[i * d + j] * w[j] }
      total = total + Foundation.log(1 + Foundation.exp(z)) - targets[i] * z
    }
    return total / Double(n)
  }
}

/// One line of the table: the problem, d, both times and their ratio.
func report(_ problem: String, _ d: Int, _ written: Double, _ compiled: Double) {
  let name = problem.padding(toLength: 18, withPad: " ", startingAt: 0)
  print(name + String(format: "%6d %16.5f %18.3f %10.0fx", d, written, compiled, compiled / written))
}

/// Milliseconds per gradient, hand-written and differentiable, and their ratio.
func differentiableCost() throws {
  print("problem                d  hand-written ms  differentiable ms       ratio")
  for d in [2, 100, 10_000] {
    let w = (0..<d).map { Double($0 % 7) / 70 - 0.05 }
    var g = [Double](repeating: 0, count: d)
    let repeats = d >= 10_000 ? 3 : 15
    let written = try Rosenbrock<Double>(dimension: d)
    let compiled = try DifferentiableObjective<Double>(dimension: d) { differentiableRosenbrock($0) }
    let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
    let b = milliseconds({ compiled.gradient(at: w, into: &g) }, repeats: repeats)
    report("rosenbrock", d, a, b)
  }
  for d in [100, 10_000] {
    let w = (0..<d).map { Double($0 % 7) / 70 - 0.05 }
    var g = [Double](repeating: 0, count: d)
    let written = try Quadratic<Double>(curvature: .diagonal([Double](repeating: 2, count: d)))
    let elementwise = try DifferentiableObjective<Double>(dimension: d) { elementwiseSquares($0) }
    let whole = try DifferentiableObjective<Double>(dimension: d) { wholeArraySquares($0) }
    let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
    report("Σw², element-wise", d, a, milliseconds({ elementwise.gradient(at: w, into: &g) }, repeats: 3))
    report("Σw², whole-array", d, a, milliseconds({ whole.gradient(at: w, into: &g) }, repeats: 15))
  }
  for d in [2, 100, 10_000] {
    let n = 50
    let features = (0..<(n * d)).map { Double(($0 * 7) % 11) / 11 - 0.4 }
    let targets = (0..<n).map { Double($0 % 2) }
    let w = (0..<d).map { Double($0 % 7) / 70 - 0.05 }
    var g = [Double](repeating: 0, count: d)
    let written = try LogisticRegression(
      data: try Dataset(features: features, targets: targets, columns: d), regularization: 0)
    let compiled = try DifferentiableObjective<Double>(
      dimension: d, differentiableLogistic(features: features, targets: targets, columns: d))
    let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
    let b = milliseconds({ compiled.gradient(at: w, into: &g) }, repeats: d >= 10_000 ? 1 : 15)
    report("logistic, n = 50", d, a, b)
  }
}
