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
      // The methods every page draws, in the colours they have on every page.
      case .gd: SeriesLooks.methodColors["gd"]!
      case .gdBestHere: "#444444"
      case .nesterov: SeriesLooks.methodColors["nesterov"]!
      case .heavyBall: SeriesLooks.methodColors["heavy-ball"]!
      case .rmsprop: SeriesLooks.methodColors["rmsprop"]!
      case .adam: SeriesLooks.methodColors["adam"]!
      case .safeguarded, .safeguardedRepeated: SeriesLooks.methodColors["csawg-safeguarded"]!
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

  /// The range of the series' finite values, and a twentieth of it on each side.
  static func fitted(_ series: [Series]) -> ClosedRange<Double> {
    let values = series.flatMap(\.y).filter(\.isFinite)
    guard let low = values.min(), let high = values.max() else { return -1...1 }
    let margin = high > low ? (high - low) / 20 : max(abs(high) / 20, 1e-12)
    return (low - margin)...(high + margin)
  }

  /// A logarithmic axis fitted to the series' positive values, widened to whole decades; zeros are
  /// drawn at its bottom edge.
  static func logFitted(_ series: [Series]) -> ClosedRange<Double> {
    let values = series.flatMap(\.y).filter { $0.isFinite && $0 > 0 }
    guard let low = values.min(), let high = values.max() else { return 1e-16...1 }
    let bottom = (log10(low)).rounded(.down)
    let top = max((log10(high)).rounded(.up), bottom + 1)
    return pow(10, bottom)...pow(10, top)
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
}
