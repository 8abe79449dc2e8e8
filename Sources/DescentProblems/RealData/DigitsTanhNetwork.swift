import Descent

/// A one-hidden-layer network (32 tanh units, softmax output) on the 8×8 handwritten
/// digits (pixels scaled to [0, 1]), cross-entropy plus (λ/2)‖θ‖², λ = 1/n: 2,410
/// weights, non-convex, no known f*. The start is the seeded initialisation
/// (U(−1/√fan-in, 1/√fan-in)); the seed also drives the batches.
public struct DigitsTanhNetwork<Scalar: DescentFloat>: DataProblem {
  public let model: TanhNetwork<Scalar>
  public let batchSize: Int
  public let seed: UInt64

  public init(batchSize: Int = 0, seed: UInt64 = 0) throws(DescentError) {
    let data = SuiteData.dataset(SuiteData.digits, as: Scalar.self).scaledWithIntercept(by: 1 / 16)
    let model = try TanhNetwork(data: data, hidden: 32, classes: 10, regularization: 1 / Scalar(data.rows), seed: seed)
    self.model = try model.sampled(batchSize: batchSize, seed: seed)
    (self.batchSize, self.seed) = (batchSize, seed)
  }

  public var defaultStart: [Scalar] { model.defaultStart }
  public static var seedsItsStart: Bool { true }

  public static var catalogEntry: CatalogEntry<Self> {
    .realData(
      "digits-tanh-network", summary: "tanh network 64–32–10 on the digits, 2,410 weights; non-convex",
      citation: "LeCun, Bottou, Orr & Müller (1998) for the start; data as digits-softmax",
      initialiserDefaults: { try Self() })
  }
}
