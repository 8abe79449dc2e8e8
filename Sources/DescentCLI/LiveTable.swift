/// A table printed a row at a time, as the rows are made: its columns have fixed
/// widths (the header's, or the widest number a cell can hold), so that no row waits
/// for the last to be laid out.
struct LiveTable {
  let widths: [Int]
  let header: [String]

  /// `widths`: the least width of each column; a header wider than it widens it.
  init(header: [String], widths: [Int]) {
    self.header = header
    self.widths = zip(header, widths).map { max($0.count, $1) }
  }

  /// The header and its rule.
  var heading: String {
    [line(header), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")].joined(separator: "\n")
  }

  /// A row, each cell right-aligned in its column.
  func line(_ cells: [String]) -> String {
    zip(cells, widths).map { cell, width in String(repeating: " ", count: max(0, width - cell.count)) + cell }
      .joined(separator: "  ").trailingSpacesRemoved
  }
}
