@testable import DescentCLI

/// Parses and runs `arguments` in-process as the tool would, its standard output
/// discarded; returns the one line the tool prints for an error, or nil on success.
func runTool(_ arguments: [String]) -> String? {
  StandardOutput.$isDiscarded.withValue(true) {
    do {
      var command = try DescentCommand.parseAsRoot(arguments)
      try command.run()
      return nil
    } catch {
      return DescentCommand.oneLine(for: error)
    }
  }
}
