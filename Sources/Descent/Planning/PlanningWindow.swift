/// The planning window of step-size planning (Yao 2022): the experience the planners
/// fit their step-sizes to, and the schedule of their planning events.
///
/// Every gradient step is recorded with its gradient,
///
///     w_k = w_{k−1} − γ g_k,   store (w_k, g_k),
///
/// in a ring of the last K pairs. When the pair K steps older is overwritten it is
/// compared with the new weight, and its terms are added to two running sums,
///
///     sum₁ += g_s ⊙ (w_s − w_{s+K}),   sum₂ += g_s ⊙ g_s,
///
/// in the paper's order, so the sums are bit-identical to the paper's two buffers of
/// K pairs each (2K·d + 2d numbers instead of 4K·d). A planning event is due every K
/// steps from step 2K on, when the sums hold the K pairs of a full window. A window
/// that keeps its pairs also stores each matched pair as columns, the displacement
/// `w_s − w_{s+K}` and the gradient `g_s` (the multi-secant fit reads them).
///
/// Both ``Csawg`` and ``SafeguardedCsawg`` plan on this window: Csawg is the window
/// plus its projection, the safeguarded planner the window plus a fit and an
/// acceptance test.
@usableFromInline
struct PlanningWindow<Scalar: DescentFloat>: Codable, Sendable {
  /// K.
  @usableFromInline private(set) var horizon: Int
  /// Steps recorded since the window started (the planners' k).
  @usableFromInline private(set) var steps = 0
  /// The last K stored weights, slot `(k − 1) mod K` holding `w_k`; K·d numbers.
  @usableFromInline var ringWeights: [Scalar] = []
  /// The gradients stored with them; K·d numbers.
  @usableFromInline var ringGradients: [Scalar] = []
  /// sum₁ over the pairs matched so far in this window.
  @usableFromInline var weightDifferenceSum: [Scalar] = []
  /// sum₂ over the same pairs.
  @usableFromInline var squaredGradientSum: [Scalar] = []
  /// With ``keepsPairs``: the matched pairs' displacements `w_s − w_{s+K}` and their
  /// gradients `g_s`, K columns of d each, column `(s − 1) mod K` for pair s.
  @usableFromInline var displacements: [Scalar] = []
  @usableFromInline var pairedGradients: [Scalar] = []
  @usableFromInline private(set) var keepsPairs: Bool

  /// An empty window; ``allocate(dimension:)`` sizes it for a run.
  @usableFromInline
  init(horizon: Int, keepsPairs: Bool = false) {
    self.horizon = horizon
    self.keepsPairs = keepsPairs
  }

  /// d, or 0 before the first step.
  @inlinable var dimension: Int { weightDifferenceSum.count }

  /// Whether the first planning event (at step 2K) has happened.
  @inlinable var hasPlanned: Bool { steps / 2 >= horizon }

  /// Numbers the window keeps on d parameters: 2K·d for the ring, 2d for the sums, and
  /// 2K·d more when it keeps its pairs; nil when that overflows `Int`.
  @usableFromInline
  static func size(horizon: Int, dimension d: Int, keepsPairs: Bool) -> Int? {
    MemoryRequirement.sum(
      MemoryRequirement.product(keepsPairs ? 4 : 2, horizon).flatMap { MemoryRequirement.product($0, d) },
      MemoryRequirement.product(2, d))
  }

  /// Sizes the window for d parameters, emptied: the first step of a run.
  @usableFromInline
  mutating func allocate(dimension d: Int) {
    precondition(steps == 0, "PlanningWindow: the dimension changed in the middle of a run")
    ringWeights = [Scalar](repeating: 0, count: horizon * d)
    ringGradients = ringWeights
    weightDifferenceSum = [Scalar](repeating: 0, count: d)
    squaredGradientSum = weightDifferenceSum
    if keepsPairs {
      displacements = ringWeights
      pairedGradients = ringWeights
    }
  }

  /// Planning starts over: the next 2K steps fill the window again (the pairs in the
  /// ring are overwritten before they are matched).
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @usableFromInline
  mutating func restart() {
    steps = 0
    clearSums()
  }

  /// Throws unless an allocated window fits d parameters at horizon K (a resumed
  /// checkpoint must fit the problem it resumes).
  @usableFromInline
  func validate(dimension d: Int, horizon k: Int) throws(DescentError) {
    guard !ringWeights.isEmpty else { return }
    let ring = MemoryRequirement.product(k, d)
    guard horizon == k, ringWeights.count == ring, ringGradients.count == ring, dimension == d,
      !keepsPairs || (displacements.count == ring && pairedGradients.count == ring)
    else { throw .dimensionMismatch(name: "optimizer state", expected: d, actual: ringWeights.count / horizon) }
    try DescentError.requireCount(steps)
  }

  /// A gradient step `w ← w − γ g`, recorded: the older pair in its slot joins the
  /// sums (and the kept pairs) once the window is full, and `(w, g)` takes its place.
  /// Returns whether a planning event is due. Like every step, it expects the window
  /// allocated for w's dimension.
  @inlinable
  mutating func step(_ w: inout [Scalar], along gradient: [Scalar], by gamma: Scalar) -> Bool {
    step(&w, along: gradient, by: gamma, start: nil)
  }

  /// ``step(_:along:by:)``, copying w before the step into `start` (d numbers).
  @inlinable
  mutating func step(
    _ w: inout [Scalar], along gradient: [Scalar], by gamma: Scalar, savingStartIn start: inout [Scalar]
  ) -> Bool {
    start.withUnsafeMutableBufferPointer { step(&w, along: gradient, by: gamma, start: $0) }
  }

  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func step(
    _ w: inout [Scalar], along gradient: [Scalar], by gamma: Scalar, start: UnsafeMutableBufferPointer<Scalar>?
  ) -> Bool {
    let d = w.count
    steps += 1
    let slot = (steps - 1) % horizon
    let paired = steps > horizon
    let base = slot * d
    let keepsPairs = paired && self.keepsPairs
    gradient.withUnsafeBufferPointer { g in
      withBuffers(&w, &ringWeights, &ringGradients) { w, ringWeights, ringGradients in
        let ringW = UnsafeMutableBufferPointer(rebasing: ringWeights[base..<(base + d)])
        let ringG = UnsafeMutableBufferPointer(rebasing: ringGradients[base..<(base + d)])
        withBuffers(&weightDifferenceSum, &squaredGradientSum, &displacements, &pairedGradients) {
          sum1, sum2, displacements, pairedGradients in
          Parallel.forEachChunk(count: d) { range in
            let (w, g, ringW, ringG, sum1, sum2, gamma) = (w, g, ringW, ringG, sum1, sum2, gamma)
            let (displacements, pairedGradients, start) = (displacements, pairedGradients, start)
            if paired {
              for i in range {
                start?[i] = w[i]
                let newWeight = w[i] - gamma * g[i]
                w[i] = newWeight
                let older = ringG[i]
                let moved = ringW[i] - newWeight
                sum1[i] += older * moved
                sum2[i] += older * older
                if keepsPairs {
                  displacements[base + i] = moved
                  pairedGradients[base + i] = older
                }
                ringW[i] = newWeight
                ringG[i] = g[i]
              }
            } else {
              // The ring still filling: the step, and the new pair stored.
              for i in range {
                start?[i] = w[i]
                let newWeight = w[i] - gamma * g[i]
                w[i] = newWeight
                ringW[i] = newWeight
                ringG[i] = g[i]
              }
            }
          }
        }
      }
    }
    return paired && slot == horizon - 1
  }

  /// sum₁ and sum₂ set to zero: the next window starts.
  @_specialize(where Scalar == Float) @_specialize(where Scalar == Double)
  @inlinable
  mutating func clearSums() {
    withBuffers(&weightDifferenceSum, &squaredGradientSum) { sum1, sum2 in
      Parallel.forEachChunk(count: sum1.count) { range in
        let (sum1, sum2) = (sum1, sum2)
        for i in range {
          sum1[i] = 0
          sum2[i] = 0
        }
      }
    }
  }

  // MARK: Codable, each size checked on decoding.

  @usableFromInline
  enum CodingKeys: String, CodingKey {
    case horizon, iteration, ringWeights, ringGradients, weightDifferenceSum, squaredGradientSum
    case displacements, windowGradients
  }

  @usableFromInline
  init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    horizon = try c.decode(Int.self, forKey: .horizon)
    steps = try c.decode(Int.self, forKey: .iteration)
    ringWeights = try c.decode([Scalar].self, forKey: .ringWeights)
    ringGradients = try c.decode([Scalar].self, forKey: .ringGradients)
    weightDifferenceSum = try c.decode([Scalar].self, forKey: .weightDifferenceSum)
    squaredGradientSum = try c.decode([Scalar].self, forKey: .squaredGradientSum)
    keepsPairs = c.contains(.displacements)
    displacements = try c.decodeIfPresent([Scalar].self, forKey: .displacements) ?? []
    pairedGradients = try c.decodeIfPresent([Scalar].self, forKey: .windowGradients) ?? []
    let d = weightDifferenceSum.count
    let ring = MemoryRequirement.product(horizon, d)
    let pairs = ringWeights.isEmpty ? 0 : ring
    // A count no run reaches is refused too: the next step would overflow it.
    guard horizon >= 1, steps >= 0, steps < Int.max / 2, ringWeights.count == ring, ringGradients.count == ring,
      squaredGradientSum.count == d, steps == 0 || d > 0,
      !keepsPairs || (displacements.count == pairs && pairedGradients.count == pairs)
    else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: c.codingPath, debugDescription: "planning window sizes do not match horizon \(horizon)"))
    }
  }

  @usableFromInline
  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(horizon, forKey: .horizon)
    try c.encode(steps, forKey: .iteration)
    try c.encode(ringWeights, forKey: .ringWeights)
    try c.encode(ringGradients, forKey: .ringGradients)
    try c.encode(weightDifferenceSum, forKey: .weightDifferenceSum)
    try c.encode(squaredGradientSum, forKey: .squaredGradientSum)
    if keepsPairs {
      try c.encode(displacements, forKey: .displacements)
      try c.encode(pairedGradients, forKey: .windowGradients)
    }
  }
}
