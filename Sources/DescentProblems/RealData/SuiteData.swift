import Descent
import Foundation
import SwiftCSV

/// The suite's data files (`Data/`: extracted from scikit-learn by
/// `Utilities/Reference/extract_datasets.py`, BSD 3-Clause; MNIST-1D built by
/// `Utilities/Reference/mnist1d_dataset.py`, Apache-2.0) and the reference f* and
/// w* of the convex problems on them (`Utilities/Reference/data_minima.py`). Each file
/// is read once per process.
enum SuiteData {
  /// Rows of numbers, the last column the target.
  struct Table: Sendable {
    let features: [Double]
    let targets: [Double]
    let columns: Int
  }

  struct Reference: Decodable, Sendable {
    let minimum: Double
    let minimizer: [Double]
  }

  /// The committed reference run's f* and w* of the problem called `name`, in `S`.
  static func reference<S: DescentFloat>(for name: String, as _: S.Type) -> (minimum: S, minimizer: [S]) {
    guard let reference = references[name] else { preconditionFailure("Data/minima.json has no \(name)") }
    return (S(reference.minimum), reference.minimizer.map { S($0) })
  }

  static let breastCancer = load("breast_cancer")
  static let digits = load("digits")
  static let diabetes = load("diabetes")
  static let mnist1dTraining = load("mnist1d_train")
  static let mnist1dTest = load("mnist1d_test")
  static let references: [String: Reference] = {
    guard let url = Bundle.module.url(forResource: "minima", withExtension: "json", subdirectory: "Data"),
      let data = try? Data(contentsOf: url),
      let references = try? JSONDecoder().decode([String: Reference].self, from: data)
    else { preconditionFailure("the package's Data/minima.json is missing or unreadable") }
    return references
  }()

  /// A file of the package's own, so a failure to read it is a broken build, not bad input.
  static func load(_ name: String) -> Table {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Data"),
      let csv = try? EnumeratedCSV(url: url, delimiter: .comma, loadColumns: false)
    else { preconditionFailure("the package's Data/\(name).csv is missing or unreadable") }
    let columns = csv.header.count - 1
    var features: [Double] = []
    var targets: [Double] = []
    features.reserveCapacity(csv.rows.count * columns)
    for row in csv.rows {
      let numbers = row.compactMap(Double.init)
      guard row.count == columns + 1, numbers.count == row.count else {
        preconditionFailure("Data/\(name).csv has a row that is not \(columns + 1) numbers")
      }
      features += numbers.dropLast()
      targets.append(numbers[columns])
    }
    return Table(features: features, targets: targets, columns: columns)
  }

  static func dataset<S: DescentFloat>(_ table: Table, as _: S.Type) -> Dataset<S> {
    try! Dataset(features: table.features.map { S($0) }, targets: table.targets.map { S($0) }, columns: table.columns)
  }
}
