import ArgumentParser
import Descent
import DescentStudy
import Foundation

@main
struct DescentCommand: ParsableCommand {
  /// The tool's version, printed by `descent --version`.
  static let version = "0.5.0"

  static let configuration = CommandConfiguration(
    commandName: "descent",
    abstract: "Step-size planning (Csawg) and the methods it is compared with.",
    discussion: """
      A method is named by its catalog name and settings after colons, e.g.
        descent run --optimizer csawg:horizon=2:planning-steps=5
        descent compare --optimizers gd,csawg-safeguarded --format json
      'descent list' shows every method and problem, their settings and defaults.

      Exit codes:
        0  the command did its work (a run converged or spent its budget)
        1  bad input or a failed write (one line on standard error)
        2  a run failed on a non-finite number (its last finite iterate is kept)

      Shell completions: descent --generate-completion-script bash|zsh|fish
      """,
    version: DescentCommand.version,
    subcommands: [
      RunCommand.self, CompareCommand.self, ReproduceCommand.self, ListCommand.self, StudyCommand.self,
      MergeCommand.self, ProfileCommand.self, CurvesCommand.self,
    ])

  /// Runs the command. An error is one line on standard error and exit code 1; a
  /// run that failed on a non-finite number exits 2; help goes to standard output.
  /// A write to a closed pipe is an error like any other, not a signal.
  static func main() {
    Platform.ignoreBrokenPipes()
    TemporaryFiles.removeOnInterrupt { lines in
      Terminal.clearProgress()
      for line in lines { StandardError.write(line) }
    }
    let arguments = Array(CommandLine.arguments.dropFirst())
    let code = run(arguments)
    Foundation.exit(code)
  }

  /// Parses and runs `arguments`; returns the exit code.
  static func run(_ arguments: [String]) -> Int32 {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      return flushed(0)
    } catch {
      if let failed = error as? StandardOutput.WriteError, failed.isClosedPipe { return 0 }
      if let code = error as? ExitCode { return flushed(code.rawValue) }
      if exitCode(for: error) == .success {
        // --help and the like: the full text, on standard output.
        print(fullMessage(for: error))
        return flushed(0)
      }
      _ = flushed(0)
      StandardError.write("Error: " + (unknownSubcommand(arguments) ?? oneLine(for: error)))
      return 1
    }
  }

  /// `code` once standard output is flushed; a reader that went away is no failure, a
  /// full disk is (exit 1).
  static func flushed(_ code: Int32) -> Int32 {
    do {
      try StandardOutput.flush()
      return code
    } catch {
      return (error as? StandardOutput.WriteError)?.isClosedPipe == true ? code : 1
    }
  }

  /// "did you mean" for a first word that is no subcommand, e.g. `descent rn`.
  static func unknownSubcommand(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
    guard !names.contains(first) else { return nil }
    let near = NearestName.to(first, among: names).map { ": did you mean '\($0)'?" } ?? ""
    return "unknown command '\(first)'\(near) (commands: \(names.joined(separator: ", ")))"
  }

  /// The error's message on one line.
  static func oneLine(for error: Error) -> String {
    message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// Standard error; a failed write there has nowhere to be reported, and is ignored.
enum StandardError {
  static func write(_ line: String) {
    _ = line.withCString { Platform.write(2, $0, strlen($0)) }
    _ = Platform.write(2, "\n", 1)
  }
}
