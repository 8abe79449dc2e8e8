// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Testing
  import _Differentiation

  /// The digits network of `TanhNetwork` (32 tanh units, softmax over 10 classes,
  /// (λ/2)‖θ‖²) written as a model struct; the data's column of ones is the hidden bias.
  struct DigitsNetwork: DifferentiableModel {
    typealias Scalar = Double
    var hiddenWeights: DifferentiableMatrix<Double>  // 32 × 65
    var outputWeights: DifferentiableMatrix<Double>  // 10 × 32
    var outputBias: DifferentiableVector<Double>  // 10

    static var parameters: [ModelParameter<DigitsNetwork>] {
      [.matrix(\.hiddenWeights), .matrix(\.outputWeights), .vector(\.outputBias)]
    }

    @differentiable(reverse)
    func loss(_ batch: DifferentiableMatrix<Double>, labels: [Int], regularization: Double) -> Double {
      let hidden = batch.multiplied(byTransposeOf: hiddenWeights).tanh()
      let logits = hidden.multiplied(byTransposeOf: outputWeights).addingToEachRow(outputBias)
      let penalty = hiddenWeights.squaredNorm() + outputWeights.squaredNorm() + outputBias.squaredNorm()
      return logits.softmaxCrossEntropy(labels: labels) + regularization / 2 * penalty
    }
  }

  /// A model whose `parameters` list repeats one vector, or leaves one out.
  struct MislistedModel: DifferentiableModel {
    typealias Scalar = Double
    var first = DifferentiableVector<Double>([1, 2])
    var second = DifferentiableVector<Double>([3])
    nonisolated(unsafe) static var listed: [ModelParameter<MislistedModel>] = []
    static var parameters: [ModelParameter<MislistedModel>] { listed }
  }

  /// A model struct minimised through `ModelObjective`: its loss and gradient equal the
  /// hand-written network's, its layout round-trips, and `minimize` trains it.
  @Suite struct ModelObjectiveTests {
    /// The hand-written network and the struct at the same weights (the struct's layout:
    /// W₁, then W₂ without its bias column, then the biases).
    static func pair() throws -> (TanhNetwork<Double>, ModelObjective<DigitsNetwork>, [Double]) {
      let written = try DigitsTanhNetwork<Double>().model
      let data = written.data
      let (h, p, k) = (written.hidden, data.columns, written.classes)
      let w = written.defaultStart
      let second = h * p
      let rowStarts: [Int] = (0..<k).map { second + $0 * (h + 1) }
      var output: [Double] = []
      for start in rowStarts { output += w[start..<(start + h)] }
      let bias: [Double] = rowStarts.map { w[$0 + h] }
      let model = DigitsNetwork(
        hiddenWeights: try DifferentiableMatrix(rows: h, columns: p, scalars: Array(w[0..<second])),
        outputWeights: try DifferentiableMatrix(rows: k, columns: h, scalars: output),
        outputBias: DifferentiableVector(bias))
      let batch = try DifferentiableMatrix(rows: data.rows, columns: p, scalars: data.features)
      let labels = data.targets.map { Int($0) }
      let lambda = written.regularization
      let objective = try ModelObjective(model: model) { $0.loss(batch, labels: labels, regularization: lambda) }
      return (written, objective, w)
    }

    /// The struct's order of the hand-written vector's entries.
    static func structOrder(hidden h: Int, inputs p: Int, classes k: Int) -> [Int] {
      let second = h * p
      return Array(0..<second) + (0..<k).flatMap { c in (0..<h).map { second + c * (h + 1) + $0 } }
        + (0..<k).map { second + $0 * (h + 1) + h }
    }

    @Test func gradientEqualsTheHandWrittenNetwork() throws {
      let (written, objective, w) = try Self.pair()
      let order = Self.structOrder(hidden: written.hidden, inputs: written.data.columns, classes: written.classes)
      #expect(objective.dimension == written.dimension)
      #expect(objective.start == order.map { w[$0] })
      var expected = [Double](repeating: 0, count: w.count)
      let expectedValue = w.withUnsafeBufferPointer { point in
        expected.withUnsafeMutableBufferPointer { written.valueAndGradient(at: point, into: $0) }
      }
      var gradient = expected
      let value = objective.start.withUnsafeBufferPointer { start in
        gradient.withUnsafeMutableBufferPointer { objective.valueAndGradient(at: start, into: $0) }
      }
      #expect(abs(value - expectedValue) <= 1e-12 * abs(expectedValue))
      let scale = expected.map(abs).max()!
      let largest = zip(order.map { expected[$0] }, gradient).map { abs($0 - $1) }.max()!
      #expect(largest <= 1e-12 * scale)
    }

    @Test func modelRoundTripsAndTrains() throws {
      let (_, objective, _) = try Self.pair()
      let start = objective.start
      let back = objective.model(at: start)
      #expect(DigitsNetwork.parameters.count == 3)
      // Its blocks: each listed matrix and vector by its name, in the vector's order.
      #expect(objective.parameterBlocks.map(\.name) == ["hiddenWeights", "outputWeights", "outputBias"])
      #expect(objective.parameterBlocks.map(\.shape) == [[32, 65], [10, 32], [10]])
      #expect(objective.parameterBlocks.map(\.offset) == [0, 32 * 65, 32 * 65 + 10 * 32])
      #expect(back.hiddenWeights.scalars == objective.template.hiddenWeights.scalars)
      #expect(back.outputBias.scalars == objective.template.outputBias.scalars)
      var optimizer = try LBFGS<Double>()
      let result = try minimize(objective, from: start, using: &optimizer, until: .init(maxGradientEvaluations: 10))
      let trained = objective.model(at: result.minimizer)
      #expect(objective.value(at: result.minimizer) < objective.value(at: start) / 4)  // 0.43 from 2.34
      #expect(trained.outputBias.scalars == Array(result.minimizer.suffix(10)))
    }

    /// Each stored matrix and vector is listed once, or the objective is refused.
    @Test func parametersAreListedOnceEach() throws {
      let loss: @Sendable @differentiable(reverse) (MislistedModel) -> Double = { $0.first.sum() + $0.second.sum() }
      MislistedModel.listed = [.vector(\.first), .vector(\.first)]
      #expect(throws: DescentError.self) { try ModelObjective(model: MislistedModel(), loss: loss) }
      MislistedModel.listed = [.vector(\.first)]
      #expect(throws: DescentError.self) { try ModelObjective(model: MislistedModel(), loss: loss) }
      MislistedModel.listed = [.vector(\.second), .vector(\.first)]
      let objective = try ModelObjective(model: MislistedModel(), loss: loss)
      #expect(objective.start == [3, 1, 2])
    }
  }
#endif
