import Descent
import DescentProblems
import DescentStudy
import Testing

@Suite struct ComparisonTests {
  @Test func reportsEvaluationsToEachThreshold() throws {
    let problem = try Rosenbrock<Double>()
    let comparison = try Comparison(
      problem: problem, start: [-1, 0],
      optimizers: [
        ("gd", try GradientDescent<Double>()),
        ("csawg-p5", try Csawg<Double>(planningSteps: 5, corrections: 10)),
        ("nelder-mead", try NelderMead<Double>(xatol: 0, fatol: 0)),
      ],
      budget: 2_000)
    #expect(comparison.entries.map(\.method) == ["gd", "csawg-p5", "nelder-mead"])
    let gd = comparison.entries[0]
    #expect(gd.evaluationsToReach == [nil, nil, nil])
    #expect(gd.termination == .maxGradientEvaluations && gd.evaluations == 2_000)
    let csawg = comparison.entries[1]
    #expect(csawg.evaluationsToReach.last == 458)
    #expect(csawg.finalError == 0 && csawg.termination == .errorTolerance)
    let simplex = comparison.entries[2]
    // Counted in value evaluations, the only kind Nelder–Mead makes.
    #expect(simplex.evaluationsToReach.allSatisfy { $0 != nil && $0! > 0 })
    #expect(simplex.evaluationsToReach == simplex.evaluationsToReach.map { $0 }.sorted { $0! < $1! })
  }

  @Test func needsAKnownMinimiser() throws {
    let problem = try Quadratic<Double>(curvature: .diagonal([1, -1]))
    #expect(throws: DescentError.self) {
      try Comparison(problem: problem, start: [1, 1], optimizers: [("gd", try GradientDescent<Double>())], budget: 10)
    }
  }
}
