import Descent
import Dispatch
import Foundation

/// The temporary files outputs are written to, until each is renamed into place or
/// removed, so that an interrupted run (Ctrl-C, a termination signal) leaves none
/// behind: the path it was writing stays as it was. An output that is worth keeping
/// in part (a trace, whose finished rows are the run so far) registers a keeper, which
/// the interrupt runs first.
enum TemporaryFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
  /// What an interrupted command says on standard error before it exits, if anything.
  nonisolated(unsafe) private static var interruptNote: String?
  nonisolated(unsafe) private static var keepers: [Int: () -> String?] = [:]
  nonisolated(unsafe) private static var nextKeeper = 0
  /// Held by the work while it writes a row and by the interrupt while it keeps what
  /// was written, so that a kept file ends on a whole row.
  static let writing = NSLock()

  /// Says `note` on standard error when the command is interrupted.
  static func onInterrupt(say note: String) {
    lock.withLock { interruptNote = note }
  }

  /// Runs `keep` when the command is interrupted, before the temporary files are
  /// removed; it saves what it can and returns what to say of it. Returns the token
  /// that ``dropKeeper(_:)`` takes once the output is complete.
  static func onInterrupt(keep: @escaping () -> String?) -> Int {
    lock.withLock {
      nextKeeper += 1
      keepers[nextKeeper] = keep
      return nextKeeper
    }
  }

  static func dropKeeper(_ token: Int) {
    lock.withLock { _ = keepers.removeValue(forKey: token) }
  }

  static func add(_ path: String) {
    lock.withLock { _ = paths.insert(path) }
  }

  static func remove(_ path: String) {
    lock.withLock { _ = paths.remove(path) }
  }

  /// On SIGINT or SIGTERM, keeps what the keepers keep, removes every other temporary
  /// file and exits with 128 + the signal, as a shell expects. The handler runs on a
  /// queue, not in the signal.
  static func removeOnInterrupt() {
    for number in Platform.interruptions {
      Platform.ignoreSignal(number)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        // Never released: the process ends here, between two rows of the work.
        writing.lock()
        let keep = lock.withLock { keepers.sorted { $0.key < $1.key }.map(\.value) }
        let kept = keep.compactMap { $0() }
        let note = lock.withLock {
          for path in paths { Platform.remove(path) }
          paths.removeAll()
          return interruptNote
        }
        Terminal.clearProgress()
        for line in kept { StandardError.write(line) }
        if let note { StandardError.write(note) }
        exit(128 + number)
      }
      source.resume()
      lock.withLock { sources.append(source) }
    }
  }
}
