import Descent
import DescentPlot
import DescentProblems
import Foundation

/// The paper's Section 4, repeated planning: Figures 7a, 7b, 8 and 9.
extension PaperFigures {

  static func figure7a(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    var series: [Series] = []
    var landings: [String] = []
    for k in [2, 10, 100] {
      let run = try runs.rosenbrockRepeated(horizon: k)
      series.append(
        errorSeries(
          run, "Csawg-p5 K\(k)", .repeated(horizon: k), axis: .iterations, limit: PaperRuns.repeatedIterations))
      if let landed = landing(run, "K\(k)", first: landings.isEmpty) { landings.append(landed) }
    }
    return Figure(
      id: "7a", title: "Figure 7a. Rosenbrock: repeated planning",
      caption:
        "Csawg with P = 5 projections per planning event, each followed by M = 10 gradient steps (γ = 0.001), K = 2, 10, 100, from (−1, 0); the first 1,000 iterations. A line ends where w lands exactly on (1, 1): "
        + (landings.isEmpty
          ? "none within \(PaperRuns.repeatedIterations) iterations" : landings.joined(separator: ", "))
        + ".",
      panels: [
        Panel(
          title: "‖w − w*‖ against iterations", xLabel: "iteration", yLabel: "‖w − w*‖", yScale: .logarithmic,
          xDomain: 0...Double(PaperRuns.repeatedIterations), yDomain: 1e-16...10, series: series)
      ])
  }

  /// Where a run of repeated planning landed exactly on w*, as measured: the
  /// gradient evaluations and the iteration counted from 0, as the paper counts (the
  /// units spelled out the first time); nil when it did not land.
  static func landing(_ run: MinimizationResult<Double>, _ label: String, first: Bool) -> String? {
    guard run.termination == .errorTolerance else { return nil }
    let (evaluations, iteration) = (run.gradientEvaluations, run.iterations - 1)
    return first
      ? "\(label) after \(evaluations) gradient evaluations (iteration \(iteration) counted from 0)"
      : "\(label) after \(evaluations) (iteration \(iteration))"
  }

  static func figure7b(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let run = try runs.rosenbrockRepeated(horizon: 2)
    let (xr, yr) = (-1.5...1.5, -0.5...1.5)
    let path = iterateSeries(run, every: 1, "Csawg-p5 K2 iterates", .repeated(horizon: 2), style: .line)
    return Figure(
      id: "7b", title: "Figure 7b. Rosenbrock: update trace of Csawg-p5 K2",
      caption:
        "Every iterate of the main loop of Csawg with P = 5, M = 10, K = 2, γ = 0.001, from (−1, 0) to (1, 1), on contours of f at 10^(k/2), k = −4 … 6.",
      panels: [
        Panel(
          title: "iterates of the main loop", xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [
            path,
            Series(
              "Csawg-p5 K2 iterates (dots)", legend: nil, x: path.x, y: path.y, color: path.color, style: .dots),
          ],
          contours: rosenbrockContours(x: xr, y: yr))
      ])
  }

  static func figure8(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    var panels: [Panel] = []
    for component in 0..<2 {
      var series: [Series] = []
      for k in [2, 10, 100] {
        series.append(
          stepSizeSeries(
            try runs.rosenbrockRepeated(horizon: k), component: component, "Csawg-p5 K\(k)", .repeated(horizon: k)))
      }
      panels.append(
        Panel(
          title: "α(\(component + 1))", xLabel: "iteration", yLabel: "step-size",
          xDomain: 0...Double(PaperRuns.repeatedIterations), yDomain: -1...3, series: series))
    }
    return Figure(
      id: "8", title: "Figure 8. Rosenbrock: step-sizes of repeated planning",
      caption:
        "α after each planning event of Csawg with P = 5, M = 10, γ = 0.001, K = 2, 10, 100, until w reaches (1, 1).",
      panels: panels)
  }

  /// The Figure 9 methods: each family's runs over the paper's grid.
  static func figure9Families(_ runs: inout PaperRuns) throws(DescentError)
    -> [(family: String, line: Line, members: [(label: String, result: MinimizationResult<Double>)])]
  {
    typealias Member = (label: String, result: MinimizationResult<Double>)
    var families: [(String, Line, [Member])] = []
    families.append(("GD γ=0.001", .gd, [("GD γ=0.001", try runs.rosenbrockGD(learningRate: 0.001))]))
    families.append(
      (
        "Csawg K2", .csawg(horizon: 2),
        [("Csawg K2 γ=0.001", try runs.rosenbrockCsawg(horizon: 2, learningRate: 0.001))]
      ))
    families.append(("Csawg-p5 K2", .repeated(horizon: 2), [("Csawg-p5 K2", try runs.rosenbrockRepeated(horizon: 2))]))
    var heavyBall: [Member] = []
    for p in [0.8, 0.9] {
      let label = "heavy ball α=0.0015 p=\(p)"
      heavyBall.append(
        (
          label,
          try runs.comparison(label) { () throws(DescentError) in
            try HeavyBall<Double>(learningRate: 0.0015, momentum: p)
          }
        ))
    }
    families.append(("heavy ball", .heavyBall, heavyBall))
    var rmsprop: [Member] = []
    for alpha in [0.0005, 0.001, 0.0015, 0.01] {
      for beta in [0.8, 0.9, 0.99] {
        let label = "RMSprop α=\(alpha) β=\(beta)"
        rmsprop.append(
          (
            label,
            try runs.comparison(label) { () throws(DescentError) in
              try RMSprop<Double>(learningRate: alpha, decay: beta)
            }
          ))
      }
    }
    families.append(("RMSprop", .rmsprop, rmsprop))
    var adam: [Member] = []
    for alpha in [0.005, 0.01] {
      for beta1 in [0.9, 0.99, 0.999] {
        for beta2 in [0.99, 0.999, 0.9999] {
          let label = "Adam α=\(alpha) β1=\(beta1) β2=\(beta2)"
          adam.append(
            (
              label,
              try runs.comparison(label) { () throws(DescentError) in
                try Adam<Double>(learningRate: alpha, beta1: beta1, beta2: beta2)
              }
            ))
        }
      }
    }
    families.append(("Adam", .adam, adam))
    return families
  }

  /// A family of many settings is drawn as its best setting (the lowest error at the
  /// budget) over the band its settings span; a family of one, as its line.
  static func figure9(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    var bands: [Series] = []
    var lines: [Series] = []
    for family in try figure9Families(&runs) {
      let members = family.members.map {
        errorSeries($0.result, $0.label, family.line, axis: .evaluations, limit: PaperRuns.comparisonEvaluations)
      }
      let finalError = { (s: Series) in s.y.last(where: { !$0.isNaN }) ?? .infinity }
      let best = members.indices.min { finalError(members[$0]) < finalError(members[$1]) }!
      var line = members[best]
      line.lineWidth = family.members.count == 1 ? 1.8 : 1.5
      if members.count > 1 {
        let label = family.members[best].label
        let setting = label.hasPrefix(family.family + " ") ? String(label.dropFirst(family.family.count + 1)) : label
        line.legend = "\(family.family), best of \(members.count): \(setting)"
        let (x, lower, upper) = envelope(members)
        bands.append(
          Series(
            "\(family.family): range of its \(members.count) settings", x: x, y: upper, color: family.line.color,
            style: .band(lower: lower)))
      }
      lines.append(line)
    }
    return Figure(
      id: "9", title: "Figure 9. Rosenbrock: Csawg against momentum and gradient normalisation",
      caption:
        "From (−1, 0), 10,000 gradient evaluations. Each family over the paper's grid: its best setting (lowest error at the end) as a line, over the band every setting spans: heavy ball α = 0.0015, p ∈ {0.8, 0.9}; RMSprop α ∈ {0.0005, 0.001, 0.0015, 0.01} × β ∈ {0.8, 0.9, 0.99}; Adam α ∈ {0.005, 0.01} × β1 ∈ {0.9, 0.99, 0.999} × β2 ∈ {0.99, 0.999, 0.9999}; GD γ = 0.001; Csawg K2 γ = 0.001; Csawg-p5 K2 (P = 5, M = 10). The CSV holds the lines and the bands' edges. Exact zeros are drawn at the bottom edge.",
      panels: [
        Panel(
          title: "‖w − w*‖ against gradient evaluations", xLabel: "gradient evaluations", yLabel: "‖w − w*‖",
          yScale: .logarithmic, xDomain: 0...Double(PaperRuns.comparisonEvaluations), yDomain: 1e-16...10,
          series: bands + lines.reversed())
      ])
  }

  /// The lowest and the highest of `members` at each x any of them has, a member that
  /// ended early held at its last value; in buckets of consecutive x (the lowest and
  /// highest in each, at its first x) so that a band has at most about 1,000 points.
  static func envelope(_ members: [Series]) -> (x: [Double], lower: [Double], upper: [Double]) {
    let xs = Array(Set(members.flatMap(\.x))).sorted()
    let bucket = max(1, (xs.count + 999) / 1000)
    var (x, lower, upper) = ([Double](), [Double](), [Double]())
    var positions = [Int](repeating: 0, count: members.count)
    for (index, at) in xs.enumerated() {
      var values: [Double] = []
      for (m, member) in members.enumerated() {
        while positions[m] + 1 < member.x.count && member.x[positions[m] + 1] <= at { positions[m] += 1 }
        if member.y.indices.contains(positions[m]), !member.y[positions[m]].isNaN {
          values.append(member.y[positions[m]])
        }
      }
      guard let low = values.min(), let high = values.max() else { continue }
      if index % bucket == 0 || x.isEmpty {
        x.append(at)
        lower.append(low)
        upper.append(high)
      } else {
        lower[lower.count - 1] = min(lower[lower.count - 1], low)
        upper[upper.count - 1] = max(upper[upper.count - 1], high)
      }
    }
    return (x, lower, upper)
  }
}
