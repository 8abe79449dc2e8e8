import Descent
import DescentPlot
import DescentProblems
import Foundation

/// The paper's Section 3, Rosenbrock: Figures 5a, 5b and 6.
extension PaperFigures {

  static func figure5a(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let n = PaperRuns.rosenbrockEvaluations
    let best = try runs.bestRosenbrockGD()
    var series = [
      errorSeries(
        try runs.rosenbrockGD(learningRate: 0.001), "GD γ=0.001 (the paper's best)", .gd, axis: .evaluations,
        limit: n)
    ]
    if best.learningRate != 0.001 {
      series.append(
        errorSeries(
          best.result, "GD γ=\(best.learningRate) (best here)", .gdBestHere, axis: .evaluations, limit: n))
    }
    for k in [2, 5, 10] {
      for gamma in [0.001, 0.0015] {
        series.append(
          errorSeries(
            try runs.rosenbrockCsawg(horizon: k, learningRate: gamma), "Csawg K\(k) γ=\(gamma)", .csawg(horizon: k),
            style: gamma == 0.001 ? .line : .dotted, axis: .evaluations, limit: n))
      }
    }
    return Figure(
      id: "5a", title: "Figure 5a. Rosenbrock: Csawg against the best gradient descent",
      caption:
        "f(w) = (w1 − 1)² + 100(w2 − w1²)² from (−1, 0). GD over the paper's grid γ ∈ {0.0005, 0.001, 0.0015, 0.002}: the paper's best, 0.001, and, where another has the lowest error after 20,000 evaluations here, that one too. Csawg Algorithm 1, K = 2, 5, 10, γ = 0.001 (solid) and 0.0015 (dotted); the x axis counts gradient evaluations, each projection as one.",
      panels: [
        Panel(
          title: "‖w − w*‖ against gradient evaluations", xLabel: "gradient evaluations", yLabel: "‖w − w*‖",
          yScale: .logarithmic, xDomain: 0...Double(n), yDomain: 1e-10...10, series: series)
      ])
  }

  static func figure5b(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    var series: [Series] = []
    for k in [2, 5, 10] {
      series.append(
        stepSizeSeries(
          try runs.rosenbrockCsawg(horizon: k, learningRate: 0.001), component: 1, "Csawg K\(k)", .csawg(horizon: k)))
    }
    return Figure(
      id: "5b", title: "Figure 5b. Rosenbrock: the step-size α(2) learned by Csawg",
      caption:
        "α(2) after each planning event, Csawg γ = 0.001, K = 2, 5, 10, over the 20,000 evaluations of Figure 5a. Values below zero are negative step-sizes.",
      panels: [
        Panel(
          title: "α(2) against iterations", xLabel: "iteration", yLabel: "α(2)", xDomain: 0...20_000,
          yDomain: fitted(series), series: series)
      ])
  }

  static func figure6(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let (xr, yr) = (-1.5...1.5, -0.5...1.5)
    let contours = rosenbrockContours(x: xr, y: yr)
    let gd = try runs.rosenbrockGD(learningRate: 0.001)
    let csawg = try runs.rosenbrockCsawg(horizon: 10, learningRate: 0.001)
    return Figure(
      id: "6", title: "Figure 6. Rosenbrock: update traces of GD and Csawg K10",
      caption:
        "Every 20th iterate of GD (γ = 0.001) and of Csawg K10 (γ = 0.001) from (−1, 0), over 20,000 gradient evaluations, on contours of f at 10^(k/2), k = −4 … 6.",
      panels: [
        Panel(
          title: "GD", xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [iterateSeries(gd, every: 20, "GD, every 20th", .gd, style: .dots)], contours: contours),
        Panel(
          title: "Csawg K10", xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [iterateSeries(csawg, every: 20, "Csawg K10, every 20th", .csawg(horizon: 10), style: .dots)],
          contours: contours),
      ])
  }
}
