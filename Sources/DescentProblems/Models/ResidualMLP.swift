import Descent

/// The MLP of the MNIST-1D repository (Greydanus & Kobak, 2020; `notebooks/models.py`,
/// `MLPBase`): two hidden layers of H ReLU units, the second added to the first, and a
/// linear output over K classes, trained by cross-entropy plus (λ/2)‖θ‖²:
///
///     h₁ = relu(W₁x + b₁),   h₂ = h₁ + relu(W₂h₁ + b₂),   z = W₃h₂ + b₃,
///     ℓ = log Σₖ e^{zₖ} − z_y,
///
/// θ = (W₁, b₁, W₂, b₂, W₃, b₃), each weight matrix by rows, in PyTorch's order. The start
/// is PyTorch's default initialisation, U(−1/√fan-in, 1/√fan-in) for every weight and
/// bias, seeded. The gradient is held against PyTorch's in `MNIST1DModelTests`.
public struct ResidualMLP<Scalar: DescentFloat>: Classifier {
  public let data: Dataset<Scalar>
  public let hidden: Int
  public let classes: Int
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let seed: UInt64

  public init(
    data: Dataset<Scalar>, hidden: Int = 100, classes: Int, regularization: Scalar = 0, seed: UInt64 = 0
  ) throws(DescentError) {
    try DescentError.require(hidden >= 1, "hidden", hidden, "an integer ≥ 1")
    try Self.checkClassification(data: data, classes: classes, regularization: regularization)
    (self.data, self.hidden, self.classes, self.regularization, self.seed) = (
      data, hidden, classes, regularization, seed
    )
  }

  /// Where W₂ and W₃ start in θ.
  @inlinable var secondLayer: Int { hidden * (data.columns + 1) }
  @inlinable var thirdLayer: Int { secondLayer + hidden * (hidden + 1) }
  public var dimension: Int { thirdLayer + classes * (hidden + 1) }
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }

  /// PyTorch's names for `MLPBase`'s parameters.
  public var parameterBlocks: [ParameterBlock] {
    ParameterBlock.laidOut([
      ("linear1.weight", [hidden, data.columns]), ("linear1.bias", [hidden]), ("linear2.weight", [hidden, hidden]),
      ("linear2.bias", [hidden]), ("linear3.weight", [classes, hidden]), ("linear3.bias", [classes]),
    ])
  }
  /// h₁, h₂'s branch relu(W₂h₁ + b₂), h₂, z, then the gradients of h₂ and of the branch.
  public var scratchSize: Int { 5 * hidden + classes }

  public var defaultStart: [Scalar] {
    let (p, h) = (data.columns, hidden)
    return NetworkLayers.defaultStart(
      layers: [(p, h * p), (p, h), (h, h * h), (h, h), (h, classes * h), (h, classes)], seed: seed)
  }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let (p, h, k) = (x.count, hidden, classes)
    let (weights, features, s) = (w.baseAddress!, x.baseAddress!, scratch.baseAddress!)
    let (first, branch, second, z) = (s, s + h, s + 2 * h, s + 3 * h)
    let (secondGradient, branchGradient) = (z + k, z + k + h)
    forward(features, weights, scratch: s, logits: z, inputs: p)
    let loss = NetworkLayers.softmaxCrossEntropy(z, classes: k, label: Int(y))
    guard let g = g?.baseAddress else { return loss }
    NetworkLayers.denseBackward(
      weights + thirdLayer, second, outputGradient: z, addingTo: g + thirdLayer, inputGradient: secondGradient,
      inputs: h, outputs: k)
    for i in 0..<h { branchGradient[i] = secondGradient[i] }
    NetworkLayers.reluBackward(branchGradient, output: branch, count: h)
    // h₁'s gradient: through the sum directly, and through the branch (into `branch`,
    // whose values are no longer needed).
    NetworkLayers.denseBackward(
      weights + secondLayer, first, outputGradient: branchGradient, addingTo: g + secondLayer,
      inputGradient: branch, inputs: h, outputs: h)
    for i in 0..<h { branch[i] += secondGradient[i] }
    NetworkLayers.reluBackward(branch, output: first, count: h)
    NetworkLayers.denseBackward(
      weights, features, outputGradient: branch, addingTo: g, inputGradient: nil, inputs: p, outputs: h)
    return loss
  }

  /// h₁, the branch and h₂ into `scratch` (H numbers each), z into `logits`.
  @inlinable @inline(__always)
  func forward(
    _ features: UnsafePointer<Scalar>, _ weights: UnsafePointer<Scalar>, scratch s: UnsafeMutablePointer<Scalar>,
    logits z: UnsafeMutablePointer<Scalar>, inputs p: Int
  ) {
    let h = hidden
    let (first, branch, second) = (s, s + h, s + 2 * h)
    NetworkLayers.dense(weights, features, into: first, inputs: p, outputs: h)
    NetworkLayers.relu(first, count: h)
    NetworkLayers.dense(weights + secondLayer, first, into: branch, inputs: h, outputs: h)
    NetworkLayers.relu(branch, count: h)
    for i in 0..<h { second[i] = first[i] + branch[i] }
    NetworkLayers.dense(weights + thirdLayer, second, into: z, inputs: h, outputs: classes)
  }

  @inlinable
  public func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into z: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>
  ) {
    forward(x.baseAddress!, w.baseAddress!, scratch: scratch.baseAddress!, logits: z, inputs: x.count)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> Evaluation {
    try classify(data, at: w)
  }
}
