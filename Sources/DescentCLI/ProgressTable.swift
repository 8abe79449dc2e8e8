import Descent
import DescentProblems
import Foundation

/// The short progress table `descent run` prints: evenly spaced rows of the trace.
enum ProgressTable {
  static func render<S: DescentFloat>(_ rows: [TraceRow<S>], count: Int) -> String {
    guard !rows.isEmpty else { return "" }
    let picked = pick(rows, count: count)
    let alphaColumns = min(2, rows.lazy.compactMap { $0.stepSizes?.count }.max() ?? 0)
    var header = ["iteration", "grad evals", "f", "‖w − w*‖", "‖∇f‖"]
    header += (0..<alphaColumns).map { "α(\($0 + 1))" }
    var table = [header]
    for row in picked {
      var line = [
        String(row.iteration), String(row.gradientEvaluations), Format.number(row.value),
        row.error.map(Format.number) ?? "—", Format.number(row.gradientNorm),
      ]
      line += (0..<alphaColumns).map { index in row.stepSizes.map { Format.number($0[index]) } ?? "—" }
      table.append(line)
    }
    return Format.table(table)
  }

  /// About `count` rows spread evenly over the run, always the first and the last.
  static func pick<T>(_ rows: [T], count: Int) -> [T] {
    guard rows.count > count else { return rows }
    let indices = (0..<count).map { $0 * (rows.count - 1) / (count - 1) }
    return indices.map { rows[$0] }
  }
}

/// The rows `descent run` keeps for its progress table: every row up to `capacity`,
/// then every second, fourth, … row, so that a run of any length keeps a bounded,
/// evenly spaced set; the last row is always kept.
struct ProgressRows<S: DescentFloat> {
  let capacity: Int
  private(set) var kept: [TraceRow<S>] = []
  private var stride = 1
  private var seen = 0
  private var last: TraceRow<S>?

  init(capacity: Int = 4096) {
    self.capacity = capacity
  }

  mutating func add(_ row: TraceRow<S>) {
    if seen % stride == 0 {
      kept.append(row)
      if kept.count > capacity {
        kept = kept.enumerated().compactMap { $0.offset % 2 == 0 ? $0.element : nil }
        stride *= 2
      }
    }
    seen += 1
    last = row
  }

  /// The kept rows and the last one.
  var rows: [TraceRow<S>] {
    guard let last, kept.last?.iteration != last.iteration else { return kept }
    return kept + [last]
  }
}

/// Number and table formatting for the terminal.
enum Format {
  static func number<S: DescentFloat>(_ x: S) -> String {
    let value = Double(x)
    if value == 0 { return "0" }
    if value.isNaN || value.isInfinite { return "\(value)" }
    let magnitude = abs(value)
    if magnitude >= 1e-3 && magnitude < 1e5 { return String(format: "%.6g", value) }
    return String(format: "%.3e", value)
  }

  /// Columns padded to their widest cell; numbers right-aligned, words left-aligned
  /// (a column is numeric when every cell below the header is). The first row is
  /// the header.
  static func table(_ rows: [[String]]) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    let numeric = (0..<columns).map { column in
      rows.dropFirst().allSatisfy { row in
        column >= row.count || row[column] == "—" || Double(row[column]) != nil
      }
    }
    var lines = rows.map { row in
      row.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return numeric[index] ? padding + cell : cell + padding
      }.joined(separator: "  ").trailingSpacesRemoved
    }
    lines.insert(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "), at: 1)
    return lines.joined(separator: "\n")
  }
}

extension String {
  var trailingSpacesRemoved: String {
    String(reversed().drop { $0 == " " }.reversed())
  }
}
