import Foundation

/// A figure: a title, one or more panels side by side (in rows that fit the page), and a caption with the settings.
public struct Figure: Sendable {
  public var id: String
  public var title: String
  public var caption: String
  public var panels: [Panel]
  public var panelWidth: Double = 420
  public var panelHeight: Double = 300

  public init(id: String, title: String, caption: String, panels: [Panel]) {
    self.id = id
    self.title = title
    self.caption = caption
    self.panels = panels
  }

  /// The data of every series: `panel,series,x,y`, one line per point; a band as two
  /// series, its upper and its lower edge.
  public var csv: String {
    var lines = ["panel,series,x,y"]
    for (index, panel) in panels.enumerated() {
      for series in panel.series {
        var edges = [(series.label, series.y)]
        if case .band(let lower) = series.style {
          edges = [(series.label + " upper", series.y), (series.label + " lower", lower)]
        }
        for (label, ys) in edges {
          let name = Figure.csvField(label)
          for (x, y) in zip(series.x, ys) { lines.append("\(index + 1),\(name),\(x),\(y)") }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  /// The width a page shows a figure at without scaling it down: panels stand side by
  /// side while they fit in it, and the rest go on further rows, so that a figure of
  /// several panels keeps its text at the size of a figure of one.
  public static let pageWidth = 1000.0

  /// The figure as a standalone SVG document.
  public var svg: String {
    let margin = (left: 78.0, right: 24.0, top: 62.0, bottom: 52.0)
    let cells = panels.map { margin.left + panelWidth + $0.legendWidth + margin.right }
    var rows: [[Int]] = []
    for (index, cell) in cells.enumerated() {
      if let row = rows.last, row.map({ cells[$0] }).reduce(0, +) + cell <= Self.pageWidth {
        rows[rows.count - 1].append(index)
      } else {
        rows.append([index])
      }
    }
    let rowWidths = rows.map { $0.map { cells[$0] }.reduce(0, +) }
    let width = max(rowWidths.max() ?? 0, Double(title.count) * 8.8 + 40)
    let captionLines = Figure.wrap(caption, width: Int(width / 6.4))
    let rowHeight = margin.top + panelHeight + margin.bottom
    let plotsHeight = Double(rows.count) * rowHeight
    let height = plotsHeight + Double(captionLines.count) * 15 + 10
    var children: [SVGElement] = [
      SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")]),
      SVGElement(
        "text",
        [
          ("x", svgNumber(width / 2)), ("y", "22"), ("text-anchor", "middle"), ("font-size", "15"),
          ("font-weight", "bold"),
        ], text: title),
    ]
    for (number, row) in rows.enumerated() {
      var left = 0.0
      let top = Double(number) * rowHeight + margin.top
      for index in row {
        children += panels[index].elements(
          id: "\(id)-\(index + 1)", left: left + margin.left, top: top, width: panelWidth, height: panelHeight)
        left += cells[index]
      }
    }
    for (index, line) in captionLines.enumerated() {
      let y = plotsHeight + 8 + Double(index) * 15
      children.append(
        SVGElement("text", [("x", "12"), ("y", svgNumber(y)), ("font-size", "11"), ("fill", "#333")], text: line))
    }
    return svgDocument(width: width, height: height, children)
  }

  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + word.count + 1 > width {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
