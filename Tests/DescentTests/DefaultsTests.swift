import Descent
import DescentProblems
import Foundation
import Testing

/// Every method's defaults, as its initialiser gives them, in Float as in Double:
/// they equal the catalog's, and they make progress. A default tuned to one
/// precision (L-BFGS's ftol was 1e7·ε: 1.19 in Float, which ended every run after
/// one iteration) shows up here.
@Suite struct DefaultsTests {
  /// Every cataloged type; each wrapper, which the catalog builds around other methods,
  /// around its default inner method.
  static func everyType<S: DescentFloat>(_: S.Type) -> [any CatalogedOptimizer<S>.Type] {
    OptimizerCatalog.listed(S.self)
  }

  @Test func initialiserDefaultsAreTheTables() throws {
    for type in Self.everyType(Float.self) { try expectTableDefaults(type) }
    for type in Self.everyType(Double.self) { try expectTableDefaults(type) }
  }

  func expectTableDefaults<T: CatalogedOptimizer>(_: T.Type) throws {
    let entry = T.catalogEntry
    let initialised = try entry.defaults()
    #expect(entry.notAtDefault(initialised).isEmpty, "\(entry.name) in \(T.Scalar.self): initialiser differs")
    // Each default, written as the table shows it, reads back to the same method.
    let written = Dictionary(uniqueKeysWithValues: entry.settings.map { ($0.name, $0.defaultText) })
    let read = try T(settings: written)
    #expect(entry.notAtDefault(read).isEmpty, "\(entry.name) in \(T.Scalar.self): \(written) reads back otherwise")
    #expect(try encoded(read) == encoded(initialised), "\(entry.name) in \(T.Scalar.self)")
  }

  func encoded(_ optimizer: any Optimizer) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return String(decoding: try encoder.encode(optimizer), as: UTF8.self)
  }

  @Test(arguments: OptimizerCatalog.names)
  func defaultsMakeProgressInBothPrecisions(_ name: String) throws {
    let double = try gap(Double.self, name)
    let float = try gap(Float.self, name)
    #expect(double.termination.isFailure == false, "\(name) in Double: \(double.termination)")
    #expect(float.termination.isFailure == false, "\(name) in Float: \(float.termination)")
    // Progress: f − f* at most half its start.
    #expect(double.ratio <= 0.5, "\(name) in Double kept \(double.ratio) of f − f*")
    #expect(float.ratio <= 0.5, "\(name) in Float kept \(float.ratio) of f − f*")
    // Float gets as far as Double, to within Float's resolution of this gap.
    #expect(float.ratio <= max(10 * double.ratio, 1e-4), "\(name): Float \(float.ratio), Double \(double.ratio)")
  }

  /// (f(w) − f*) / (f(w₀) − f*) after 2,000 iterations of the initialiser's defaults.
  func gap<S: DescentFloat>(_: S.Type, _ name: String) throws -> (ratio: Double, termination: Termination) {
    let problem = try Quadratic<S>(curvature: .diagonal([1, 2, 0.5]), linear: [0.5, -1, 0.25])
    let start: [S] = [-1, 2, 0.5]
    let optimizer = try OptimizerCatalog.make(name, as: S.self)
    let result = try minimize(problem, from: start, with: optimizer, until: .init(maxIterations: 2_000))
    let minimum = Double(problem.minimum!)
    let ratio = (Double(result.value) - minimum) / (Double(problem.value(at: start)) - minimum)
    return (ratio, result.termination)
  }
}
