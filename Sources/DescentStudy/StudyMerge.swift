import Descent
import Foundation

/// Joins the results files of a sweep's shards into one table in the sweep's order.
public enum StudyMerge {
  /// The results in `paths` (files, or folders whose `*.jsonl` results files are read),
  /// each run once, in the order of the sweep. A run recorded twice must be recorded
  /// the same both times; two different runs at one position come from different
  /// specifications and are refused.
  public static func merge(_ paths: [String]) throws -> [StudyResult] {
    var byID: [String: (StudyResult, String)] = [:]
    var byIndex: [Int: String] = [:]
    for file in try resultFiles(paths) {
      let (lines, skipped) = try ResultsFile.read(StudyResult.self, from: file)
      if skipped > 0 {
        throw StudyError(
          "\(file) has \(Plural.of(skipped, "line")) that \(skipped == 1 ? "is" : "are") not a study's results (give a folder descent study wrote, a results file in it, or a run's trace)"
        )
      }
      for result in lines {
        if let (seen, origin) = byID[result.id] {
          guard seen == result else {
            throw StudyError(
              origin == file
                ? "run \(result.id) is recorded twice in \(file), differently"
                : "run \(result.id) is recorded differently in \(origin) and \(file)")
          }
          continue
        }
        if let other = byIndex[result.run.index], other != result.id {
          throw StudyError(
            "runs \(other) and \(result.id) are both at position \(result.run.index): the files come from different specifications"
          )
        }
        byID[result.id] = (result, file)
        byIndex[result.run.index] = result.id
      }
    }
    return byID.values.map(\.0).sorted { $0.run.index < $1.run.index }
  }

  /// The results files named: files as given, folders' `*.jsonl` files but timings.
  static func resultFiles(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        if FileManager.default.fileExists(atPath: path + ".gz") { throw packed(path + ".gz") }
        throw StudyError("\(path) does not exist")
      }
      if isDirectory.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        let results = names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix("timing") }
        if results.isEmpty, let compressed = names.first(where: { $0.hasSuffix(".jsonl.gz") }) {
          throw packed(path + "/" + compressed)
        }
        files += results.map { path + "/" + $0 }
      } else if path.hasSuffix(".jsonl.gz") {
        throw packed(path)
      } else {
        files.append(path)
      }
    }
    guard !files.isEmpty else { throw StudyError("no results files in \(paths.joined(separator: ", "))") }
    return files
  }

  /// The committed study keeps its results compressed (study/data.sh).
  static func packed(_ path: String) -> StudyError {
    StudyError("\(path) is compressed: unpack it first ('sh study/data.sh unpack' in a clone, or 'gunzip -k \(path)')")
  }
}
