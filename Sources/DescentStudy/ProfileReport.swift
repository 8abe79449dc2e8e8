import Descent
import DescentPlot
import Foundation

/// The files `descent profile` writes: for each accuracy and each variant (defaults,
/// best setting per problem) a performance profile and a data profile as SVG with their
/// CSV, and an HTML page that shows them with a table per problem.
public enum ProfileReport {
  /// File name → contents.
  public static func files(_ results: [StudyResult], source: String) -> [(name: String, contents: String)] {
    var files: [(String, String)] = []
    var sections: [String] = []
    let all = Profiles.Variant.allCases.flatMap { variant in
      StudyResult.accuracies.map { tau in (variant, tau, Profiles.costs(results, tau: tau, variant: variant)) }
    }
    // One look per method over every figure of the page.
    let styles = methodLooks(all.flatMap { $0.2.methods })
    for (variant, tau, costs) in all {
      let tag = "tau-\(exponent(tau))-\(variant.rawValue)"
      let performance = performanceFigure(costs, tau: tau, variant: variant, styles: styles)
      let data = dataFigure(costs, tau: tau, variant: variant, styles: styles)
      files += [
        ("performance-\(tag).svg", performance.svg), ("performance-\(tag).csv", performance.csv),
        ("data-\(tag).svg", data.svg), ("data-\(tag).csv", data.csv),
      ]
      sections.append(section(costs, tau: tau, variant: variant, tag: tag))
    }
    files.append(("index.html", page(sections, results: results, source: source)))
    files.append(("summary.csv", summaryCSV(results)))
    files.append(("failures.csv", failuresCSV(results)))
    return files
  }

  /// Per variant, accuracy and method: the share of problems solved within 100 and 1,000
  /// simplex gradients and within the budget.
  static func summaryCSV(_ results: [StudyResult]) -> String {
    var lines = ["variant,tau,method,problems,within_100,within_1000,solved"]
    for variant in Profiles.Variant.allCases {
      for tau in StudyResult.accuracies {
        let costs = Profiles.costs(results, tau: tau, variant: variant)
        let count = Double(max(costs.problems.count, 1))
        for (s, method) in costs.methods.enumerated() {
          func share(_ budget: Double) -> String {
            let solved = costs.costs.indices.filter { p in
              costs.costs[p][s].map { Double($0) <= budget * Double(costs.dimensions[p] + 1) } ?? false
            }
            return String(format: "%.4f", Double(solved.count) / count)
          }
          lines.append(
            "\(variant.rawValue),\(exponent(tau)),\(method),\(costs.problems.count),\(share(100)),\(share(1000)),\(share(.infinity))"
          )
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every run that ended on a non-finite value, gradient or iterate: where each method
  /// breaks, with its settings.
  static func failuresCSV(_ results: [StudyResult]) -> String {
    var lines = ["method,settings,problem,termination,best_value,start_value"]
    for result in results where result.termination.isNonFinite {
      let settings = result.run.method.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: " ")
      lines.append(
        "\(result.run.method.label),\(settings),\(result.run.problem.text),\(result.termination),\(result.bestValue),\(result.startValue)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func exponent(_ tau: Double) -> String { "1e\(Int(log10(tau).rounded()))" }

  static func title(_ kind: String, tau: Double, variant: Profiles.Variant) -> String {
    "\(kind), τ = \(exponent(tau)), \(variant == .best ? "best setting per problem" : "defaults")"
  }

  static func performanceFigure(
    _ costs: Profiles.Costs, tau: Double, variant: Profiles.Variant, styles: [String: SeriesLooks.Look]
  ) -> Figure {
    let profiles = Profiles.performance(costs)
    let largest = max(1, profiles.flatMap { $0.map { log2($0.ratio) } }.max() ?? 1) * 1.05
    let series = looks(costs, styles).map { look in
      stepSeries(
        costs.methods[look.method], profiles[look.method].map { (log2($0.ratio), $0.share) }, from: 0, to: largest,
        look: look)
    }
    let panel = Panel(
      title: "", xLabel: "log₂ α (cost within a factor α of the best)", yLabel: "share of problems ρ(α)",
      xDomain: 0...largest, yDomain: 0...1, series: series)
    return Figure(
      id: "performance", title: title("Performance profile", tau: tau, variant: variant),
      caption:
        "Dolan & Moré (2002): the share of the \(Plural.of(costs.problems.count, "problem")) each method solves at accuracy τ within a factor α of the fewest gradient evaluations any method needed. ρ(1) is the share it won; the right end, the share it solved.",
      panels: [panel])
  }

  static func dataFigure(
    _ costs: Profiles.Costs, tau: Double, variant: Profiles.Variant, styles: [String: SeriesLooks.Look]
  ) -> Figure {
    let profiles = Profiles.data(costs)
    let budgets = profiles.flatMap { $0.map(\.budget) }.filter { $0 > 0 }
    let low = max(1e-2, (budgets.min() ?? 1) / 2)
    let high = max(low * 10, (budgets.max() ?? 10) * 1.5)
    let series = looks(costs, styles).map { look in
      stepSeries(
        costs.methods[look.method], profiles[look.method].map { (max($0.budget, low), $0.share) }, from: low,
        to: high, look: look)
    }
    let panel = Panel(
      title: "", xLabel: "gradient evaluations ÷ (n + 1)", yLabel: "share of problems solved d(κ)",
      xScale: .logarithmic, xDomain: low...high, yDomain: 0...1, series: series)
    return Figure(
      id: "data", title: title("Data profile", tau: tau, variant: variant),
      caption:
        "Moré & Wild (2009): the share of the \(Plural.of(costs.problems.count, "problem")) each method solves at accuracy τ within a budget of κ simplex gradients (n + 1 gradient evaluations each).",
      panels: [panel])
  }

  /// How a method's line looks, and where it stands in the legend.
  struct Look {
    var method: Int
    var color: String
    var style: Series.Style
    var width: Double
  }

  /// A look for each method of the page (``SeriesLooks``), each family in its own line
  /// style: planners solid, curvature methods (line searches, quasi-Newton) dashed,
  /// adaptive step-sizes and accelerations dotted. The safeguarded planner is black.
  static func methodLooks(_ methods: [String]) -> [String: SeriesLooks.Look] {
    SeriesLooks.assign(methods, fixed: ["csawg-safeguarded": .init(color: "#000000", style: .line)]) { label in
      switch label.split(separator: "-").first.map(String.init) ?? label {
      case "csawg", "gd", "heavy", "nesterov", "momentum", "adam", "adamw", "adagrad", "rmsprop": .line
      case "lbfgs", "bfgs", "bb", "cg", "nelder": .dashed
      default: .dotted
      }
    }
  }

  /// The methods most solved first (the legend reads as a ranking), each in its look of
  /// the page; the safeguarded planner boldest, the three leading others bold.
  static func looks(_ costs: Profiles.Costs, _ styles: [String: SeriesLooks.Look]) -> [Look] {
    let solved = costs.methods.indices.map { s in costs.costs.indices.filter { costs.costs[$0][s] != nil }.count }
    let order = costs.methods.indices.sorted { solved[$0] != solved[$1] ? solved[$0] > solved[$1] : $0 < $1 }
    let leaders = Set(order.filter { !costs.methods[$0].hasPrefix("csawg") }.prefix(3))
    return order.map { s in
      let label = costs.methods[s]
      let look = styles[label] ?? methodLooks([label])[label]!
      let width =
        label == "csawg-safeguarded" ? 3.2 : leaders.contains(s) ? 2.6 : label.hasPrefix("csawg") ? 2 : 1.3
      return Look(method: s, color: look.color, style: look.style, width: width)
    }
  }

  /// A profile drawn as steps from (`from`, 0) to `to`.
  static func stepSeries(
    _ label: String, _ points: [(Double, Double)], from start: Double, to end: Double, look: Look
  ) -> Series {
    var x = [start]
    var y = [0.0]
    for (value, share) in points {
      x += [value, value]
      y += [y.last!, share]
    }
    x.append(end)
    y.append(y.last!)
    return Series(label, x: x, y: y, color: look.color, style: look.style, lineWidth: look.width)
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// The figures of one accuracy and variant, with the table per problem: each method's
  /// cost, the winner in bold with its margin over the next, failures with their reason.
  static func section(_ costs: Profiles.Costs, tau: Double, variant: Profiles.Variant, tag: String) -> String {
    var rows: [String] = []
    for (p, problem) in costs.problems.enumerated() {
      let solved = costs.costs[p].compactMap { $0 }.sorted()
      let best = solved.first
      var cells = ["<td>\(escape(problem))</td>", "<td>\(costs.dimensions[p])</td>"]
      for s in costs.methods.indices {
        if let t = costs.costs[p][s] {
          cells.append(t == best ? "<td class=\"win\">\(t)</td>" : "<td>\(t)</td>")
        } else {
          cells.append("<td class=\"fail\">✗ \(escape(costs.failures[p][s] ?? "not run"))</td>")
        }
      }
      let margin =
        solved.count >= 2 && solved[0] > 0 ? String(format: "%.2g×", Double(solved[1]) / Double(solved[0])) : "–"
      cells.append("<td>\(margin)</td>")
      rows.append("<tr>" + cells.joined() + "</tr>")
    }
    let header =
      "<tr><th>problem</th><th>n</th>" + costs.methods.map { "<th>\(escape($0))</th>" }.joined()
      + "<th>winner's margin</th></tr>"
    let solvedWithin = summary(costs)
    return """
      <section id="\(tag)">
      <h2>\(escape(title("Profiles", tau: tau, variant: variant)))</h2>
      <div class="figures"><img src="performance-\(tag).svg" alt="performance profile, \(tag)"><img src="data-\(tag).svg" alt="data profile, \(tag)"></div>
      \(solvedWithin)
      <details><summary>Gradient evaluations to solve, per problem (✗: not solved, with the run's termination)</summary>
      <table>\(header)\(rows.joined(separator: "\n"))</table></details>
      </section>
      """
  }

  /// Each method's share of problems solved within 100 and 1,000 simplex gradients, and in all.
  static func summary(_ costs: Profiles.Costs) -> String {
    let count = Double(max(costs.problems.count, 1))
    var rows: [String] = []
    for (s, method) in costs.methods.enumerated() {
      func share(within budget: Double) -> String {
        let solved = costs.costs.indices.filter { p in
          costs.costs[p][s].map { Double($0) <= budget * Double(costs.dimensions[p] + 1) } ?? false
        }
        return String(format: "%.0f%%", 100 * Double(solved.count) / count)
      }
      rows.append(
        "<tr><td>\(escape(method))</td><td>\(share(within: 100))</td><td>\(share(within: 1000))</td><td>\(share(within: .infinity))</td></tr>"
      )
    }
    return "<table><tr><th>method</th><th>≤ 100 simplex gradients</th><th>≤ 1,000</th><th>solved</th></tr>"
      + rows.joined() + "</table>"
  }

  static func page(_ sections: [String], results: [StudyResult], source: String) -> String {
    let problems = Set(results.map(\.run.problem.text)).count
    let methods = Set(results.map(\.run.method.label)).count
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Descent profiles</title>
      <style>
      body { font-family: sans-serif; max-width: 1200px; margin: 2em auto; color: #222; }
      .figures img { width: 49%; }
      table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
      td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
      td:first-child, th:first-child { text-align: left; }
      .win { font-weight: bold; background: #e8f5e9; } .fail { color: #b71c1c; }
      </style></head><body>
      <h1>Performance and data profiles</h1>
      <p>\(Plural.of(results.count, "run")) of \(Plural.of(methods, "method")) on \(Plural.of(problems, "problem")), from <code>\(escape(source))</code>.
      Accuracy τ: a run solves its problem once f(x₀) − f(x) ≥ (1 − τ)(f(x₀) − f_L), f_L its f* where known,
      else the best value any run reached. Costs are gradient evaluations.</p>
      \(sections.joined(separator: "\n"))
      </body></html>

      """
  }
}
