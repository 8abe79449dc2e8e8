import Descent

/// A regularised finite sum over a dataset's rows,
///
///     f(w) = (1/n) Σᵢ ℓ(w; xᵢ, yᵢ) + (λ/2)‖w‖²,
///
/// evaluated over contiguous rows in fixed blocks of ``FiniteSumEvaluation/blockRows``, the
/// blocks split across cores and their partial sums added in block order: the same
/// bits whatever the number of threads. In the stochastic mode (a ``sampler``, from
/// ``minibatches(of:seed:)``) each evaluation sums over a seeded batch of rows instead.
///
/// A model implements `value`, `gradient` and `valueAndGradient` itself, each a call of
/// ``FiniteSumEvaluation/run(_:rows:at:gradient:needsValue:)`` marked
/// `@_specialize(where Scalar == Float)` and `Double`: a default in this protocol's
/// extension would run unspecialised when the catalog's existential calls it.
public protocol FiniteSum<Scalar>: Objective {
  var data: Dataset<Scalar> { get }
  /// λ.
  var regularization: Scalar { get }
  /// ℓ at one row, its features `x` and target `y`, with its gradient in w added to `g`
  /// when `g` is given; `scratch` holds ``scratchSize`` numbers the model may use. When
  /// `needsValue` is false only the gradient is used, and the model may skip ℓ.
  func loss(
    x: UnsafeBufferPointer<Scalar>, y: Scalar, at w: UnsafeBufferPointer<Scalar>,
    addingGradientTo g: UnsafeMutableBufferPointer<Scalar>?, scratch: UnsafeMutableBufferPointer<Scalar>,
    needsValue: Bool
  ) -> Scalar
  /// Numbers of scratch one row needs.
  var scratchSize: Int { get }
  /// The stochastic mode's batches; nil for the full sum.
  var sampler: MinibatchSampler? { get set }
}

extension FiniteSum {
  public var scratchSize: Int { 0 }
  /// In its stochastic mode (with a ``sampler``).
  public var isStochastic: Bool { sampler != nil }
  /// In the stochastic mode, the same sum over every row.
  public var fullObjective: (any Objective<Scalar>)? {
    guard sampler != nil else { return nil }
    var full = self
    full.sampler = nil
    return full
  }
}

/// The blocked, parallel evaluation every finite sum shares.
public enum FiniteSumEvaluation {
  /// Rows per block: small enough to split a 500-row dataset across cores, large
  /// enough that a block's partial gradient is cheap beside its rows.
  public static let blockRows = 64
  /// Below this many products of rows and parameters an evaluation runs on one core:
  /// handing blocks to other threads would cost more than it saves.
  public static let parallelWork = 1 << 17

  /// (1/|rows|) Σ_{i ∈ rows} ℓᵢ + (λ/2)‖w‖², its gradient written to `gradient` when
  /// given; `rows` nil means all of them, in order.
  public static func run<Problem: FiniteSum>(
    _ problem: Problem, rows selected: [Int]?, at w: UnsafeBufferPointer<Problem.Scalar>,
    gradient: UnsafeMutableBufferPointer<Problem.Scalar>?, needsValue: Bool = true
  ) -> Problem.Scalar {
    typealias S = Problem.Scalar
    let count = selected?.count ?? problem.data.rows
    let d = w.count
    let blocks = (count + blockRows - 1) / blockRows
    let width = gradient == nil ? 0 : d
    let scratchSize = problem.scratchSize
    return withUnsafeTemporaryAllocation(of: S.self, capacity: blocks * (1 + width + scratchSize)) { buffer in
      buffer.initialize(repeating: 0)
      let base = buffer.baseAddress!
      let p = problem.data.columns
      let chunk = count * d < parallelWork ? blocks : max(1, (blocks + Parallel.threads - 1) / Parallel.threads)
      problem.data.features.withUnsafeBufferPointer { features in
        problem.data.targets.withUnsafeBufferPointer { targets in
          Parallel.forEachChunk(count: blocks, chunkSize: chunk) { range in
            for block in range {
              let slot = base + block * (1 + width + scratchSize)
              let partial = width > 0 ? UnsafeMutableBufferPointer(start: slot + 1, count: width) : nil
              let scratch = UnsafeMutableBufferPointer(start: slot + 1 + width, count: scratchSize)
              var total: S = 0
              for k in (block * blockRows)..<min(count, (block + 1) * blockRows) {
                let i = selected?[k] ?? k
                let x = UnsafeBufferPointer(rebasing: features[(i * p)..<((i + 1) * p)])
                total += problem.loss(
                  x: x, y: targets[i], at: w, addingGradientTo: partial, scratch: scratch, needsValue: needsValue)
              }
              slot.pointee = total
            }
          }
        }
      }
      // Blocks added in order, so the bits do not depend on the threads.
      let scale = 1 / S(count)
      let lambda = problem.regularization
      var total: S = 0
      for block in 0..<blocks { total += base[block * (1 + width + scratchSize)] }
      if let gradient {
        for j in 0..<d { gradient[j] = lambda * w[j] }
        for block in 0..<blocks {
          let partial = base + block * (1 + width + scratchSize) + 1
          for j in 0..<d { gradient[j] += scale * partial[j] }
        }
      }
      return scale * total + lambda / 2 * Vector.sumOfSquares(w)
    }
  }
}
