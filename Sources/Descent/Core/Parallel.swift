import Dispatch
import Foundation

/// Splits element-wise work across the machine's cores.
///
/// Only element-wise kernels use it: each element is computed exactly as on one
/// core, so results are bit-identical however the work is split. Reductions (dot
/// products, norms) stay on one core, where their summation order is fixed.
public enum Parallel {
  /// Kernels over fewer elements run on one core: waking a second costs more than
  /// it saves.
  public static let threshold = 1 << 16

  @usableFromInline static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `count`
  /// reaches `threshold`. Chunk boundaries are multiples of 64 elements.
  @inlinable
  public static func forEachChunk(count: Int, threshold: Int = Parallel.threshold, _ body: (Range<Int>) -> Void) {
    let chunks = count >= threshold ? cores : 1
    if chunks <= 1 {
      body(0..<count)
      return
    }
    let size = chunkSize(count: count, threshold: threshold)
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: chunks) { index in
        let start = index * size
        let end = min(count, start + size)
        if start < end { shared.value(start..<end) }
      }
    }
  }
}

extension Parallel {
  /// The length of each range ``forEachChunk(count:threshold:_:)`` makes, so a
  /// kernel can number its chunks as `range.lowerBound / chunkSize`.
  @inlinable
  public static func chunkSize(count: Int, threshold: Int = Parallel.threshold) -> Int {
    let chunks = count >= threshold ? cores : 1
    return chunks <= 1 ? max(count, 1) : ((count + chunks - 1) / chunks + 63) & ~63
  }
}

/// Carries a value the compiler cannot prove thread-safe into concurrent work that
/// touches disjoint parts of it.
@usableFromInline
struct UncheckedSendable<Value>: @unchecked Sendable {
  @usableFromInline let value: Value
  @usableFromInline init(_ value: Value) { self.value = value }
}
