import Descent
import Foundation

/// The stochastic mode of a finite sum: each gradient evaluation draws a new batch of
/// B rows and the problem returns the batch's gradient,
///
///     ∇f_B(w) = (1/B) Σ_{i ∈ B} ∇ℓᵢ(w) + λw,
///
/// batches taken in turn from a seeded shuffle of the rows, reshuffled when fewer than
/// B rows are left (epochs, as SGD is run), or, unshuffled, in the rows' order from the
/// first again (as the mnist1d repository's `train.py` takes them). A value evaluation alone uses the batch of
/// the last gradient (f_B at the same B, as SPS needs). ``samples`` counts the rows
/// every evaluation touched. Give each run its own sampler
/// (``FiniteSum/minibatches(of:seed:)``): the same seed gives the same batches.
public final class MinibatchSampler: @unchecked Sendable {
  public let batchSize: Int
  public let seed: UInt64
  /// Whether each epoch takes the rows in a new seeded order, or in their own.
  public let shuffled: Bool
  private let lock = NSLock()
  private var generator: SeededGenerator
  private var order: [Int]
  private var position: Int
  private var current: [Int] = []
  private var drawnSamples = 0

  package init(rows: Int, batchSize: Int, seed: UInt64, shuffled: Bool = true) {
    self.batchSize = batchSize
    self.seed = seed
    self.shuffled = shuffled
    generator = SeededGenerator(seed: seed)
    order = Array(0..<rows)
    position = rows  // the first draw shuffles
  }

  /// Rows evaluated so far, over every evaluation.
  public var samples: Int {
    lock.lock()
    defer { lock.unlock() }
    return drawnSamples
  }

  /// Where the batches stand: the generator, the order of this epoch's rows and the
  /// place in it, the last batch and the rows counted. A sampler restored to it draws
  /// the same batches from there as the one it was taken from.
  public struct State: Codable, Sendable, Equatable {
    var generator: SeededGenerator
    var order: [Int]
    var position: Int
    var current: [Int]
    var drawnSamples: Int
  }

  public var state: State {
    lock.lock()
    defer { lock.unlock() }
    return State(
      generator: generator, order: order, position: position, current: current, drawnSamples: drawnSamples)
  }

  /// Continues from `state`, taken from a sampler of the same rows and batch size.
  public func restore(_ state: State) throws(DescentError) {
    let rows = order.count
    try DescentError.require(
      state.order.count == rows && Set(state.order).count == rows && state.order.allSatisfy { (0..<rows).contains($0) }
        && (0...rows).contains(state.position) && state.drawnSamples >= 0
        && (state.current.isEmpty || state.current.count == batchSize)
        && state.current.allSatisfy { (0..<rows).contains($0) },
      "batches", "a state of \(state.order.count) rows",
      "the state of a sampler of \(rows) rows in batches of \(batchSize)")
    lock.lock()
    defer { lock.unlock() }
    (generator, order, position, current, drawnSamples) =
      (state.generator, state.order, state.position, state.current, state.drawnSamples)
  }

  /// The next batch when `drawing` (or when none was drawn yet), else the last one.
  package func batch(drawing: Bool) -> [Int] {
    lock.lock()
    defer { lock.unlock() }
    if drawing || current.isEmpty {
      if position + batchSize > order.count {
        if shuffled { order.shuffle(using: &generator) }
        position = 0
      }
      current = Array(order[position..<(position + batchSize)])
      position += batchSize
    }
    drawnSamples += batchSize
    return current
  }
}

extension FiniteSum {
  /// This problem in its stochastic mode: batches of `size` rows, drawn with `seed`, or
  /// taken in the rows' order when not `shuffled`.
  public func minibatches(of size: Int, seed: UInt64, shuffled: Bool = true) throws(DescentError) -> Self {
    try DescentError.require(
      size >= 1 && size <= data.rows, "batch-size", size, "an integer from 1 to the \(data.rows) rows")
    var copy = self
    copy.sampler = MinibatchSampler(rows: data.rows, batchSize: size, seed: seed, shuffled: shuffled)
    return copy
  }
}
