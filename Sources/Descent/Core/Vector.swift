/// Element-wise kernels over parameter vectors: loops over unsafe buffers that the
/// compiler can vectorise, with no allocation.
public enum Vector {
  /// Whether every entry is finite.
  @inlinable
  public static func isFinite<S: DescentFloat>(_ x: [S]) -> Bool {
    x.withUnsafeBufferPointer { buffer in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: Parallel.cores) { finite in
        finite.initialize(repeating: true)
        // Summing x·0 is NaN exactly when some entry is NaN or infinite; it
        // vectorises, unlike an early-exit search.
        let chunk = Parallel.chunkSize(count: buffer.count)
        Parallel.forEachChunk(count: buffer.count) { range in
          var probe: S = 0
          for i in range { probe += buffer[i] * 0 }
          if probe != 0 { finite[range.lowerBound / chunk] = false }
        }
        return finite.allSatisfy { $0 }
      }
    }
  }

  /// The Euclidean norm `‖x‖₂`.
  @inlinable
  public static func norm<S: DescentFloat>(_ x: [S]) -> S {
    x.withUnsafeBufferPointer { buffer in
      var sum: S = 0
      for value in buffer { sum += value * value }
      return sum.squareRoot()
    }
  }

  /// The largest magnitude, `‖x‖∞`.
  @inlinable
  public static func maxMagnitude<S: DescentFloat>(_ x: [S]) -> S {
    x.withUnsafeBufferPointer { buffer in buffer.reduce(0) { max($0, abs($1)) } }
  }

  /// The inner product `xᵀy`.
  @inlinable
  public static func dot<S: DescentFloat>(_ x: [S], _ y: [S]) -> S {
    precondition(x.count == y.count, "dimension mismatch")
    return x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        var sum: S = 0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
      }
    }
  }

  /// The Euclidean distance `‖x − y‖₂`; exactly zero only when `x == y` entry by entry.
  @inlinable
  public static func distance<S: DescentFloat>(_ x: [S], _ y: [S]) -> S {
    precondition(x.count == y.count, "dimension mismatch")
    return x.withUnsafeBufferPointer { a in
      y.withUnsafeBufferPointer { b in
        var sum: S = 0
        for i in a.indices {
          let difference = a[i] - b[i]
          sum += difference * difference
        }
        return sum.squareRoot()
      }
    }
  }

  /// `y ← y − a·x`, the gradient step.
  @inlinable
  public static func subtractScaled<S: DescentFloat>(_ a: S, _ x: [S], from y: inout [S]) {
    precondition(x.count == y.count, "dimension mismatch")
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        Parallel.forEachChunk(count: y.count) { range in
          for i in range { y[i] -= a * x[i] }
        }
      }
    }
  }

  /// `destination ← source`, in place.
  @inlinable
  public static func copy<S: DescentFloat>(_ source: [S], into destination: inout [S]) {
    precondition(source.count == destination.count, "dimension mismatch")
    source.withUnsafeBufferPointer { source in
      destination.withUnsafeMutableBufferPointer { destination in
        Parallel.forEachChunk(count: destination.count) { range in
          for i in range { destination[i] = source[i] }
        }
      }
    }
  }
}
