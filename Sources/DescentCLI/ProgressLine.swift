import Descent
import DescentStudy
import Foundation

/// The sweep's progress on standard error: rewritten in place on a terminal, a line
/// every 5 % otherwise.
final class ProgressLine: @unchecked Sendable {
  private let enabled: Bool
  private let terminal = Terminal.isInteractive
  private let lock = NSLock()
  private var lastPercent = -1

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ progress: StudySweep.Progress) {
    guard enabled, progress.total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let percent = 100 * progress.done / progress.total
    let current = progress.current.map { " · \($0.method.text) on \($0.problem.text)" } ?? ""
    let text = "study: \(progress.done)/\(progress.total) done, \(progress.total - progress.done) left\(current)"
    if terminal {
      // Through Terminal, so that what is said on Ctrl-C starts a line of its own.
      Terminal.show(String(text.prefix(110)))
    } else if percent / 5 > lastPercent / 5 || progress.done == progress.total {
      lastPercent = percent
      StandardError.write(text)
    }
  }

  func finish() {
    if enabled && terminal { _ = "\n".withCString { Platform.write(2, $0, 1) } }
  }
}
