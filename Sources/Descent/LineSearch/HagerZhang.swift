/// Hager and Zhang's line search along ϕ(α) = f(w + αs), as LineSearches.jl writes it
/// (`HagerZhang` with its defaults, and `InitialHagerZhang`'s guess, I1–I2):
///
///     accept   the Wolfe conditions, or the approximate Wolfe conditions
///              (2δ − 1) ϕ′(0) ≥ ϕ′(α) ≥ σ ϕ′(0) where ϕ(α) ≤ ϕ(0) + ε|ϕ(0)|,
///              δ = 0.1, σ = 0.9, ε = 10⁻⁶
///     bracket  B0–B3 from the guess c, expanding by ρ = 5
///     shrink   secant² and bisection (L1–L3), γ = 0.66
///
/// A method searches by conforming: it gives ϕ and ϕ′ (caching and counting evaluations
/// as it must) and keeps the points tried; this extension is the search. Conjugate
/// gradients (``ConjugateGradient``) uses it, as Optim.jl's does.
///
/// Hager, W. W. and Zhang, H. (2005). A new conjugate gradient method with guaranteed
/// descent and an efficient line search. SIAM J. Optim. 16; (2006) Algorithm 851:
/// CG_DESCENT. ACM TOMS 32.
@usableFromInline
protocol HagerZhangSearch {
  associatedtype Scalar: DescentFloat
  /// ϕ(0) = f(w).
  var value: Scalar { get }
  /// The points α tried with ϕ(α) and ϕ′(α), in the order evaluated (0 first).
  var trialSteps: [Scalar] { get set }
  var trialValues: [Scalar] { get set }
  var trialSlopes: [Scalar] { get set }
  /// ϕ(α), f alone.
  mutating func lineValue<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(LineSearchInterruption<Scalar>) -> Scalar where Problem.Scalar == Scalar
  /// (ϕ(α), ϕ′(α)).
  mutating func lineValueAndSlope<Problem: Objective>(
    at alpha: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(LineSearchInterruption<Scalar>) -> (Scalar, Scalar) where Problem.Scalar == Scalar
}

/// Why a search stopped short: the budget is spent, or the search failed, with the α
/// LineSearches' exception carries (the next try's guess starts from it).
@usableFromInline
enum LineSearchInterruption<Scalar: DescentFloat>: Error {
  case budget
  case failed(Scalar)
}

extension HagerZhangSearch {
  @usableFromInline typealias Interruption = LineSearchInterruption<Scalar>

  /// Tries: ceil(−log₂ ε), 52 in Double and 23 in Float.
  @inlinable static var finiteTries: Int { Scalar.significandBitCount }

  /// InitialHagerZhang (I1–I2) from the previous α, every point f alone.
  @inlinable
  mutating func initialStep<Problem: Objective>(
    from w: [Scalar], previous alpha: Scalar, slope: Scalar, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    var t = 0.2 * alpha
    if t == 0 { return t }
    var phiT = try lineValue(at: t, from: w, oracle: &oracle)
    (t, phiT) = try finite(t, phiT, from: w, oracle: &oracle)
    if t == 0 { return t }
    var quadratic = false
    let a = ((phiT - value) / t - slope) / t
    if a.isFinite && a > 0 && phiT <= value {
      let minimiser = -slope / 2 / a
      let phiMinimiser = try lineValue(at: minimiser, from: w, oracle: &oracle)
      if phiMinimiser.isFinite {
        quadratic = true
        (t, phiT) = (minimiser, phiMinimiser)
      }
    }
    // Where f(t) > f(0) a minimum lies before t, and t is returned as it is.
    if !quadratic && phiT <= value {
      t = 2 * alpha
      phiT = try lineValue(at: t, from: w, oracle: &oracle)
      (t, phiT) = try finite(t, phiT, from: w, oracle: &oracle)
    }
    return t
  }

  /// get_finite: t shrunk ×0.1 until ϕ(t) is finite; (0, ϕ(0)) after `finiteTries` tries.
  @inlinable
  mutating func finite<Problem: Objective>(
    _ t: Scalar, _ phiT: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Scalar, Scalar) where Problem.Scalar == Scalar {
    var (t, phiT) = (t, phiT)
    var tries = 1
    while !phiT.isFinite {
      if tries >= Self.finiteTries { return (0, value) }
      t = 0.1 * t
      phiT = try lineValue(at: t, from: w, oracle: &oracle)
      tries += 1
    }
    return (t, phiT)
  }

  /// HagerZhang from the guess c: L0, bracketing (B0–B3), then secant² and bisection
  /// (L1–L3) in rounds shared with the bracketing. Returns α; throws `.failed` as
  /// LineSearches throws its exception.
  @inlinable
  mutating func hagerZhang<Problem: Objective>(
    from w: [Scalar], start c: Scalar, slope dphi0: Scalar, oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> Scalar where Problem.Scalar == Scalar {
    let phi0 = value
    guard phi0.isFinite && dphi0.isFinite, dphi0 < 0 else { throw .failed(0) }
    clearTrials()
    record(0, phi0, dphi0)
    let limit = phi0 + 1e-6 * abs(phi0)
    var c = c
    if c < 0 { throw .failed(0) }
    if c <= Scalar.ulpOfOne { throw .failed(c) }
    if !c.isFinite { throw .failed(0) }
    var (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    var tries = 1
    while !(phiC.isFinite && dphiC.isFinite) && tries < Self.finiteTries {
      tries += 1
      c *= 0.1
      (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    }
    guard phiC.isFinite && dphiC.isFinite else { throw .failed(c) }
    record(c, phiC, dphiC)
    if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }

    var (ia, ib) = (0, 1)
    var bracketed = false
    var round = 1
    // Lowered to a step whose point was not finite while expanding.
    var maxStep = Scalar.infinity
    while !bracketed && round < 50 {
      if dphiC >= 0 {
        // Uphill: b = c, a = the latest earlier point within the limit.
        ib = trialSteps.count - 1
        for i in stride(from: ib - 1, through: 0, by: -1) where trialValues[i] <= limit {
          ia = i
          break
        }
        bracketed = true
      } else if trialValues[trialValues.count - 1] > limit {
        // Downhill but above the limit: a minimum lies in [0, c].
        var wolfe: Bool
        (ia, ib, wolfe) = try bisect(0, trialSteps.count - 1, limit, from: w, oracle: &oracle)
        if wolfe { return trialSteps[ib] }
        bracketed = true
      } else {
        let cold = c
        if cold.nextUp >= maxStep {
          if maxStep < .infinity { throw .failed(cold) }
          return cold
        }
        c = min(c * 5, maxStep)
        (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        var tries = 1
        while !(phiC.isFinite && dphiC.isFinite) && c > cold.nextUp && tries < Self.finiteTries {
          maxStep = c
          tries += 1
          c = (cold + c) / 2
          (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        }
        if !(phiC.isFinite && dphiC.isFinite) {
          if maxStep < .infinity { throw .failed(cold) }
          return cold
        }
        record(c, phiC, dphiC)
        if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }
      }
      round += 1
    }
    let gamma: Scalar = 2 / 3
    while round < 50 {
      let (a, b) = (trialSteps[ia], trialSteps[ib])
      // LineSearches asserts b > a and stops Optim where it fails; here the search fails.
      guard b > a else { throw .failed(bestStep) }
      if b - a <= b.ulp { return a }
      let (wolfe, iA, iB) = try secant2(ia, ib, limit, from: w, oracle: &oracle)
      if wolfe { return trialSteps[iA] }
      let (newA, newB) = (trialSteps[iA], trialSteps[iB])
      guard newB > newA else { throw .failed(bestStep) }
      if newB - newA < gamma * (b - a) {
        (ia, ib) = (iA, iB)
      } else {
        // The secant steps shrank the bracket too little: bisect it.
        c = (newA + newB) / 2
        (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
        record(c, phiC, dphiC)
        if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return c }
        var wolfe: Bool
        (ia, ib, wolfe) = try update(iA, iB, trialSteps.count - 1, limit, from: w, oracle: &oracle)
        if wolfe { return trialSteps[ib] }
      }
      round += 1
    }
    throw .failed(bestStep)
  }

  /// secant2! (S1–S4): returns (Wolfe met, A, B).
  @inlinable
  mutating func secant2<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Bool, Int, Int) where Problem.Scalar == Scalar {
    let (phi0, dphi0) = (trialValues[0], trialSlopes[0])
    // LineSearches raises an error here, which stops Optim; here the search fails.
    guard trialSlopes[ia] < 0 else { throw .failed(bestStep) }
    var c = Self.secant(trialSteps[ia], trialSteps[ib], trialSlopes[ia], trialSlopes[ib])
    if !c.isFinite { c = (trialSteps[ia] + trialSteps[ib]) / 2 }
    var (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
    record(c, phiC, dphiC)
    var ic = trialSteps.count - 1
    if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return (true, ic, ic) }
    var (iA, iB, wolfe) = try update(ia, ib, ic, limit, from: w, oracle: &oracle)
    if wolfe { return (true, iB, iB) }
    // The secant again, through the end c replaced and the old one.
    if iB == ic {
      c = Self.secant(trialSteps[ib], trialSteps[iB], trialSlopes[ib], trialSlopes[iB])
    } else if iA == ic {
      c = Self.secant(trialSteps[ia], trialSteps[iA], trialSlopes[ia], trialSlopes[iA])
    }
    if (iA == ic || iB == ic) && trialSteps[iA] <= c && c <= trialSteps[iB] {
      (phiC, dphiC) = try lineValueAndSlope(at: c, from: w, oracle: &oracle)
      record(c, phiC, dphiC)
      ic = trialSteps.count - 1
      if Self.wolfe(c, phiC, dphiC, phi0, dphi0, limit) { return (true, ic, ic) }
      (iA, iB, wolfe) = try update(iA, iB, ic, limit, from: w, oracle: &oracle)
      if wolfe { return (true, iB, iB) }
    }
    return (false, iA, iB)
  }

  /// update! (U0–U3): the bracket [a, b] with c, evaluated, put in; returns (A, B, Wolfe met).
  @inlinable
  mutating func update<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ ic: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Int, Int, Bool) where Problem.Scalar == Scalar {
    let (a, b, c) = (trialSteps[ia], trialSteps[ib], trialSteps[ic])
    guard trialSlopes[ia] < 0, trialValues[ia] <= limit, b > a else { throw .failed(bestStep) }
    if c < a || c > b { return (ia, ib, false) }
    if trialSlopes[ic] >= 0 { return (ia, ic, false) }
    if trialValues[ic] <= limit && trialSlopes[ic].isFinite { return (ic, ib, false) }
    return try bisect(ia, ic, limit, from: w, oracle: &oracle)
  }

  /// bisect! (U3 with θ = ½): halves [a, b] until ϕ′ ≥ 0 at the midpoint, a midpoint meets
  /// the Wolfe conditions, or b − a is one ulp of b; returns (a, b, Wolfe met).
  @inlinable
  mutating func bisect<Problem: Objective>(
    _ ia: Int, _ ib: Int, _ limit: Scalar, from w: [Scalar], oracle: inout CountingOracle<Problem>
  ) throws(Interruption) -> (Int, Int, Bool) where Problem.Scalar == Scalar {
    var (ia, ib) = (ia, ib)
    var (a, b) = (trialSteps[ia], trialSteps[ib])
    guard trialSlopes[ia] < 0, trialValues[ia] <= limit, b > a else { throw .failed(bestStep) }
    let (phi0, dphi0) = (trialValues[0], trialSlopes[0])
    while b - a > b.ulp {
      let d = (a + b) / 2
      let (phiD, dphiD) = try lineValueAndSlope(at: d, from: w, oracle: &oracle)
      record(d, phiD, dphiD)
      let id = trialSteps.count - 1
      if Self.wolfe(d, phiD, dphiD, phi0, dphi0, limit) { return (ia, id, true) }
      if dphiD >= 0 { return (ia, id, false) }
      if phiD <= limit && dphiD.isFinite {
        (a, ia) = (d, id)
      } else {
        (b, ib) = (d, id)
      }
    }
    return (ia, ib, false)
  }

  /// The Wolfe conditions or the approximate ones, at step c.
  @inlinable
  static func wolfe(_ c: Scalar, _ phiC: Scalar, _ dphiC: Scalar, _ phi0: Scalar, _ dphi0: Scalar, _ limit: Scalar)
    -> Bool
  {
    let (delta, sigma): (Scalar, Scalar) = (0.1, 0.9)
    let wolfe = delta * dphi0 >= (phiC - phi0) / c && dphiC >= sigma * dphi0
    let approximate = (2 * delta - 1) * dphi0 >= dphiC && dphiC >= sigma * dphi0 && phiC <= limit
    return wolfe || approximate
  }

  /// The zero of the line through (a, ϕ′(a)) and (b, ϕ′(b)).
  @inlinable
  static func secant(_ a: Scalar, _ b: Scalar, _ dphiA: Scalar, _ dphiB: Scalar) -> Scalar {
    (a * dphiB - b * dphiA) / (dphiB - dphiA)
  }

  /// The α of the smallest ϕ tried (the first NaN, as Julia's argmin), which a search
  /// that fails hands to the next try.
  @usableFromInline var bestStep: Scalar {
    var best = 0
    for i in trialValues.indices {
      if trialValues[i].isNaN {
        best = i
        break
      }
      if trialValues[i] < trialValues[best] { best = i }
    }
    return trialSteps[best]
  }

  @inlinable
  mutating func record(_ alpha: Scalar, _ phi: Scalar, _ slope: Scalar) {
    trialSteps.append(alpha)
    trialValues.append(phi)
    trialSlopes.append(slope)
  }

  @inlinable
  mutating func clearTrials() {
    trialSteps.removeAll(keepingCapacity: true)
    trialValues.removeAll(keepingCapacity: true)
    trialSlopes.removeAll(keepingCapacity: true)
  }
}
