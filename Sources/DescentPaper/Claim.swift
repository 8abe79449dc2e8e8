import Descent
import DescentPlot

/// One number the paper states, our measurement of it, and whether it holds.
///
/// `summary.json` holds an array of these with the keys `id`, `paper`, `measured`,
/// `unit` and `holds`; ids are lower-case, dot-separated and stable.
public struct Claim: Sendable, Equatable, Codable {
  public let id: String
  /// The paper's number.
  public let paper: Double
  /// Ours, measured by the run that made this claim.
  public let measured: Double
  public let unit: String
  public let holds: Bool
  /// The paper's statement, in a few words.
  public let statement: String
  /// Why it does not hold, or what else the measurement showed; empty if nothing.
  public let note: String

  public init(
    id: String, statement: String, paper: Double, measured: Double, unit: String, holds: Bool,
    note: String = ""
  ) {
    self.id = id
    self.statement = statement
    self.paper = paper
    self.measured = measured
    self.unit = unit
    self.holds = holds
    self.note = note
  }

  private enum CodingKeys: String, CodingKey { case id, paper, measured, unit, holds }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      id: c.decode(String.self, forKey: .id), statement: "",
      paper: c.decode(Double.self, forKey: .paper), measured: c.decode(Double.self, forKey: .measured),
      unit: c.decode(String.self, forKey: .unit), holds: c.decode(Bool.self, forKey: .holds))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(paper, forKey: .paper)
    try c.encode(measured, forKey: .measured)
    try c.encode(unit, forKey: .unit)
    try c.encode(holds, forKey: .holds)
  }
}
