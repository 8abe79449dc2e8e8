import Descent

/// The 1-D convolutional network of the MNIST-1D repository (Greydanus & Kobak, 2020;
/// `notebooks/models.py`, `ConvBase`): three convolutions of C channels with ReLU
/// (kernel 5 then 3 and 3, stride 2, padding 1: lengths 40 → 19 → 10 → 5), flattened by
/// channel, and a linear output over K classes, trained by cross-entropy plus (λ/2)‖θ‖²:
///
///     h₁ = relu(conv₁(x)),  h₂ = relu(conv₂(h₁)),  h₃ = relu(conv₃(h₂)),  z = W vec(h₃) + b,
///     ℓ = log Σₖ e^{zₖ} − z_y,
///
/// θ in PyTorch's order (each convolution's weights, out × in × kernel, then its biases;
/// then W by rows and b). The start is PyTorch's default initialisation, U(−1/√fan-in,
/// 1/√fan-in) with fan-in = in channels × kernel, seeded. The gradient is held against
/// PyTorch's in `MNIST1DModelTests`.
public struct ConvNetwork1D<Scalar: DescentFloat>: Classifier {
  public let data: Dataset<Scalar>
  public let channels: Int
  public let classes: Int
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let seed: UInt64

  /// Convolution `layer`'s kernel (5, then 3 and 3); every one has stride 2 and padding 1.
  @inlinable static func kernel(_ layer: Int) -> Int { layer == 0 ? 5 : 3 }

  /// The input's length and each convolution's output length.
  @usableFromInline let lengths: [Int]
  /// Where each layer's parameters start in θ: the three convolutions, then the output.
  @usableFromInline let offsets: [Int]
  /// Each convolution's output size, channels × length.
  @usableFromInline let sizes: [Int]

  public init(
    data: Dataset<Scalar>, channels: Int = 25, classes: Int, regularization: Scalar = 0, seed: UInt64 = 0
  ) throws(DescentError) {
    try DescentError.require(channels >= 1, "channels", channels, "an integer ≥ 1")
    try Self.checkClassification(data: data, classes: classes, regularization: regularization)
    try DescentError.require(
      data.columns >= 5, "features", data.columns, "at least 5 (the first kernel's length)")
    (self.data, self.channels, self.classes, self.regularization, self.seed) = (
      data, channels, classes, regularization, seed
    )
    // Computed once here: the per-example loss reads them without allocating.
    var lengths = [data.columns]
    for layer in 0..<3 {
      lengths.append(NetworkLayers.convolvedLength(lengths[layer], kernel: Self.kernel(layer), stride: 2, padding: 1))
    }
    let c = channels
    let blocks = [c * 5 + c, c * c * 3 + c, c * c * 3 + c]
    (self.lengths, self.sizes) = (lengths, (1...3).map { c * lengths[$0] })
    offsets = [0, blocks[0], blocks[0] + blocks[1], blocks[0] + blocks[1] + blocks[2]]
  }

  /// Where convolution `layer`'s output starts in the scratch `s`.
  @inlinable func output(_ layer: Int, _ s: UnsafeMutablePointer<Scalar>) -> UnsafeMutablePointer<Scalar> {
    s + (layer > 0 ? sizes[0] : 0) + (layer > 1 ? sizes[1] : 0)
  }

  /// Where the gradient of convolution `layer`'s output starts (after h₁, h₂, h₃ and z,
  /// the gradients in the order h₃, h₂, h₁).
  @inlinable func outputGradient(_ layer: Int, _ s: UnsafeMutablePointer<Scalar>) -> UnsafeMutablePointer<Scalar> {
    s + sizes[0] + sizes[1] + sizes[2] + classes + (layer < 2 ? sizes[2] : 0) + (layer < 1 ? sizes[1] : 0)
  }

  /// Where the patches start: after the gradients.
  @inlinable func patches(_ s: UnsafeMutablePointer<Scalar>) -> UnsafeMutablePointer<Scalar> {
    s + 2 * (sizes[0] + sizes[1] + sizes[2]) + classes
  }

  public var dimension: Int { offsets[3] + classes * (channels * lengths[3] + 1) }
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }

  /// PyTorch's names for `ConvBase`'s parameters; a convolution's weight is out × in × kernel.
  public var parameterBlocks: [ParameterBlock] {
    let c = channels
    return ParameterBlock.laidOut([
      ("conv1.weight", [c, 1, 5]), ("conv1.bias", [c]), ("conv2.weight", [c, c, 3]), ("conv2.bias", [c]),
      ("conv3.weight", [c, c, 3]), ("conv3.bias", [c]), ("linear.weight", [classes, c * lengths[3]]),
      ("linear.bias", [classes]),
    ])
  }
  /// h₁, h₂, h₃, z, then the gradients of h₃, h₂ and h₁, then the largest layer's
  /// patches and their gradient.
  public var scratchSize: Int {
    2 * (sizes[0] + sizes[1] + sizes[2]) + classes + 2 * largestPatches
  }

  /// The most numbers a layer's patches take: its output length × in channels × kernel.
  @inlinable var largestPatches: Int {
    (0..<3).map { lengths[$0 + 1] * (($0 == 0 ? 1 : channels) * Self.kernel($0)) }.max()!
  }

  public var defaultStart: [Scalar] {
    let (c, flat) = (channels, channels * lengths[3])
    return NetworkLayers.defaultStart(
      layers: [
        (5, c * 5), (5, c), (3 * c, c * c * 3), (3 * c, c), (3 * c, c * c * 3), (3 * c, c),
        (flat, classes * flat), (flat, classes),
      ], seed: seed)
  }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let (c, k) = (channels, classes)
    let (weights, s) = (w.baseAddress!, scratch.baseAddress!)
    let z = output(2, s) + sizes[2]
    forward(x.baseAddress!, weights, scratch: s, logits: z)
    let loss = NetworkLayers.softmaxCrossEntropy(z, classes: k, label: Int(y))
    guard let g = g?.baseAddress else { return loss }
    NetworkLayers.denseBackward(
      weights + offsets[3], output(2, s), outputGradient: z, addingTo: g + offsets[3],
      inputGradient: outputGradient(2, s), inputs: sizes[2], outputs: k)
    for layer in stride(from: 2, through: 0, by: -1) {
      NetworkLayers.reluBackward(outputGradient(layer, s), output: output(layer, s), count: sizes[layer])
      NetworkLayers.convolveBackward(
        weights + offsets[layer], layer == 0 ? UnsafePointer(x.baseAddress!) : UnsafePointer(output(layer - 1, s)),
        outputGradient: outputGradient(layer, s), addingTo: g + offsets[layer],
        inputGradient: layer == 0 ? nil : outputGradient(layer - 1, s), scratch: patches(s),
        inChannels: layer == 0 ? 1 : c, outChannels: c, length: lengths[layer], kernel: Self.kernel(layer), stride: 2,
        padding: 1)
    }
    return loss
  }

  /// h₁, h₂, h₃ into the start of `scratch`, the patches after the gradients' place, z
  /// into `logits`.
  @inlinable @inline(__always)
  func forward(
    _ features: UnsafePointer<Scalar>, _ weights: UnsafePointer<Scalar>, scratch s: UnsafeMutablePointer<Scalar>,
    logits z: UnsafeMutablePointer<Scalar>
  ) {
    let c = channels
    var input = features
    for layer in 0..<3 {
      NetworkLayers.convolve(
        weights + offsets[layer], input, into: output(layer, s), scratch: patches(s), inChannels: layer == 0 ? 1 : c,
        outChannels: c, length: lengths[layer], kernel: Self.kernel(layer), stride: 2, padding: 1)
      NetworkLayers.relu(output(layer, s), count: sizes[layer])
      input = UnsafePointer(output(layer, s))
    }
    NetworkLayers.dense(weights + offsets[3], output(2, s), into: z, inputs: sizes[2], outputs: classes)
  }

  @inlinable
  public func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into z: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>
  ) {
    forward(x.baseAddress!, w.baseAddress!, scratch: scratch.baseAddress!, logits: z)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> Evaluation {
    try classify(data, at: w)
  }
}
