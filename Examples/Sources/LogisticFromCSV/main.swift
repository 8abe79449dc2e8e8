// Fit a logistic regression to a CSV file: features in every column but the last, a
// 0/1 label in the last, a header line. Read with SwiftCSV, standardised, fitted by
// L-BFGS and by the safeguarded planner.
//
//   swift run --package-path Examples LogisticFromCSV [file.csv]
// (default: the breast-cancer data the package ships, Sources/DescentProblems/Data/)
import Descent
import DescentProblems
import Foundation
import SwiftCSV

/// The table: standardised features with a column of ones for the intercept, and labels.
struct Table {
  var design: [Double] = []
  var labels: [Double] = []
  var columns = 0
  var rows: Int { labels.count }

  init(path: String) throws {
    let csv = try EnumeratedCSV(url: URL(fileURLWithPath: path), delimiter: .comma, loadColumns: false)
    let features = csv.header.count - 1
    var raw: [Double] = []
    for (line, row) in csv.rows.enumerated() {
      let numbers = row.compactMap(Double.init)
      guard numbers.count == features + 1 else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: "\(path), row \(line + 2)"])
      }
      raw += numbers.dropLast()
      labels.append(numbers[features])
    }
    let rows = labels.count
    columns = features + 1
    for j in 0..<features {
      let column = (0..<rows).map { raw[$0 * features + j] }
      let mean = column.reduce(0, +) / Double(rows)
      let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(rows)
      let deviation = max(variance.squareRoot(), 1e-12)
      for i in 0..<rows { raw[i * features + j] = (raw[i * features + j] - mean) / deviation }
    }
    for i in 0..<rows {
      design += raw[(i * features)..<((i + 1) * features)]
      design.append(1)
    }
  }

  /// The share of rows whose label the model's sign predicts.
  func accuracy(_ w: [Double]) -> Double {
    var correct = 0
    for i in 0..<rows {
      var z = 0.0
      for j in 0..<columns { z += design[i * columns + j] * w[j] }
      if (z > 0 ? 1.0 : 0.0) == labels[i] { correct += 1 }
    }
    return Double(correct) / Double(rows)
  }
}

func fit(path: String) throws {
  let table = try Table(path: path)
  let problem = try LogisticRegression(
    data: try Dataset(features: table.design, targets: table.labels, columns: table.columns), regularization: 1e-3)
  let start = [Double](repeating: 0, count: table.columns)
  let rules = StoppingRules<Double>(maxGradientEvaluations: 500, gradientTolerance: 1e-8)
  print("\(table.rows) rows, \(table.columns - 1) features from \(URL(fileURLWithPath: path).lastPathComponent)")
  var lbfgs = try LBFGS<Double>()
  let quasiNewton = try minimize(problem, from: start, using: &lbfgs, until: rules)
  print(
    "  lbfgs:             f = \(quasiNewton.value), \(quasiNewton.gradientEvaluations) gradients, accuracy \(table.accuracy(quasiNewton.minimizer))"
  )
  var planner = try SafeguardedCsawg<Double>(learningRate: 0.1)
  let planned = try minimize(problem, from: start, using: &planner, until: rules)
  print(
    "  csawg-safeguarded: f = \(planned.value), \(planned.gradientEvaluations) gradients, accuracy \(table.accuracy(planned.minimizer))"
  )
}

let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .appendingPathComponent("../../../Sources/DescentProblems/Data/breast_cancer.csv").standardized.path
try fit(path: CommandLine.arguments.dropFirst().first ?? shipped)
