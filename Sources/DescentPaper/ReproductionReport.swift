import Descent
import DescentPlot
import DescentProblems
import Foundation

/// Makes the reproduction: each figure as SVG with its data as CSV, the claims as
/// `summary.json` and `summary.md`, and `index.html`, one self-contained page. The
/// same inputs give the same bytes. Where the files go is the caller's: it learns
/// their names first (``fileNames(figures:)``), so it can open them all before the
/// work starts, and is handed each text as it is made.
public struct ReproductionReport {
  /// Told which step is starting: "figure 5a (4/11)", "run rosenbrock gd γ=0.001", ….
  public let progress: @Sendable (String) -> Void

  public init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
    self.progress = progress
  }

  public struct Made: Sendable {
    public var figures: [Figure] = []
    public var claims: [Claim] = []
  }

  /// The files made for the figures `ids`: each figure's SVG and CSV, and, when all
  /// figures are asked for, the claims and the pages.
  public static func fileNames(figures ids: [String]) -> [String] {
    var names = ids.flatMap { ["figure-\($0).svg", "figure-\($0).csv"] }
    if ids == PaperFigures.ids { names += ["summary.json", "summary.md", "index.html"] }
    return names
  }

  /// Makes the figures `ids` (all by default) and, when all are asked for, the claims
  /// and the pages, handing `save` each file's name and text.
  public func make(figures ids: [String] = PaperFigures.ids, save: (String, String) throws -> Void) throws -> Made {
    for id in ids where !PaperFigures.ids.contains(id) {
      throw DescentError.unknownName(kind: "figure", name: id, known: PaperFigures.ids)
    }
    let progress = self.progress
    var runs = PaperRuns { progress("  run " + $0) }
    var made = Made()
    for (index, id) in ids.enumerated() {
      progress("figure \(id) (\(index + 1)/\(ids.count))")
      let figure = try PaperFigures.make(id, runs: &runs)
      try save("figure-\(id).svg", figure.svg)
      try save("figure-\(id).csv", figure.csv)
      made.figures.append(figure)
    }
    guard ids == PaperFigures.ids else { return made }
    progress("claims")
    made.claims = try PaperClaims.measure(&runs)
    try save("summary.json", try Self.summaryJSON(made.claims))
    try save("summary.md", Self.summaryMarkdown(made.claims))
    try save("index.html", Self.html(figures: made.figures, claims: made.claims))
    return made
  }

  /// The claims with the keys `id`, `paper`, `measured`, `unit`, `holds`, sorted keys.
  public static func summaryJSON(_ claims: [Claim]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(claims), as: UTF8.self) + "\n"
  }

  static func number(_ x: Double) -> String {
    if x == 0 { return "0" }
    if x == x.rounded() && abs(x) < 1e6 { return String(Int(x)) }
    return String(format: "%.4g", x)
  }

  /// One row per claim: id, the paper's number, ours, the unit, whether it holds,
  /// the statement and, where there is one, the reason.
  public static func summaryMarkdown(
    _ claims: [Claim], title: String = "Claims of Yao (2022), measured",
    command: String = "swift run -c release descent reproduce", source: String = "paper"
  ) -> String {
    let held = claims.filter(\.holds).count
    var lines = [
      "# \(title)", "",
      "\(held) of \(claims.count) hold. Made by `\(command)`.", "",
      "| claim | \(source) | measured | unit | holds | statement | note |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for claim in claims {
      let cells = [
        "`\(claim.id)`", number(claim.paper), number(claim.measured), claim.unit, claim.holds ? "yes" : "**no**",
        claim.statement, claim.note,
      ]
      lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The paper's page's introduction (HTML).
  static let paperIntroduction = """
    Every experiment of sections 3 and 4 (and Figure S1, beyond the paper: the paper's Csawg
    beside Descent's safeguarded planner), run by Descent with the paper's settings as
    Descent reads them (docs/paper.md): the error is ‖w − w*‖₂; Algorithm 1 projects with
    the iteration's gradient and counts it as one evaluation; Algorithm 2 evaluates a fresh gradient for each
    of its P projections and M corrections. All runs in Double. Made by
    <code>swift run -c release descent reproduce</code>; each figure's data is in the CSV beside it.
    """

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  /// One page with every figure inline, the claims and the settings; no network needed.
  public static func html(
    figures: [Figure], claims: [Claim],
    title: String = "Learning to Accelerate by the Methods of Step-size Planning (Yao, 2022), reproduced",
    introduction: String? = nil, source: String = "paper"
  ) -> String {
    let introduction = introduction ?? Self.paperIntroduction
    var body = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Descent: \(escape(title))</title>
      <style>
      body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #222; }
      table { border-collapse: collapse; font-size: 13px; } td, th { border: 1px solid #ccc; padding: 3px 6px; vertical-align: top; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; } td.id { max-width: 11em; } .no { color: #b00; font-weight: bold; }
      figure { margin: 2em 0; } figure svg { max-width: 100%; height: auto; }
      </style></head><body>
      <h1>\(escape(title))</h1>
      <p>\(introduction)</p>
      <h2>Claims</h2>
      <p>\(claims.filter(\.holds).count) of \(claims.count) hold.</p>
      <table><tr><th>claim</th><th>\(source)</th><th>measured</th><th>unit</th><th>holds</th><th>statement</th><th>note</th></tr>

      """
    for claim in claims {
      // An id breaks after its dots and underscores: its column stays narrow.
      let id = escape(claim.id).replacingOccurrences(of: ".", with: ".<wbr>").replacingOccurrences(
        of: "_", with: "_<wbr>")
      body += "<tr><td class=\"id\"><code>\(id)</code></td><td class=\"n\">\(number(claim.paper))</td>"
      body += "<td class=\"n\">\(number(claim.measured))</td><td>\(escape(claim.unit))</td>"
      body += claim.holds ? "<td>yes</td>" : "<td class=\"no\">no</td>"
      body += "<td>\(escape(claim.statement))</td><td>\(escape(claim.note))</td></tr>\n"
    }
    body += "</table>\n<h2>Figures</h2>\n"
    for figure in figures {
      let svg = figure.svg.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? ""
      body +=
        "<figure id=\"figure-\(figure.id)\">\n\(svg)<figcaption><a href=\"figure-\(figure.id).csv\">data (CSV)</a> · "
      body += "<a href=\"figure-\(figure.id).svg\">SVG</a></figcaption></figure>\n"
    }
    return body + "</body></html>\n"
  }
}
