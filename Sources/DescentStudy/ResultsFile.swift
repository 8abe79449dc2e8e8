import Descent
import Foundation

/// A results file of JSON lines, opened for appending: each result is one `write` of
/// one whole line to a file opened with `O_APPEND`, so a process stopped at any point
/// (even by SIGKILL) leaves whole lines behind. A write that fails part way (a full
/// disk) is cut back off at once, and a last line cut short by a crash of the machine
/// is cut off when the file is next opened, so the file always holds whole JSON lines:
/// the bytes of a sweep that was never stopped. An exclusive advisory lock (`flock`,
/// which the kernel releases when the process ends, however it ends) keeps a second
/// writer out while the first holds the file. The path must be a regular file or
/// absent; a directory, link, device or FIFO is refused. Writes from several threads
/// must be serialised by the caller (a sweep writes under its lock).
public final class ResultsFile: @unchecked Sendable {
  public let path: String
  private let descriptor: Int32

  public init(path: String) throws {
    self.path = path
    if case .success(let status) = Platform.status(of: path, followingLinks: false), status.kind != .regular {
      throw StudyError("\(path) is not a regular file: results are only appended to regular files")
    }
    let descriptor = Platform.openForAppending(path, permissions: 0o644)
    guard descriptor >= 0 else {
      throw StudyError("cannot open \(path) for appending: \(Platform.SystemError.last)")
    }
    self.descriptor = descriptor
    guard Platform.lockExclusively(descriptor) else {
      let error = Platform.SystemError.last
      let reason = error.isHeldByAnother ? "another descent study is writing it" : error.description
      Platform.close(descriptor)
      throw StudyError("\(path) is in use: \(reason); wait for that one to finish, or give another --output")
    }
    try cutShortLastLine()
  }

  /// Cuts off a last line without its newline (a write the machine's crash cut short),
  /// so that the next append starts a whole line and the file reads as JSON lines.
  private func cutShortLastLine() throws {
    var end = Platform.size(of: descriptor)
    guard end > 0, let last = Platform.byte(of: descriptor, at: end - 1), last != UInt8(ascii: "\n") else { return }
    while end > 0, let byte = Platform.byte(of: descriptor, at: end - 1), byte != UInt8(ascii: "\n") { end -= 1 }
    guard Platform.truncate(descriptor, to: end) else {
      throw StudyError("cannot cut the cut-short last line off \(path): \(Platform.SystemError.last)")
    }
  }

  deinit { Platform.close(descriptor) }

  /// Appends `line` and its newline in one write.
  public func append(_ line: String) throws {
    try write(line + "\n")
  }

  private func write(_ text: String) throws {
    let bytes = Array(text.utf8)
    let size = Platform.size(of: descriptor)
    let written = bytes.withUnsafeBytes { Platform.write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      let reason = written < 0 ? Platform.SystemError.last.description : "short write (is the disk full?)"
      // What part of the line went out is taken back, so the file stays whole lines.
      if size >= 0 { _ = Platform.truncate(descriptor, to: size) }
      throw StudyError("cannot write to \(path): \(reason)")
    }
  }

  /// The whole lines of a results file (none if it does not exist), decoded; lines that
  /// do not decode (cut short by a crash) are counted, not returned.
  public static func read<T: Decodable>(_ type: T.Type, from path: String) throws -> (lines: [T], skipped: Int) {
    guard FileManager.default.fileExists(atPath: path) else { return ([], 0) }
    guard let data = FileManager.default.contents(atPath: path) else { throw StudyError("cannot read \(path)") }
    var lines: [T] = []
    var skipped = 0
    let decoder = StudyJSON.decoder
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      if let value = try? decoder.decode(T.self, from: Data(line)) {
        lines.append(value)
      } else {
        skipped += 1
      }
    }
    return (lines, skipped)
  }
}

/// The one JSON form of every file the study writes (`results.jsonl`, `timing.jsonl`,
/// `specification.json`): keys in snake case and sorted, one object per line, and one
/// policy for a number that is not finite, wherever it stands (a run's values, an
/// epoch's losses): the strings "inf", "-inf" and "nan", so that divergence to +∞ and
/// NaN stay apart (`json.loads` returns the string; `float()` reads it).
public enum StudyJSON {
  public static var encoder: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return encoder
  }

  public static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return decoder
  }

  public static func line<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
