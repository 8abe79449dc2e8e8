import Descent
import DescentProblems
import DescentStudy
import Foundation

/// The file `descent run --checkpoint` writes, atomically, after every epoch of a
/// training run, and `--resume` reads: what the run is (problem, method, precision,
/// each as given), its start, the trace's wall times, the run's ``TrainingProgress``
/// and the optimizer's state. JSON; a non-finite number as the strings "inf", "-inf",
/// "nan".
struct TrainingCheckpoint {
  static let format = "descent-training-checkpoint-1"

  /// What must be the same for a run to resume another.
  struct Identity: Codable, Equatable {
    var format = TrainingCheckpoint.format
    var problem: String
    var problemSettings: [String: String]
    var method: String
    var methodSettings: [String: String]
    var precision: String
  }

  /// The whole file, its optimizer of a concrete type.
  private struct Contents<S: DescentFloat, Method: Codable>: Codable {
    var identity: Identity
    var start: [S]
    var wallSeconds: [Double]
    var progress: TrainingProgress<S>
    var optimizer: Method
  }

  /// The identity alone, read before the optimizer's type is known.
  private struct Header: Decodable {
    var identity: Identity
  }

  /// What a resumed run goes on from.
  struct Resumed<S: DescentFloat> {
    var start: [S]
    var wallSeconds: [Double]
    var progress: TrainingProgress<S>
    var optimizer: any Optimizer<S>
  }

  static func encoded<S: DescentFloat, Method: Optimizer>(
    _ identity: Identity, start: [S], wallSeconds: [Double], progress: TrainingProgress<S>, optimizer: Method
  ) throws -> Data {
    let encoder = JSONEncoder()
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(
      Contents(identity: identity, start: start, wallSeconds: wallSeconds, progress: progress, optimizer: optimizer))
  }

  /// Reads `path`, checks that it is a checkpoint of the run `identity` describes, and
  /// decodes its optimizer as the type of `fresh` (the same method, built from the
  /// command line).
  static func read<S: DescentFloat>(_ path: String, expecting identity: Identity, fresh: any Optimizer<S>) throws
    -> Resumed<S>
  {
    let data = try InputFile.contents(of: path, what: "the checkpoint", option: "resume")
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let found: Identity
    do {
      found = try decoder.decode(Header.self, from: data).identity
    } catch {
      throw InputError("\(path) is not a checkpoint of descent run (\(Self.describe(error)))")
    }
    guard found.format == format else {
      throw InputError("\(path) is a checkpoint in the format \(found.format), not \(format)")
    }
    for (what, theirs, ours) in [
      ("problem", found.problem, identity.problem),
      ("problem's settings (--set)", describe(found.problemSettings), describe(identity.problemSettings)),
      ("optimizer", found.method, identity.method),
      ("optimizer's settings", describe(found.methodSettings), describe(identity.methodSettings)),
      ("precision", found.precision, identity.precision),
    ] where theirs != ours {
      throw InputError(
        "\(path) resumes a run with the \(what) \(theirs), not \(ours): give the command line of the run it checkpoints"
      )
    }
    func decoded<Method: Optimizer>(_: Method) throws -> Resumed<S> where Method.Scalar == S {
      let contents = try decoder.decode(Contents<S, Method>.self, from: data)
      guard contents.wallSeconds.count == contents.progress.records.count else {
        throw InputError(
          "\(path) holds \(contents.wallSeconds.count) wall times for \(contents.progress.records.count) epochs")
      }
      return Resumed(
        start: contents.start, wallSeconds: contents.wallSeconds, progress: contents.progress,
        optimizer: contents.optimizer)
    }
    do {
      return try decoded(fresh)
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError("\(path) is not a whole checkpoint (\(Self.describe(error)))")
    }
  }

  private static func describe(_ settings: [String: String]) -> String {
    settings.isEmpty
      ? "(none)" : settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ":")
  }

  private static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return "no \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      let at = context.codingPath.map(\.stringValue).joined(separator: ".")
      return at.isEmpty ? context.debugDescription : "at \(at): \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }
}

/// Writes a run's checkpoints to one path, each a new file renamed into place (the
/// first opened before the run starts). Encoding costs (about 0.2 s for the planner on
/// 15,210 weights): so that it never costs more than a tenth of the run, an epoch's
/// state is written when nine times the last write's time has passed since it, and the
/// last epoch's state always, at the end of the run or when it is interrupted.
final class CheckpointWriter<S: DescentFloat> {
  let path: String
  private let identity: TrainingCheckpoint.Identity
  private let start: [S]
  private var opened: OutputFile?
  /// The last epoch's state while it is not written; read and set under
  /// `TemporaryFiles.writing`, which the interrupt holds.
  private var latest: (progress: TrainingProgress<S>, optimizer: any Optimizer<S>, walls: [Double])?
  private var due = ContinuousClock.now
  /// The epoch the file at `path` holds, once one is written.
  private(set) var written: Int?

  init(path: String, identity: TrainingCheckpoint.Identity, start: [S]) throws {
    (self.path, self.identity, self.start) = (path, identity, start)
    opened = try OutputFile(path: path)
  }

  /// Takes an epoch's state; writes it when it is due.
  func keep(_ progress: TrainingProgress<S>, _ optimizer: any Optimizer<S>, _ walls: [Double]) throws {
    try TemporaryFiles.writing.withLock {
      latest = (progress, optimizer, walls)
      guard ContinuousClock.now >= due else { return }
      let began = ContinuousClock.now
      try writeLatest()
      due = ContinuousClock.now + (ContinuousClock.now - began) * 9
    }
  }

  /// Writes the state not yet written, if any; the caller holds `TemporaryFiles.writing`.
  func writeLatest() throws {
    guard let (progress, optimizer, walls) = latest else { return }
    let data = try TrainingCheckpoint.encoded(
      identity, start: start, wallSeconds: walls, progress: progress, optimizer: optimizer)
    let file = try opened ?? OutputFile(path: path)
    opened = nil
    try file.write(bytes: data)
    try file.commit()
    (latest, written) = (nil, progress.epoch)
  }

  /// Removes a file opened and never written.
  func discard() {
    opened?.discard()
    opened = nil
  }
}
