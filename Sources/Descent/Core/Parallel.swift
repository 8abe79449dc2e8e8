import Dispatch
import Foundation

/// Splits element-wise work across the machine's cores.
///
/// Only element-wise kernels use it: each element is computed exactly as on one
/// core, so results are bit-identical however the work is split. Reductions (dot
/// products, norms) stay on one core, where their summation order is fixed.
///
/// The extra cores are persistent worker threads woken by semaphores, so a split
/// kernel allocates nothing (Dispatch's `concurrentPerform` allocates on every call).
public enum Parallel {
  /// Kernels over fewer elements run on one core: waking a second costs more than
  /// it saves.
  public static let threshold = 1 << 16

  /// The cores kernels use: the calling thread and `cores − 1` workers.
  public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @usableFromInline static let pool = WorkerPool(workers: cores - 1)

  /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `count`
  /// reaches `threshold`. Chunk boundaries are multiples of 64 elements. A call
  /// made while the workers are busy (from another thread, or nested) runs on its
  /// own thread.
  @inlinable
  public static func forEachChunk(count: Int, threshold: Int = Parallel.threshold, _ body: (Range<Int>) -> Void) {
    guard count >= threshold && cores > 1 else {
      body(0..<count)
      return
    }
    let size = chunkSize(count: count, threshold: threshold)
    let ran = pool.run(chunks: cores) { index in
      let start = index * size
      let end = min(count, start + size)
      if start < end { body(start..<end) }
    }
    if !ran { body(0..<count) }
  }

  /// The length of each range ``forEachChunk(count:threshold:_:)`` makes, so a
  /// kernel can number its chunks as `range.lowerBound / chunkSize`.
  @inlinable
  public static func chunkSize(count: Int, threshold: Int = Parallel.threshold) -> Int {
    count >= threshold && cores > 1 ? ((count + cores - 1) / cores + 63) & ~63 : max(count, 1)
  }
}

/// Worker threads that each run one chunk of a job: chunk 0 on the caller, chunk
/// i on worker i. Started once; parked on a semaphore between jobs.
@usableFromInline
final class WorkerPool: @unchecked Sendable {
  private let workers: Int
  private let busy = NSLock()
  private let start: [DispatchSemaphore]
  private let done = DispatchSemaphore(value: 0)
  /// The job being run; set only while `busy` is held and the workers are awake.
  private var job: ((Int) -> Void)?

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
      job?(chunk)
      done.signal()
    }
  }

  /// Runs `job(0)` here and `job(1…)` on the workers, and returns once all have
  /// finished; returns false, running nothing, when the pool is already busy.
  /// The job is taken non-escaping, so its context stays on the caller's stack:
  /// nothing is allocated.
  @usableFromInline
  func run(chunks: Int, _ job: (Int) -> Void) -> Bool {
    guard busy.try() else { return false }
    defer { busy.unlock() }
    let helpers = min(workers, chunks - 1)
    withoutActuallyEscaping(job) { job in
      self.job = job
      for index in 0..<helpers { start[index].signal() }
      job(0)
      for index in (helpers + 1)..<max(helpers + 1, chunks) { job(index) }
      for _ in 0..<helpers { done.wait() }
      self.job = nil
    }
    return true
  }
}
