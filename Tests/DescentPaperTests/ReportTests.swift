import Descent
import DescentPaper
import DescentPlot
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct ReportTests {
  /// Parses `text` as XML; returns the error, or nil and the element names.
  func parse(_ text: String) -> (error: Error?, elements: [String]) {
    final class Collector: NSObject, XMLParserDelegate {
      var elements: [String] = []
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) { elements.append(name) }
    }
    let parser = XMLParser(data: Data(text.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    return (ok ? nil : parser.parserError ?? CocoaError(.fileReadCorruptFile), collector.elements)
  }

  static let sample = Figure(
    id: "test", title: "A <test> figure & its \"title\"", caption: "Settings: α = 0.5, K = 2.",
    panels: [
      Panel(
        title: "errors", xLabel: "iteration", yLabel: "‖w − w*‖", yScale: .logarithmic, xDomain: 0...10,
        yDomain: 1e-6...1,
        series: [
          Series("a", x: [0, 5, 10], y: [1, 1e-3, 0], color: "#1f77b4"),
          Series("b", legend: nil, x: [1, 2], y: [0.1, 0.01], color: "#d62728", style: .crosses),
        ],
        contours: Contour.segments(of: { $0 * $0 + $1 * $1 }, x: -1...1, y: -1...1, columns: 8, rows: 8, levels: [0.5])),
      Panel(
        title: "trace", xLabel: "w1", yLabel: "w2", xDomain: -1...1, yDomain: -1...1,
        series: [Series("jumps", x: [0, 0.5, -0.5, 0], y: [0, 0.5, 0, -0.5], color: "#2ca02c", style: .arrows)]),
    ])

  @Test func svgIsWellFormedXML() {
    let (error, elements) = parse(Self.sample.svg)
    #expect(error == nil)
    #expect(elements.first == "svg")
    #expect(elements.contains("path") && elements.contains("text") && elements.contains("clipPath"))
    // The title's markup characters arrive escaped and parse back.
    #expect(Self.sample.svg.contains("A &lt;test&gt; figure &amp; its &quot;title&quot;"))
  }

  @Test func paperFigureIsWellFormedXML() throws {
    var runs = PaperRuns()
    let figure = try PaperFigures.make("7a", runs: &runs)
    #expect(parse(figure.svg).error == nil)
  }

  /// Decades sit at equal spacing, 10⁰ at the top of [1e-16, 1], 1e-16 at the bottom,
  /// and a zero (exact convergence) at the bottom edge.
  @Test func logarithmicAxisPutsDecadesInPlace() {
    let scale = Scale(.logarithmic, domain: 1e-16...1, range: 0...320, inverted: true)
    #expect(scale.position(1) == 0)
    #expect(scale.position(1e-16) == 320)
    #expect(abs(scale.position(1e-8) - 160) < 1e-9)
    #expect(abs(scale.position(1e-4) - 80) < 1e-9)
    #expect(scale.position(0) == 320)
    #expect(scale.position(1e5) == 0)
    let ticks = scale.ticks
    #expect(ticks.allSatisfy { log10($0) == log10($0).rounded() })
    let positions = ticks.map(scale.position)
    let gaps = zip(positions.dropFirst(), positions).map { $0 - $1 }
    #expect(gaps.allSatisfy { abs($0 - gaps[0]) < 1e-9 })
    #expect(scale.label(1e-3) == "10⁻³")
    #expect(Scale(.logarithmic, domain: 1e-3...10, range: 0...100).ticks == [1e-3, 1e-2, 1e-1, 1, 10])
    // An axis of less than two decades gets 1, 2 and 5 × 10ⁿ, so that it has a scale.
    let short = Scale(.logarithmic, domain: 1.35...1.98, range: 0...100)
    #expect(short.ticks.isEmpty == false && short.ticks.allSatisfy { short.domain.contains($0) })
    let loss = Scale(.logarithmic, domain: 0.13...2.8, range: 0...100)
    #expect(loss.ticks == [0.2, 0.5, 1, 2])
    #expect(loss.ticks.map(loss.label) == ["0.2", "0.5", "10⁰", "2"])
  }

  @Test func linearAxisTicksAreRound() {
    let scale = Scale(.linear, domain: 0...20_000, range: 0...400)
    #expect(scale.ticks == [0, 5000, 10_000, 15_000, 20_000])
    #expect(scale.position(10_000) == 200)
  }

  /// Figure 7a matches the committed snapshot. To accept a deliberate change:
  /// `swift run descent reproduce --figure 7a --output .build/f --quiet &&
  ///  cp .build/f/figure-7a.svg Tests/DescentPaperTests/Fixtures/figure-7a.svg`.
  @Test func figure7aMatchesSnapshot() throws {
    var runs = PaperRuns()
    let svg = try PaperFigures.make("7a", runs: &runs).svg
    let url = try #require(Bundle.module.url(forResource: "Fixtures/figure-7a", withExtension: "svg"))
    let snapshot = try String(contentsOf: url, encoding: .utf8)
    #expect(svg == snapshot)
  }

  @Test func figureCSVHoldsEverySeriesPoint() throws {
    let lines = Self.sample.csv.split(separator: "\n")
    #expect(lines.first == "panel,series,x,y")
    #expect(lines.count == 1 + 3 + 2 + 4)
    #expect(lines[1] == "1,a,0.0,1.0")
  }

  /// Every claim the reproduction promises is measured, once, with a stable id.
  @Test func everyClaimIdIsInTheSummary() throws {
    var runs = PaperRuns()
    let claims = try PaperClaims.measure(&runs)
    let json = try ReproductionReport.summaryJSON(claims)
    let decoded = try JSONDecoder().decode([Claim].self, from: Data(json.utf8))
    let ids = decoded.map(\.id)
    let expected = [
      "convex.k2.error_at_500", "convex.k2.iterations_to_zero", "convex.nesterov.rate",
      "convex.k2.ahead_of_nesterov_at_500", "convex.k10.behind_nesterov_early", "convex.k100.behind_nesterov_early",
      "convex.k1000.behind_nesterov_early", "convex.k2.slow_step_size_peak", "convex.k10.slow_step_size_peak",
      "convex.k100.slow_step_size_peak", "convex.k1000.slow_step_size_peak", "rosenbrock.gd.error_at_10000",
      "rosenbrock.gd.best_learning_rate", "rosenbrock.k2.speedup_at_10000", "rosenbrock.k5.speedup_at_10000",
      "rosenbrock.k10.speedup_at_10000", "rosenbrock.k2.negative_step_size_share",
      "rosenbrock.p5.k2.evaluations_to_zero", "rosenbrock.p5.k2.iteration_to_zero",
      "rosenbrock.p5.k10.evaluations_to_zero", "rosenbrock.p5.k10.iteration_to_zero",
      "rosenbrock.p5.k2.step_size_peak", "rosenbrock.p5.k10.step_size_peak", "rosenbrock.p5.k100.step_size_peak",
      "rosenbrock.fig9.heavy_ball_ahead_of_gd", "rosenbrock.fig9.heavy_ball_ahead_of_single_planning",
      "rosenbrock.fig9.adam_ahead_of_gd", "rosenbrock.fig9.heavy_ball_ahead_of_adam",
      "rosenbrock.fig9.repeated_planning_ahead_of_heavy_ball", "rosenbrock.nelder_mead.evaluations_to_1e-10",
    ]
    for id in expected { #expect(ids.contains(id), "\(id)") }
    #expect(Set(ids).count == ids.count)
    #expect(ids.allSatisfy { $0 == $0.lowercased() && !$0.contains(" ") })
    let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
    #expect(byID["rosenbrock.p5.k2.evaluations_to_zero"]?.measured == 458)
    #expect(byID["rosenbrock.p5.k10.iteration_to_zero"]?.measured == 79)
    #expect(
      ReproductionReport.summaryMarkdown(claims).split(separator: "\n").filter { $0.hasPrefix("| `") }.count
        == claims.count)
    #expect(try ReproductionReport.summaryJSON(claims) == json)
  }

  /// Every figure of the page at once (the runs are shared): a method is drawn alike in
  /// every figure and two methods never alike; axes fit their data; no figure is wider
  /// than the page shows it, so its text keeps its size; Figure 9 draws each family as
  /// its best setting over a band, not its 36 settings.
  @Test func thePageDrawsEachMethodAlikeAndReadably() throws {
    var runs = PaperRuns()
    let figures = try PaperFigures.ids.map { try PaperFigures.make($0, runs: &runs) }
    // The method a legend names: its label up to its settings.
    func method(_ label: String) -> String {
      var name = label
      for cut in [" γ", " α", ",", " (", " iterates"] {
        if let range = name.range(of: cut) { name = String(name[..<range.lowerBound]) }
      }
      return name
    }
    var colors: [String: String] = [:]
    var owners: [String: Set<String>] = [:]  // the methods drawn with each colour and line style
    for figure in figures where figure.id != "2" {
      for series in figure.panels.flatMap(\.series) where series.legend != nil && !series.label.contains("best here") {
        // Iterates in the plane (Figures 3b, 6, 7b) are a method's path, drawn in its colour.
        if case .band = series.style { continue }
        if series.label.contains("iterates") || series.label.contains("every") {
          #expect(colors[method(series.label), default: series.color] == series.color, "\(series.label)")
          continue
        }
        let name = method(series.label)
        #expect(colors[name, default: series.color] == series.color, "\(name) in figure \(figure.id)")
        colors[name] = series.color
        if series.style == .line || series.style == .dashed {
          owners["\(series.color) \(series.style)", default: []].insert(name)
        }
      }
    }
    #expect(colors.count >= 14)
    #expect(owners.values.allSatisfy { $0.count == 1 }, "\(owners.filter { $0.value.count > 1 })")

    let figure5b = try #require(figures.first { $0.id == "5b" })
    let values = figure5b.panels[0].series.flatMap(\.y).filter(\.isFinite)
    let domain = figure5b.panels[0].yDomain
    #expect(domain.lowerBound <= values.min()! && domain.upperBound >= values.max()!)
    #expect(domain.upperBound - domain.lowerBound <= 1.2 * (values.max()! - values.min()!))

    let figure9 = try #require(figures.first { $0.id == "9" })
    #expect(figure9.panels[0].series.count == 6 + 3)

    for figure in figures where figure.panels.count > 1 {
      let width = try #require(figure.svg.firstMatch(of: /width="([0-9.]+)"/).map { Double($0.1)! })
      #expect(width <= Figure.pageWidth, "figure \(figure.id): \(width) pixels wide")
    }
  }
}
