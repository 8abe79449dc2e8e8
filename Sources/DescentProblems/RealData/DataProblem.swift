import Descent

/// A problem on one of the suite's datasets, full or in its stochastic mode.
public protocol DataProblem<Scalar>: CatalogedProblem {
  associatedtype Model: FiniteSum where Model.Scalar == Scalar
  var model: Model { get }
  /// B, the rows per evaluation in the stochastic mode; 0 for the full sum.
  var batchSize: Int { get }
  /// The seed of the batches (and of a network's start).
  var seed: UInt64 { get }
  /// The problem on every row (batch size 0) or in its stochastic mode.
  init(batchSize: Int, seed: UInt64) throws(DescentError)
  /// Whether the seed draws the start too (a network's weights); otherwise it draws
  /// the batches alone, and the full sum has no randomness.
  static var seedsItsStart: Bool { get }
}

extension DataProblem {
  public static var seedsItsStart: Bool { false }

  public static func isRandom(settings: [String: String]) -> Bool {
    seedsItsStart || (settings["batch-size"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0) != 0
  }
}

extension CatalogEntry where Subject: DataProblem {
  /// A problem on real data, with the settings every one takes: B and the seed.
  static func realData(
    _ name: String, summary: String, citation: String, initialiserDefaults: @escaping () throws -> Subject
  ) -> Self {
    CatalogEntry(
      name, summary: summary, citation: citation, initialiserDefaults: initialiserDefaults,
      settings: [
        .batchSize(default: 0, "rows per evaluation in the stochastic mode"),
        .integer("seed", \.seed, default: 0, .atLeast(0), "seed of the batches (and of a network's start)"),
      ],
      build: { v throws(DescentError) in try Subject(batchSize: v.batchSize, seed: v.seed) })
  }
}

extension FiniteSum {
  /// The model in its stochastic mode when B > 0.
  func sampled(batchSize: Int, seed: UInt64) throws(DescentError) -> Self {
    batchSize == 0 ? self : try minibatches(of: batchSize, seed: seed)
  }
}

extension DataProblem {
  public var dimension: Int { model.dimension }
  /// Zero, where the convex models start (a network starts from its seeded draw).
  public var defaultStart: [Scalar] { [Scalar](repeating: 0, count: dimension) }
  public var minimum: Scalar? { model.minimum }
  public var minimizer: [Scalar]? { model.minimizer }
  public var isStochastic: Bool { model.isStochastic }
  public var parameterBlocks: [ParameterBlock] { model.parameterBlocks }
  public var fullObjective: (any Objective<Scalar>)? { model.fullObjective }

  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar { model.value(at: w) }

  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    model.gradient(at: w, into: g)
  }

  public func valueAndGradient(
    at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>
  ) -> Scalar {
    model.valueAndGradient(at: w, into: g)
  }

  /// Rows evaluated so far in the stochastic mode; nil for the full sum, where every
  /// evaluation reads all ``rows``.
  public var samplesDrawn: Int? { model.sampler?.samples }
  /// n.
  public var rows: Int { model.data.rows }
}

extension Setting where Subject: DataProblem {
  /// B, the rows a batch holds (0: every row).
  static func batchSize(default value: Int, _ summary: String) -> Self {
    .integer(
      "batchSize", \.batchSize, symbol: "B", default: value,
      Allowed(words: "0 (all rows) or 1 … n", expected: "an integer ≥ 0") { $0 >= 0 }, summary)
  }
}
