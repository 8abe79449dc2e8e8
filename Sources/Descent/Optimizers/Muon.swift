import RealModule

/// Muon: momentum orthogonalised by Newton–Schulz for a network's hidden weight
/// matrices, and Adam for the rest, as KellerJordan/Muon's `SingleDeviceMuonWithAuxAdam`:
///
///     matrix block W (r × c), its gradient G:
///       M ← M + (1 − μ)(G − M)                       (momentum, torch's lerp)
///       U = G + μ(M − G)                             (Nesterov)
///       X₀ = U / (‖U‖_F + 10⁻⁷) (transposed when r > c)
///       Xₖ₊₁ = a Xₖ + (b A + c A²) Xₖ,  A = Xₖ Xₖᵀ   (5 steps; a, b, c = 3.4445, −4.7750, 2.0315)
///       W ← W (1 − η λ) − η √max(1, r/c) X₅
///     any other block w, its gradient g, t its updates:
///       m ← m + (1 − β₁)(g − m),  v ← v + (1 − β₂)(g² − v)
///       w ← w (1 − η_A λ_A) − η_A (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
///
/// The blocks are the objective's ``Objective/parameterBlocks``: every matrix block but
/// the last (the output layer, which the authors leave to AdamW) is Muon's; a
/// convolution's kernel is a matrix of its output channels by the rest, as `muon.py`
/// views a 4-D filter. On an objective with no such block, Muon is its Adam.
/// Readings: the iteration runs in `Scalar`, not bfloat16 as on a GPU (the
/// reference check, `Utilities/Reference/muon_reference.py`, is float64); each `lerp`
/// is torch's, `a + w(b − a)` for w < ½ and `b − (b − a)(1 − w)` otherwise.
///
/// Jordan, K. et al. (2024). Muon: An optimizer for hidden layers in neural networks.
/// kellerjordan.github.io/posts/muon; github.com/KellerJordan/Muon, `muon.py`.
///
/// Hyperparameters (`muon.py`'s defaults):
/// - `learningRate` η > 0, the matrices' step in units of spectral norm. Default 0.02.
/// - `momentum` μ in [0, 1). Default 0.95.
/// - `newtonSchulzSteps` ≥ 1. Default 5.
/// - `weightDecay` λ ≥ 0, multiplied by η. Default 0.
/// - `adamLearningRate` η_A > 0. Default 3e-4.
/// - `adamBeta1` β₁, `adamBeta2` β₂ in [0, 1). Defaults 0.9 and 0.95.
/// - `adamEpsilon` ε ≥ 0. Default 1e-10.
/// - `adamWeightDecay` λ_A ≥ 0, multiplied by η_A. Default 0.
public struct Muon<Scalar: DescentFloat>: Optimizer {
  public internal(set) var learningRate: Scalar
  public internal(set) var momentum: Scalar
  public internal(set) var newtonSchulzSteps: Int
  public internal(set) var weightDecay: Scalar
  public internal(set) var adamLearningRate: Scalar
  public internal(set) var adamBeta1: Scalar
  public internal(set) var adamBeta2: Scalar
  public internal(set) var adamEpsilon: Scalar
  public internal(set) var adamWeightDecay: Scalar

  /// The blocks Muon orthogonalises (the rest are Adam's), read on the first step.
  @usableFromInline var matrices: [ParameterBlock] = []
  @usableFromInline var started = false
  @usableFromInline var gradient: [Scalar] = []
  /// M on the matrices' entries; Adam's m and v on the others'.
  @usableFromInline var momentumBuffer: [Scalar] = []
  @usableFromInline var first: [Scalar] = []
  @usableFromInline var second: [Scalar] = []
  @usableFromInline var adamUpdates = 0

  public init(
    learningRate: Scalar = 0.02, momentum: Scalar = 0.95, newtonSchulzSteps: Int = 5, weightDecay: Scalar = 0,
    adamLearningRate: Scalar = 3e-4, adamBeta1: Scalar = 0.9, adamBeta2: Scalar = 0.95, adamEpsilon: Scalar = 1e-10,
    adamWeightDecay: Scalar = 0
  ) throws(DescentError) {
    (self.learningRate, self.momentum, self.newtonSchulzSteps, self.weightDecay) =
      (learningRate, momentum, newtonSchulzSteps, weightDecay)
    (self.adamLearningRate, self.adamBeta1, self.adamBeta2) = (adamLearningRate, adamBeta1, adamBeta2)
    (self.adamEpsilon, self.adamWeightDecay) = (adamEpsilon, adamWeightDecay)
    try checkSettings()
  }

  /// The matrix blocks but the last, which Muon orthogonalises.
  public static func orthogonalised(_ blocks: [ParameterBlock]) -> [ParameterBlock] {
    Array(blocks.filter(\.isMatrix).dropLast())
  }

  /// The gradient, M, m and v (4d), and the iteration's scratch on one block: U, X, the
  /// next X and the transposed result (4 of its size) and A and B (r² each, r the smaller
  /// side), at most 10d in all.
  public func stateSize(dimension d: Int) -> Int? { MemoryRequirement.product(10, d) }

  public func validateState(dimension d: Int) throws(DescentError) {
    try DescentError.requireMemory(
      stateSize(dimension: d), of: Scalar.self, name: "dimension", value: d, what: "10d numbers at d = \(d)")
    try DescentError.requireState(gradient, momentumBuffer, first, second, dimension: d)
    try DescentError.requireCount(adamUpdates)
    guard matrices.allSatisfy({ $0.range.upperBound <= d }) else {
      throw .invalidValue(name: "state", value: "blocks past \(d) numbers", expected: "blocks of the problem's vector")
    }
  }

  public var stepSizes: [Scalar]? { started ? [learningRate] : nil }

  @inlinable
  public mutating func step<Problem: Objective>(
    _ w: inout [Scalar], oracle: inout CountingOracle<Problem>
  ) where Problem.Scalar == Scalar {
    if !started {
      matrices = Self.orthogonalised(oracle.parameterBlocks)
      gradient = [Scalar](repeating: 0, count: w.count)
      (momentumBuffer, first, second) = (gradient, gradient, gradient)
    }
    guard oracle.reservedGradient(at: w, into: &gradient) else { return }
    started = true
    update(&w)
  }

  /// One update from the gradient in `gradient`: the matrices', then Adam's on the rest.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func update(_ w: inout [Scalar]) {
    var adamRanges: [Range<Int>] = []
    var next = 0
    for block in matrices {
      if next < block.offset { adamRanges.append(next..<block.offset) }
      next = block.range.upperBound
      orthogonalStep(&w, block)
    }
    if next < w.count { adamRanges.append(next..<w.count) }
    guard !adamRanges.isEmpty else { return }
    adamUpdates += 1
    let correction1 = 1 - Scalar.pow(adamBeta1, adamUpdates)
    let correction2 = 1 - Scalar.pow(adamBeta2, adamUpdates)
    let decay = 1 - adamLearningRate * adamWeightDecay
    for range in adamRanges {
      for i in range {
        let g = gradient[i]
        first[i] = Self.lerp(first[i], g, 1 - adamBeta1)
        second[i] = Self.lerp(second[i], g * g, 1 - adamBeta2)
        let step = (first[i] / correction1) / ((second[i] / correction2).squareRoot() + adamEpsilon)
        w[i] = w[i] * decay - adamLearningRate * step
      }
    }
  }

  /// W ← W(1 − ηλ) − η √max(1, r/c) NS(U) for one matrix block.
  @usableFromInline
  mutating func orthogonalStep(_ w: inout [Scalar], _ block: ParameterBlock) {
    let (rows, columns) = block.matrixShape
    var u = [Scalar](repeating: 0, count: block.count)
    for (k, i) in block.range.enumerated() {
      momentumBuffer[i] = Self.lerp(momentumBuffer[i], gradient[i], 1 - momentum)
      u[k] = Self.lerp(gradient[i], momentumBuffer[i], momentum)
    }
    let x = Self.newtonSchulz(u, rows: rows, columns: columns, steps: newtonSchulzSteps)
    let scale = max(1, Scalar(rows) / Scalar(columns)).squareRoot()
    let decay = 1 - learningRate * weightDecay
    for (k, i) in block.range.enumerated() {
      w[i] = w[i] * decay - learningRate * (x[k] * scale)
    }
  }

  /// torch's `lerp`: a + w(b − a), computed from the nearer end.
  @inlinable
  static func lerp(_ a: Scalar, _ b: Scalar, _ weight: Scalar) -> Scalar {
    weight < 0.5 ? a + weight * (b - a) : b - (b - a) * (1 - weight)
  }

  /// `muon.py`'s `zeropower_via_newtonschulz5` on the r × c matrix `g` (by rows): the
  /// quintic iteration from g/‖g‖_F, on gᵀ when r > c so that A is the smaller square.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  public static func newtonSchulz(_ g: [Scalar], rows: Int, columns: Int, steps: Int) -> [Scalar] {
    let (a, b, c): (Scalar, Scalar, Scalar) = (3.4445, -4.7750, 2.0315)
    let tall = rows > columns
    let (r, n) = tall ? (columns, rows) : (rows, columns)
    var x = [Scalar](repeating: 0, count: r * n)
    for i in 0..<rows {
      for j in 0..<columns { x[tall ? j * rows + i : i * columns + j] = g[i * columns + j] }
    }
    let norm = x.reduce(0) { $0 + $1 * $1 }.squareRoot()
    for k in x.indices { x[k] = x[k] / (norm + 1e-7) }
    var product = [Scalar](repeating: 0, count: r * r)
    var polynomial = product
    var next = x
    // Row by row, each row's products summed over contiguous rows (they vectorise); the
    // rows on both cores where a step is large. Each sum is formed first and the linear
    // term added last, as `a * X + B @ X` is.
    let parallel = r * r * n >= 1 << 15
    func byRows(_ body: (Range<Int>) -> Void) {
      Parallel.forEachChunk(
        count: r, chunkSize: parallel ? max(1, (r + Parallel.threads - 1) / Parallel.threads) : r, body)
    }
    for _ in 0..<steps {
      x.withUnsafeBufferPointer { x in  // A = X Xᵀ
        product.withUnsafeMutableBufferPointer { product in
          byRows { range in
            let (x, product) = (x, product)
            for i in range {
              for j in 0..<r { product[i * r + j] = Vector.sum(count: n) { x[i * n + $0] * x[j * n + $0] } }
            }
          }
        }
      }
      product.withUnsafeBufferPointer { product in  // B = b A + (c A) A
        polynomial.withUnsafeMutableBufferPointer { polynomial in
          byRows { range in
            let (product, polynomial) = (product, polynomial)
            for i in range {
              let row = polynomial.baseAddress! + i * r
              for j in 0..<r { row[j] = 0 }
              for k in 0..<r {
                let factor = c * product[i * r + k]
                let other = product.baseAddress! + k * r
                for j in 0..<r { row[j] += factor * other[j] }
              }
              for j in 0..<r { row[j] = b * product[i * r + j] + row[j] }
            }
          }
        }
      }
      x.withUnsafeBufferPointer { x in  // X ← a X + B X
        polynomial.withUnsafeBufferPointer { polynomial in
          next.withUnsafeMutableBufferPointer { next in
            byRows { range in
              let (x, polynomial, next) = (x, polynomial, next)
              for i in range {
                let row = next.baseAddress! + i * n
                for j in 0..<n { row[j] = 0 }
                for k in 0..<r {
                  let factor = polynomial[i * r + k]
                  let other = x.baseAddress! + k * n
                  for j in 0..<n { row[j] += factor * other[j] }
                }
                for j in 0..<n { row[j] = a * x[i * n + j] + row[j] }
              }
            }
          }
        }
      }
      swap(&x, &next)
    }
    guard tall else { return x }
    var back = [Scalar](repeating: 0, count: rows * columns)
    for i in 0..<rows {
      for j in 0..<columns { back[i * columns + j] = x[j * rows + i] }
    }
    return back
  }
}

extension Muon: CatalogedOptimizer {
  public static var catalogEntry: CatalogEntry<Self> {
    CatalogEntry(
      "muon", summary: "momentum orthogonalised by Newton–Schulz for hidden weight matrices, Adam for the rest",
      citation: "Jordan et al. (2024)", initialiserDefaults: { try Self() },
      settings: [
        .real("learningRate", \.learningRate, symbol: "η", default: 0.02, .positive, "the matrices' step"),
        .real("momentum", \.momentum, symbol: "μ", default: 0.95, .rate, "Nesterov momentum of the matrices"),
        .integer(
          "newtonSchulzSteps", \.newtonSchulzSteps, default: 5, .atLeast(1), "steps of the orthogonalising iteration"),
        .real("weightDecay", \.weightDecay, symbol: "λ", default: 0, .nonNegative, "the matrices' decay, times η"),
        .real(
          "adamLearningRate", \.adamLearningRate, symbol: "η_A", default: 3e-4, .positive, "the other blocks' Adam"),
        .real("adamBeta1", \.adamBeta1, symbol: "β₁", default: 0.9, .rate, "Adam's decay of the mean"),
        .real("adamBeta2", \.adamBeta2, symbol: "β₂", default: 0.95, .rate, "Adam's decay of the mean square"),
        .real("adamEpsilon", \.adamEpsilon, symbol: "ε", default: 1e-10, .nonNegative, "added to Adam's root"),
        .real(
          "adamWeightDecay", \.adamWeightDecay, symbol: "λ_A", default: 0, .nonNegative, "Adam's decay, times η_A"),
      ])
  }
}
