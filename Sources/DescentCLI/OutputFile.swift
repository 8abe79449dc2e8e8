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

  /// Fails before a run, rather than after it, when `path` cannot be written.
  static func checkWritable(_ path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
    else { throw WriteError(path: path, reason: "the directory \(directory) does not exist") }
    guard FileManager.default.isWritableFile(atPath: directory) else {
      throw WriteError(path: path, reason: "the directory \(directory) is not writable")
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
