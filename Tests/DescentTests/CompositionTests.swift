import Descent
import DescentProblems
import Foundation
import Testing

/// Methods built from parts: a schedule and a decoupled weight decay around an inner
/// method, and the presets made of them.
@Suite struct CompositionTests {
  static let problem = try! Quadratic<Double>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
  static let start: [Double] = [-1, 2, 0.5]

  func iterates<O: GradientUpdate<Double>>(_ method: O, steps: Int = 30) -> [UInt64] {
    var (method, w) = (method, Self.start)
    var gradient = [Double](repeating: 0, count: w.count)
    for _ in 0..<steps {
      Self.problem.gradient(at: w, into: &gradient)
      method.update(&w, gradient: gradient)
    }
    return w.map(\.bitPattern)
  }

  /// The catalog's `schedule` around `heavy-ball` is `momentum`, bit for bit.
  @Test func scheduleAroundHeavyBallIsMomentum() throws {
    let settings = ["learning-rate": "0.05", "momentum": "0.8", "warmup-steps": "4", "decay-steps": "25"]
    let composed = try OptimizerCatalog.make(
      "schedule", settings: settings.merging(["inner": "heavy-ball"]) { a, _ in a }, as: Double.self)
    let momentum = try Momentum<Double>(learningRate: 0.05, momentum: 0.8, warmupSteps: 4, decaySteps: 25)
    let scheduled = try #require(composed as? Scheduled<HeavyBall<Double>>)
    #expect(iterates(scheduled) == iterates(momentum))
    #expect(scheduled.currentStepSize == momentum.currentStepSize)
  }

  /// AdamW is a schedule around a decoupled decay around Adam; the decay scales with
  /// α and the schedule, α η_t λ w, as torch and optax write it.
  @Test func adamWIsItsParts() throws {
    let adam = try Adam<Double>(learningRate: 0.1)
    let parts = try Scheduled(DecoupledWeightDecay(adam, weightDecay: 0.3), warmupSteps: 3, decaySteps: 20)
    let adamW = try AdamW<Double>(learningRate: 0.1, weightDecay: 0.3, warmupSteps: 3, decaySteps: 20)
    #expect(iterates(parts) == iterates(adamW))
    // Without the decay the parts are Adam on the schedule.
    let plain = try Scheduled(DecoupledWeightDecay(adam, weightDecay: 0), warmupSteps: 3, decaySteps: 20)
    #expect(iterates(plain) == iterates(try Scheduled(adam, warmupSteps: 3, decaySteps: 20)))
    #expect(iterates(plain) != iterates(parts))
    // And the parts are AdamW's formula, written out here: w −= α η_t (m̂/(√v̂ + ε)) + α η_t λ w,
    // the decay on the schedule (to rounding: the bias corrections' powers are libm's here).
    let schedule = try WarmupCosine(warmupSteps: 3, decaySteps: 20)
    var (w, m, v) = (Self.start, [0.0, 0, 0], [0.0, 0, 0])
    var gradient = [Double](repeating: 0, count: w.count)
    for t in 0..<30 {
      Self.problem.gradient(at: w, into: &gradient)
      let eta: Double = schedule.multiplier(at: t)
      let (c1, c2) = (1 - Foundation.pow(0.9, Double(t + 1)), 1 - Foundation.pow(0.999, Double(t + 1)))
      for i in w.indices {
        m[i] = 0.9 * m[i] + 0.1 * gradient[i]
        v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i]
        w[i] -= eta * 0.1 * ((m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)) + eta * (0.1 * 0.3) * w[i]
      }
    }
    let composed = iterates(parts).map(Double.init(bitPattern:))
    #expect(zip(composed, w).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }, "\(composed) against \(w)")
  }

  /// `weight-decay` around `gd` is SGDW: w ← w − α g − α λ w, here written by hand.
  @Test func weightDecayAroundGradientDescentIsSGDW() throws {
    let made = try OptimizerCatalog.make(
      "weight-decay", settings: ["inner": "gd", "learning-rate": "0.1", "weight-decay": "0.5"], as: Double.self)
    let decayed = try #require(made as? DecoupledWeightDecay<GradientDescent<Double>>)
    var w = Self.start
    var gradient = [Double](repeating: 0, count: w.count)
    for _ in 0..<30 {
      Self.problem.gradient(at: w, into: &gradient)
      for i in w.indices { w[i] -= 0.1 * gradient[i] + (1 * (0.1 * 0.5)) * w[i] }
    }
    #expect(iterates(decayed) == w.map(\.bitPattern))
  }

  /// W > 0 with T = 0 is a linear warm-up alone (it was ignored: η = 1 throughout).
  @Test func aWarmUpAloneWarmsUp() throws {
    let schedule = try WarmupCosine(warmupSteps: 4, decaySteps: 0)
    #expect((0..<6).map { schedule.multiplier(at: $0) as Double } == [0, 0.25, 0.5, 0.75, 1, 1])
    let cosine = try WarmupCosine(warmupSteps: 0, decaySteps: 4)
    #expect((cosine.multiplier(at: 2) as Double) == 0.5 && (cosine.multiplier(at: 9) as Double) == 0)
  }

  /// A wrapper refuses an inner method it cannot wrap, naming those it can.
  @Test func aWrapperNamesWhatItCanWrap() {
    #expect(
      throws: DescentError.invalidValue(
        name: "inner", value: "bfgs", expected: "an optimizer schedule can wrap: gd, heavy-ball, adam")
    ) { try OptimizerCatalog.make("schedule", settings: ["inner": "bfgs"], as: Double.self) }
    #expect(
      throws: DescentError.invalidValue(
        name: "inner", value: "heavy-ball", expected: "an optimizer weight-decay can wrap: gd, adam")
    ) { try OptimizerCatalog.make("weight-decay", settings: ["inner": "heavy-ball"], as: Float.self) }
    #expect(
      OptimizerCatalog.settingNames(of: "schedule", inner: "adam") == [
        "inner", "warmup-steps", "decay-steps", "learning-rate", "beta1", "beta2", "epsilon",
      ])
  }
}
