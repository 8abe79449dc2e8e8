import Descent
import DescentProblems
import Testing

@Suite struct ProblemTests {
  /// Central differences agree with the analytic gradient.
  func checkGradient<P: Objective>(_ problem: P, at w: [Double]) where P.Scalar == Double {
    var g = [Double](repeating: 0, count: w.count)
    problem.gradient(at: w, into: &g)
    for i in w.indices {
      let h = 1e-6 * max(1, abs(w[i]))
      var plus = w
      var minus = w
      plus[i] += h
      minus[i] -= h
      let numeric = (problem.value(at: plus) - problem.value(at: minus)) / (2 * h)
      #expect(abs(numeric - g[i]) <= 1e-5 * max(1, abs(g[i])), "component \(i)")
    }
  }

  @Test func rosenbrockGradientAndMinimiser() throws {
    let paper = try Rosenbrock<Double>()
    #expect(paper.value(at: [-1, 0]) == 104)
    #expect(paper.minimizer == [1, 1])
    #expect(paper.value(at: [1, 1]) == 0)
    checkGradient(paper, at: [-1, 0])
    checkGradient(paper, at: [0.3, -0.7])
    let chained = try Rosenbrock<Double>(dimension: 5)
    checkGradient(chained, at: [0.1, -0.4, 0.9, 1.3, -2])
    #expect(chained.minimizer == [1, 1, 1, 1, 1])
    let shifted = try Rosenbrock<Double>(a: 2, b: 10)
    #expect(shifted.minimizer == [2, 4])
    #expect(shifted.value(at: [2, 4]) == 0)
    #expect(throws: DescentError.self) { try Rosenbrock<Double>(b: 0) }
    #expect(throws: DescentError.self) { try Rosenbrock<Double>(dimension: 1) }
  }

  @Test func denseQuadraticMinimiser() throws {
    let q: [Double] = [4, 1, 0, 1, 3, 1, 0, 1, 2]
    let b: [Double] = [1, -2, 3]
    let problem = try Quadratic<Double>(curvature: .dense(q), linear: b)
    let w = try #require(problem.minimizer)
    var g = [0.0, 0, 0]
    problem.gradient(at: w, into: &g)
    #expect(Vector.norm(g) < 1e-14)
    #expect(abs(problem.value(at: w) - problem.minimum!) < 1e-14)
    checkGradient(problem, at: [0.5, -1, 2])
    #expect(throws: DescentError.self) {
      try Quadratic<Double>(curvature: .dense([1, 2, 3, 4]))
    }
    #expect(try Quadratic<Double>(curvature: .dense([1, 2, 2, 1])).minimizer == nil)
  }

  @Test func paperConvexProblem() {
    let convex = Quadratic<Double>.paperConvex
    #expect(convex.minimizer == [0, 0])
    #expect(convex.minimum == 0)
    #expect(convex.value(at: [-1, 2]) == 502)
  }
}
