import Descent
import DescentProblems
import Testing

/// The paper's Algorithms 1 and 2 written literally, with buffers B1 and B2 of K
/// pairs each, to check that the ring-and-accumulators form gives the same bits.
struct TwoBufferCsawg {
  let gamma: Double
  let horizon: Int
  let planningSteps: Int
  let corrections: Int
  let freshFirstProjection: Bool
  var b1: [(w: [Double], g: [Double])] = []
  var b2: [(w: [Double], g: [Double])] = []
  var alpha: [Double] = []

  mutating func step(_ w: inout [Double], _ f: Rosenbrock<Double>, evaluations: inout Int) {
    var g = [0.0, 0.0]
    f.gradient(at: w, into: &g)
    evaluations += 1
    w = zip(w, g).map { $0 - gamma * $1 }
    if b1.count < horizon { b1.append((w, g)) } else { b2.append((w, g)) }
    guard b2.count == horizon else { return }
    var sum1 = [0.0, 0.0]
    var sum2 = [0.0, 0.0]
    for s in 0..<horizon {
      for i in 0..<2 {
        sum1[i] += b1[s].g[i] * (b1[s].w[i] - b2[s].w[i])
        sum2[i] += b1[s].g[i] * b1[s].g[i]
      }
    }
    alpha = (0..<2).map { sum2[$0] == 0 ? 0 : sum1[$0] / sum2[$0] }
    for p in 0..<planningSteps {
      var direction = g
      if p > 0 || freshFirstProjection { f.gradient(at: w, into: &direction) }
      evaluations += 1
      w = (0..<2).map { w[$0] - alpha[$0] * direction[$0] }
      for _ in 0..<corrections {
        var correction = [0.0, 0.0]
        f.gradient(at: w, into: &correction)
        evaluations += 1
        w = zip(w, correction).map { $0 - gamma * $1 }
      }
    }
    b1 = b2
    b2 = []
  }
}

@Suite struct CsawgTwoBufferTests {
  @Test(arguments: [(1, 1, 0), (2, 1, 0), (3, 1, 0), (10, 1, 0), (2, 5, 10), (10, 5, 10), (4, 2, 3)])
  func ringMatchesTwoBuffersBitForBit(horizon: Int, planningSteps: Int, corrections: Int) throws {
    for projection in ProjectionGradient.allCases {
      let f = try Rosenbrock<Double>()
      var csawg = try Csawg<Double>(
        learningRate: 0.001, horizon: horizon, planningSteps: planningSteps, corrections: corrections,
        projectionGradient: projection)
      var reference = TwoBufferCsawg(
        gamma: 0.001, horizon: horizon, planningSteps: planningSteps, corrections: corrections,
        freshFirstProjection: projection == .fresh)
      var oracle = CountingOracle(f)
      var w: [Double] = [-1, 0]
      var expected: [Double] = [-1, 0]
      var evaluations = 0
      for k in 1...300 {
        csawg.step(&w, oracle: &oracle)
        reference.step(&expected, f, evaluations: &evaluations)
        // Bit patterns, so that runs that diverge to NaN (K = 1 does) compare too.
        let same = w.map(\.bitPattern) == expected.map(\.bitPattern)
        #expect(same, "K=\(horizon) P=\(planningSteps) M=\(corrections) \(projection), iteration \(k)")
        #expect(oracle.gradientEvaluations == evaluations)
        if !same { return }
      }
      #expect(csawg.stepSizes?.map(\.bitPattern) == reference.alpha.map(\.bitPattern))
    }
  }
}
