import Descent
import Foundation

/// Standard output through C's buffered stream, checked when flushed.
///
/// A caller that runs the tool in-process and reads what it returns rather than what it
/// prints (the tests, whose log would otherwise carry every table) discards it.
enum StandardOutput {
  @TaskLocal static var isDiscarded = false

  struct WriteError: Error, CustomStringConvertible {
    let error: Platform.SystemError
    var description: String { "cannot write to standard output: \(error)" }
    /// The reader went away (`descent list | head`): output ends quietly, as for any
    /// filter in a pipe; every other failure (a full disk) is an error.
    var isClosedPipe: Bool { error.isClosedPipe }
  }

  /// Flushes every C stream (`print` writes to one); throws when a write failed,
  /// as to a closed pipe or a full disk.
  static func flush() throws {
    if let error = Platform.flushStandardStreams() { throw WriteError(error: error) }
  }
}

/// `Swift.print`, unless standard output is discarded: every line the tool prints goes
/// through here.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  guard !StandardOutput.isDiscarded else { return }
  Swift.print(items.map { "\($0)" }.joined(separator: separator), terminator: terminator)
}
