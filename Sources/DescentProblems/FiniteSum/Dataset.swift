import Descent

/// Examples for a finite-sum problem: n rows of p features, row-major, and a target
/// per row (a number for regression, a class index 0, 1, … for classification).
public struct Dataset<Scalar: DescentFloat>: Sendable {
  /// n.
  public let rows: Int
  /// p.
  public let columns: Int
  /// Row i at `i·p ..< (i + 1)·p`.
  public let features: [Scalar]
  public let targets: [Scalar]

  public init(features: [Scalar], targets: [Scalar], columns: Int) throws(DescentError) {
    try DescentError.require(columns >= 1, "columns", columns, "an integer ≥ 1")
    try DescentError.require(
      !targets.isEmpty && features.count == targets.count * columns, "features", "\(features.count) numbers",
      "\(targets.count) rows of \(columns)")
    try DescentError.requireFiniteVector(features, named: "features", dimension: features.count)
    try DescentError.requireFiniteVector(targets, named: "targets", dimension: targets.count)
    self.rows = targets.count
    self.columns = columns
    self.features = features
    self.targets = targets
  }

  /// Each column shifted to mean 0 and scaled to population variance 1 (a constant
  /// column is only shifted), then a column of ones appended for the intercept. With a
  /// `reference` (a training set, for its test set) the means and deviations are the
  /// reference's, so that the test set is scaled as the model was trained.
  public func standardizedWithIntercept(statisticsOf reference: Dataset? = nil) -> Dataset {
    let (n, p) = (rows, columns)
    let source = reference ?? self
    precondition(source.columns == p, "Dataset: the reference has \(source.columns) columns, not \(p)")
    var result = [Scalar](repeating: 1, count: n * (p + 1))
    for j in 0..<p {
      let m = source.rows
      var mean: Scalar = 0
      for i in 0..<m { mean += source.features[i * p + j] }
      mean /= Scalar(m)
      var variance: Scalar = 0
      for i in 0..<m { variance += (source.features[i * p + j] - mean) * (source.features[i * p + j] - mean) }
      let deviation = (variance / Scalar(m)).squareRoot()
      let scale = deviation > 0 ? 1 / deviation : 1
      for i in 0..<n { result[i * (p + 1) + j] = (features[i * p + j] - mean) * scale }
    }
    return try! Dataset(features: result, targets: targets, columns: p + 1)
  }

  /// Every feature multiplied by `factor`, then a column of ones appended.
  public func scaledWithIntercept(by factor: Scalar) -> Dataset {
    let (n, p) = (rows, columns)
    var result = [Scalar](repeating: 1, count: n * (p + 1))
    for i in 0..<n {
      for j in 0..<p { result[i * (p + 1) + j] = features[i * p + j] * factor }
    }
    return try! Dataset(features: result, targets: targets, columns: p + 1)
  }

  /// The targets shifted to mean 0 and scaled to population variance 1.
  public func standardizedTargets() -> Dataset {
    let n = Scalar(rows)
    let mean = targets.reduce(0, +) / n
    let deviation = (targets.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
    let scaled = targets.map { ($0 - mean) / (deviation > 0 ? deviation : 1) }
    return try! Dataset(features: features, targets: scaled, columns: columns)
  }

  /// The rows `indices`, in that order.
  public func rows(_ indices: [Int]) throws(DescentError) -> Dataset {
    try DescentError.require(
      indices.allSatisfy { $0 >= 0 && $0 < rows }, "rows", "an index outside 0 ..< \(rows)", "row indices 0 ..< \(rows)"
    )
    let p = columns
    return try Dataset(
      features: indices.flatMap { features[($0 * p)..<(($0 + 1) * p)] }, targets: indices.map { targets[$0] },
      columns: p)
  }

  /// A seeded split into a training and a test set of `testRows` rows: the rows shuffled
  /// by `seed` (the same seed, the same split), the first `testRows` of them for the test
  /// set, each set in the rows' own order.
  public func split(testRows: Int, seed: UInt64) throws(DescentError) -> (training: Dataset, test: Dataset) {
    try DescentError.require(
      testRows >= 1 && testRows < rows, "test-rows", testRows, "an integer from 1 to \(rows - 1)")
    var generator = SeededGenerator(seed: seed)
    var order = Array(0..<rows)
    order.shuffle(using: &generator)
    return (try self.rows(order[testRows...].sorted()), try self.rows(order[..<testRows].sorted()))
  }

  /// `count` of these rows held out for validation (none when 0), split as
  /// ``split(testRows:seed:)`` splits with seed 0: the same rows whatever the run's seed,
  /// so that seeds vary the run and not its data.
  public func holdingOut(validationRows count: Int) throws(DescentError) -> (training: Dataset, validation: Dataset?) {
    try DescentError.require(
      count >= 0 && count < rows, "validation-rows", count,
      "an integer from 0 to \(rows - 1) (of the \(rows) training rows)")
    guard count > 0 else { return (self, nil) }
    let (training, validation) = try split(testRows: count, seed: 0)
    return (training, validation)
  }
}
