// The toolchain may lack the experimental module (Xcode's does): then this file is empty.
#if canImport(_Differentiation)
  import Descent
  import DescentProblems
  import _Differentiation

  /// A ``DifferentiableModel`` that classifies: its logits, a row of class scores per row
  /// of a batch, and the loss it trains on (by default their mean cross-entropy; a model
  /// with a penalty adds it in its own `loss`).
  public protocol DifferentiableClassifier: DifferentiableModel {
    @differentiable(reverse)
    func logits(_ batch: DifferentiableMatrix<Scalar>) -> DifferentiableMatrix<Scalar>

    @differentiable(reverse)
    func loss(_ batch: DifferentiableMatrix<Scalar>, labels: [Int]) -> Scalar
  }

  extension DifferentiableClassifier {
    @differentiable(reverse)
    public func loss(_ batch: DifferentiableMatrix<Scalar>, labels: [Int]) -> Scalar {
      logits(batch).softmaxCrossEntropy(labels: labels)
    }
  }

  /// A ``DifferentiableClassifier`` trained by epochs on minibatches of a dataset's rows,
  /// with the held-out accuracy and loss after each epoch: the training loop of the
  /// shipped models (``EpochTrainable/train(from:using:epochs:maxGradientEvaluations:maxValueEvaluations:resuming:each:checkpoint:)``),
  /// its checkpoints and resumption, its best epoch by validation loss.
  ///
  ///     let training = try ModelTraining(model: network, training: train, test: test, batchSize: 100, seed: 0)
  ///     var optimizer = try AdamW<Float>(learningRate: 3e-3)
  ///     let run = try training.train(from: training.start, using: &optimizer, epochs: 30)
  ///     let trained = training.model(at: run.evaluationPoint)
  ///
  /// A dataset's targets are class indices 0 … K − 1; each batch of B rows is drawn as
  /// the shipped models draw theirs (``MinibatchSampler``, a new seeded order each epoch).
  public struct ModelTraining<Model: DifferentiableClassifier>: EpochTrainable {
    public typealias Scalar = Model.Scalar
    /// The model's parameters laid end to end, as the optimizer holds them.
    public let layout: ModelObjective<Model>
    public let training: Dataset<Scalar>
    public let test: Dataset<Scalar>
    public let validation: Dataset<Scalar>?
    public private(set) var batchSize: Int
    public private(set) var batchSampler: MinibatchSampler?
    let trainingLabels: [Int]

    /// `batchSize` 0 trains on every row at each step.
    public init(
      model: Model, training: Dataset<Scalar>, test: Dataset<Scalar>, validation: Dataset<Scalar>? = nil,
      batchSize: Int = 100, seed: UInt64 = 0
    ) throws(DescentError) {
      try DescentError.require(
        (0...training.rows).contains(batchSize), "batch-size", batchSize,
        "0 (all rows) or 1 … the \(training.rows) training rows")
      layout = try ModelObjective(model: model) { _ in 0 }
      // The classes are the logits' columns, read off one row.
      let row = try DifferentiableMatrix(
        rows: 1, columns: training.columns, scalars: Array(training.features.prefix(training.columns)))
      let classes = model.logits(row).columns
      for data in [training, test] + (validation.map { [$0] } ?? []) {
        try DescentError.require(
          data.columns == training.columns, "columns", data.columns, "the training rows' \(training.columns)")
        try DescentError.require(
          data.rows >= 1 && data.targets.allSatisfy { $0 >= 0 && $0 < Scalar(classes) && $0 == $0.rounded() },
          "targets", "\(data.rows) rows", "at least one row, each labelled with a class 0 … \(classes - 1)")
      }
      (self.training, self.test, self.validation, self.batchSize) = (training, test, validation, batchSize)
      batchSampler = batchSize == 0 ? nil : MinibatchSampler(rows: training.rows, batchSize: batchSize, seed: seed)
      trainingLabels = training.targets.map { Int($0) }
    }

    public var dimension: Int { layout.dimension }
    public var parameterBlocks: [ParameterBlock] { layout.parameterBlocks }
    public var minimizer: [Scalar]? { nil }
    public var minimum: Scalar? { nil }
    public var isStochastic: Bool { batchSampler != nil }
    /// On minibatches, the same model on every training row: where a run's value is measured.
    public var fullObjective: (any Objective<Scalar>)? {
      guard batchSampler != nil else { return nil }
      var full = self
      (full.batchSampler, full.batchSize) = (nil, 0)
      return full
    }
    /// The model's own parameters: where a run starts.
    public var start: [Scalar] { layout.start }
    public var gradientsPerEpoch: Int { batchSize == 0 ? 1 : training.rows / batchSize }

    /// The model with the parameters `w` (a run's iterate or evaluation point).
    public func model(at w: [Scalar]) -> Model { layout.model(at: w) }

    /// Rows `rows` of `data` (all of them when nil) as a batch and its labels.
    func batch(_ data: Dataset<Scalar>, rows: [Int]?) -> (DifferentiableMatrix<Scalar>, [Int]) {
      guard let rows else {
        let matrix = try! DifferentiableMatrix(rows: data.rows, columns: data.columns, scalars: data.features)
        return (matrix, data.targets.map { Int($0) })
      }
      var features: [Scalar] = []
      features.reserveCapacity(rows.count * data.columns)
      for row in rows { features += data.features[(row * data.columns)..<((row + 1) * data.columns)] }
      let matrix = try! DifferentiableMatrix(rows: rows.count, columns: data.columns, scalars: features)
      return (matrix, rows.map { trainingLabels[$0] })
    }

    public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar {
      let (x, labels) = batch(training, rows: batchSampler?.batch(drawing: false))
      return layout.model(at: w, gradient: nil).loss(x, labels: labels)
    }

    public func gradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>) {
      _ = valueAndGradient(at: w, into: gradient)
    }

    public func valueAndGradient(at w: UnsafeBufferPointer<Scalar>, into gradient: UnsafeMutableBufferPointer<Scalar>)
      -> Scalar
    {
      let (x, labels) = batch(training, rows: batchSampler?.batch(drawing: true))
      let (value, pullback) = valueWithPullback(at: layout.model(at: w, gradient: gradient)) { model in
        model.loss(x, labels: labels)
      }
      _ = pullback(1)
      return value
    }

    public func trainingLoss(at w: [Scalar]) -> Scalar {
      let (x, labels) = batch(training, rows: nil)
      return model(at: w).loss(x, labels: labels)
    }

    public func test(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar) {
      measure(test, at: w)
    }

    public func validation(at w: [Scalar]) throws(DescentError) -> (accuracy: Scalar, loss: Scalar)? {
      validation.map { measure($0, at: w) }
    }

    /// The share of `data`'s rows whose largest logit is their label (ties to the lower
    /// class), and their mean cross-entropy.
    func measure(_ data: Dataset<Scalar>, at w: [Scalar]) -> (accuracy: Scalar, loss: Scalar) {
      let (x, labels) = batch(data, rows: nil)
      let scores = model(at: w).logits(x)
      let k = scores.columns
      let elements = scores.scalars
      var correct = 0
      for row in 0..<labels.count {
        var best = 0
        for j in 1..<k where elements[row * k + j] > elements[row * k + best] { best = j }
        if best == labels[row] { correct += 1 }
      }
      return (Scalar(correct) / Scalar(max(1, labels.count)), scores.softmaxCrossEntropy(labels: labels))
    }
  }
#endif
