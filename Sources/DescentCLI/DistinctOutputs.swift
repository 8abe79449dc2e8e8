import DescentStudy
import Foundation

extension OutputFile {
  /// Refuses two outputs given one path (each would replace the other's file), naming
  /// both options; paths are compared once `.`, `..` and symbolic links are resolved.
  static func requireDistinct(_ outputs: [(option: String, path: String?)]) throws {
    var seen: [String: String] = [:]
    for case (let option, let path?) in outputs {
      let key = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
      if let earlier = seen[key] {
        throw InputError("--\(earlier) and --\(option) are both \(path): give each output its own file")
      }
      seen[key] = option
    }
  }
}
