import Descent
import Foundation

/// Writes the tool's files atomically, so a failed write never leaves a half file
/// in place of one that was already there.
enum OutputFile {
  struct WriteError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write \(path): \(reason)" }
  }

  static func write(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }

  /// Creates `path` and its parents if missing.
  static func makeDirectory(_ path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}
