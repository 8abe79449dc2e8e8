import Descent
import DescentProblems
import Foundation
import Testing

@Suite struct CatalogTests {
  /// The defaults `descent list` shows are the defaults of the initialisers.
  @Test func catalogDefaultsMatchInitialisers() throws {
    let csawg = try #require(try OptimizerCatalog.make("csawg", as: Double.self) as? Csawg<Double>)
    let direct = try Csawg<Double>()
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    #expect(try encoder.encode(csawg) == encoder.encode(direct))
    let gd = try #require(try OptimizerCatalog.make("gd", as: Double.self) as? GradientDescent<Double>)
    #expect(gd.learningRate == (try GradientDescent<Double>()).learningRate)
    let rosenbrock = try #require(try ProblemCatalog.make("rosenbrock", as: Double.self) as? Rosenbrock<Double>)
    #expect(rosenbrock.minimizer == [1, 1] && rosenbrock.defaultStart == [-1, 0])
    let quadratic = try #require(try ProblemCatalog.make("quadratic", as: Double.self) as? Quadratic<Double>)
    #expect(quadratic.curvature == Quadratic<Double>.paperConvex.curvature)
    #expect(quadratic.defaultStart == [-1, 2])
  }

  @Test func settingsBuildTheMethod() throws {
    let made = try OptimizerCatalog.make(
      "csawg", settings: ["horizon": "10", "planning-steps": "5", "corrections": "10"], as: Float.self)
    let csawg = try #require(made as? Csawg<Float>)
    #expect(csawg.horizon == 10 && csawg.planningSteps == 5 && csawg.corrections == 10)
    #expect(csawg.projectionGradient == .fresh)
  }

  @Test func badSettingsNameTheValue() {
    let cases: [([String: String], DescentError)] = [
      (["horizon": "0"], .invalidValue(name: "horizon", value: "0", expected: "an integer ≥ 1")),
      (["planning-steps": "0"], .invalidValue(name: "planning-steps", value: "0", expected: "an integer ≥ 1")),
      (["corrections": "-1"], .invalidValue(name: "corrections", value: "-1", expected: "an integer ≥ 0")),
      (["horizon": "2.5"], .invalidValue(name: "horizon", value: "2.5", expected: "an integer ≥ 1")),
      (["learning-rate": "-0.1"], .invalidValue(name: "learning-rate", value: "-0.1", expected: "a finite number > 0")),
      (["learning-rate": "inf"], .invalidValue(name: "learning-rate", value: "inf", expected: "a finite number > 0")),
      (["learning-rate": "nan"], .invalidValue(name: "learning-rate", value: "nan", expected: "a finite number > 0")),
      (["learning-rate": "fast"], .invalidValue(name: "learning-rate", value: "fast", expected: "a finite number > 0")),
      (
        ["momentum": "0.9"],
        .unexpectedParameter(name: "momentum", method: "csawg", accepted: Csawg<Double>.settingNames)
      ),
    ]
    for (settings, error) in cases {
      #expect(throws: error) { try OptimizerCatalog.make("csawg", settings: settings, as: Double.self) }
    }
    #expect(throws: DescentError.unknownName(kind: "optimizer", name: "sgd", known: OptimizerCatalog.names)) {
      try OptimizerCatalog.make("sgd", as: Double.self)
    }
    #expect(throws: DescentError.unknownName(kind: "problem", name: "himmelblau", known: ProblemCatalog.names)) {
      try ProblemCatalog.make("himmelblau", as: Double.self)
    }
  }
}

/// Each method's table of hyperparameters, held to the Swift it describes.
@Suite struct HyperparameterTableTests {
  /// The name a library error gives is the property the key path reaches. (A key
  /// path to a computed property, or to one with an observer, has no name at run time;
  /// those are held by `outOfRangeValuesNameTheProperty` where they can be.)
  @Test func propertiesNameTheirKeyPaths() {
    for type in DefaultsTests.everyType(Double.self) { expectNamedKeyPaths(type) }
  }

  func expectNamedKeyPaths<T: CatalogedOptimizer>(_: T.Type) {
    for setting in T.catalogEntry.settings {
      let path = String(describing: setting.keyPath)
      guard !path.contains("<computed") else { continue }
      #expect(path.hasSuffix(".\(setting.property)"), "\(T.catalogEntry.name): \(path)")
    }
  }

  /// A checkpoint whose hyperparameter is out of range is refused, by decoding or by
  /// `validate`, with the Swift property named; the tool names its own setting. Values
  /// that −1 leaves in range, and those not stored as a number under their own name
  /// (Momentum's, kept by its heavy ball; Nesterov's schedule), are not probed this way.
  @Test func outOfRangeValuesNameTheProperty() throws {
    for type in DefaultsTests.everyType(Double.self) { try expectRefusal(type) }
  }

  func expectRefusal<T: CatalogedOptimizer<Double>>(_: T.Type) throws {
    let entry = T.catalogEntry
    let problem = try Quadratic<Double>(curvature: .diagonal([1, 2]))
    let encoded = try JSONEncoder().encode(try entry.defaults())
    for setting in entry.settings where setting.kind == .real || setting.kind == .integer {
      do {
        _ = try T(settings: [setting.name: "-1"])
        continue  // −1 is allowed
      } catch {
        #expect(error == .invalidValue(name: setting.name, value: "-1", expected: setting.expected))
      }
      var object = try JSONSerialization.jsonObject(with: encoded) as! [String: Any]
      guard object[setting.property] is NSNumber else { continue }
      object[setting.property] = -1
      let data = try JSONSerialization.data(withJSONObject: object)
      let libraryError = #expect(throws: DescentError.self, "\(entry.name).\(setting.property)") {
        try JSONDecoder().decode(T.self, from: data).validate(for: problem)
      }
      guard case .invalidValue(let name, _, _) = libraryError else { continue }
      #expect(name == setting.property, "\(entry.name): \(String(describing: libraryError))")
    }
  }

  @Test func initialisersNameTheProperty() {
    #expect(throws: DescentError.invalidValue(name: "learningRate", value: "-1", expected: "a finite number > 0")) {
      try Adam<Double>(learningRate: -1)
    }
    #expect(throws: DescentError.invalidValue(name: "planningSteps", value: "0", expected: "an integer ≥ 1")) {
      try Csawg<Double>(planningSteps: 0)
    }
    #expect(
      throws: DescentError.invalidValue(name: "maxGradientTolerance", value: "nan", expected: "a finite number ≥ 0")
    ) {
      try LBFGS<Double>(maxGradientTolerance: .nan)
    }
  }
}
