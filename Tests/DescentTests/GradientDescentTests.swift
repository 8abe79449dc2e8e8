import Descent
import DescentProblems
import Foundation
import Testing

@Suite struct GradientDescentTests {
  /// On f = ½ wᵀQw + bᵀw with diagonal Q, gradient descent contracts each component
  /// of w − w* by (1 − γ q_i) per step: w_n − w* = (1 − γ q)ⁿ ⊙ (w_0 − w*).
  @Test(arguments: precisions)
  func matchesClosedFormOnDiagonalQuadratic(_ type: any DescentFloat.Type) throws {
    try closedForm(type)
  }

  func closedForm<S: DescentFloat>(_: S.Type) throws {
    let q: [Double] = [4, 1, 0.25]
    let b: [Double] = [1, -2, 0.5]
    let start: [Double] = [3, -1, 2]
    let gamma = 0.1
    let steps = 40
    let problem = try Quadratic<S>(curvature: .diagonal(q.map { S($0) }), linear: b.map { S($0) })
    var gd = try GradientDescent<S>(learningRate: S(gamma))
    let result = try minimize(problem, from: start.map { S($0) }, using: &gd, until: .init(maxIterations: steps))
    let tolerance = S.self == Float.self ? 1e-5 : 1e-13
    for i in 0..<3 {
      let optimum = -b[i] / q[i]
      let expected = optimum + pow(1 - gamma * q[i], Double(steps)) * (start[i] - optimum)
      #expect(abs(Double(result.minimizer[i]) - expected) <= tolerance * max(1, abs(expected)))
    }
    #expect(result.gradientEvaluations == steps)
    #expect(result.termination == .maxIterations)
  }

  @Test func rejectsBadLearningRates() {
    for rate in [0, -1, Double.nan, .infinity] {
      #expect(throws: DescentError.self) { try GradientDescent<Double>(learningRate: rate) }
    }
  }
}
