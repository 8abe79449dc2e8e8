import Descent
import RealModule

/// A network with one hidden layer of H tanh units and a softmax output over K
/// classes, trained by cross-entropy plus (λ/2)‖θ‖²: non-convex.
///
///     a = tanh(W₁x),   z = W₂[a; 1],   ℓ = log Σₖ e^{zₖ} − z_y,
///
/// with θ = (W₁: H rows of p, then W₂: K rows of H + 1); the data's column of ones is
/// the hidden layer's bias. The start is a seeded draw of each weight from
/// U(−1/√fan-in, 1/√fan-in) (LeCun, Bottou, Orr & Müller 1998, "Efficient BackProp").
public struct TanhNetwork<Scalar: DescentFloat>: Classifier {
  public let data: Dataset<Scalar>
  public let hidden: Int
  public let classes: Int
  public let regularization: Scalar
  public var sampler: MinibatchSampler?
  public let seed: UInt64

  public init(
    data: Dataset<Scalar>, hidden: Int = 32, classes: Int, regularization: Scalar, seed: UInt64 = 0
  ) throws(DescentError) {
    try DescentError.require(hidden >= 1, "hidden", hidden, "an integer ≥ 1")
    try Self.checkClassification(data: data, classes: classes, regularization: regularization)
    self.data = data
    self.hidden = hidden
    self.classes = classes
    self.regularization = regularization
    self.seed = seed
  }

  public var dimension: Int { hidden * data.columns + classes * (hidden + 1) }
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func sum(at w: Numbers, gradient g: MutableNumbers?, for request: SumRequest) -> Scalar {
    FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)
  }

  /// W₁ and W₂; the last column of each multiplies a 1 (the data's column of ones, the
  /// hidden layer's appended 1), so each holds its layer's bias.
  public var parameterBlocks: [ParameterBlock] {
    ParameterBlock.laidOut([("hidden.weight", [hidden, data.columns]), ("output.weight", [classes, hidden + 1])])
  }
  /// a, then z (then softmax − one-hot), then the hidden layer's error.
  public var scratchSize: Int { 2 * hidden + classes }

  /// Each weight from U(−1/√fan-in, 1/√fan-in), seeded.
  public var defaultStart: [Scalar] {
    var generator = SeededGenerator(seed: seed)
    let first = 1 / Scalar(data.columns).squareRoot()
    let second = 1 / Scalar(hidden + 1).squareRoot()
    return (0..<dimension).map { index in
      let bound = index < hidden * data.columns ? first : second
      return bound * Scalar(2 * generator.uniform() - 1)
    }
  }

  @inlinable
  public func loss(
    x: Numbers, y: Scalar, at w: Numbers, addingGradientTo g: MutableNumbers?, scratch: MutableNumbers,
    needsValue: Bool
  ) -> Scalar {
    let (p, h, classes) = (x.count, hidden, classes)
    let second = h * p  // where W₂ starts
    let label = Int(y)
    let a = UnsafeMutableBufferPointer(rebasing: scratch[0..<h])
    let z = UnsafeMutableBufferPointer(rebasing: scratch[h..<(h + classes)])
    let error = UnsafeMutableBufferPointer(rebasing: scratch[(h + classes)..<(2 * h + classes)])
    let (weights, features) = (w.baseAddress!, x.baseAddress!)
    forward(features, weights, hidden: a.baseAddress!, logits: z.baseAddress!, inputs: p)
    var largest = -Scalar.infinity
    for k in 0..<classes { largest = max(largest, z[k]) }
    let shifted = largest - z[label]
    var normaliser: Scalar = 0
    for k in 0..<classes {
      z[k] = Scalar.exp(z[k] - largest)  // z now holds the unnormalised softmax
      normaliser += z[k]
    }
    let loss = shifted + Scalar.log(normaliser)
    guard let g else { return loss }
    for unit in 0..<h { error[unit] = 0 }
    for k in 0..<classes {
      let delta = z[k] / normaliser - (k == label ? 1 : 0)
      let (row, gradientRow) = (weights + second + k * (h + 1), g.baseAddress! + second + k * (h + 1))
      for unit in 0..<h {
        gradientRow[unit] += delta * a[unit]
        error[unit] += delta * row[unit]
      }
      gradientRow[h] += delta
    }
    for unit in 0..<h {
      let delta = error[unit] * (1 - a[unit] * a[unit])
      let row = g.baseAddress! + unit * p
      for j in 0..<p { row[j] += delta * features[j] }
    }
    return loss
  }

  /// a = tanh(W₁x) and z = W₂[a; 1].
  @inlinable @inline(__always)
  func forward(
    _ features: UnsafePointer<Scalar>, _ weights: UnsafePointer<Scalar>, hidden a: UnsafeMutablePointer<Scalar>,
    logits z: UnsafeMutablePointer<Scalar>, inputs p: Int
  ) {
    let (h, second) = (hidden, hidden * p)
    // Row pointers, so that no index in the inner loops is overflow-checked (a check
    // there stops them vectorising).
    for unit in 0..<h {
      let row = weights + unit * p
      a[unit] = Scalar.tanh(Vector.sum(count: p) { row[$0] * features[$0] })
    }
    for k in 0..<classes {
      let row = weights + second + k * (h + 1)
      z[k] = row[h] + Vector.sum(count: h) { row[$0] * a[$0] }  // bias + weights
    }
  }

  @inlinable
  public func logits(
    x: UnsafeBufferPointer<Scalar>, at w: UnsafeBufferPointer<Scalar>, into z: UnsafeMutablePointer<Scalar>,
    scratch: UnsafeMutableBufferPointer<Scalar>
  ) {
    forward(x.baseAddress!, w.baseAddress!, hidden: scratch.baseAddress!, logits: z, inputs: x.count)
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public func evaluate(on data: Dataset<Scalar>, at w: [Scalar]) throws(DescentError) -> Evaluation {
    try classify(data, at: w)
  }
}
