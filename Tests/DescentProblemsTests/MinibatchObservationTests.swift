import Descent
import DescentProblems
import Testing

/// Watching a minibatch run changes nothing in it: the driver's rows read the full
/// objective, which draws no batch, so a traced run takes the same batches and steps as
/// an untraced one, and each row's f is the loss over every row.
@Suite struct MinibatchObservationTests {
  @Test func tracingDrawsNoBatch() throws {
    func run(traced: Bool) throws -> MinimizationResult<Double> {
      let problem = try DigitsTanhNetwork<Double>(batchSize: 64, seed: 3)
      var planner = try SafeguardedCsawg<Double>()
      return try minimize(
        problem, from: problem.defaultStart, using: &planner, until: .init(maxGradientEvaluations: 30),
        trace: TraceSettings(recording: traced))
    }
    let (plain, traced) = (try run(traced: false), try run(traced: true))
    let sameSteps = plain.minimizer == traced.minimizer && plain.evaluationPoint == traced.evaluationPoint
    #expect(sameSteps, "a traced run took other batches")
    let full = try DigitsTanhNetwork<Double>(seed: 3)
    let rows = try #require(traced.trace?.rows)
    #expect(rows.count == traced.iterations + 1)
    #expect(rows[0].value == full.value(at: full.defaultStart))
    #expect(traced.value == full.value(at: traced.minimizer))
  }
}
