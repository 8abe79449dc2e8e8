import Descent
import DescentPlot
import DescentProblems
import Foundation

/// Beyond the paper: Figure S1, the paper's Csawg and the safeguarded planner on coupled problems.
extension PaperFigures {

  static func figureS1(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let n = PaperRuns.beyondEvaluations
    var panels: [Panel] = []
    for problem in PaperRuns.CoupledProblem.allCases {
      var series: [Series] = []
      for method in PaperRuns.CoupledMethod.allCases {
        let result = try runs.coupled(problem, method)
        let ending = result.termination.isFailure ? " (ends non-finite)" : ""
        series.append(
          errorSeries(
            result, method.rawValue + ending, method.line, axis: .evaluations, limit: n))
      }
      panels.append(
        Panel(
          title: problem.rawValue, xLabel: "gradient evaluations", yLabel: "‖w − w*‖", yScale: .logarithmic,
          xDomain: 0...Double(n), yDomain: 1e-10...1e3, series: series))
    }
    return Figure(
      id: "S1", title: "Figure S1 (beyond the paper). Coupled problems: the paper's Csawg and the safeguarded planner",
      caption:
        "γ = 0.001 for every method (the paper's Rosenbrock rate; 1/L on the quadratic). Csawg (red): the paper's Algorithm 1 (K = 2, solid) and Algorithm 2 (K = 2, P = 5, M = 10, dashed); a run that ends on a non-finite number stops where its last finite iterate was. The safeguarded planner (black, csawg-safeguarded, docs/planning.md) at its defaults (solid), and with P = 5, M = 10 (dashed). Each run gets 10,000 gradient evaluations. Values beyond the axis (a run that grows past 10³, or one that reaches below 10⁻¹⁰) are drawn at its edge.",
      panels: panels)
  }
}

extension PaperRuns.CoupledMethod {
  var line: PaperFigures.Line {
    switch self {
    case .gd: .gd
    case .csawg: .csawg(horizon: 2)
    case .csawgRepeated: .repeated(horizon: 2)
    case .safeguarded: .safeguarded
    case .safeguardedRepeated: .safeguardedRepeated
    }
  }
}
