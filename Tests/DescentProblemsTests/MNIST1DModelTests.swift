import Descent
import DescentProblems
import Foundation
import Testing

/// The MNIST-1D repository's three models, their mean cross-entropy and its gradient on
/// PyTorch's initial weights (seed 0) and the first 8 training rows, against PyTorch's
/// own (float64, `Utilities/Reference/mnist1d_models.py`).
@Suite struct MNIST1DModelTests {
  struct Fixture: Decodable {
    struct Model: Decodable {
      let parameters: [Double]
      let loss: Double
      let gradient: [Double]
    }
    let rows: Int
    let models: [String: Model]
  }

  static let fixture: Fixture = {
    let url = Bundle.module.url(forResource: "mnist1d_gradients", withExtension: "json", subdirectory: "Fixtures")!
    return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
  }()

  /// The first `rows` training examples.
  static func batch<S: DescentFloat>(_: S.Type) -> Dataset<S> {
    let all = MNIST1D.training(as: S.self)
    let rows = fixture.rows
    return try! Dataset(
      features: Array(all.features[0..<(rows * all.columns)]), targets: Array(all.targets[0..<rows]),
      columns: all.columns)
  }

  /// `objective`'s loss and gradient at `w` against PyTorch's, within `tolerance` of the
  /// largest component; the gradient is handed back for the next check.
  @discardableResult
  static func expectTorch<Problem: Objective>(
    _ objective: Problem, at w: [Problem.Scalar], loss: Double, gradient expected: [Double], tolerance: Double,
    _ name: String
  ) -> [Problem.Scalar] {
    var g = [Problem.Scalar](repeating: 0, count: w.count)
    let value = w.withUnsafeBufferPointer { point in
      g.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: point, into: $0) }
    }
    let scale = expected.map(abs).max()!
    let gap = zip(g, expected).map { abs(Double($0) - $1) }.max()!
    #expect(
      abs(Double(value) - loss) <= tolerance * loss, "\(name) \(Problem.Scalar.self): loss \(value), PyTorch \(loss)")
    #expect(gap <= tolerance * scale, "\(name) \(Problem.Scalar.self): largest gap \(gap) of \(scale)")
    return g
  }

  @Test func logisticRegressionIsPyTorchs() throws {
    // PyTorch's Linear holds W (10 × 40) then b; SoftmaxRegression a row [Wₖ, bₖ] per class
    // over the features with a column of ones.
    let torch = Self.fixture.models["logistic"]!
    let order = (0..<10).flatMap { k in (0..<40).map { k * 40 + $0 } + [400 + k] }
    func check<S: DescentFloat>(_: S.Type, tolerance: Double) throws {
      let model = try SoftmaxRegression(
        data: Self.batch(S.self).scaledWithIntercept(by: 1), classes: 10, regularization: 0)
      Self.expectTorch(
        model, at: order.map { S(torch.parameters[$0]) }, loss: torch.loss, gradient: order.map { torch.gradient[$0] },
        tolerance: tolerance, "logistic")
    }
    try check(Double.self, tolerance: 1e-12)
    try check(Float.self, tolerance: 1e-5)
  }

  @Test func mlpIsPyTorchs() throws {
    let torch = Self.fixture.models["mlp"]!
    func check<S: DescentFloat>(_: S.Type, tolerance: Double) throws {
      let model = try ResidualMLP(data: Self.batch(S.self), hidden: 100, classes: 10)
      #expect(model.dimension == torch.parameters.count)
      Self.expectTorch(
        model, at: torch.parameters.map { S($0) }, loss: torch.loss, gradient: torch.gradient, tolerance: tolerance,
        "mlp")
    }
    try check(Double.self, tolerance: 1e-12)
    try check(Float.self, tolerance: 1e-5)
  }

  @Test func cnnIsPyTorchs() throws {
    let torch = Self.fixture.models["cnn"]!
    func check<S: DescentFloat>(_: S.Type, tolerance: Double) throws {
      let model = try ConvNetwork1D(data: Self.batch(S.self), channels: 25, classes: 10)
      #expect(model.dimension == torch.parameters.count)
      Self.expectTorch(
        model, at: torch.parameters.map { S($0) }, loss: torch.loss, gradient: torch.gradient, tolerance: tolerance,
        "cnn")
    }
    try check(Double.self, tolerance: 1e-12)
    try check(Float.self, tolerance: 1e-5)
  }

  /// The seeded starts have PyTorch's layout and bounds.
  @Test func startsAreSeededAndBounded() throws {
    let data = Self.batch(Double.self)
    let mlp = try ResidualMLP(data: data, classes: 10, seed: 3)
    #expect(mlp.defaultStart.count == mlp.dimension)
    #expect(try ResidualMLP(data: data, classes: 10, seed: 3).defaultStart == mlp.defaultStart)
    #expect(mlp.defaultStart.prefix(4000).allSatisfy { abs($0) <= 1 / 40.0.squareRoot() })
    let cnn = try ConvNetwork1D(data: data, classes: 10, seed: 3)
    #expect(cnn.defaultStart.count == cnn.dimension)
    #expect(cnn.defaultStart.prefix(125).allSatisfy { abs($0) <= 1 / 5.0.squareRoot() })
    #expect(try ResidualMLP(data: data, classes: 10, seed: 4).defaultStart != mlp.defaultStart)
  }
}

extension MNIST1DModelTests {
  /// Each model describes its parameters as the layers PyTorch's `named_parameters()`
  /// lists for the mnist1d repository's modules (Utilities/Reference/mnist1d_models.py),
  /// and its output bias is where the block says: class 3's bias alone calls every row 3.
  @Test func parameterBlocksAreTheLayers() throws {
    let batch = Self.batch(Double.self)
    let threes = Double(batch.targets.filter { $0 == 3 }.count) / 8
    func check<C: Classifier>(_ model: C, _ expected: [(String, [Int])], bias: (block: String, entry: Int))
      throws where C.Scalar == Double
    {
      let blocks = model.parameterBlocks
      #expect(blocks.map(\.name) == expected.map(\.0) && blocks.map(\.shape) == expected.map(\.1))
      #expect(blocks.last?.range.upperBound == model.dimension && blocks.first?.offset == 0)
      let block = try #require(blocks.first { $0.name == bias.block })
      var w = [Double](repeating: 0, count: model.dimension)
      w[block.offset + bias.entry] = 1
      #expect(try model.evaluate(on: model.data, at: w).accuracy == threes, "\(bias.block)")
    }
    try check(
      SoftmaxRegression(data: batch.scaledWithIntercept(by: 1), classes: 10, regularization: 0),
      [("weight", [10, 41])],
      bias: ("weight", 3 * 41 + 40))
    try check(
      ResidualMLP(data: batch, classes: 10),
      [
        ("linear1.weight", [100, 40]), ("linear1.bias", [100]), ("linear2.weight", [100, 100]),
        ("linear2.bias", [100]), ("linear3.weight", [10, 100]), ("linear3.bias", [10]),
      ], bias: ("linear3.bias", 3))
    try check(
      ConvNetwork1D(data: batch, classes: 10),
      [
        ("conv1.weight", [25, 1, 5]), ("conv1.bias", [25]), ("conv2.weight", [25, 25, 3]), ("conv2.bias", [25]),
        ("conv3.weight", [25, 25, 3]), ("conv3.bias", [25]), ("linear.weight", [10, 125]), ("linear.bias", [10]),
      ], bias: ("linear.bias", 3))
    try check(
      TanhNetwork(data: batch, hidden: 8, classes: 10, regularization: 0),
      [("hidden.weight", [8, 40]), ("output.weight", [10, 9])], bias: ("output.weight", 3 * 9 + 8))
  }

  /// A classifier's held-out numbers: its mean cross-entropy is the finite sum's value
  /// (λ = 0), and its accuracy counts the rows whose largest logit is the label.
  @Test func classifiersEvaluateAHeldOutSet() throws {
    let batch = Self.batch(Double.self)
    func check<C: Classifier>(_ model: C, _ name: String) throws where C.Scalar == Double {
      let w = (0..<model.dimension).map { Double(($0 * 7) % 13) / 13 - 0.45 }
      let (accuracy, loss) = try model.evaluate(on: model.data, at: w)
      #expect(abs(loss - model.value(at: w)) <= 1e-12 * loss, "\(name)")
      #expect(accuracy >= 0 && accuracy <= 1 && accuracy * Double(batch.rows) == (accuracy * 8).rounded())
      #expect(throws: DescentError.self) { try model.evaluate(on: model.data, at: [1]) }
    }
    try check(ResidualMLP(data: batch, classes: 10), "mlp")
    try check(ConvNetwork1D(data: batch, classes: 10), "cnn")
    try check(TanhNetwork(data: batch, hidden: 8, classes: 10, regularization: 0), "tanh network")
    let logistic = try SoftmaxRegression(data: batch.scaledWithIntercept(by: 1), classes: 10, regularization: 0)
    try check(logistic, "logistic")
    // Weights that put all the mass on the intercept of class 3: every row is called 3.
    var w = [Double](repeating: 0, count: logistic.dimension)
    w[3 * 41 + 40] = 1
    let threes = Double(batch.targets.filter { $0 == 3 }.count) / 8
    #expect(try logistic.evaluate(on: logistic.data, at: w).accuracy == threes)
  }
}
