import Descent
import Foundation

/// A file the tool reads whole (a checkpoint, a trace): a regular file only (a FIFO
/// would block), checked against the memory its reading needs before it is read.
enum InputFile {
  /// The bytes of `path`; `what` names it in messages ("the checkpoint"), `option` the
  /// option it came from in a memory refusal.
  static func contents(of path: String, what: String, option: String) throws -> Data {
    let status: Platform.FileStatus
    switch Platform.status(of: path) {
    case .success(let found): status = found
    case .failure(let error): throw InputError("cannot read \(what) \(path): \(error)")
    }
    guard status.kind == .regular else { throw InputError("cannot read \(what) \(path): it is not a regular file") }
    // The bytes and, decoded, at most a number for every byte of text.
    try DescentError.requireMemory(
      MemoryRequirement.product(status.size, 2), of: Double.self, name: option, value: path,
      what: "\(what)'s \(status.size) bytes, read and decoded")
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError("cannot read \(what) \(path): it is not readable")
    }
    return data
  }
}
