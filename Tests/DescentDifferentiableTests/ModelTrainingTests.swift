// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentDifferentiable
  import DescentProblems
  import Testing
  import _Differentiation

  /// `digits-network-heldout`'s network (64 pixels and a column of ones → 32 tanh units →
  /// 10 classes, (λ/2)‖θ‖² with λ = 1/1437) as a classifier struct.
  struct HeldOutDigitsNetwork: DifferentiableClassifier {
    typealias Scalar = Double
    static let lambda = 1.0 / 1437
    var hiddenWeights: DifferentiableMatrix<Double>
    var outputWeights: DifferentiableMatrix<Double>
    var outputBias: DifferentiableVector<Double>

    static var parameters: [ModelParameter<HeldOutDigitsNetwork>] {
      [.matrix(\.hiddenWeights), .matrix(\.outputWeights), .vector(\.outputBias)]
    }

    @differentiable(reverse)
    func logits(_ batch: DifferentiableMatrix<Double>) -> DifferentiableMatrix<Double> {
      let hidden = batch.multiplied(byTransposeOf: hiddenWeights).tanh()
      return hidden.multiplied(byTransposeOf: outputWeights).addingToEachRow(outputBias)
    }

    @differentiable(reverse)
    func loss(_ batch: DifferentiableMatrix<Double>, labels: [Int]) -> Double {
      let penalty = hiddenWeights.squaredNorm() + outputWeights.squaredNorm() + outputBias.squaredNorm()
      return logits(batch).softmaxCrossEntropy(labels: labels) + Self.lambda / 2 * penalty
    }

    /// The shipped network's weights `w` (its layout: each output row with its bias).
    init(_ written: TanhNetwork<Double>, at w: [Double]) throws {
      let (h, p, k) = (written.hidden, written.data.columns, written.classes)
      let rowStarts = (0..<k).map { h * p + $0 * (h + 1) }
      hiddenWeights = try DifferentiableMatrix(rows: h, columns: p, scalars: Array(w[0..<(h * p)]))
      outputWeights = try DifferentiableMatrix(
        rows: k, columns: h, scalars: rowStarts.flatMap { w[$0..<($0 + h)] })
      outputBias = DifferentiableVector(rowStarts.map { w[$0 + h] })
    }
  }

  /// A model struct trained by epochs through the shipped models' loop.
  @Suite struct ModelTrainingTests {
    static func problems(seed: UInt64) throws -> (DigitsNetworkHeldOut<Double>, ModelTraining<HeldOutDigitsNetwork>) {
      let shipped = try DigitsNetworkHeldOut<Double>(batchSize: 100, seed: seed)
      let network = try HeldOutDigitsNetwork(shipped.model, at: shipped.defaultStart)
      let training = try ModelTraining(
        model: network, training: shipped.model.data, test: shipped.testData, batchSize: 100, seed: seed)
      return (shipped, training)
    }

    /// The same batches, losses and test accuracy as `digits-network-heldout` epoch by
    /// epoch (to rounding: the struct sums in another order), and a resumed run is the
    /// run that never stopped, bit for bit.
    @Test func aStructTrainsByEpochsAsTheShippedNetwork() throws {
      let (shipped, training) = try Self.problems(seed: 3)
      #expect(shipped.model.regularization == HeldOutDigitsNetwork.lambda)
      #expect(training.dimension == shipped.dimension && training.gradientsPerEpoch == shipped.gradientsPerEpoch)
      var (gd, again) = (try GradientDescent<Double>(learningRate: 0.5), try GradientDescent<Double>(learningRate: 0.5))
      let expected = try shipped.train(from: shipped.defaultStart, using: &gd, epochs: 3)
      let run = try training.train(from: training.start, using: &again, epochs: 3)
      #expect(run.records.count == 4 && run.termination == .maxGradientEvaluations)
      for (mine, theirs) in zip(run.records, expected.records) {
        #expect(mine.gradientEvaluations == theirs.gradientEvaluations)
        #expect(abs(mine.trainingLoss - theirs.trainingLoss) <= 1e-10 * theirs.trainingLoss)
        #expect(abs(mine.testLoss - theirs.testLoss) <= 1e-10 * theirs.testLoss)
        #expect(mine.testAccuracy == theirs.testAccuracy)
      }
      #expect(run.records.last!.testAccuracy > 0.8)

      let (_, first) = try Self.problems(seed: 3)
      var saved: (TrainingProgress<Double>, GradientDescent<Double>)?
      var method = try GradientDescent<Double>(learningRate: 0.5)
      _ = try first.train(
        from: first.start, using: &method, epochs: 1, checkpoint: { progress, method in saved = (progress, method) })
      let (_, later) = try Self.problems(seed: 3)
      var resumed = saved!.1
      let rest = try later.train(from: later.start, using: &resumed, epochs: 3, resuming: saved!.0)
      #expect(rest.records == run.records)
      #expect(rest.minimizer.map(\.bitPattern) == run.minimizer.map(\.bitPattern))
    }

    /// Labels outside the model's classes are refused with a typed error, before a run.
    @Test func labelsOutsideTheClassesAreRefused() throws {
      let (shipped, training) = try Self.problems(seed: 0)
      let data = shipped.testData
      let relabelled = try Dataset(features: data.features, targets: data.targets.map { $0 + 5 }, columns: data.columns)
      #expect(throws: DescentError.self) {
        try ModelTraining(model: training.model(at: training.start), training: shipped.model.data, test: relabelled)
      }
    }
  }
#endif
