import Descent
import Foundation

/// The progress line a long run shows on standard error when it is a terminal: one
/// line, rewritten in place at most a few times a second, cleared before a row of
/// output and at the end. Nothing is shown when standard error is a file or a pipe.
enum Terminal {
  static let isInteractive = Platform.standardErrorIsTerminal
  nonisolated(unsafe) private static var shown = false
  nonisolated(unsafe) private static var lastShown: ContinuousClock.Instant?
  private static let started = ContinuousClock.now
  private static let lock = NSLock()

  /// Shows `line`, at most every 0.2 s and only once the run has taken a second.
  static func progress(_ line: @autoclosure () -> String) {
    guard isInteractive else { return }
    let now = ContinuousClock.now
    guard now - started >= .seconds(1) else { return }
    if let lastShown, now - lastShown < .milliseconds(200) { return }
    lastShown = now
    show(line())
  }

  /// Shows `line` now, in place of the one shown.
  static func show(_ line: String) {
    guard isInteractive else { return }
    let text = "\r\u{1B}[K" + line
    lock.withLock {
      _ = text.withCString { Platform.write(2, $0, strlen($0)) }
      shown = true
    }
  }

  /// Removes the progress line, if one is shown.
  static func clearProgress() {
    guard isInteractive else { return }
    lock.withLock {
      guard shown else { return }
      _ = "\r\u{1B}[K".withCString { Platform.write(2, $0, strlen($0)) }
      shown = false
    }
  }

  /// Prints `line` on standard output now (not when the buffer fills), under any
  /// progress line.
  static func printNow(_ line: String) {
    clearProgress()
    print(line)
    _ = Platform.flushStandardStreams()  // a failed write is reported at the end, by the exit's flush
  }

  /// Seconds since the command started, for the progress line.
  static var elapsed: String {
    let duration = ContinuousClock.now - started
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return String(format: "%.1f s", seconds)
  }
}
