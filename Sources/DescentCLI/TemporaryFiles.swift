import Dispatch
import Foundation

/// The temporary files outputs are written to, until each is renamed into place or
/// removed, so that an interrupted run (Ctrl-C, a termination signal) leaves none
/// behind: the path it was writing stays as it was.
enum TemporaryFiles {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var paths: Set<String> = []
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
  /// What an interrupted command says on standard error before it exits, if anything.
  nonisolated(unsafe) private static var interruptNote: String?

  /// Says `note` on standard error when the command is interrupted.
  static func onInterrupt(say note: String) {
    lock.withLock { interruptNote = note }
  }

  static func add(_ path: String) {
    lock.withLock { _ = paths.insert(path) }
  }

  static func remove(_ path: String) {
    lock.withLock { _ = paths.remove(path) }
  }

  /// On SIGINT or SIGTERM, removes every temporary file and exits with 128 + the
  /// signal, as a shell expects. The handler runs on a queue, not in the signal.
  static func removeOnInterrupt() {
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        let note = lock.withLock {
          for path in paths { unlink(path) }
          paths.removeAll()
          return interruptNote
        }
        if let note { StandardError.write(note) }
        exit(128 + number)
      }
      source.resume()
      lock.withLock { sources.append(source) }
    }
  }
}
