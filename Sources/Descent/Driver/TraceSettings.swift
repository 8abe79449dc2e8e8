/// What a run observes and keeps of each iteration: whether the rows are kept in the
/// result, and how many leading components of w and of the step-sizes a row holds.
///
/// A Boolean literal stands for the default width: `trace: true` keeps every row
/// with 8 components of each, `trace: false` (the default) keeps none.
public struct TraceSettings: Sendable, Equatable, ExpressibleByBooleanLiteral {
  /// Whether the result holds every row (``MinimizationResult/trace``).
  public var isRecorded: Bool
  /// How many leading components of w and of the step-sizes each row keeps,
  /// whether the rows are kept or only handed to a callback.
  public var components: Int

  public init(recording: Bool = true, components: Int = 8) {
    self.isRecorded = recording
    self.components = components
  }

  public init(booleanLiteral recording: Bool) {
    self.init(recording: recording)
  }

  /// Throws unless the width is a count.
  func validate() throws(DescentError) {
    try DescentError.require(components >= 0, "trace components", components, "an integer ≥ 0")
  }
}
