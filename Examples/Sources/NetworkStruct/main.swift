// A network written as a Swift struct and trained by `minimize`: the digits network of
// the suite (64 pixels and a column of ones → 32 tanh units → 10 classes, cross-entropy
// plus (λ/2)‖θ‖²), its gradient from differentiable Swift through the whole-array
// operations of DescentDifferentiable, checked against the hand-written network in
// Tests/DescentDifferentiableTests/ModelObjectiveTests.swift. Then the same struct trained
// by epochs (`ModelTraining`: batches of 100, the test rows measured after each epoch),
// through the loop that trains the shipped models.
//
//   swift run --package-path Examples NetworkStruct [gradients] [epochs]
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import _Differentiation

  struct DigitsNetwork: DifferentiableClassifier {
    typealias Scalar = Float
    var hiddenWeights: DifferentiableMatrix<Float>  // 32 units × 65 inputs (the last is 1: the bias)
    var outputWeights: DifferentiableMatrix<Float>  // 10 classes × 32 units
    var outputBias: DifferentiableVector<Float>

    /// The parameters in the order the optimizer's vector holds them.
    static var parameters: [ModelParameter<DigitsNetwork>] {
      [.matrix(\.hiddenWeights), .matrix(\.outputWeights), .vector(\.outputBias)]
    }

    @differentiable(reverse)
    func logits(_ batch: DifferentiableMatrix<Float>) -> DifferentiableMatrix<Float> {
      let hidden = batch.multiplied(byTransposeOf: hiddenWeights).tanh()
      return hidden.multiplied(byTransposeOf: outputWeights).addingToEachRow(outputBias)
    }

    @differentiable(reverse)
    func loss(_ batch: DifferentiableMatrix<Float>, labels: [Int], regularization: Float) -> Float {
      let penalty = hiddenWeights.squaredNorm() + outputWeights.squaredNorm() + outputBias.squaredNorm()
      return logits(batch).softmaxCrossEntropy(labels: labels) + regularization / 2 * penalty
    }

    /// The share of `batch`'s rows whose largest logit is their label.
    func accuracy(_ batch: DifferentiableMatrix<Float>, labels: [Int]) -> Float {
      let scores = logits(batch)
      let correct = labels.indices.filter { row in
        let slice = scores.scalars[(row * scores.columns)..<((row + 1) * scores.columns)]
        return slice.indices.max { slice[$0] < slice[$1] }! - row * scores.columns == labels[row]
      }
      return Float(correct.count) / Float(labels.count)
    }
  }

  // The suite's digits (pixels / 16, a column of ones), split 1,500 / 297.
  let data = try DigitsTanhNetwork<Float>().model.data
  let (p, trainRows) = (data.columns, 1_500)
  let train = try DifferentiableMatrix(rows: trainRows, columns: p, scalars: Array(data.features[..<(trainRows * p)]))
  let test = try DifferentiableMatrix(
    rows: data.rows - trainRows, columns: p, scalars: Array(data.features[(trainRows * p)...]))
  let trainLabels = data.targets[..<trainRows].map { Int($0) }
  let testLabels = data.targets[trainRows...].map { Int($0) }

  // Weights from U(−1/√fan-in, 1/√fan-in), seeded.
  // (The generator is passed in: Swift 6 keeps top-level variables to the main actor.)
  func uniform(_ count: Int, fanIn: Int, _ generator: inout SeededGenerator) -> [Float] {
    (0..<count).map { _ in Float(2 * generator.uniform() - 1) / Float(fanIn).squareRoot() }
  }
  var generator = SeededGenerator(seed: 1)
  let network = DigitsNetwork(
    hiddenWeights: try DifferentiableMatrix(rows: 32, columns: p, scalars: uniform(32 * p, fanIn: p, &generator)),
    outputWeights: try DifferentiableMatrix(rows: 10, columns: 32, scalars: uniform(10 * 32, fanIn: 33, &generator)),
    outputBias: DifferentiableVector(uniform(10, fanIn: 33, &generator)))

  let lambda = 1 / Float(trainRows)
  let objective = try ModelObjective(model: network) { $0.loss(train, labels: trainLabels, regularization: lambda) }
  let budget = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200 : 200
  var planner = try SafeguardedCsawg<Float>()  // its defaults: no step size to choose
  let result = try minimize(
    objective, from: objective.start, using: &planner, until: StoppingRules(maxGradientEvaluations: budget))
  let trained = objective.model(at: result.minimizer)

  print(
    "digits network (\(objective.dimension) weights) trained by csawg-safeguarded, \(result.gradientEvaluations) gradients:"
  )
  print("  training loss \(objective.value(at: objective.start)) → \(result.value)")
  print("  test accuracy \(network.accuracy(test, labels: testLabels)) → \(trained.accuracy(test, labels: testLabels))")

  // By epochs: the struct's mean cross-entropy (its `DifferentiableClassifier` loss) on
  // batches of 100 of the 1,500 rows, AdamW, the 297 test rows after each epoch.
  let rows = (
    train: try Dataset(
      features: Array(data.features[..<(trainRows * p)]), targets: Array(data.targets[..<trainRows]), columns: p),
    test: try Dataset(
      features: Array(data.features[(trainRows * p)...]), targets: Array(data.targets[trainRows...]), columns: p)
  )
  let byEpochs = try ModelTraining(model: network, training: rows.train, test: rows.test, batchSize: 100, seed: 0)
  let epochs = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 5 : 5
  var adamW = try AdamW<Float>(learningRate: 3e-3)
  print("by epochs, adamw, \(byEpochs.gradientsPerEpoch) batches an epoch:")
  let run = try byEpochs.train(from: byEpochs.start, using: &adamW, epochs: epochs) { record in
    print("  epoch \(record.epoch): training loss \(record.trainingLoss), test accuracy \(record.testAccuracy)")
    return true
  }
  let best = run.best.map { "epoch \($0.epoch)" } ?? "none"
  print("  best epoch by training loss: \(best)")
#else
  print(
    "NetworkStruct needs a Swift toolchain with _Differentiation (swift.org's for Linux and macOS; Xcode's has none)")
#endif
