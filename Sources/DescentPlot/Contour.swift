import Foundation

/// A piece of a level set, in data coordinates.
public struct ContourSegment: Sendable, Equatable {
  public var from: (x: Double, y: Double)
  public var to: (x: Double, y: Double)

  public static func == (lhs: ContourSegment, rhs: ContourSegment) -> Bool {
    lhs.from == rhs.from && lhs.to == rhs.to
  }
}

/// Level sets of a function of two variables by marching squares on a grid.
public enum Contour {
  /// The segments of the level sets `f = level` for each level, from `f` sampled on
  /// a `columns` × `rows` grid over the domain, with linear interpolation along cell
  /// edges.
  public static func segments(
    of f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int = 160,
    rows: Int = 120, levels: [Double]
  ) -> [ContourSegment] {
    let dx = (x.upperBound - x.lowerBound) / Double(columns)
    let dy = (y.upperBound - y.lowerBound) / Double(rows)
    var grid = [Double](repeating: 0, count: (columns + 1) * (rows + 1))
    for j in 0...rows {
      for i in 0...columns {
        grid[j * (columns + 1) + i] = f(x.lowerBound + Double(i) * dx, y.lowerBound + Double(j) * dy)
      }
    }
    var out: [ContourSegment] = []
    for level in levels {
      for j in 0..<rows {
        for i in 0..<columns {
          let x0 = x.lowerBound + Double(i) * dx
          let y0 = y.lowerBound + Double(j) * dy
          // Corners counter-clockwise from bottom-left, and the crossings on each edge.
          let corners = [
            (x0, y0, grid[j * (columns + 1) + i]), (x0 + dx, y0, grid[j * (columns + 1) + i + 1]),
            (x0 + dx, y0 + dy, grid[(j + 1) * (columns + 1) + i + 1]), (x0, y0 + dy, grid[(j + 1) * (columns + 1) + i]),
          ]
          var crossings: [(x: Double, y: Double)] = []
          for edge in 0..<4 {
            let a = corners[edge]
            let b = corners[(edge + 1) % 4]
            if (a.2 < level) != (b.2 < level) {
              let t = (level - a.2) / (b.2 - a.2)
              crossings.append((a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1)))
            }
          }
          // Two crossings: one segment; four (a saddle): pair them in order.
          var index = 0
          while index + 1 < crossings.count {
            out.append(ContourSegment(from: crossings[index], to: crossings[index + 1]))
            index += 2
          }
        }
      }
    }
    return out
  }

  /// Levels spaced evenly in log₁₀ from 10^low to 10^high, `perDecade` to a decade.
  public static func logarithmicLevels(from low: Int, to high: Int, perDecade: Int = 2) -> [Double] {
    stride(from: low * perDecade, through: high * perDecade, by: 1).map { pow(10, Double($0) / Double(perDecade)) }
  }
}
