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

extension StoppingRules {
  /// Whether the run has a tolerance of its own (on ‖w − w*‖, f − f* or ‖∇f‖), which
  /// then replaces a method's own tests that the user did not set.
  var hasTolerance: Bool { errorTolerance != nil || valueTolerance != nil || gradientTolerance != nil }
}
