import Descent
import DescentProblems
import Foundation
import Testing

/// The README's examples, so they keep compiling and saying what they claim, and the
/// methods table of docs/methods.md, so it keeps naming every cataloged method.
@Suite struct ReadmeExampleTests {
  struct Sphere: Objective {
    let dimension = 3
    func value(at w: UnsafeBufferPointer<Double>) -> Double { w.reduce(0) { $0 + $1 * $1 } }
    func gradient(at w: UnsafeBufferPointer<Double>, into g: UnsafeMutableBufferPointer<Double>) {
      for i in 0..<dimension { g[i] = 2 * w[i] }
    }
    var minimizer: [Double]? { [0, 0, 0] }
  }

  @Test func libraryExample() throws {
    let rosenbrock = try Rosenbrock<Double>()
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: 2, planningSteps: 5, corrections: 10)
    let result = try minimize(
      rosenbrock, from: [-1, 0], using: &csawg,
      until: StoppingRules(maxIterations: 1_000, errorTolerance: 0))
    #expect("\(result.termination)" == "converged: ‖w − w*‖ within tolerance")
    #expect(result.gradientEvaluations == 458)
    #expect(result.minimizer == [1.0, 1.0])
  }

  @Test func ownObjective() throws {
    var gd = try GradientDescent<Double>(learningRate: 0.25)
    let result = try minimize(Sphere(), from: [1, -2, 3], using: &gd, until: .init(errorTolerance: 1e-12))
    #expect(result.termination == .errorTolerance)
  }

  /// The methods table (docs/methods.md, the section "The methods") names every cataloged
  /// method, and nothing else.
  @Test func methodsTableMatchesTheCatalog() throws {
    let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/methods.md")
    let text = try String(contentsOf: page, encoding: .utf8)
    let section = try #require(
      text.components(separatedBy: "\n## The methods\n").last?.components(separatedBy: "\n## ").first)
    // Rows start `| \`name\`` (several names share a row: `| \`sgd-hd\`, \`adam-hd\` |`).
    var names: [String] = []
    for line in section.split(separator: "\n") where line.hasPrefix("| `") {
      let cell = line.dropFirst(2).prefix { $0 != "|" }
      names += cell.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `")) }
    }
    #expect(names.sorted() == OptimizerCatalog.names.sorted())
  }
}
