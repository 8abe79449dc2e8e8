import Foundation

/// Standard output through C's buffered stream, checked when flushed.
///
/// A caller that runs the tool in-process and reads what it returns rather than what it
/// prints (the tests, whose log would otherwise carry every table) discards it.
enum StandardOutput {
  @TaskLocal static var isDiscarded = false

  struct WriteError: Error, CustomStringConvertible {
    let code: Int32
    var reason: String { String(cString: strerror(code)) }
    var description: String { "cannot write to standard output: \(reason)" }
    /// The reader went away (`descent list | head`): output ends quietly, as for any
    /// filter in a pipe; every other failure (a full disk) is an error.
    var isClosedPipe: Bool { code == EPIPE }
  }

  /// Flushes every C stream (`print` writes to one); throws when a write failed,
  /// as to a closed pipe or a full disk.
  static func flush() throws {
    if fflush(nil) != 0 { throw WriteError(code: errno) }
  }
}

/// `Swift.print`, unless standard output is discarded: every line the tool prints goes
/// through here.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  guard !StandardOutput.isDiscarded else { return }
  Swift.print(items.map { "\($0)" }.joined(separator: separator), terminator: terminator)
}
