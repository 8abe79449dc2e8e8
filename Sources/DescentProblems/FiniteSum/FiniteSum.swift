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
/// A model writes its loss ℓ and one line more, ``sum(at:gradient:for:)``, a call of
/// ``FiniteSumEvaluation/run(_:at:gradient:for:)`` marked `@_specialize(where Scalar ==
/// Float)` and `Double`: the one entry the catalog's existential reaches specialised
/// (a default here would run the loss generically). `value`, `gradient` and
/// `valueAndGradient` call it.
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
  /// The sum for `request`, its gradient written to `g` when given:
  /// `FiniteSumEvaluation.run(self, at: w, gradient: g, for: request)`, specialised.
  func sum(at w: UnsafeBufferPointer<Scalar>, gradient g: UnsafeMutableBufferPointer<Scalar>?, for request: SumRequest)
    -> Scalar
}

/// What an evaluation of a finite sum is for: a gradient draws a new batch (in the
/// stochastic mode) and a value alone is taken on the last gradient's batch.
public enum SumRequest: Sendable {
  case value, gradient, valueAndGradient

  /// Whether it draws a new batch.
  public var drawsBatch: Bool { self != .value }
  /// Whether the value is used (a gradient alone lets the model skip ℓ).
  public var needsValue: Bool { self != .gradient }
}

extension FiniteSum {
  /// Numbers read: a row's features, the parameters.
  public typealias Numbers = UnsafeBufferPointer<Scalar>
  /// Numbers written: a gradient, scratch.
  public typealias MutableNumbers = UnsafeMutableBufferPointer<Scalar>

  public func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar { sum(at: w, gradient: nil, for: .value) }

  public func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    _ = sum(at: w, gradient: g, for: .gradient)
  }

  public func valueAndGradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>)
    -> Scalar
  { sum(at: w, gradient: g, for: .valueAndGradient) }

  public var scratchSize: Int { 0 }

  /// Throws unless λ is finite and ≥ 0: what every finite sum's initialiser checks.
  public static func checkRegularization(_ regularization: Scalar) throws(DescentError) {
    try DescentError.require(
      regularization >= 0 && regularization.isFinite, "regularization", regularization, "a finite number ≥ 0")
  }
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

  /// The sum for `request` over the problem's batch (drawn anew for a gradient) or
  /// every row.
  public static func run<Problem: FiniteSum>(
    _ problem: Problem, at w: UnsafeBufferPointer<Problem.Scalar>,
    gradient: UnsafeMutableBufferPointer<Problem.Scalar>?, for request: SumRequest
  ) -> Problem.Scalar {
    run(
      problem, rows: problem.sampler?.batch(drawing: request.drawsBatch), at: w, gradient: gradient,
      needsValue: request.needsValue)
  }

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
