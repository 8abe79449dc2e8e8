import Descent
import DescentPlot
import DescentProblems
import Foundation

/// The paper's Section 3, the convex problem: Figures 3a, 3b and 4.
extension PaperFigures {

  static func figure3a(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let n = PaperRuns.convexIterations
    var series = [
      errorSeries(try runs.convexGD(), "GD γ=0.00099", .gd, axis: .iterations, limit: n),
      errorSeries(
        try runs.convexNesterov(), "Nesterov", .nesterov, axis: .iterations, limit: n),
      errorSeries(
        try runs.convexHeavyBall(), "heavy ball", .heavyBall, axis: .iterations, limit: n),
    ]
    for k in [2, 10, 100, 1000] {
      series.append(
        errorSeries(try runs.convexCsawg(horizon: k), "Csawg K\(k)", .csawg(horizon: k), axis: .iterations, limit: n))
    }
    return Figure(
      id: "3a", title: "Figure 3a. Convex problem: error of GD, Nesterov, heavy ball and Csawg",
      caption:
        "f(w) = ½wᵀQw, Q = diag(1000, 1), w0 = (−1, 2). GD γ = 0.00099; Csawg γ = 0.0009 (Algorithm 1). The paper gives no constants for Nesterov and heavy ball; used here: Nesterov step 1/L and momentum (√L−√μ)/(√L+√μ), heavy ball α = 4/(√L+√μ)² and p = ((√L−√μ)/(√L+√μ))², L = 1000, μ = 1. Errors below 1e-16, and exact zeros, are drawn at the bottom edge.",
      panels: [
        Panel(
          title: "‖w − w*‖ against iterations", xLabel: "iteration", yLabel: "‖w − w*‖", yScale: .logarithmic,
          xDomain: 0...Double(n), yDomain: 1e-16...10, series: series)
      ])
  }

  static func figure3b(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let run = try runs.convexCsawg(horizon: 10)
    let rows = (run.trace?.rows ?? []).filter { $0.iteration <= 400 }
    let path = Series(
      "Csawg K10 iterates", x: rows.map { $0.weights[0] }, y: rows.map { $0.weights[1] },
      color: Line.csawg(horizon: 10).color)
    let dots = Series(
      "Csawg K10 iterates (dots)", legend: nil, x: path.x, y: path.y, color: Line.csawg(horizon: 10).color, style: .dots
    )
    let (xr, yr) = (-1.1...0.2, -0.2...2.2)
    return Figure(
      id: "3b", title: "Figure 3b. Convex problem: Csawg K10 update trace",
      caption:
        "The first 400 iterates of Csawg K10 (γ = 0.0009) from (−1, 2). Dots are the gradient steps; the long straight segments are the planning jumps every 10 iterations from iteration 20. Contours of f at 10^k/2, k = −6 … 6.",
      panels: [
        Panel(
          title: "iterates over the level sets of f", xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [path, dots], contours: convexContours(x: xr, y: yr))
      ])
  }

  static func figure4(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    var panels: [Panel] = []
    for component in 0..<2 {
      var series: [Series] = []
      for k in [2, 10, 100, 1000] {
        series.append(
          stepSizeSeries(try runs.convexCsawg(horizon: k), component: component, "Csawg K\(k)", .csawg(horizon: k)))
      }
      panels.append(
        Panel(
          title: component == 0
            ? "α(1), the stiff component (curvature 1000)" : "α(2), the slow component (curvature 1)",
          xLabel: "iteration", yLabel: "step-size", yScale: .logarithmic,
          xDomain: 0...Double(PaperRuns.convexIterations),
          yDomain: logFitted(series), series: series))
    }
    return Figure(
      id: "4", title: "Figure 4. Convex problem: step-sizes learned by Csawg",
      caption:
        "α after each planning event, Csawg γ = 0.0009, K = 2, 10, 100, 1000. The paper's \"α(1)\", which rises to 1, is the slow component, here α(2) (w2 has curvature 1). Zero step-sizes (after convergence, or where the squared gradients underflow) are drawn at the bottom edge of the logarithmic axis.",
      panels: panels)
  }
}
