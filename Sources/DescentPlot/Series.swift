import Foundation

/// One set of points drawn in a panel.
public struct Series: Sendable {
  public enum Style: Sendable, Equatable {
    case line
    case dashed
    /// Short dashes and gaps, for a third family of lines.
    case dotted
    /// Filled dots at each point.
    case dots
    /// An × at each point.
    case crosses
    /// An open square at each point.
    case squares
    /// An arrow from each even-indexed point to the next.
    case arrows
    /// A filled band between `lower` and y (a spread about a mean), drawn translucent.
    case band(lower: [Double])
  }

  /// The series' name in the figure's CSV.
  public var label: String
  /// Its entry in the legend; nil leaves it out (one entry can stand for a family).
  public var legend: String?
  public var x: [Double]
  public var y: [Double]
  public var color: String
  public var style: Style
  /// The stroke's width in pixels, for lines: 1.5, more to draw a series boldly.
  public var lineWidth: Double

  public init(
    _ label: String, legend: String?? = .none, x: [Double], y: [Double], color: String, style: Style = .line,
    lineWidth: Double = 1.5
  ) {
    precondition(x.count == y.count, "a series needs as many x as y values")
    self.label = label
    self.legend = legend ?? label
    self.x = x
    self.y = y
    self.color = color
    self.style = style
    self.lineWidth = lineWidth
  }
}

extension Series.Style {
  /// The SVG dash pattern of a dashed or dotted line; nil for a solid one.
  var dashes: String? {
    switch self {
    case .dashed: "6 3"
    case .dotted: "1.5 2.5"
    default: nil
    }
  }
}
