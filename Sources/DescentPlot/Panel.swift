import Foundation

/// One plot: axes, optional contour lines behind, series, legend.
public struct Panel: Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var xScale: Scale.Kind
  public var yScale: Scale.Kind
  public var xDomain: ClosedRange<Double>
  public var yDomain: ClosedRange<Double>
  public var series: [Series]
  /// Level-set segments in data coordinates, drawn thin and grey behind the series.
  public var contours: [ContourSegment]

  public init(
    title: String, xLabel: String, yLabel: String, xScale: Scale.Kind = .linear, yScale: Scale.Kind = .linear,
    xDomain: ClosedRange<Double>, yDomain: ClosedRange<Double>, series: [Series], contours: [ContourSegment] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xScale = xScale
    self.yScale = yScale
    self.xDomain = xDomain
    self.yDomain = yDomain
    self.series = series
    self.contours = contours
  }

  /// The panel drawn with its plot area at (left, top), `width` × `height` pixels.
  /// `id` names the clip path, unique within a page that inlines several figures.
  func elements(id: String, left: Double, top: Double, width: Double, height: Double) -> [SVGElement] {
    let xs = Scale(xScale, domain: xDomain, range: left...(left + width))
    let ys = Scale(yScale, domain: yDomain, range: top...(top + height), inverted: true)
    var out: [SVGElement] = []
    let clipID = "clip-\(id)"
    out.append(
      SVGElement(
        "clipPath", [("id", clipID)],
        children: [
          SVGElement(
            "rect",
            [("x", svgNumber(left)), ("y", svgNumber(top)), ("width", svgNumber(width)), ("height", svgNumber(height))])
        ]))
    out.append(contentsOf: axes(xs, ys, left: left, top: top, width: width, height: height))
    var plotted: [SVGElement] = []
    if !contours.isEmpty {
      var path = ""
      for segment in contours {
        path += "M\(svgNumber(xs.position(segment.from.x))) \(svgNumber(ys.position(segment.from.y)))"
        path += "L\(svgNumber(xs.position(segment.to.x))) \(svgNumber(ys.position(segment.to.y)))"
      }
      plotted.append(
        SVGElement("path", [("d", path), ("fill", "none"), ("stroke", "#c8c8c8"), ("stroke-width", "0.6")]))
    }
    for series in self.series { plotted.append(contentsOf: Panel.draw(series, xs, ys)) }
    out.append(SVGElement("g", [("clip-path", "url(#\(clipID))")], children: plotted))
    out.append(contentsOf: legend(left: left, top: top, width: width))
    return out
  }

  func axes(_ xs: Scale, _ ys: Scale, left: Double, top: Double, width: Double, height: Double) -> [SVGElement] {
    var out: [SVGElement] = [
      SVGElement(
        "rect",
        [
          ("x", svgNumber(left)), ("y", svgNumber(top)), ("width", svgNumber(width)), ("height", svgNumber(height)),
          ("fill", "white"), ("stroke", "#333"),
        ])
    ]
    let bottom = top + height
    for tick in xs.ticks {
      let x = svgNumber(xs.position(tick))
      out.append(
        SVGElement(
          "line", [("x1", x), ("y1", svgNumber(top)), ("x2", x), ("y2", svgNumber(bottom)), ("stroke", "#eee")]))
      out.append(
        SVGElement(
          "line", [("x1", x), ("y1", svgNumber(bottom)), ("x2", x), ("y2", svgNumber(bottom + 4)), ("stroke", "#333")]))
      out.append(
        SVGElement("text", [("x", x), ("y", svgNumber(bottom + 16)), ("text-anchor", "middle")], text: xs.label(tick)))
    }
    for tick in ys.ticks {
      let y = svgNumber(ys.position(tick))
      out.append(
        SVGElement(
          "line", [("x1", svgNumber(left)), ("y1", y), ("x2", svgNumber(left + width)), ("y2", y), ("stroke", "#eee")]))
      out.append(
        SVGElement(
          "line", [("x1", svgNumber(left - 4)), ("y1", y), ("x2", svgNumber(left)), ("y2", y), ("stroke", "#333")]))
      out.append(
        SVGElement(
          "text", [("x", svgNumber(left - 6)), ("y", svgNumber(ys.position(tick) + 4)), ("text-anchor", "end")],
          text: ys.label(tick)))
    }
    out.append(
      SVGElement(
        "text", [("x", svgNumber(left + width / 2)), ("y", svgNumber(bottom + 34)), ("text-anchor", "middle")],
        text: xLabel))
    let yMiddle = top + height / 2
    out.append(
      SVGElement(
        "text",
        [
          ("x", svgNumber(left - 52)), ("y", svgNumber(yMiddle)), ("text-anchor", "middle"),
          ("transform", "rotate(-90 \(svgNumber(left - 52)) \(svgNumber(yMiddle)))"),
        ],
        text: yLabel))
    out.append(
      SVGElement(
        "text",
        [
          ("x", svgNumber(left + width / 2)), ("y", svgNumber(top - 8)), ("text-anchor", "middle"),
          ("font-weight", "bold"),
        ], text: title))
    return out
  }

  /// The width the legend takes to the right of the plot area; 0 without one.
  var legendWidth: Double {
    let longest = series.compactMap { $0.legend?.count }.max() ?? 0
    return longest == 0 ? 0 : Double(longest) * 6.6 + 46
  }

  /// The legend, outside the plot area on its right, so it never hides a line.
  func legend(left: Double, top: Double, width: Double) -> [SVGElement] {
    let entries = series.filter { $0.legend != nil }
    guard !entries.isEmpty else { return [] }
    let x = left + width + 10
    var out = [
      SVGElement(
        "rect",
        [
          ("x", svgNumber(x)), ("y", svgNumber(top)), ("width", svgNumber(legendWidth - 16)),
          ("height", svgNumber(Double(entries.count) * 16 + 6)), ("fill", "white"), ("stroke", "#999"),
        ])
    ]
    for (index, series) in entries.enumerated() {
      let y = top + 14 + Double(index) * 16
      out.append(Panel.legendMark(series, x: x + 6, y: y - 4))
      out.append(SVGElement("text", [("x", svgNumber(x + 30)), ("y", svgNumber(y))], text: series.legend!))
    }
    return out
  }

  static func legendMark(_ series: Series, x: Double, y: Double) -> SVGElement {
    switch series.style {
    case .line, .dashed, .dotted, .arrows:
      var attributes = [
        ("x1", svgNumber(x)), ("y1", svgNumber(y)), ("x2", svgNumber(x + 18)), ("y2", svgNumber(y)),
        ("stroke", series.color), ("stroke-width", svgNumber(max(2, series.lineWidth))),
      ]
      if let dashes = series.style.dashes { attributes.append(("stroke-dasharray", dashes)) }
      return SVGElement("line", attributes)
    case .dots, .crosses, .squares:
      return marker(series.style, x: x + 9, y: y, color: series.color)
    case .band:
      return SVGElement(
        "rect",
        [
          ("x", svgNumber(x)), ("y", svgNumber(y - 5)), ("width", "18"), ("height", "10"), ("fill", series.color),
          ("fill-opacity", "0.18"),
        ])
    }
  }

  static func marker(_ style: Series.Style, x: Double, y: Double, color: String) -> SVGElement {
    switch style {
    case .crosses:
      let d =
        "M\(svgNumber(x - 3)) \(svgNumber(y - 3))L\(svgNumber(x + 3)) \(svgNumber(y + 3))M\(svgNumber(x - 3)) \(svgNumber(y + 3))L\(svgNumber(x + 3)) \(svgNumber(y - 3))"
      return SVGElement("path", [("d", d), ("stroke", color), ("stroke-width", "1.2")])
    case .squares:
      return SVGElement(
        "rect",
        [
          ("x", svgNumber(x - 3.5)), ("y", svgNumber(y - 3.5)), ("width", "7"), ("height", "7"), ("fill", "none"),
          ("stroke", color), ("stroke-width", "1.2"),
        ])
    default:
      return SVGElement("circle", [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", "2.2"), ("fill", color)])
    }
  }

  static func draw(_ series: Series, _ xs: Scale, _ ys: Scale) -> [SVGElement] {
    let points = zip(series.x, series.y).filter { $0.0.isFinite && !$0.1.isNaN }.map {
      (xs.position($0.0), ys.position($0.1))
    }
    switch series.style {
    case .line, .dashed, .dotted:
      let thinned = thin(points)
      guard let first = thinned.first else { return [] }
      var d = "M\(svgNumber(first.0)) \(svgNumber(first.1))"
      for point in thinned.dropFirst() { d += "L\(svgNumber(point.0)) \(svgNumber(point.1))" }
      var attributes = [
        ("d", d), ("fill", "none"), ("stroke", series.color), ("stroke-width", svgNumber(series.lineWidth)),
        ("stroke-linejoin", "round"),
      ]
      if let dashes = series.style.dashes { attributes.append(("stroke-dasharray", dashes)) }
      return [SVGElement("path", attributes)]
    case .dots, .crosses, .squares:
      return [SVGElement("g", [], children: points.map { marker(series.style, x: $0.0, y: $0.1, color: series.color) })]
    case .band(let lower):
      let upper = zip(series.x, series.y).map { (xs.position($0.0), ys.position($0.1)) }
      let bottom = zip(series.x, lower).map { (xs.position($0.0), ys.position($0.1)) }
      let outline = (upper + bottom.reversed()).filter { $0.0.isFinite && $0.1.isFinite }
      guard let first = outline.first else { return [] }
      var d = "M\(svgNumber(first.0)) \(svgNumber(first.1))"
      for point in outline.dropFirst() { d += "L\(svgNumber(point.0)) \(svgNumber(point.1))" }
      return [
        SVGElement("path", [("d", d + "Z"), ("fill", series.color), ("fill-opacity", "0.18"), ("stroke", "none")])
      ]
    case .arrows:
      var out: [SVGElement] = []
      var index = 0
      while index + 1 < points.count {
        let (a, b) = (points[index], points[index + 1])
        out.append(arrow(from: a, to: b, color: series.color))
        index += 2
      }
      return [SVGElement("g", [], children: out)]
    }
  }

  static func arrow(from a: (Double, Double), to b: (Double, Double), color: String) -> SVGElement {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1)
    let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
    let (ux, uy) = (dx / length, dy / length)
    let head = min(8, length / 2)
    let left = (b.0 - head * ux + head * 0.45 * uy, b.1 - head * uy - head * 0.45 * ux)
    let right = (b.0 - head * ux - head * 0.45 * uy, b.1 - head * uy + head * 0.45 * ux)
    let d =
      "M\(svgNumber(a.0)) \(svgNumber(a.1))L\(svgNumber(b.0)) \(svgNumber(b.1))M\(svgNumber(left.0)) \(svgNumber(left.1))L\(svgNumber(b.0)) \(svgNumber(b.1))L\(svgNumber(right.0)) \(svgNumber(right.1))"
    return SVGElement("path", [("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", "1.6")])
  }

  /// Keeps, for each pixel column, the first, lowest, highest and last point, so a
  /// polyline of 20,000 points draws the same as its few hundred survivors.
  static func thin(_ points: [(Double, Double)]) -> [(Double, Double)] {
    guard points.count > 2000 else { return points }
    var out: [(Double, Double)] = []
    var start = 0
    while start < points.count {
      let column = points[start].0.rounded(.down)
      var end = start
      while end + 1 < points.count && points[end + 1].0.rounded(.down) == column { end += 1 }
      let slice = points[start...end]
      let low = slice.min { $0.1 < $1.1 }!
      let high = slice.max { $0.1 < $1.1 }!
      for point in [points[start], low, high, points[end]] where out.last.map({ $0 != point }) ?? true {
        out.append(point)
      }
      start = end + 1
    }
    return out
  }
}
