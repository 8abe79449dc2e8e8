// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Foundation
  import _Differentiation

  // The gradient of differentiable Swift against the hand-written one, in the same run:
  // chained Rosenbrock and a 50-row logistic regression written as loops over a
  // `DifferentiableVector` (and, for contrast, over a `[Double]`), the regression written
  // with whole-array operations, and the digits network as a model struct. Scalar
  // arithmetic has derivatives for Float and Double only, so each loop is written per
  // precision; whole-array code is generic.

  @differentiable(reverse)
  func loopRosenbrock(_ w: DifferentiableVector<Double>) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  @differentiable(reverse)
  func loopRosenbrock(_ w: DifferentiableVector<Float>) -> Float {
    var total: Float = 0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  @differentiable(reverse)
  func arrayRosenbrock(_ w: [Double]) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count - 1) {
      let a = w[i + 1] - w[i] * w[i]
      let b = 1 - w[i]
      total = total + 100 * a * a + b * b
    }
    return total
  }

  @differentiable(reverse)
  func loopSum(_ w: DifferentiableVector<Double>) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count) { total = total + w[i] }
    return total
  }

  @differentiable(reverse)
  func loopSquares(_ w: DifferentiableVector<Double>) -> Double {
    var total = 0.0
    for i in 0..<withoutDerivative(at: w.count) { total = total + w[i] * w[i] }
    return total
  }

  /// (1/n) Σᵢ log(1 + e^{zᵢ}) − yᵢzᵢ, zᵢ = xᵢᵀw, as loops (Double).
  func loopLogistic(features x: [Double], targets y: [Double], columns d: Int)
    -> @Sendable @differentiable(reverse) (DifferentiableVector<Double>) -> Double
  {
    { w in
      var total = 0.0
      for i in 0..<y.count {
        var z = 0.0
        for j in 0..<d { z = z + x[i * d + j] * w[j] }
        total = total + Foundation.log(1 + Foundation.exp(z)) - y[i] * z
      }
      return total / Double(y.count)
    }
  }

  /// The same regression as loops (Float).
  func loopLogistic(features x: [Float], targets y: [Float], columns d: Int)
    -> @Sendable @differentiable(reverse) (DifferentiableVector<Float>) -> Float
  {
    { w in
      var total: Float = 0
      for i in 0..<y.count {
        var z: Float = 0
        for j in 0..<d { z = z + x[i * d + j] * w[j] }
        total = total + Foundation.log(1 + Foundation.exp(z)) - y[i] * z
      }
      return total / Float(y.count)
    }
  }

  /// The same regression with whole-array operations: mean softplus(Xw) − yᵀXw / n.
  func wholeArrayLogistic<S: DescentFloat & Differentiable>(features: [S], targets: [S], columns d: Int)
    -> @Sendable @differentiable(reverse) (DifferentiableVector<S>) -> S
  where S.TangentVector == S {
    let n = targets.count
    let x = try! DifferentiableMatrix(rows: n, columns: d, scalars: features)
    // 1/n folded into a constant, as scalar arithmetic is not differentiable generically.
    let (y, mean) = (DifferentiableVector(targets), DifferentiableVector([S](repeating: 1 / S(n), count: n)))
    return { w in
      let z = x.multiplied(by: w)
      return (z.softplus() - z * y).dot(mean)
    }
  }

  /// `TanhNetwork`'s digits network (λ = 0) as a model struct, the hidden bias being the
  /// data's column of ones.
  struct DigitsNetwork<S: DescentFloat & Differentiable>: DifferentiableModel where S.TangentVector == S {
    typealias Scalar = S
    var hiddenWeights: DifferentiableMatrix<S>
    var outputWeights: DifferentiableMatrix<S>
    var outputBias: DifferentiableVector<S>

    static var parameters: [ModelParameter<DigitsNetwork>] {
      [.matrix(\.hiddenWeights), .matrix(\.outputWeights), .vector(\.outputBias)]
    }

    @differentiable(reverse)
    func loss(_ batch: DifferentiableMatrix<S>, labels: [Int]) -> S {
      let hidden = batch.multiplied(byTransposeOf: hiddenWeights).tanh()
      return hidden.multiplied(byTransposeOf: outputWeights).addingToEachRow(outputBias)
        .softmaxCrossEntropy(labels: labels)
    }
  }

  /// One line of the table: what, d, both times and their ratio.
  func report(_ name: String, _ precision: String, _ d: Int, _ written: Double, _ compiled: Double) {
    let label = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    print(
      label + precision.padding(toLength: 8, withPad: " ", startingAt: 0)
        + String(format: "%8d %14.4f %16.3f %10.1fx", d, written, compiled, compiled / written))
  }

  /// Repeats so that each timing lasts a few milliseconds at least.
  func repeats(_ d: Int) -> Int { d >= 100_000 ? 5 : 15 }

  func loopCosts<S: DescentFloat & Differentiable>(
    _: S.Type, rosenbrock: @escaping @Sendable @differentiable(reverse) (DifferentiableVector<S>) -> S,
    logistic: ([S], [S], Int) -> @Sendable @differentiable(reverse) (DifferentiableVector<S>) -> S
  ) throws where S.TangentVector == S {
    let precision = S.self == Float.self ? "Float" : "Double"
    for d in [100, 1_000, 10_000, 100_000] {
      let w = (0..<d).map { S($0 % 7) / 70 - S(0.05) }
      var g = [S](repeating: 0, count: d)
      let written = try Rosenbrock<S>(dimension: d)
      let compiled = try DifferentiableObjective<S>(dimension: d, rosenbrock)
      let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
      report(
        "rosenbrock, loop", precision, d, a, milliseconds({ compiled.gradient(at: w, into: &g) }, repeats: repeats(d)))
    }
    for d in [100, 1_000, 10_000, 100_000] {
      let n = 50
      let features = (0..<(n * d)).map { S(($0 * 7) % 11) / 11 - S(0.4) }
      let targets = (0..<n).map { S($0 % 2) }
      let w = (0..<d).map { S($0 % 7) / 70 - S(0.05) }
      var g = [S](repeating: 0, count: d)
      let written = try LogisticRegression(
        data: try Dataset(features: features, targets: targets, columns: d), regularization: 0)
      let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
      let loop = try DifferentiableObjective<S>(dimension: d, logistic(features, targets, d))
      report(
        "logistic, 50 rows, loop", precision, d, a,
        milliseconds({ loop.gradient(at: w, into: &g) }, repeats: repeats(d)))
      let whole = try DifferentiableObjective<S>(
        dimension: d, wholeArrayLogistic(features: features, targets: targets, columns: d))
      report("logistic, 50 rows, whole-array", precision, d, a, milliseconds({ whole.gradient(at: w, into: &g) }))
    }
  }

  /// The model struct's gradient against the hand-written network's, on the first `n`
  /// digits, one thread each (the hand-written network's threads are DESCENT_THREADS).
  func networkCost<S: DescentFloat & Differentiable>(_: S.Type) throws where S.TangentVector == S {
    let precision = S.self == Float.self ? "Float" : "Double"
    let full = try DigitsTanhNetwork<S>().model
    for n in [64, 256, full.data.rows] {
      let p = full.data.columns
      let data = try Dataset(
        features: Array(full.data.features[0..<(n * p)]), targets: Array(full.data.targets[0..<n]), columns: p)
      let written = try TanhNetwork(data: data, hidden: full.hidden, classes: full.classes, regularization: 0)
      let (h, k) = (written.hidden, written.classes)
      let batch = try DifferentiableMatrix(rows: n, columns: p, scalars: data.features)
      let labels = data.targets.map { Int($0) }
      let model = DigitsNetwork<S>(
        hiddenWeights: try DifferentiableMatrix(rows: h, columns: p, scalars: [S](repeating: S(0.01), count: h * p)),
        outputWeights: try DifferentiableMatrix(rows: k, columns: h, scalars: [S](repeating: S(0.02), count: k * h)),
        outputBias: DifferentiableVector([S](repeating: 0, count: k)))
      let objective = try ModelObjective(model: model) { $0.loss(batch, labels: labels) }
      let w = written.defaultStart
      let v = objective.start
      var g = [S](repeating: 0, count: w.count)
      let a = milliseconds({ written.gradient(at: w, into: &g) })
      let b = milliseconds({ objective.gradient(at: v, into: &g) })
      report("digits network struct, batch", precision, n, a, b)
    }
  }

  /// Milliseconds per gradient, hand-written and differentiable, and their ratio.
  func differentiableCost() throws {
    let threads =
      ProcessInfo.processInfo.environment["DESCENT_THREADS"]
      ?? "all \(ProcessInfo.processInfo.activeProcessorCount) cores"
    print("threads: hand-written \(threads) (DESCENT_THREADS), differentiable 1")
    print("what                              scalar         d  hand-written ms  differentiable ms      ratio")
    try loopCosts(
      Double.self, rosenbrock: { loopRosenbrock($0) },
      logistic: { loopLogistic(features: $0, targets: $1, columns: $2) })
    try loopCosts(
      Float.self, rosenbrock: { loopRosenbrock($0) }, logistic: { loopLogistic(features: $0, targets: $1, columns: $2) }
    )
    // The emptiest loops, Σ wᵢ and Σ wᵢ², against the hand-written gradient of Σ wᵢ²: the
    // floor of a differentiated loop's cost per operation.
    do {
      let d = 10_000
      let w = (0..<d).map { Double($0 % 7) / 70 - 0.05 }
      var g = [Double](repeating: 0, count: d)
      let written = try Quadratic<Double>(curvature: .diagonal([Double](repeating: 2, count: d)))
      let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
      let sum = try DifferentiableObjective<Double>(dimension: d) { loopSum($0) }
      let squares = try DifferentiableObjective<Double>(dimension: d) { loopSquares($0) }
      report("Σ wᵢ, loop (beside Σ wᵢ² by hand)", "Double", d, a, milliseconds { sum.gradient(at: w, into: &g) })
      report("Σ wᵢ², loop", "Double", d, a, milliseconds { squares.gradient(at: w, into: &g) })
    }
    // Reading a `[Double]` element by element: O(d²).
    for d in [100, 1_000] {
      let w = (0..<d).map { Double($0 % 7) / 70 - 0.05 }
      var g = [Double](repeating: 0, count: d)
      let written = try Rosenbrock<Double>(dimension: d)
      let compiled = try DifferentiableObjective<Double>(dimension: d) { arrayRosenbrock($0) }
      let a = milliseconds({ written.gradient(at: w, into: &g) }, repeats: 201)
      report(
        "rosenbrock, loop over [Double]", "Double", d, a,
        milliseconds({ compiled.gradient(at: w, into: &g) }, repeats: 5)
      )
    }
    try networkCost(Double.self)
    try networkCost(Float.self)
  }
#endif
