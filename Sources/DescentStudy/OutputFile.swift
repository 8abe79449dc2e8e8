import Descent
import Foundation

/// Why an output could not be written, naming the path as given.
public struct OutputError: Error, Equatable, CustomStringConvertible {
  public let path: String
  public let reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}

/// A file written atomically: checked and opened (as a temporary file beside it)
/// before the work starts, filled as the work goes, and renamed into place only
/// when it is complete. Only a regular file, or no file, is ever replaced: a
/// directory, a symbolic link, a device, a FIFO or a socket at the path is refused
/// before anything is written. A failed write is an error; the temporary file is
/// removed and what was at the path stays as it was.
public final class OutputFile {
  public let path: String
  let temporaryPath: String
  var descriptor: Int32
  var pending: [UInt8] = []
  /// Whether the file was committed or discarded.
  public private(set) var closed = false

  /// Checks `path` and creates the temporary file that will become it.
  public convenience init(path: String) throws(OutputError) {
    let mode = try Self.checkTarget(path)
    try self.init(temporaryBeside: path, mode: mode)
  }

  private init(temporaryBeside path: String, mode: UInt32) throws(OutputError) {
    let directory = Self.directory(of: path)
    try Self.checkDirectory(directory, for: path)
    let made = Platform.makeTemporaryFile("\(directory)/.\(Self.name(of: path)).descent-XXXXXX")
    guard case .success(let file) = made else { throw OutputError(path: path, reason: Self.lastError()) }
    self.path = path
    (temporaryPath, descriptor) = (file.path, file.descriptor)
    TemporaryFiles.add(temporaryPath)
    Platform.setPermissions(of: descriptor, to: mode)
  }

  /// A scratch file beside `path`, for work that is copied into an output later:
  /// never renamed into place, removed when discarded.
  public static func scratch(beside path: String) throws(OutputError) -> OutputFile {
    try OutputFile(temporaryBeside: path, mode: 0o600)
  }

  /// Reads back what was written so far, line by line, in blocks of 64 KiB.
  public func readLines(_ body: (Substring) throws -> Void) throws {
    try flush()
    let reader = Platform.openForReading(temporaryPath)
    guard reader >= 0 else { throw OutputError(path: path, reason: Self.lastError()) }
    defer { Platform.close(reader) }
    var block = [UInt8](repeating: 0, count: 1 << 16)
    var partial = ""
    while true {
      let count = block.withUnsafeMutableBytes { Platform.read(reader, into: $0) }
      if count < 0 {
        if Platform.SystemError.last.isInterrupted { continue }
        throw OutputError(path: path, reason: Self.lastError())
      }
      if count == 0 { break }
      partial += String(decoding: block[0..<count], as: UTF8.self)
      var lines = partial.split(separator: "\n", omittingEmptySubsequences: false)
      partial = String(lines.removeLast())
      for line in lines { try body(line) }
    }
    if !partial.isEmpty { try body(Substring(partial)) }
  }

  deinit {
    if !closed { discard() }
  }

  /// Appends `text`; bytes reach the disk in blocks of 64 KiB.
  public func write(_ text: String) throws(OutputError) {
    try write(bytes: text.utf8)
  }

  /// Appends `bytes`, as ``write(_:)`` appends text.
  public func write(bytes: some Sequence<UInt8>) throws(OutputError) {
    pending.append(contentsOf: bytes)
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Writes what is pending, or throws with the system's reason (no space left on
  /// the device, for instance).
  public func flush() throws(OutputError) {
    var offset = 0
    while offset < pending.count {
      let written = pending.withUnsafeBytes { bytes in
        Platform.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      }
      if written < 0 {
        if Platform.SystemError.last.isInterrupted { continue }
        let reason = Self.lastError()
        discard()
        throw OutputError(path: path, reason: reason)
      }
      offset += written
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes what is pending and renames the file into place, after checking once
  /// more that the path holds no file of another kind.
  public func commit() throws(OutputError) {
    try flush()
    let closing = Platform.close(descriptor)
    closed = true
    guard closing else {
      let reason = Self.lastError()
      Platform.remove(temporaryPath)
      TemporaryFiles.remove(temporaryPath)
      throw OutputError(path: path, reason: reason)
    }
    do {
      _ = try Self.checkTarget(path)
    } catch {
      Platform.remove(temporaryPath)
      TemporaryFiles.remove(temporaryPath)
      throw error
    }
    guard Platform.rename(temporaryPath, to: path) else {
      let reason = Self.lastError()
      Platform.remove(temporaryPath)
      TemporaryFiles.remove(temporaryPath)
      throw OutputError(path: path, reason: reason)
    }
    TemporaryFiles.remove(temporaryPath)
  }

  /// Removes the temporary file; the path stays as it was.
  public func discard() {
    guard !closed else { return }
    Platform.close(descriptor)
    Platform.remove(temporaryPath)
    TemporaryFiles.remove(temporaryPath)
    closed = true
  }

  /// Writes `text` to `path` atomically.
  public static func write(_ text: String, to path: String) throws(OutputError) {
    let file = try OutputFile(path: path)
    try file.write(text)
    try file.commit()
  }

  /// The permissions the file will get: those of the regular file it replaces, or
  /// the usual ones for a new file. Throws for anything but a regular file or none.
  static func checkTarget(_ path: String) throws(OutputError) -> UInt32 {
    guard !path.isEmpty else { throw OutputError(path: path, reason: "the path is empty") }
    let status: Platform.FileStatus
    switch Platform.status(of: path, followingLinks: false) {
    case .success(let found): status = found
    case .failure(let error):
      if error.isNotDirectory, let blocker = OutputDirectory.blocker(of: directory(of: path)) {
        throw OutputError(path: path, reason: "\(blocker) is not a directory")
      }
      guard error.isMissing else { throw OutputError(path: path, reason: error.description) }
      return Platform.newFilePermissions
    }
    switch status.kind {
    case .regular: return status.permissions
    case .directory: throw OutputError(path: path, reason: "it is a directory; give a file name")
    case .symbolicLink: throw OutputError(path: path, reason: "it is a symbolic link; give the path of the file itself")
    case .device: throw OutputError(path: path, reason: "it is a device, not a regular file")
    case .fifo: throw OutputError(path: path, reason: "it is a FIFO, not a regular file")
    case .socket: throw OutputError(path: path, reason: "it is a socket, not a regular file")
    case .other: throw OutputError(path: path, reason: "it is not a regular file")
    }
  }

  static func checkDirectory(_ directory: String, for path: String) throws(OutputError) {
    switch Platform.status(of: directory) {
    case .failure(let error):
      if error.isNotDirectory, let blocker = OutputDirectory.blocker(of: directory) {
        throw OutputError(path: path, reason: "\(blocker) is not a directory")
      }
      throw OutputError(path: path, reason: "the directory \(directory) does not exist (\(error))")
    case .success(let status) where status.kind != .directory:
      throw OutputError(path: path, reason: "\(directory) is not a directory")
    case .success:
      guard Platform.isWritable(directory) else {
        throw OutputError(path: path, reason: "the directory \(directory) is not writable (\(lastError()))")
      }
    }
  }

  public static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  public static func name(of path: String) -> String {
    path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
  }

  static func lastError() -> String { Platform.SystemError.last.description }
}

/// A directory that outputs go into, created if missing.
public enum OutputDirectory {
  /// Makes sure `path` is a directory, creating it and its parents if needed; names
  /// the part of the path that is in the way when that fails.
  public static func prepare(_ path: String) throws(OutputError) {
    guard !path.isEmpty else { throw OutputError(path: path, reason: "the path is empty") }
    switch Platform.status(of: path) {
    case .success(let status):
      guard status.kind == .directory else {
        throw OutputError(path: path, reason: "it exists and is not a directory")
      }
      return
    case .failure(let error) where !error.isMissing:
      // Not a directory: an ancestor is a file.
      throw OutputError(path: path, reason: blocker(of: path).map { "\($0) is not a directory" } ?? error.description)
    case .failure: break
    }
    let parent = OutputFile.directory(of: path)
    if parent != path && parent != "." && parent != "/" { try prepare(parent) }
    guard Platform.makeDirectory(path) || Platform.SystemError.last.alreadyExists else {
      throw OutputError(path: path, reason: OutputFile.lastError())
    }
  }

  /// The first ancestor of `path`, as written in it, that exists and is not a directory.
  static func blocker(of path: String) -> String? {
    var prefix = path.hasPrefix("/") ? "/" : ""
    for part in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix == "/" ? "" : "/") + part
      guard case .success(let status) = Platform.status(of: prefix) else { return nil }
      if status.kind != .directory { return prefix }
    }
    return nil
  }
}
