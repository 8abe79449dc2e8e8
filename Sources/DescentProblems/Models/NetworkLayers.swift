import Descent
import RealModule

/// The layers the MNIST-1D networks are made of, forward and backward, on raw pointers
/// (one example at a time; the finite sum adds the examples up). Parameters are laid out
/// as PyTorch's `model.parameters()`: a dense layer's weights (outputs × inputs, by
/// rows) then its biases; a 1-D convolution's weights (out × in channels × kernel) then
/// its biases.
@usableFromInline
enum NetworkLayers {
  /// y = W x + b, W being `outputs` × `inputs` at `weights`, b right after it.
  @inlinable @inline(__always)
  static func dense<S: DescentFloat>(
    _ weights: UnsafePointer<S>, _ x: UnsafePointer<S>, into y: UnsafeMutablePointer<S>, inputs: Int, outputs: Int
  ) {
    let bias = weights + inputs * outputs
    for o in 0..<outputs {
      let row = weights + o * inputs
      y[o] = bias[o] + Vector.sum(count: inputs) { row[$0] * x[$0] }
    }
  }

  /// The dense layer's backward pass: ∂W += ȳ xᵀ, ∂b += ȳ, and x̄ = Wᵀȳ into
  /// `inputGradient` when given (overwritten).
  @inlinable @inline(__always)
  static func denseBackward<S: DescentFloat>(
    _ weights: UnsafePointer<S>, _ x: UnsafePointer<S>, outputGradient ybar: UnsafePointer<S>,
    addingTo gradient: UnsafeMutablePointer<S>, inputGradient xbar: UnsafeMutablePointer<S>?,
    inputs: Int, outputs: Int
  ) {
    let biasGradient = gradient + inputs * outputs
    if let xbar { for i in 0..<inputs { xbar[i] = 0 } }
    for o in 0..<outputs {
      let scale = ybar[o]
      guard scale != 0 else { continue }
      let (row, gradientRow) = (weights + o * inputs, gradient + o * inputs)
      for i in 0..<inputs { gradientRow[i] += scale * x[i] }
      biasGradient[o] += scale
      if let xbar { for i in 0..<inputs { xbar[i] += scale * row[i] } }
    }
  }

  /// The length of a 1-D convolution's output.
  @inlinable
  static func convolvedLength(_ length: Int, kernel: Int, stride: Int, padding: Int) -> Int {
    (length + 2 * padding - kernel) / stride + 1
  }

  /// The patches a 1-D convolution reads: row t holds in[c′][stride·t − padding + k] for
  /// every (c′, k), c′ major, zero where it falls in the padding: outLength × inChannels·kernel.
  @inlinable @inline(__always)
  static func patches<S: DescentFloat>(
    _ input: UnsafePointer<S>, into patches: UnsafeMutablePointer<S>,
    inChannels: Int, length: Int, kernel: Int, stride: Int, padding: Int
  ) {
    let outLength = convolvedLength(length, kernel: kernel, stride: stride, padding: padding)
    let width = inChannels * kernel
    for t in 0..<outLength {
      let start = stride * t - padding
      let (first, last) = (max(0, -start), min(kernel, length - start))
      for c2 in 0..<inChannels {
        let (row, signal) = (patches + t * width + c2 * kernel, input + c2 * length + start)
        for k in 0..<kernel { row[k] = k >= first && k < last ? signal[k] : 0 }
      }
    }
  }

  /// out[c][t] = b[c] + Σ_{c′,k} W[c][c′][k] · in[c′][stride·t − padding + k], zero outside
  /// the input; `input` is `inChannels` × `length`, `output` `outChannels` × its length.
  /// As dot products of W's rows with the input's patches (`scratch`: outLength ×
  /// inChannels·kernel numbers), each over inChannels·kernel contiguous numbers.
  @inlinable @inline(__always)
  static func convolve<S: DescentFloat>(
    _ weights: UnsafePointer<S>, _ input: UnsafePointer<S>, into output: UnsafeMutablePointer<S>,
    scratch: UnsafeMutablePointer<S>, inChannels: Int, outChannels: Int, length: Int, kernel: Int, stride: Int,
    padding: Int
  ) {
    let outLength = convolvedLength(length, kernel: kernel, stride: stride, padding: padding)
    let (width, bias) = (inChannels * kernel, weights + outChannels * inChannels * kernel)
    patches(
      input, into: scratch, inChannels: inChannels, length: length, kernel: kernel, stride: stride, padding: padding)
    for c in 0..<outChannels {
      let filter = weights + c * width
      for t in 0..<outLength {
        let patch = scratch + t * width
        output[c * outLength + t] = bias[c] + Vector.sum(count: width) { filter[$0] * patch[$0] }
      }
    }
  }

  /// The convolution's backward pass: ∂W, ∂b added into `gradient`, and the input's
  /// gradient into `inputGradient` when given (overwritten); `scratch` holds twice the
  /// patches' numbers (the patches, then their gradient).
  @inlinable @inline(__always)
  static func convolveBackward<S: DescentFloat>(
    _ weights: UnsafePointer<S>, _ input: UnsafePointer<S>, outputGradient ybar: UnsafePointer<S>,
    addingTo gradient: UnsafeMutablePointer<S>, inputGradient xbar: UnsafeMutablePointer<S>?,
    scratch: UnsafeMutablePointer<S>, inChannels: Int, outChannels: Int, length: Int, kernel: Int, stride: Int,
    padding: Int
  ) {
    let outLength = convolvedLength(length, kernel: kernel, stride: stride, padding: padding)
    let width = inChannels * kernel
    let biasGradient = gradient + outChannels * width
    let patchGradient = scratch + outLength * width
    patches(
      input, into: scratch, inChannels: inChannels, length: length, kernel: kernel, stride: stride, padding: padding)
    if xbar != nil { for i in 0..<(outLength * width) { patchGradient[i] = 0 } }
    for c in 0..<outChannels {
      let (filter, filterGradient) = (weights + c * width, gradient + c * width)
      for t in 0..<outLength {
        let scale = ybar[c * outLength + t]
        guard scale != 0 else { continue }
        biasGradient[c] += scale
        let patch = scratch + t * width
        for i in 0..<width { filterGradient[i] += scale * patch[i] }
        if xbar != nil {
          let target = patchGradient + t * width
          for i in 0..<width { target[i] += scale * filter[i] }
        }
      }
    }
    guard let xbar else { return }
    // The patches' gradient back onto the signal (the padding's share is dropped).
    for i in 0..<(inChannels * length) { xbar[i] = 0 }
    for t in 0..<outLength {
      let start = stride * t - padding
      let (first, last) = (max(0, -start), min(kernel, length - start))
      for c2 in 0..<inChannels {
        let (row, target) = (patchGradient + t * width + c2 * kernel, xbar + c2 * length + start)
        for k in first..<last { target[k] += row[k] }
      }
    }
  }

  /// max(0, x) in place.
  @inlinable @inline(__always)
  static func relu<S: DescentFloat>(_ x: UnsafeMutablePointer<S>, count: Int) {
    for i in 0..<count { x[i] = max(0, x[i]) }
  }

  /// ȳ ⊙ [y > 0] in place, y the ReLU's output (its slope is 0 at 0, as PyTorch's).
  @inlinable @inline(__always)
  static func reluBackward<S: DescentFloat>(_ gradient: UnsafeMutablePointer<S>, output y: UnsafePointer<S>, count: Int)
  {
    for i in 0..<count where y[i] <= 0 { gradient[i] = 0 }
  }

  /// log Σₖ e^{zₖ} − z_label; z becomes its gradient, softmax(z) − e_label.
  @inlinable @inline(__always)
  static func softmaxCrossEntropy<S: DescentFloat>(_ z: UnsafeMutablePointer<S>, classes: Int, label: Int) -> S {
    var largest = -S.infinity
    for k in 0..<classes { largest = max(largest, z[k]) }
    let shifted = largest - z[label]
    var normaliser: S = 0
    for k in 0..<classes {
      z[k] = S.exp(z[k] - largest)
      normaliser += z[k]
    }
    for k in 0..<classes { z[k] = z[k] / normaliser - (k == label ? 1 : 0) }
    return shifted + S.log(normaliser)
  }

  /// Each layer's weights and biases from U(−1/√fan-in, 1/√fan-in), PyTorch's default
  /// for `Linear` and `Conv1d`, seeded: `layers` lists each layer's (fan-in, size).
  static func defaultStart<S: DescentFloat>(layers: [(fanIn: Int, size: Int)], seed: UInt64) -> [S] {
    var generator = SeededGenerator(seed: seed)
    return layers.flatMap { layer in
      let bound = 1 / Double(layer.fanIn).squareRoot()
      return (0..<layer.size).map { _ in S(bound * (2 * generator.uniform() - 1)) }
    }
  }
}
