import Descent
import Foundation

/// The specification a results folder was made from, recorded beside its results
/// (`specification.json`), so that a sweep of another specification is refused before
/// any run, naming what differs, instead of being appended to the wrong file.
public struct SweepRecord: Codable, Sendable, Equatable {
  /// A hash of every run's id, in the sweep's order.
  public var fingerprint: String
  public var runs: Int
  public var quick: Bool
  public var specification: StudySpecification

  public init(specification: StudySpecification, quick: Bool, runs: [StudyRun]) {
    self.specification = specification
    self.quick = quick
    self.runs = runs.count
    fingerprint = Self.fingerprint(of: runs)
  }

  static func fingerprint(of runs: [StudyRun]) -> String {
    StudyRun.fnv1a(runs.map(\.id).joined(separator: ","))
  }

  public static func == (a: Self, b: Self) -> Bool { a.fingerprint == b.fingerprint && a.runs == b.runs }

  /// Records this sweep in `folder`, or checks it against the one recorded there;
  /// `holdsResults` false (no results file there has a line) lets this sweep take a
  /// folder another specification left empty.
  public func claim(folder: String, holdsResults: Bool = true) throws {
    let path = "\(folder)/specification.json"
    guard case .success(let status) = Platform.status(of: path, followingLinks: false) else {
      return try write(to: path)
    }
    guard status.kind == .regular, let data = FileManager.default.contents(atPath: path) else {
      throw StudyError("\(path) is not a regular file the study can read: give another --output")
    }
    guard let recorded = try? StudyJSON.decoder.decode(SweepRecord.self, from: data) else {
      throw StudyError("\(path) is not a record of a study specification: give another --output")
    }
    guard recorded != self else { return }
    // A folder with no result in it belongs to no specification yet (a sweep refused
    // or stopped before its first run): this one takes it.
    guard holdsResults else { return try write(to: path) }
    throw StudyError(
      "\(folder) holds the results of another specification (\(difference(from: recorded))); give a new --output")
  }

  /// Whether any results file in `folder` (the sweep's or a shard's) has a line.
  public static func holdsResults(_ folder: String) -> Bool {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.contains { name in
      guard name.hasPrefix("results") && name.hasSuffix(".jsonl") else { return false }
      guard case .success(let status) = Platform.status(of: "\(folder)/\(name)", followingLinks: false) else {
        return true
      }
      return status.size > 0
    }
  }

  /// What tells the recorded sweep from this one: the first run that differs.
  func difference(from recorded: SweepRecord) -> String {
    let theirs = (try? recorded.specification.runs(quick: recorded.quick)) ?? []
    let ours = (try? specification.runs(quick: quick)) ?? []
    let count = "\(Plural.of(recorded.runs, "run")) there, \(runs) here"
    guard let index = zip(theirs, ours).enumerated().first(where: { $0.element.0.id != $0.element.1.id })?.offset else {
      return "\(count)" + (recorded.quick != quick ? "; one of them --quick" : "")
    }
    func describe(_ run: StudyRun) -> String {
      "\(run.problem.text) · \(run.method.text)" + (run.seed.map { " · seed \($0)" } ?? "") + " · budget \(run.budget)"
    }
    return "\(count); run \(index) is \(describe(theirs[index])) there, \(describe(ours[index])) here"
  }

  /// Written whole to a temporary file beside it, then renamed into place
  /// (``OutputFile``: never over a directory, link, device or FIFO).
  func write(to path: String) throws {
    let encoder = StudyJSON.encoder
    encoder.outputFormatting.insert(.prettyPrinted)
    try OutputFile.write(String(decoding: try encoder.encode(self), as: UTF8.self) + "\n", to: path)
  }
}
