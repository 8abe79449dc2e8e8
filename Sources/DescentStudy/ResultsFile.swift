import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A results file of JSON lines, opened for appending: each result is one `write` of
/// one whole line to a file opened with `O_APPEND`, so a process stopped at any point
/// (even by SIGKILL) leaves whole lines behind. A line cut short by a crash of the
/// machine is set apart by a newline before the next append and skipped on reading.
/// The path must be a regular file or absent; a directory, link, device or FIFO is
/// refused.
/// Writes from several threads must be serialised by the caller (a sweep writes under its lock).
public final class ResultsFile: @unchecked Sendable {
  public let path: String
  private let descriptor: Int32

  public init(path: String) throws {
    self.path = path
    var status = stat()
    if lstat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
      throw StudyError("\(path) is not a regular file: results are only appended to regular files")
    }
    let descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw StudyError("cannot open \(path) for appending: \(String(cString: strerror(errno)))")
    }
    self.descriptor = descriptor
    // A last line without its newline was cut short: end it, so the next line is whole.
    var last: UInt8 = UInt8(ascii: "\n")
    let size = lseek(descriptor, 0, SEEK_END)
    if size > 0 && pread(descriptor, &last, 1, size - 1) == 1 && last != UInt8(ascii: "\n") {
      try write("\n")
    }
  }

  deinit { close(descriptor) }

  /// Appends `line` and its newline in one write.
  public func append(_ line: String) throws {
    try write(line + "\n")
  }

  private func write(_ text: String) throws {
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    guard written == bytes.count else {
      throw StudyError("cannot write to \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
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

/// The JSON form of results: keys in snake case and sorted, non-finite numbers as
/// "inf", "-inf" and "nan", one object per line.
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
