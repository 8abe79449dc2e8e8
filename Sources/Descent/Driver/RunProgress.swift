/// Where a run is, as ``minimize(_:from:using:until:trace:callback:progress:)`` reports
/// it to a `progress` watcher: the counts so far and the current iterate, with nothing
/// evaluated for it.
public struct RunProgress<Scalar: DescentFloat>: Sendable {
  /// Completed iterations; 0 at the start.
  public let iteration: Int
  public let gradientEvaluations: Int
  public let valueEvaluations: Int
  /// w after this iteration.
  public let iterate: [Scalar]

  @inlinable
  public init(iteration: Int, gradientEvaluations: Int, valueEvaluations: Int, iterate: [Scalar]) {
    self.iteration = iteration
    self.gradientEvaluations = gradientEvaluations
    self.valueEvaluations = valueEvaluations
    self.iterate = iterate
  }
}
