import Descent
import DescentProblems
import DescentStudy

/// The `--trace` CSV, written as rows arrive, so a run of any length keeps no rows
/// in memory. The file is the same as ``Trace/csv``: its header names as many α
/// columns as the widest row has, which is known only at the end, so rows go to a
/// scratch file first and are copied under the header, padded, when the run ends.
/// Both files are opened before the run; the trace replaces the path atomically.
final class TraceFile<Scalar: DescentFloat> {
  let output: OutputFile
  let scratch: OutputFile
  var rows = 0
  var weightColumns: Int?
  var alphaColumns = 0

  init(path: String) throws {
    output = try OutputFile(path: path)
    scratch = try OutputFile.scratch(beside: path)
  }

  func append(_ row: TraceRow<Scalar>) throws {
    weightColumns = weightColumns ?? row.weights.count
    alphaColumns = max(alphaColumns, row.stepSizes?.count ?? 0)
    var fields = [
      String(row.iteration), String(row.gradientEvaluations), String(row.valueEvaluations),
      row.value.description, row.error?.description ?? "", row.gradientNorm.description,
    ]
    fields += row.weights.map(\.description)
    fields += (row.stepSizes ?? []).map(\.description)
    try scratch.write(fields.joined(separator: ",") + "\n")
    rows += 1
  }

  /// Writes the header and the padded rows, and puts the trace in place.
  func finish() throws {
    var header = ["iteration", "gradient_evaluations", "value_evaluations", "f", "error", "gradient_norm"]
    header += (0..<(weightColumns ?? 0)).map { "w\($0 + 1)" }
    header += (0..<alphaColumns).map { "alpha\($0 + 1)" }
    try output.write(header.joined(separator: ",") + "\n")
    let width = header.count
    try scratch.readLines { line in
      let fields = line.reduce(1) { $1 == "," ? $0 + 1 : $0 }
      try output.write(line + String(repeating: ",", count: max(0, width - fields)) + "\n")
    }
    try output.commit()
    scratch.discard()
  }

  func discard() {
    output.discard()
    scratch.discard()
  }
}
