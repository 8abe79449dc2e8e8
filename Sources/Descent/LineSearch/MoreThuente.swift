/// The Moré–Thuente line search: a step along a descent direction that satisfies
/// the strong Wolfe conditions
///
///     φ(α) ≤ φ(0) + ftol·α·φ′(0)        (sufficient decrease)
///     |φ′(α)| ≤ gtol·|φ′(0)|              (curvature)
///
/// by safeguarded cubic and quadratic interpolation inside a bracket that is
/// widened by extrapolation until it holds a minimiser.
///
/// Moré, J. J. and Thuente, D. J. (1994). Line search algorithms with guaranteed
/// sufficient decrease. ACM Transactions on Mathematical Software, 20(3), 286–307.
/// The state machine follows MINPACK-2's `dcsrch` and `dcstep`, which L-BFGS-B uses.
///
/// Use it as a loop: `start` with φ(0), φ′(0) and a first trial step; evaluate φ
/// and φ′ at `step`; call `next` with them until it returns something other than
/// `.evaluate`.
public struct MoreThuente<Scalar: DescentFloat>: Codable, Sendable {
  public enum Outcome: Equatable, Sendable {
    /// Evaluate φ and φ′ at ``step`` and call ``next(value:slope:)``.
    case evaluate
    /// ``step`` satisfies both conditions.
    case converged
    /// No further progress is possible; ``step`` is the best found. The reason is
    /// MINPACK-2's warning: rounding errors, the interval width, or a bound reached.
    case warning(String)
    /// The inputs were unusable (φ′(0) ≥ 0, a step outside its bounds).
    case error(String)

    /// Whether the search ended on the step it last asked to evaluate.
    public var acceptsStep: Bool {
      switch self {
      case .converged, .warning: true
      case .evaluate, .error: false
      }
    }
  }

  public let ftol: Scalar

  public let gtol: Scalar
  public let xtol: Scalar
  public let minStep: Scalar
  public let maxStep: Scalar

  /// The step to evaluate next, or the step found.
  public private(set) var step: Scalar = 0

  var bracketed = false
  var stage = 1
  var initialValue: Scalar = 0
  var initialSlope: Scalar = 0
  var slopeTest: Scalar = 0
  var width: Scalar = 0
  var previousWidth: Scalar = 0
  // The best step so far (x) and the other end of the interval (y), with φ and φ′.
  var stx: Scalar = 0, fx: Scalar = 0, gx: Scalar = 0
  var sty: Scalar = 0, fy: Scalar = 0, gy: Scalar = 0
  var intervalMin: Scalar = 0
  var intervalMax: Scalar = 0

  /// L-BFGS-B's settings: ftol 1e-3, gtol 0.9, xtol 0.1.
  public init(ftol: Scalar = 1e-3, gtol: Scalar = 0.9, xtol: Scalar = 0.1, minStep: Scalar = 0, maxStep: Scalar = 1e10)
  {
    self.ftol = ftol
    self.gtol = gtol
    self.xtol = xtol
    self.minStep = minStep
    self.maxStep = maxStep
  }

  /// Begins a search from φ(0) = `value`, φ′(0) = `slope`, first trying `step`.
  public mutating func start(value: Scalar, slope: Scalar, step: Scalar) -> Outcome {
    self.step = step
    if step < minStep { return .error("step below its minimum") }
    if step > maxStep { return .error("step above its maximum") }
    if slope >= 0 { return .error("the direction is not a descent direction") }
    bracketed = false
    stage = 1
    initialValue = value
    initialSlope = slope
    slopeTest = ftol * slope
    width = maxStep - minStep
    previousWidth = width / 0.5
    (stx, fx, gx) = (0, value, slope)
    (sty, fy, gy) = (0, value, slope)
    intervalMin = 0
    intervalMax = step + 4 * step
    return .evaluate
  }

  /// Takes φ(step) and φ′(step); returns what to do next.
  public mutating func next(value f: Scalar, slope g: Scalar) -> Outcome {
    let sufficientDecrease = initialValue + step * slopeTest
    if stage == 1 && f <= sufficientDecrease && g >= 0 { stage = 2 }

    var warning: String?
    if bracketed && (step <= intervalMin || step >= intervalMax) { warning = "rounding errors prevent progress" }
    if bracketed && intervalMax - intervalMin <= xtol * intervalMax { warning = "the interval is within xtol" }
    if step == maxStep && f <= sufficientDecrease && g <= slopeTest { warning = "the step is at its maximum" }
    if step == minStep && (f > sufficientDecrease || g >= slopeTest) { warning = "the step is at its minimum" }
    if f <= sufficientDecrease && abs(g) <= gtol * -initialSlope { return .converged }
    if let warning { return .warning(warning) }

    if stage == 1 && f <= fx && f > sufficientDecrease {
      // Work on the modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ′(0) until a
      // step with ψ ≤ 0 and φ′ ≥ 0 has been seen.
      var xm = (stx, fx - stx * slopeTest, gx - slopeTest)
      var ym = (sty, fy - sty * slopeTest, gy - slopeTest)
      Self.safeguardedStep(
        x: &xm, y: &ym, step: &step, value: f - step * slopeTest, slope: g - slopeTest,
        bracketed: &bracketed, lower: intervalMin, upper: intervalMax)
      (stx, fx, gx) = (xm.0, xm.1 + xm.0 * slopeTest, xm.2 + slopeTest)
      (sty, fy, gy) = (ym.0, ym.1 + ym.0 * slopeTest, ym.2 + slopeTest)
    } else {
      var x = (stx, fx, gx)
      var y = (sty, fy, gy)
      Self.safeguardedStep(
        x: &x, y: &y, step: &step, value: f, slope: g, bracketed: &bracketed, lower: intervalMin,
        upper: intervalMax)
      (stx, fx, gx) = x
      (sty, fy, gy) = y
    }

    // Bisect when the interval does not shrink fast enough.
    if bracketed {
      if abs(sty - stx) >= 0.66 * previousWidth { step = stx + 0.5 * (sty - stx) }
      previousWidth = width
      width = abs(sty - stx)
      intervalMin = min(stx, sty)
      intervalMax = max(stx, sty)
    } else {
      intervalMin = step + 1.1 * (step - stx)
      intervalMax = step + 4 * (step - stx)
    }
    step = min(max(step, minStep), maxStep)
    if bracketed && (step <= intervalMin || step >= intervalMax)
      || bracketed && intervalMax - intervalMin <= xtol * intervalMax
    {
      step = stx
    }
    return .evaluate
  }

  /// MINPACK-2's `dcstep`: a new trial step from the best point x, the interval's
  /// other end y and the current trial, updating the interval.
  static func safeguardedStep(
    x: inout (Scalar, Scalar, Scalar), y: inout (Scalar, Scalar, Scalar), step stp: inout Scalar,
    value fp: Scalar, slope dp: Scalar, bracketed: inout Bool, lower: Scalar, upper: Scalar
  ) {
    let (stx, fx, dx) = x
    let (sty, fy, dy) = y
    let signsDiffer = (dp < 0) != (dx < 0) && dp != 0 && dx != 0
    let newStep: Scalar
    if fp > fx {
      // Higher value: the minimum is bracketed. Cubic or the average of cubic and quadratic.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp < stx { gamma = -gamma }
      let p = (gamma - dx) + theta
      let q = ((gamma - dx) + gamma) + dp
      let cubic = stx + (p / q) * (stp - stx)
      let quadratic = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx)
      newStep = abs(cubic - stx) <= abs(quadratic - stx) ? cubic : cubic + (quadratic - cubic) / 2
      bracketed = true
    } else if signsDiffer {
      // Lower value, slopes of opposite sign: bracketed. Cubic or secant.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * ((theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = ((gamma - dp) + gamma) + dx
      let cubic = stp + (p / q) * (stx - stp)
      let secant = stp + (dp / (dp - dx)) * (stx - stp)
      newStep = abs(cubic - stp) > abs(secant - stp) ? cubic : secant
      bracketed = true
    } else if abs(dp) < abs(dx) {
      // Lower value, same slope sign, slope decreasing in magnitude.
      let theta = 3 * (fx - fp) / (stp - stx) + dx + dp
      let s = max(abs(theta), abs(dx), abs(dp))
      var gamma = s * max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)).squareRoot()
      if stp > stx { gamma = -gamma }
      let p = (gamma - dp) + theta
      let q = (gamma + (dx - dp)) + gamma
      let r = p / q
      let cubic: Scalar
      if r < 0 && gamma != 0 {
        cubic = stp + r * (stx - stp)
      } else {
        cubic = stp > stx ? upper : lower
      }
      let secant = stp + (dp / (dp - dx)) * (stx - stp)
      if bracketed {
        var chosen = abs(cubic - stp) < abs(secant - stp) ? cubic : secant
        chosen = stp > stx ? min(stp + 0.66 * (sty - stp), chosen) : max(stp + 0.66 * (sty - stp), chosen)
        newStep = chosen
      } else {
        let chosen = abs(cubic - stp) > abs(secant - stp) ? cubic : secant
        newStep = min(max(chosen, lower), upper)
      }
    } else {
      // Lower value, same slope sign, slope not decreasing: extrapolate or use y.
      if bracketed {
        let theta = 3 * (fp - fy) / (sty - stp) + dy + dp
        let s = max(abs(theta), abs(dy), abs(dp))
        var gamma = s * ((theta / s) * (theta / s) - (dy / s) * (dp / s)).squareRoot()
        if stp > sty { gamma = -gamma }
        let p = (gamma - dp) + theta
        let q = ((gamma - dp) + gamma) + dy
        newStep = stp + (p / q) * (sty - stp)
      } else {
        newStep = stp > stx ? upper : lower
      }
    }
    // Update the interval that holds the minimiser.
    if fp > fx {
      y = (stp, fp, dp)
    } else {
      if signsDiffer { y = (stx, fx, dx) }
      x = (stp, fp, dp)
    }
    stp = newStep
  }
}
