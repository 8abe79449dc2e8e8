/// The stopping test L-BFGS, BFGS and CG carry of their own (scipy's `gtol`, Optim's
/// `g_abstol`): max|gᵢ| ≤ tolerance.
enum MaxGradientTest {
  /// Why the run ends, when the test holds; nil when it does not or is off (nil tolerance).
  static func reason<S: DescentFloat>(_ gradient: [S], tolerance: S?) -> String? {
    guard let tolerance else { return nil }
    let largest = Vector.maxMagnitude(gradient)
    return largest <= tolerance ? "max|gᵢ| = \(largest) ≤ max-gradient-tolerance \(tolerance)" : nil
  }
}

extension MaxGradientTest {
  /// The setting of a method's own test, at `path`: nil gives `reference`'s default
  /// (`value`), off when the run sets a tolerance of its own.
  static func setting<Method, Value: DescentFloat>(
    _ path: KeyPath<Method, Value?>, symbol: String, reference: String, value: String
  ) -> Setting<Method> {
    .optionalReal(
      "maxGradientTolerance", path, symbol: symbol, none: reference.lowercased(), .nonNegative,
      "own test: max|gᵢ| at most this; \(reference): \(value), off when the run sets a tolerance")
  }
}

/// A method that ends its run by ``MaxGradientTest`` of its own.
protocol EndsByMaxGradient {
  associatedtype Scalar: DescentFloat
  var gradient: [Scalar] { get }
  var termination: Termination? { get set }
  var terminationReason: String? { get set }
}

extension EndsByMaxGradient {
  /// Ends the run (`.methodConverged`, with the reason) when max|gᵢ| ≤ `tolerance`
  /// (nil: the test is off); whether it did.
  mutating func testGradient(tolerance: Scalar?) -> Bool {
    guard let reason = MaxGradientTest.reason(gradient, tolerance: tolerance) else { return false }
    (termination, terminationReason) = (.methodConverged, reason)
    return true
  }
}

extension StoppingRules {
  /// Whether the run has a tolerance of its own (on ‖w − w*‖, f − f* or ‖∇f‖), which
  /// then replaces a method's own tests that the user did not set.
  var hasTolerance: Bool { errorTolerance != nil || valueTolerance != nil || gradientTolerance != nil }
}
