import Descent
import Dispatch
import Foundation

/// The temporary files outputs are written to, until each is renamed into place or
/// removed, so that an interrupted run (Ctrl-C, a termination signal) leaves none
/// behind: the path it was writing stays as it was. An output that is worth keeping
/// in part (a trace, whose finished rows are the run so far) registers a keeper, which
/// the interrupt runs first.
package enum TemporaryFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
  /// What an interrupted command says on standard error before it exits, if anything.
  nonisolated(unsafe) private static var interruptNote: String?
  nonisolated(unsafe) private static var keepers: [Int: () -> String?] = [:]
  nonisolated(unsafe) private static var nextKeeper = 0
  /// Held by the work while it writes a row and by the interrupt while it keeps what
  /// was written, so that a kept file ends on a whole row.
  package static let writing = NSLock()

  /// Says `note` on standard error when the command is interrupted.
  package static func onInterrupt(say note: String) {
    lock.withLock { interruptNote = note }
  }

  /// Runs `keep` when the command is interrupted, before the temporary files are
  /// removed; it saves what it can and returns what to say of it. Returns the token
  /// that ``dropKeeper(_:)`` takes once the output is complete.
  package static func onInterrupt(keep: @escaping () -> String?) -> Int {
    lock.withLock {
      nextKeeper += 1
      keepers[nextKeeper] = keep
      return nextKeeper
    }
  }

  package static func dropKeeper(_ token: Int) {
    lock.withLock { _ = keepers.removeValue(forKey: token) }
  }

  package static func add(_ path: String) {
    lock.withLock { _ = paths.insert(path) }
  }

  package static func remove(_ path: String) {
    lock.withLock { _ = paths.remove(path) }
  }

  /// On SIGINT or SIGTERM, keeps what the keepers keep, removes every other temporary
  /// file, hands `say` what to tell the user (the keepers' lines, then the note) and
  /// exits with 128 + the signal, as a shell expects. The handler runs on a
  /// queue, not in the signal.
  package static func removeOnInterrupt(say: @escaping @Sendable (_ lines: [String]) -> Void) {
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
        say(kept + (note.map { [$0] } ?? []))
        exit(128 + number)
      }
      source.resume()
      lock.withLock { sources.append(source) }
    }
  }
}
