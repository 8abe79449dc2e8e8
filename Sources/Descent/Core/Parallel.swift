import Dispatch
import Foundation

/// Splits element-wise work across the machine's cores.
///
/// Only element-wise kernels use it: each element is computed exactly as on one
/// core, so results are bit-identical however the work is split. Reductions (dot
/// products, norms) stay on one core, where their summation order is fixed.
///
/// The extra cores are persistent worker threads woken by semaphores, and a kernel
/// is a struct the workers reach through a pointer, so a split kernel allocates
/// nothing (Dispatch's `concurrentPerform`, and any closure handed to another
/// thread, allocates on every call).
@usableFromInline
package enum Parallel {
  /// Kernels over fewer elements run on one core: waking a second costs more than
  /// it saves.
  @usableFromInline package static let threshold = 1 << 16

  /// The machine's cores.
  package static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// The threads a kernel may use at most: the `DESCENT_THREADS` environment
  /// variable when it is a whole number ≥ 1, else every core.
  package static let maximumThreads: Int = {
    guard let text = ProcessInfo.processInfo.environment["DESCENT_THREADS"], let count = Int(text), count >= 1 else {
      return cores
    }
    return min(count, 256)
  }()

  /// The threads kernels use, the calling thread among them: `maximumThreads` unless
  /// set lower. Results are the same bits whatever it is; 1 runs every kernel on the
  /// calling thread.
  @usableFromInline package static var threads: Int {
    get {
      setting.lock()
      defer { setting.unlock() }
      return chosenThreads
    }
    set {
      setting.lock()
      defer { setting.unlock() }
      chosenThreads = min(max(1, newValue), maximumThreads)
    }
  }

  @usableFromInline static let setting = NSLock()
  nonisolated(unsafe) static var chosenThreads = maximumThreads

  @usableFromInline static let pool = WorkerPool(workers: maximumThreads - 1)

  /// Runs `body` on chunks of `0..<count` that together cover each index once, split
  /// across cores at `threshold` elements and above: the way every element-wise update
  /// is written. `body` must touch only its chunk's elements.
  ///
  /// The body's first line binds what it captures to locals,
  /// `let (w, g, alpha) = (w, g, alpha)`: a captured value is otherwise read from the
  /// closure's context at every element, since a store through an unsafe pointer might
  /// change it, and the loop does not vectorise (3× slower for `y ← y − a·x`).
  @inlinable
  package static func forEachChunk(count: Int, threshold: Int = Parallel.threshold, _ body: (Range<Int>) -> Void) {
    forEachChunk(count: count, chunkSize: chunkSize(count: count, threshold: threshold), body)
  }

  /// Runs `body` on the chunks of `0..<count` of `chunkSize` elements (the last may be
  /// shorter), chunk `c` starting at `c·chunkSize`.
  @inlinable
  package static func forEachChunk(count: Int, chunkSize size: Int, _ body: (Range<Int>) -> Void) {
    guard size < count else {
      body(0..<count)
      return
    }
    // The pool's threads call `body` through a pointer to it; it returns only after
    // every chunk has run, so the closure outlives every call.
    let ran = withoutActuallyEscaping(body) { body in
      withUnsafePointer(to: body) { pointer in
        pool.run(count: count, chunkSize: size, context: UnsafeRawPointer(pointer)) { context, range in
          context.assumingMemoryBound(to: ((Range<Int>) -> Void).self).pointee(range)
        }
      }
    }
    if !ran { body(0..<count) }
  }

  @inlinable
  package static func chunkSize(count: Int, threshold: Int = Parallel.threshold) -> Int {
    let threads = Self.threads
    return count >= threshold && threads > 1 ? ((count + threads - 1) / threads + 63) & ~63 : max(count, 1)
  }

  /// How many ranges of `chunkSize` cover `count`.
  @inlinable
  package static func chunks(count: Int, chunkSize: Int) -> Int {
    max(1, (count + chunkSize - 1) / chunkSize)
  }
}

/// Element-wise work that can run on any part of its range: a struct holding the
/// buffers and constants of one loop, called concurrently on disjoint ranges.
@usableFromInline
final class WorkerPool: @unchecked Sendable {
  @usableFromInline let workers: Int
  @usableFromInline let busy = NSLock()
  @usableFromInline let start: [DispatchSemaphore]
  @usableFromInline let done = DispatchSemaphore(value: 0)
  /// The kernel being run: a function that captures nothing, its context, and the
  /// chunking of the range.
  @usableFromInline var entry: ((UnsafeRawPointer, Range<Int>) -> Void)?
  @usableFromInline var context: UnsafeRawPointer?
  @usableFromInline var count = 0
  @usableFromInline var chunkSize = 0

  init(workers: Int) {
    self.workers = workers
    start = (0..<workers).map { _ in DispatchSemaphore(value: 0) }
    for index in 0..<workers {
      let thread = Thread { [unowned self] in self.work(index + 1) }
      thread.name = "Descent worker \(index + 1)"
      thread.start()
    }
  }

  private func work(_ chunk: Int) {
    while true {
      start[chunk - 1].wait()
      let lower = chunk * chunkSize
      let upper = min(count, lower + chunkSize)
      if lower < upper { entry!(context!, lower..<upper) }
      done.signal()
    }
  }

  /// Runs `job(0)` here and `job(1…)` on the workers, and returns once all have
  /// finished; returns false, running nothing, when the pool is already busy.
  /// Runs `entry(context, chunk)` for every chunk, the first here; false, running
  /// nothing, when the pool is busy.
  @inlinable @inline(__always)
  func run(
    count: Int, chunkSize: Int, context: UnsafeRawPointer, _ entry: @escaping (UnsafeRawPointer, Range<Int>) -> Void
  ) -> Bool {
    guard busy.try() else { return false }
    defer { busy.unlock() }
    let chunks = (count + chunkSize - 1) / chunkSize
    let helpers = min(workers, chunks - 1)
    (self.entry, self.context, self.count, self.chunkSize) = (entry, context, count, chunkSize)
    for index in 0..<helpers { start[index].signal() }
    // Chunk 0, and any chunk without a worker, run here.
    var chunk = 0
    while chunk < chunks {
      let lower = chunk * chunkSize
      entry(context, lower..<min(count, lower + chunkSize))
      chunk = chunk == 0 ? helpers + 1 : chunk + 1
    }
    for _ in 0..<helpers { done.wait() }
    (self.entry, self.context) = (nil, nil)
    return true
  }
}
