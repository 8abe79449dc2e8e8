import Descent
import DescentPlot
import DescentProblems

/// The points an objective was evaluated at, kept while `recording` is set: for
/// figures of what a method looked at.
final class PointLog: @unchecked Sendable {
  var recording = false
  var points: [[Double]] = []

  func note(_ w: UnsafeBufferPointer<Double>) {
    if recording { points.append(Array(w)) }
  }
}

/// An objective that notes each point it is evaluated at in a ``PointLog``, once per
/// evaluation, and otherwise is the objective it wraps.
struct RecordingObjective<Inner: Objective>: Objective where Inner.Scalar == Double {
  let inner: Inner
  let log: PointLog

  init(_ inner: Inner, log: PointLog) {
    self.inner = inner
    self.log = log
  }

  var dimension: Int { inner.dimension }
  var minimizer: [Double]? { inner.minimizer }
  var minimum: Double? { inner.minimum }
  var isStochastic: Bool { inner.isStochastic }
  var parameterBlocks: [ParameterBlock] { inner.parameterBlocks }
  var fullObjective: (any Objective<Double>)? { inner.fullObjective }

  func value(at w: UnsafeBufferPointer<Double>) -> Double {
    log.note(w)
    return inner.value(at: w)
  }

  func gradient(at w: UnsafeBufferPointer<Double>, into gradient: UnsafeMutableBufferPointer<Double>) {
    log.note(w)
    inner.gradient(at: w, into: gradient)
  }

  func valueAndGradient(at w: UnsafeBufferPointer<Double>, into gradient: UnsafeMutableBufferPointer<Double>) -> Double
  {
    log.note(w)
    return inner.valueAndGradient(at: w, into: gradient)
  }
}
