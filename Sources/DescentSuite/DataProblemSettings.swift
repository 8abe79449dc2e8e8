import Descent

/// The settings every real-data problem takes: the stochastic mode's batch size (0:
/// the full sum) and the seed of its batches.
enum DataProblemSettings {
  static var parameters: [ParameterDescription] {
    [
      ParameterDescription(
        "batch-size", symbol: "B", kind: .integer, default: "0", allowed: "0 (all rows) or 1 … n",
        summary: "rows per evaluation in the stochastic mode"),
      ParameterDescription(
        "seed", kind: .integer, default: "0", allowed: "≥ 0", summary: "seed of the batches (and of a network's start)"),
    ]
  }

  /// (B, seed) from settings.
  static func read(_ settings: Settings) throws(DescentError) -> (batchSize: Int, seed: UInt64) {
    let batchSize = try settings.integer("batch-size")
    let seed = try settings.integer("seed")
    guard seed >= 0 else { throw .invalidValue(name: "seed", value: String(seed), expected: "an integer ≥ 0") }
    return (batchSize, UInt64(seed))
  }

  /// `model` in its stochastic mode when B > 0.
  static func sampled<Model: FiniteSum>(_ model: Model, batchSize: Int, seed: UInt64) throws(DescentError) -> Model {
    guard batchSize != 0 else { return model }
    return try model.minibatches(of: batchSize, seed: seed)
  }
}

/// A problem on one of the suite's datasets, full or in its stochastic mode.
public protocol DataProblem<Scalar>: CatalogedProblem {
  associatedtype Model: FiniteSum where Model.Scalar == Scalar
  var model: Model { get }
  /// The problem on every row (batch size 0) or in its stochastic mode.
  init(batchSize: Int, seed: UInt64) throws(DescentError)
}

extension DataProblem {
  public init(settings: Settings) throws(DescentError) {
    let (batchSize, seed) = try DataProblemSettings.read(settings)
    try self.init(batchSize: batchSize, seed: seed)
  }

  public var dimension: Int { model.dimension }
  public var minimum: Scalar? { model.minimum }
  public var minimizer: [Scalar]? { model.minimizer }

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
