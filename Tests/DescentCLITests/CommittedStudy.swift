import Foundation

/// The committed study's folders, read as a clone has them: their full result files
/// are `FILE.gz` (study/data.sh). `unpacked` copies a folder's plain files and
/// decompresses its `.gz` ones into a new temporary folder, with the system's gzip.
enum CommittedStudy {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func unpacked(_ folder: String) throws -> String {
    let source = "\(root)/\(folder)"
    let copy = NSTemporaryDirectory() + "descent-committed-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
    for name in try FileManager.default.contentsOfDirectory(atPath: source) where name.hasSuffix(".gz") {
      let output = "\(copy)/\(name.dropLast(3))"
      guard FileManager.default.createFile(atPath: output, contents: nil),
        let handle = FileHandle(forWritingAtPath: output)
      else { throw CocoaError(.fileWriteUnknown) }
      let gzip = Process()
      gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      gzip.arguments = ["gzip", "-dc", "\(source)/\(name)"]
      gzip.standardOutput = handle
      try gzip.run()
      gzip.waitUntilExit()
      try handle.close()
      guard gzip.terminationStatus == 0 else { throw CocoaError(.fileReadCorruptFile) }
    }
    return copy
  }
}
