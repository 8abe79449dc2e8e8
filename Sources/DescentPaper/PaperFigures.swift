import Descent
import DescentPlot
import DescentProblems
import Foundation

/// One of the report's figures: the paper's, by their numbers in the paper, and S1,
/// beyond the paper, the safeguarded planner beside the paper's Csawg.
public enum PaperFigure: String, CaseIterable, Sendable {
  case figure2 = "2"
  case figure3a = "3a"
  case figure3b = "3b"
  case figure4 = "4"
  case figure5a = "5a"
  case figure5b = "5b"
  case figure6 = "6"
  case figure7a = "7a"
  case figure7b = "7b"
  case figure8 = "8"
  case figure9 = "9"
  case safeguarded = "S1"
}

/// The paper's figures, made from ``PaperRuns``.
public enum PaperFigures {
  /// The figure ids, in the paper's order.
  public static var ids: [String] { PaperFigure.allCases.map(\.rawValue) }

  /// Makes figure `id` (one of ``ids``).
  public static func make(_ id: String, runs: inout PaperRuns) throws(DescentError) -> Figure {
    guard let figure = PaperFigure(rawValue: id) else { throw .unknownName(kind: "figure", name: id, known: ids) }
    return try make(figure, runs: &runs)
  }

  /// Makes `figure`.
  public static func make(_ figure: PaperFigure, runs: inout PaperRuns) throws(DescentError) -> Figure {
    switch figure {
    case .figure2: try figure2(&runs)
    case .figure3a: try figure3a(&runs)
    case .figure3b: try figure3b(&runs)
    case .figure4: try figure4(&runs)
    case .figure5a: try figure5a(&runs)
    case .figure5b: try figure5b(&runs)
    case .figure6: try figure6(&runs)
    case .figure7a: try figure7a(&runs)
    case .figure7b: try figure7b(&runs)
    case .figure8: try figure8(&runs)
    case .figure9: try figure9(&runs)
    case .safeguarded: try figureS1(&runs)
    }
  }

  static let palette = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
  ]

  /// A method's line, drawn alike in every figure of the page: GD grey, Csawg a colour
  /// for each horizon K (repeated planning, Csawg-p5, the same colour dashed), the
  /// safeguarded planner black, the peers their own colours.
  enum Line {
    case gd, gdBestHere, nesterov, heavyBall, rmsprop, adam, safeguarded, safeguardedRepeated
    case csawg(horizon: Int)
    case repeated(horizon: Int)

    var color: String {
      switch self {
      case .gd: palette[8]
      case .gdBestHere: "#444444"
      case .nesterov: palette[0]
      case .heavyBall: palette[5]
      case .rmsprop: palette[9]
      case .adam: palette[7]
      case .safeguarded, .safeguardedRepeated: "#000000"
      case .csawg(let k), .repeated(let k): Self.horizonColors[k] ?? palette[6]
      }
    }

    var style: Series.Style {
      switch self {
      case .gdBestHere, .nesterov, .heavyBall, .repeated, .safeguardedRepeated: .dashed
      default: .line
      }
    }

    /// K = 3 (Figure 2's events) and any other K: brown.
    static let horizonColors = [2: palette[1], 5: palette[4], 10: palette[2], 100: palette[3], 1000: palette[6]]
  }

  enum Axis { case iterations, evaluations }

  /// ‖w − w*‖ against iterations or cumulative gradient evaluations, up to `limit`.
  static func errorSeries(
    _ result: MinimizationResult<Double>, _ label: String, _ line: Line, style: Series.Style? = nil, axis: Axis,
    limit: Int
  ) -> Series {
    let rows = (result.trace?.rows ?? []).filter {
      (axis == .iterations ? $0.iteration : $0.gradientEvaluations) <= limit
    }
    return Series(
      label, x: rows.map { Double(axis == .iterations ? $0.iteration : $0.gradientEvaluations) },
      y: rows.map { $0.error ?? .nan }, color: line.color, style: style ?? line.style)
  }

  /// Step-size component `index` against iterations, where the optimizer has one.
  static func stepSizeSeries(_ result: MinimizationResult<Double>, component index: Int, _ label: String, _ line: Line)
    -> Series
  {
    let rows = (result.trace?.rows ?? []).filter { $0.stepSizes != nil }
    return Series(
      label, x: rows.map { Double($0.iteration) }, y: rows.map { $0.stepSizes![index] }, color: line.color,
      style: line.style)
  }

  /// Every `every`-th iterate (and the last) as a series.
  static func iterateSeries(
    _ result: MinimizationResult<Double>, every: Int, _ label: String, _ line: Line, style: Series.Style
  )
    -> Series
  {
    let rows = result.trace?.rows ?? []
    let picked = rows.enumerated().filter { $0.offset % every == 0 || $0.offset == rows.count - 1 }.map(\.element)
    return Series(
      label, x: picked.map { $0.weights[0] }, y: picked.map { $0.weights[1] }, color: line.color, style: style)
  }

  static func rosenbrockContours(x: ClosedRange<Double>, y: ClosedRange<Double>) -> [ContourSegment] {
    let f = try! Rosenbrock<Double>()
    return Contour.segments(
      of: { a, b in f.value(at: [a, b]) }, x: x, y: y, levels: Contour.logarithmicLevels(from: -2, to: 3))
  }

  static func convexContours(x: ClosedRange<Double>, y: ClosedRange<Double>) -> [ContourSegment] {
    let f = Quadratic<Double>.paperConvex
    return Contour.segments(
      of: { a, b in f.value(at: [a, b]) }, x: x, y: y, levels: Contour.logarithmicLevels(from: -3, to: 3))
  }

  // MARK: Section 3: planning events (Figure 2).

  /// What one planning event of Csawg with repeated planning did.
  struct PlanningEvent {
    /// The main-loop iterates before the event, w₀ … w_k.
    var iterates: [[Double]]
    /// (from, to) of each projection.
    var projections: [([Double], [Double])]
    /// The points after each correction step.
    var corrections: [[Double]]
  }

  /// Runs Csawg K3 (P = 5, M = 10, γ = 0.001) on Rosenbrock and records the
  /// planning events at `iterations` from the points the oracle evaluated.
  static func planningEvents(at iterations: [Int]) throws(DescentError) -> [PlanningEvent] {
    let (planning, corrections) = (5, 10)
    var csawg = try Csawg<Double>(learningRate: 0.001, horizon: 3, planningSteps: planning, corrections: corrections)
    let log = PointLog()
    var oracle = CountingOracle(RecordingObjective(try Rosenbrock<Double>(), log: log))
    var w = PaperRuns.rosenbrockStart
    var iterates = [w]
    var events: [PlanningEvent] = []
    for k in 1...(iterations.max() ?? 0) {
      log.recording = iterations.contains(k)
      log.points = []
      csawg.step(&w, oracle: &oracle)
      if log.recording {
        // Evaluated: w_{k−1}; then per projection the point before it and the M
        // points after the projection and after corrections 1 … M−1.
        let points = log.points
        let block = 1 + corrections
        var event = PlanningEvent(iterates: iterates, projections: [], corrections: [])
        for p in 0..<planning {
          let start = 1 + p * block
          event.projections.append((points[start], points[start + 1]))
          event.corrections += Array(points[(start + 2)..<(start + block)])
          event.corrections.append(p + 1 < planning ? points[start + block] : w)
        }
        event.iterates.append(points[1])
        events.append(event)
      }
      iterates.append(w)
    }
    return events
  }

  static func figure2(_ runs: inout PaperRuns) throws(DescentError) -> Figure {
    let events = try planningEvents(at: [12, 15])
    var panels: [Panel] = []
    for (index, event) in events.enumerated() {
      let all = event.iterates + event.projections.flatMap { [$0.0, $0.1] } + event.corrections
      let (xs, ys) = (all.map { $0[0] }, all.map { $0[1] })
      let padX = max(0.05, (xs.max()! - xs.min()!) * 0.1)
      let padY = max(0.05, (ys.max()! - ys.min()!) * 0.1)
      let xr = (xs.min()! - padX)...(xs.max()! + padX)
      let yr = (ys.min()! - padY)...(ys.max()! + padY)
      let f = try Rosenbrock<Double>()
      panels.append(
        Panel(
          title: index == 0 ? "third planning event (iteration 12)" : "fourth planning event (iteration 15)",
          xLabel: "w1", yLabel: "w2", xDomain: xr, yDomain: yr,
          series: [
            Series(
              "main-loop iterates", x: event.iterates.map { $0[0] }, y: event.iterates.map { $0[1] }, color: palette[1],
              style: .dots),
            Series(
              "projections", x: event.projections.flatMap { [$0.0[0], $0.1[0]] },
              y: event.projections.flatMap { [$0.0[1], $0.1[1]] },
              color: palette[2], style: .arrows),
            Series(
              "projected points", x: event.projections.map { $0.1[0] }, y: event.projections.map { $0.1[1] },
              color: "#000", style: .squares),
            Series(
              "corrections", x: event.corrections.map { $0[0] }, y: event.corrections.map { $0[1] }, color: "#d0d",
              style: .crosses),
          ],
          contours: Contour.segments(
            of: { a, b in f.value(at: [a, b]) }, x: xr, y: yr,
            levels: Contour.logarithmicLevels(from: -2, to: 3, perDecade: 4))))
    }
    return Figure(
      id: "2", title: "Figure 2 (middle and right). Two successive planning events of Csawg K3",
      caption:
        "Csawg with K = 3, P = 5 projections, M = 10 corrections, γ = 0.001, on Rosenbrock from (−1, 0): the planning events at iterations 12 and 15. Red dots: main-loop iterates up to the event; green arrows: the projections w ← w − α ⊙ ∇f(w); black squares: the projected points; magenta crosses: the points after each correction step. Contours at 10^(k/4).",
      panels: panels)
  }

  // MARK: Section 3: the convex problem.

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
          yDomain: component == 0 ? 1e-6...1e-2 : 1e-4...2, series: series))
    }
    return Figure(
      id: "4", title: "Figure 4. Convex problem: step-sizes learned by Csawg",
      caption:
        "α after each planning event, Csawg γ = 0.0009, K = 2, 10, 100, 1000. The paper's \"α(1)\", which rises to 1, is the slow component, here α(2) (w2 has curvature 1). Zero step-sizes (after convergence, or where the squared gradients underflow) are drawn at the bottom edge of the logarithmic axis.",
      panels: panels)
  }

  // MARK: Section 3: Rosenbrock.

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

  /// The range of the series' finite values, and a twentieth of it on each side.
  static func fitted(_ series: [Series]) -> ClosedRange<Double> {
    let values = series.flatMap(\.y).filter(\.isFinite)
    guard let low = values.min(), let high = values.max() else { return -1...1 }
    let margin = high > low ? (high - low) / 20 : max(abs(high) / 20, 1e-12)
    return (low - margin)...(high + margin)
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

  // MARK: Section 4: repeated planning.

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

  // MARK: Beyond the paper.

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
        "γ = 0.001 for every method (the paper's Rosenbrock rate; 1/L on the quadratic). Csawg (red): the paper's Algorithm 1 (K = 2, solid) and Algorithm 2 (K = 2, P = 5, M = 10, dashed); a run that ends on a non-finite number stops where its last finite iterate was. The safeguarded planner (black, csawg-safeguarded, docs/planning.md) at its defaults (solid), and with P = 5, M = 10 (dashed). Each run gets 10,000 gradient evaluations.",
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
