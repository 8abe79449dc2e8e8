import Descent
import DescentProblems
import Foundation
import PropertyBased
import Testing

/// Properties of every method under generated inputs (x-sheep/swift-property-based):
/// hyperparameters at and past their limits never trap, a checkpoint taken at any
/// iteration resumes bit for bit, and no run spends more than its budget.
@Suite struct PropertyTests {
  static let names = OptimizerCatalog.names
  static let quadratic = try! Quadratic<Double>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
  static let start: [Double] = [-1, 2, 0.5]

  /// Values a hyperparameter may be given: in range, on its limits, past them,
  /// huge, tiny, not finite, not a number. Index `values.count` leaves it at its default.
  static let values = [
    "0", "-1", "1", "0.5", "0.9", "2", "1e-3", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf",
    "9223372036854775807", "-9223372036854775808", "1000000000", "0.99999999999999999", "increasing", "problem",
    "adam", "csawg", "fresh", "momentum", "x", "",
  ]

  /// The settings chosen by `picks`, one pick per hyperparameter of `name`.
  static func settings(_ name: String, _ picks: [Int]) -> [String: String] {
    let names = OptimizerCatalog.listed(Double.self).first { $0.catalogName == name }!.settingNames
    var settings: [String: String] = [:]
    for (setting, pick) in zip(names, picks) where pick < values.count {
      settings[setting] = values[pick]
    }
    return settings
  }

  @Test func randomHyperparametersNeverTrap() async {
    await propertyCheck(
      count: 400, input: Gen.int(in: 0..<Self.names.count), Gen.int(in: 0...Self.values.count).array(of: 12)
    ) { index, picks in
      let name = Self.names[index]
      let settings = Self.settings(name, picks)
      // Refused with a typed error, or run within its budget.
      guard let optimizer = try? OptimizerCatalog.make(name, settings: settings, as: Double.self) else { return }
      let rules = StoppingRules<Double>(maxIterations: 50, maxGradientEvaluations: 60, maxValueEvaluations: 60)
      do {
        let result = try minimize(Self.quadratic, from: Self.start, with: optimizer, until: rules, trace: true)
        #expect(result.gradientEvaluations <= 60 && result.valueEvaluations <= 60, "\(name) \(settings)")
      } catch {
        // A typed refusal (memory, f* unknown) is an answer too.
      }
    }
  }

  @Test func checkpointAtAnyIterationResumesBitForBit() async {
    await propertyCheck(count: 150, input: Gen.int(in: 0..<Self.names.count), Gen.int(in: 0...24)) { index, split in
      let optimizer = try! OptimizerCatalog.make(Self.names[index], as: Double.self)
      Self.resumes(optimizer, at: split, name: Self.names[index])
    }
  }

  static func resumes<O: Optimizer<Double>>(_ optimizer: O, at split: Int, name: String) {
    let total = 25
    var straight = optimizer
    guard let whole = try? minimize(quadratic, from: start, using: &straight, until: .init(maxIterations: total)) else {
      Issue.record("\(name) refused the quadratic")
      return
    }
    var first = optimizer
    let half = try! minimize(quadratic, from: start, using: &first, until: .init(maxIterations: split))
    var resumed = try! JSONDecoder().decode(O.self, from: JSONEncoder().encode(first))
    let rest = try! minimize(
      quadratic, from: half.minimizer, using: &resumed, until: .init(maxIterations: whole.iterations - half.iterations))
    #expect(rest.minimizer.map(\.bitPattern) == whole.minimizer.map(\.bitPattern), "\(name) split at \(split)")
  }

  @Test func evaluationsNeverExceedTheBudget() async {
    await propertyCheck(
      count: 300, input: Gen.int(in: 0..<Self.names.count), Gen.int(in: 0...40), Gen.int(in: 0...40),
      Gen.int(in: 0...Self.values.count).array(of: 12)
    ) { index, gradients, values, picks in
      let name = Self.names[index]
      // Settings that keep the method valid but make its steps expensive.
      var settings: [String: String] = [:]
      if name == "csawg" { settings = ["planning-steps": "\(1 + picks[0] % 7)", "corrections": "\(picks[1] % 5)"] }
      if name == "lookahead" { settings = ["inner": ["csawg", "nelder-mead", "lbfgs", "lossgrad"][picks[0] % 4]] }
      let optimizer = try! OptimizerCatalog.make(name, settings: settings, as: Double.self)
      let rules = StoppingRules<Double>(
        maxIterations: 200, maxGradientEvaluations: gradients, maxValueEvaluations: values)
      let result = try! minimize(Self.quadratic, from: Self.start, with: optimizer, until: rules)
      #expect(
        result.gradientEvaluations <= gradients, "\(name) \(settings): \(result.gradientEvaluations) of \(gradients)")
      #expect(result.valueEvaluations <= values, "\(name) \(settings): \(result.valueEvaluations) values of \(values)")
    }
  }
}
