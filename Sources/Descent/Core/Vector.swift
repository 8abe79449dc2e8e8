/// Element-wise kernels over parameter vectors: loops over unsafe buffers that the
/// compiler can vectorise, with no allocation.
public enum Vector {
  /// Whether every entry is finite.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func isFinite<S: DescentFloat>(_ x: [S]) -> Bool {
    x.withUnsafeBufferPointer { x in
      everyChunkFinite(count: x.count) { range in
        sum(count: range.count) { x[range.lowerBound + $0] * 0 } == 0
      }
    }
  }

  /// Copies `source` into `destination` and returns whether every entry is finite:
  /// the check and the copy in one pass over the vector.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func copyIfFinite<S: DescentFloat>(_ source: [S], into destination: inout [S]) -> Bool {
    precondition(source.count == destination.count, "dimension mismatch")
    return source.withUnsafeBufferPointer { source in
      destination.withUnsafeMutableBufferPointer { destination in
        everyChunkFinite(count: source.count) { range in
          let (source, destination) = (source, destination)
          let base = range.lowerBound
          let probe = sum(count: range.count) { i in
            let x = source[base + i]
            destination[base + i] = x
            return x * 0
          }
          return probe == 0
        }
      }
    }
  }

  /// Runs `chunkIsFinite` on the chunks of `0..<count`, split across cores, and
  /// returns whether it said so of every one. Summing x·0 over a chunk is NaN exactly
  /// when a NaN or infinity lies in it, and vectorises, unlike an early-exit search.
  @inlinable @inline(__always)
  static func everyChunkFinite(count: Int, _ chunkIsFinite: (Range<Int>) -> Bool) -> Bool {
    let size = Parallel.chunkSize(count: count)
    return withUnsafeTemporaryAllocation(of: Bool.self, capacity: Parallel.chunks(count: count, chunkSize: size)) {
      finite in
      finite.initialize(repeating: true)
      Parallel.forEachChunk(count: count, chunkSize: size) { range in
        finite[range.lowerBound / size] = chunkIsFinite(range)
      }
      return finite.allSatisfy { $0 }
    }
  }

  /// The Euclidean norm `‖x‖₂`, without underflow or overflow in its squares.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func norm<S: DescentFloat>(_ x: [S]) -> S {
    x.withUnsafeBufferPointer { a in euclidean(count: a.count) { a[$0] } }
  }

  /// √Σ term(i)², in one pass of plain squares when their sum is safely inside the
  /// normal range, else in two passes scaled by the largest magnitude, so that no
  /// square underflows or overflows. Zero exactly when every term is zero.
  @inlinable @inline(__always)
  package static func euclidean<S: DescentFloat>(count: Int, _ term: (Int) -> S) -> S {
    let squares = sum(count: count) {
      let t = term($0)
      return t * t
    }
    // Squares lost to underflow add at most count·leastNormal, below one ulp of
    // a sum this large.
    if squares.isFinite && squares >= S(count) * (S.leastNormalMagnitude / S.ulpOfOne) {
      return squares.squareRoot()
    }
    let largest = largestMagnitude(count: count, term)
    guard largest > 0 && largest.isFinite else { return largest }
    return largest
      * sum(count: count) {
        let d = term($0) / largest
        return d * d
      }.squareRoot()
  }

  /// Σ term(i) over `0..<count` in four interleaved partial sums, added at the end.
  /// A single running sum cannot vectorise (floating-point addition does not
  /// reassociate); four lanes can, and the order stays fixed, so results are the
  /// same on every run.
  @inlinable @inline(__always)
  package static func sum<S: DescentFloat>(count: Int, _ term: (Int) -> S) -> S {
    var (s0, s1, s2, s3): (S, S, S, S) = (0, 0, 0, 0)
    var i = 0
    while i + 4 <= count {
      s0 += term(i)
      s1 += term(i + 1)
      s2 += term(i + 2)
      s3 += term(i + 3)
      i += 4
    }
    while i < count {
      s0 += term(i)
      i += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  /// max |term(i)| over `0..<count` (NaN terms skipped), in four interleaved lanes so
  /// that it vectorises; a maximum is exact, so the lanes change nothing.
  @inlinable @inline(__always)
  package static func largestMagnitude<S: DescentFloat>(count: Int, _ term: (Int) -> S) -> S {
    var (m0, m1, m2, m3): (S, S, S, S) = (0, 0, 0, 0)
    var i = 0
    while i + 4 <= count {
      m0 = max(m0, abs(term(i)))
      m1 = max(m1, abs(term(i + 1)))
      m2 = max(m2, abs(term(i + 2)))
      m3 = max(m3, abs(term(i + 3)))
      i += 4
    }
    while i < count {
      m0 = max(m0, abs(term(i)))
      i += 1
    }
    return max(max(m0, m1), max(m2, m3))
  }

  /// Σ xᵢ², in four interleaved partial sums (fixed order, so the same bits every run).
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func sumOfSquares<S: DescentFloat>(_ x: UnsafeBufferPointer<S>) -> S {
    sum(count: x.count) { x[$0] * x[$0] }
  }

  /// The largest magnitude, `‖x‖∞`.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func maxMagnitude<S: DescentFloat>(_ x: [S]) -> S {
    x.withUnsafeBufferPointer { buffer in buffer.reduce(0) { max($0, abs($1)) } }
  }

  /// The inner product `xᵀy`.
  /// `trial = w + α·direction`, a trial point along a search direction.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func point<S: DescentFloat>(_ w: [S], along direction: [S], by alpha: S, into trial: inout [S]) {
    trial.withUnsafeMutableBufferPointer { trial in
      w.withUnsafeBufferPointer { w in
        direction.withUnsafeBufferPointer { direction in
          for i in trial.indices { trial[i] = w[i] + alpha * direction[i] }
        }
      }
    }
  }

  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func dot<S: DescentFloat>(_ x: [S], _ y: [S]) -> S {
    precondition(x.count == y.count, "dimension mismatch")
    // One running sum, in index order: the order the reference trajectories were
    // checked in. (A four-lane sum vectorises but moves Polyak's step on the test
    // quadratic past the 1e-12 agreement with optax.)
    return x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        var total: S = 0
        for i in a.indices { total += a[i] * b[i] }
        return total
      }
    }
  }

  /// The Euclidean distance `‖x − y‖₂`, with no square underflowing or overflowing
  /// (see ``norm(_:)``): it is zero exactly when `x == y` entry by entry, the
  /// paper's "zero error".
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func distance<S: DescentFloat>(_ x: [S], _ y: [S]) -> S {
    precondition(x.count == y.count, "dimension mismatch")
    return x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        euclidean(count: a.count) { a[$0] - b[$0] }
      }
    }
  }

  /// `y ← y − a·x`, the gradient step.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func subtractScaled<S: DescentFloat>(_ a: S, _ x: [S], from y: inout [S]) {
    precondition(x.count == y.count, "dimension mismatch")
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        Parallel.forEachChunk(count: y.count) { range in
          let (a, x, y) = (a, x, y)
          for i in range { y[i] -= a * x[i] }
        }
      }
    }
  }

  /// `y ← y − a·x − d·y`: a gradient step with a decoupled decay (`y − a·x` at d = 0).
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func subtractScaled<S: DescentFloat>(_ a: S, _ x: [S], decaying d: S, from y: inout [S]) {
    guard d != 0 else { return subtractScaled(a, x, from: &y) }
    precondition(x.count == y.count, "dimension mismatch")
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        Parallel.forEachChunk(count: y.count) { range in
          let (a, d, x, y) = (a, d, x, y)
          for i in range { y[i] -= a * x[i] + d * y[i] }
        }
      }
    }
  }

  /// `destination ← source`, between buffers of equal length.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func copy<S: DescentFloat>(
    _ source: UnsafeBufferPointer<S>, into destination: UnsafeMutableBufferPointer<S>
  ) {
    precondition(source.count == destination.count, "dimension mismatch")
    Parallel.forEachChunk(count: source.count) { range in
      let (source, destination) = (source, destination)
      for i in range { destination[i] = source[i] }
    }
  }

  /// `destination ← source`, in place.
  @inlinable @_specialize(where S == Float) @_specialize(where S == Double)
  public static func copy<S: DescentFloat>(_ source: [S], into destination: inout [S]) {
    precondition(source.count == destination.count, "dimension mismatch")
    source.withUnsafeBufferPointer { source in
      destination.withUnsafeMutableBufferPointer { destination in
        copy(source, into: destination)
      }
    }
  }
}
