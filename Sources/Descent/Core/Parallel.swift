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
public enum Parallel {
  /// Kernels over fewer elements run on one core: waking a second costs more than
  /// it saves.
  public static let threshold = 1 << 16

  /// The cores kernels use: the calling thread and `cores − 1` workers.
  public static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

  @usableFromInline static let pool = WorkerPool(workers: cores - 1)

  /// Runs `kernel` on disjoint ranges covering `0..<count`, concurrently when `count`
  /// reaches `threshold`, without allocating: the workers reach the kernel through
  /// a pointer to it and a function that captures nothing.
  @inlinable
  public static func run<Kernel: ElementwiseKernel>(_ kernel: Kernel, count: Int, threshold: Int = Parallel.threshold) {
    guard count >= threshold && cores > 1 else {
      kernel(0..<count)
      return
    }
    let size = chunkSize(count: count, threshold: threshold)
    let ran = withUnsafePointer(to: kernel) { pointer in
      pool.run(count: count, chunkSize: size, context: UnsafeRawPointer(pointer)) { context, range in
        context.assumingMemoryBound(to: Kernel.self).pointee(range)
      }
    }
    if !ran { kernel(0..<count) }
  }

  /// The length of each range ``run(_:count:threshold:)`` makes, so a kernel can
  /// number its chunks as `range.lowerBound / chunkSize`.
  @inlinable
  public static func chunkSize(count: Int, threshold: Int = Parallel.threshold) -> Int {
    count >= threshold && cores > 1 ? ((count + cores - 1) / cores + 63) & ~63 : max(count, 1)
  }
}

/// Element-wise work that can run on any part of its range: a struct holding the
/// buffers and constants of one loop, called concurrently on disjoint ranges.
public protocol ElementwiseKernel {
  func callAsFunction(_ range: Range<Int>)
}

/// Worker threads that each run one chunk of a job: chunk 0 on the caller, chunk
/// i on worker i. Started once; parked on a semaphore between jobs.
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
