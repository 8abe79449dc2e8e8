"""Optim.jl's ConjugateGradient() with LineSearches.jl's HagerZhang() and InitialHagerZhang(),
transcribed function by function into Python (float64), at every default.

Run from the repository root:  python3 Utilities/Reference/cg_descent.py
Writes Tests/DescentTests/Fixtures/cg_descent.json: for Rosenbrock from [-1.2, 1] and from
[-1, 0] and for the seeded 20-dimensional quadratic, the iterate after each of at most 30
iterations (fewer when ‖∇f‖∞ ≤ 1e-8 first), the cumulative counts of f and ∇f evaluations
after each iteration, and the totals of a run to convergence under Optim's default stopping
rules (g_abstol = 1e-8; x_abstol = x_reltol = f_abstol = f_reltol = 0; 1000 iterations).

Sources transcribed (each function's docstring names its file and lines):
  Optim.jl        146b2070bf17ea980b44fe91baaf0c698732ecbf  (version 2.2.1)
  LineSearches.jl 67b70596c38441fad34573736aedecfc127b18a2  (Project.toml says 7.6.3; Optim's
                  compat asks for "7.7", which this snapshot is the newest stored candidate for)
  NLSolversBase.jl 3802c026757e5da55e88848cac806bb5443901e1 (version 8.0.1): the evaluation
                  cache that decides which requested evaluations are actually made and counted.
Papers: Hager & Zhang (2005) SIAM J. Optim. 16(1) 170–192 ("HZ2005"); (2006) ACM TOMS 32(1)
113–137, Algorithm 851 ("HZ2006"); (2013) SIAM J. Optim. 23(4) 2150–2168 ("HZ2013").

Arithmetic conventions (where Julia leaves the order to a library):
  * dot products and the quadratic's sums run left to right (Julia calls BLAS ddot);
  * a trial point is x + α·s with α·s rounded first (Julia writes muladd.(α, s, x), which
    LLVM may fuse into one fma on hardware that has it).
Both change iterates only in the last bits; the "tolerance" entries below say how far that
can carry.
"""
import json
import math
import pathlib
import sys

import numpy as np

from problems import Quadratic, random_quadratic, rosenbrock_gradient, rosenbrock_value

FIXTURE_ITERATIONS = 30
G_ABSTOL = 1e-8          # Optim Options default g_abstol (src/types.jl:100)
MAX_ITERATIONS = 1000    # Optim Options default iterations (src/types.jl:115)
SUCCESSIVE_F_TOL = 1     # Optim Options default successive_f_tol (src/types.jl:114)


def dot(a, b):
    total = 0.0
    for i in range(len(a)):
        total += float(a[i]) * float(b[i])
    return total


def eps(x):
    """Julia's eps(x::Float64): the gap from |x| to the next larger float."""
    return float(np.spacing(abs(float(x))))


def div(a, b):
    """IEEE division as Julia does it: x/0 = ±Inf, 0/0 = NaN (Python floats would raise)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(a) / np.float64(b))


def nanmath_max(a, b):
    """NaNMath.max: NaN loses to a number (max(NaN, y) = y)."""
    if math.isnan(a):
        return b
    if math.isnan(b):
        return a
    return max(a, b)


def isfinite(v):
    return bool(np.all(np.isfinite(v)))


class LineSearchException(Exception):
    """LineSearches.jl src/types.jl:1-4: carries the step length α to report."""

    def __init__(self, message, alpha):
        super().__init__(message)
        self.alpha = alpha


# --------------------------------------------------------------------------------------
# NLSolversBase's OnceDifferentiable built by optimize(f, g!, x0, method)
# --------------------------------------------------------------------------------------
class OnceDifferentiable:
    """NLSolversBase.jl 3802c02: optimize(f, g!, x0, method) builds OnceDifferentiable(f, g!, x0)
    (Optim.jl src/multivariate/optimize/interface.jl:50), i.e.
    src/objective_types/oncedifferentiable.jl:121-133 → :150-171 (jvp = fjvp = nothing), with
    fdf from src/objective_types/abstract.jl:11-16 (g! then f), and the caching of
    src/interface.jl:6-256.

    It remembers the last point at which f was evaluated (x_f), the last at which ∇f was
    (x_df), and the last (x, v) of a directional derivative (x_jvp, v_jvp); all start as NaN.
    A request at a point equal (==, elementwise) to the remembered one is answered from the
    cache and is not counted. A joint evaluation (fdf) counts one f call and one ∇f call.
    """

    def __init__(self, f, g, n):
        self.f, self.g = f, g
        nan = np.full(n, np.nan)
        self.x_f, self.x_df, self.x_jvp, self.v_jvp = nan.copy(), nan.copy(), nan.copy(), nan.copy()
        self.F, self.DF, self.JVP = math.nan, nan.copy(), math.nan
        self.f_calls = 0
        self.df_calls = 0

    @staticmethod
    def _differs(x, y):  # Julia's x != y on arrays (NaN != NaN; -0.0 == 0.0)
        return not np.array_equal(x, y)

    def value_bangbang(self, x):          # interface.jl:6-15
        self.F = float(self.f(x))
        self.f_calls += 1
        self.x_f = np.array(x, dtype=float)
        return self.F

    def value_bang(self, x):              # interface.jl:38-43
        if self._differs(x, self.x_f):
            self.value_bangbang(x)
        return self.F

    def gradient_bangbang(self, x):       # interface.jl:72-77 (jacobian!! is the same, :156-161)
        self.DF = np.array(self.g(x), dtype=float)
        self.df_calls += 1
        self.x_df = np.array(x, dtype=float)
        return self.DF

    def gradient_bang(self, x):           # interface.jl:61-66 (jacobian!, :150-155)
        if self._differs(x, self.x_df):
            self.gradient_bangbang(x)
        return self.DF

    def value_gradient_bangbang(self, x):  # interface.jl:91-98 (fdf: g! then f)
        self.DF = np.array(self.g(x), dtype=float)
        self.F = float(self.f(x))
        self.f_calls += 1
        self.df_calls += 1
        self.x_f = np.array(x, dtype=float)
        self.x_df = np.array(x, dtype=float)
        return self.F, self.DF

    def value_gradient_bang(self, x):     # interface.jl:79-90 (value_jacobian!, :125-136)
        if self._differs(x, self.x_f):
            if self._differs(x, self.x_df):
                self.value_gradient_bangbang(x)
            else:
                self.value_bangbang(x)
        elif self._differs(x, self.x_df):
            self.gradient_bangbang(x)
        return self.F, self.DF

    def jvp_bangbang(self, x, v):         # interface.jl:186-205, branch obj.jvp === nothing
        self.gradient_bang(x)
        self.JVP = dot(self.DF, v)
        self.x_jvp = np.array(x, dtype=float)
        self.v_jvp = np.array(v, dtype=float)
        return self.JVP

    def value_jvp_bangbang(self, x, v):   # interface.jl:233-256, branch obj.fjvp === nothing
        self.value_gradient_bang(x)
        self.JVP = dot(self.DF, v)
        self.x_jvp = np.array(x, dtype=float)
        self.v_jvp = np.array(v, dtype=float)
        return self.F, self.JVP

    def value_jvp_bang(self, x, v):       # interface.jl:216-230
        if self._differs(x, self.x_f):
            if self._differs(x, self.x_jvp) or self._differs(v, self.v_jvp):
                self.value_jvp_bangbang(x, v)
            else:
                self.value_bangbang(x)
        elif self._differs(x, self.x_jvp) or self._differs(v, self.v_jvp):
            self.jvp_bangbang(x, v)
        return self.F, self.JVP


def trial_point(alpha, s, x):
    """x_new .= muladd.(α, s, x): LineSearches.jl src/LineSearches.jl:19 and :29, and
    Optim.jl src/multivariate/solvers/first_order/cg.jl:195 (see the module docstring)."""
    return x + alpha * s


def make_phi(df, x, s):
    """LineSearches.jl 67b7059, src/LineSearches.jl:16-25: ϕ(α) = f(x + αs) through value!
    (f only; cached when x + αs is the last point f was evaluated at)."""
    def phi(alpha):
        return df.value_bang(trial_point(alpha, s, x))
    return phi


def make_phidphi(df, x, s):
    """LineSearches.jl 67b7059, src/LineSearches.jl:26-35: (ϕ(α), ϕ'(α)) through value_jvp!,
    which (no jvp supplied) evaluates f and ∇f at x + αs — each only if not cached — and
    ϕ'(α) = ∇f·s. Via Optim's ManifoldObjective{Flat} (Optim.jl src/Manifolds.jl:75), which
    forwards to the same cache."""
    def phidphi(alpha):
        return df.value_jvp_bang(trial_point(alpha, s, x), s)
    return phidphi


# --------------------------------------------------------------------------------------
# LineSearches.jl: InitialHagerZhang (src/initialguess.jl)
# --------------------------------------------------------------------------------------
PSI0, PSI1, PSI2, PSI3_GUESS = 0.01, 0.2, 2.0, 0.1   # initialguess.jl:173-176
GUESS_ALPHAMAX = math.inf                          # initialguess.jl:177
GUESS_ALPHA0 = 1.0                                 # initialguess.jl:178
QUADSTEP = True                                    # initialguess.jl:179
ITERFINITEMAX = math.ceil(-math.log2(np.finfo(float).eps))  # = 52; initialguess.jl:235, hagerzhang.jl:128


def get_finite(alpha, phi_value, phi, factor, itermax, phi_0):
    """LineSearches.jl 67b7059, src/initialguess.jl:303-316. Shrinks α by `factor` until
    ϕ(α) is finite; after itermax tries returns (0, ϕ(0)). (Its mayterminate flag is
    omitted: HagerZhang no longer reads it to skip a test, hagerzhang.jl:176-179.)"""
    it = 1
    while not math.isfinite(phi_value):
        if it >= itermax:
            return 0.0, phi_0
        alpha = factor * alpha
        phi_value = phi(alpha)
        it += 1
    return alpha, phi_value


def hz_i0(x, gr, f_x, alphamax=GUESS_ALPHAMAX, psi0=PSI0):
    """LineSearches.jl 67b7059, src/initialguess.jl:284-301 (HZ2006 stage I0). Not reached at
    Optim's defaults (InitialHagerZhang's α0 = 1.0 is not NaN; initialguess.jl:186); kept for
    completeness."""
    alpha = 1.0
    gr_max = float(np.max(np.abs(gr)))
    if gr_max != 0.0:
        x_max = float(np.max(np.abs(x)))
        if x_max != 0.0:
            alpha = psi0 * x_max / gr_max
        elif f_x != 0.0:
            alpha = psi0 * abs(f_x) / math.sqrt(dot(gr, gr)) ** 2
    return min(alpha, alphamax)


def hz_i12(alpha, df, x, s, phi_0, dphi_0, psi1=PSI1, psi2=PSI2, psi3=PSI3_GUESS,
           alphamax=GUESS_ALPHAMAX, quadstep=QUADSTEP):
    """LineSearches.jl 67b7059, src/initialguess.jl:217-281 (HZ2006 stages I1–I2).

    `alpha` is Optim's state.alpha: the previous iteration's accepted step (1.0 before the
    first iteration, Optim.jl src/utilities/generic.jl:14-19). Every trial here evaluates
    f alone (ϕ, not ϕdϕ). Returns the initial step c for the line search; c is always the
    last point evaluated here, so the line search's first ϕdϕ(c) finds f cached and
    evaluates only ∇f.

    Differences from HZ2006 (I1/I2):
      * ψ1 = 0.2 (Algorithm 851's cg.parm default is ψ1 = 0.1); no QuadCutOff (851 stops
        trying the quadratic step once the relative change in f falls below 1e-12).
      * ϕ(ψ1·α) is always evaluated (the paper evaluates it only to form the quadratic).
      * The quadratic's minimiser is evaluated too (f only) and accepted only if finite.
      * If the quadratic step is not taken and ϕ(ψ1·α) > ϕ(0), ψ1·α itself is returned
        instead of the paper's ψ2·α (the "phitest <= phi_0" test, line 269).
      * When ψ2·α is used, ϕ(ψ2·α) is evaluated (f only) to check finiteness.
      * Non-finite ϕ shrinks the trial by ψ3 = 0.1 (get_finite), not in the paper.
    """
    phi = make_phi(df, x, s)
    iterfinitemax = ITERFINITEMAX

    alphatest = psi1 * alpha
    alphatest = min(alphatest, alphamax)
    if alphatest == 0:
        return alphatest
    phitest = phi(alphatest)
    alphatest, phitest = get_finite(alphatest, phitest, phi, psi3, iterfinitemax, phi_0)
    if alphatest == 0:
        return alphatest

    quadstep_success = False
    if quadstep:
        a = ((phitest - phi_0) / alphatest - dphi_0) / alphatest  # quadratic fit
        if math.isfinite(a) and a > 0 and phitest <= phi_0:
            alphatest2 = -dphi_0 / 2 / a  # if convex, choose minimum of quadratic
            alphatest2 = min(alphatest2, alphamax)
            phitest2 = phi(alphatest2)
            if math.isfinite(phitest2):
                quadstep_success = True
                alphatest = alphatest2
                phitest = phitest2
    if (not quadstep or not quadstep_success) and phitest <= phi_0:
        alphatest = psi2 * alpha
        alphatest = min(alphatest, alphamax)
        phitest = phi(alphatest)
        alphatest, phitest = get_finite(alphatest, phitest, phi, psi3, iterfinitemax, phi_0)
    return alphatest


def initial_hager_zhang(state, phi_0, dphi_0, df):
    """LineSearches.jl 67b7059, src/initialguess.jl:183-214, at its defaults
    (ψ0 = 0.01, ψ1 = 0.2, ψ2 = 2, ψ3 = 0.1, αmax = ∞, α0 = 1.0, quadstep = true).

    I0 runs only when state.f_x_previous is NaN *and* α0 is NaN; with the default α0 = 1.0
    every iteration, the first included, uses I1–I2 from state.alpha (1.0 at the first
    iteration, the last accepted step afterwards). HZ2006 uses I0 at k = 0.
    """
    if math.isnan(state.f_x_previous) and math.isnan(GUESS_ALPHA0):
        state.alpha = hz_i0(state.x, state.g_x, phi_0, GUESS_ALPHAMAX, PSI0)
    else:
        state.alpha = hz_i12(state.alpha, df, state.x, state.s, phi_0, dphi_0)
    return state.alpha


# --------------------------------------------------------------------------------------
# LineSearches.jl: HagerZhang (src/hagerzhang.jl)
# --------------------------------------------------------------------------------------
DELTA = 0.1              # hagerzhang.jl:64, :84
SIGMA = 0.9              # hagerzhang.jl:65, :85
LS_ALPHAMAX = math.inf   # hagerzhang.jl:86
RHO = 5.0                # hagerzhang.jl:87
EPSILON = 1e-6           # hagerzhang.jl:88
GAMMA = 2 / 3            # hagerzhang.jl:89 (HZ2006: γ = 0.66)
LINESEARCHMAX = 50       # hagerzhang.jl:90
PSI3_LS = 0.1            # hagerzhang.jl:91
CHECK_FLATNESS = False   # hagerzhang.jl:95


def satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta=DELTA, sigma=SIGMA):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:363-376.

    Wolfe:  δ·ϕ'(0) ≥ (ϕ(c) − ϕ(0))/c  and  ϕ'(c) ≥ σ·ϕ'(0)
    approximate Wolfe:  (2δ − 1)·ϕ'(0) ≥ ϕ'(c) ≥ σ·ϕ'(0)  and  ϕ(c) ≤ ϕ_lim = ϕ(0) + ε|ϕ(0)|
    Either is accepted, always — HZ2006's default AWolfe = true, under which the approximate
    conditions count only together with ϕ(c) ≤ ϕ(0) + ε_k, as here. Differences: HZ2006's
    default ε_k is ε·C_k, C_k a decaying average of |f(x_j)| (PertRule, Qdecay = 0.7), where
    this code uses ε·|ϕ(0)|; HZ2006's AWolfe = false mode (Wolfe only until
    |f(x_{k+1}) − f(x_k)| ≤ ω·C_k) does not exist here. The sufficient-decrease test divides
    by c, as HZ2006's manual writes it.
    """
    wolfe1 = delta * dphi_0 >= (phi_c - phi_0) / c and dphi_c >= sigma * dphi_0
    wolfe2 = (2 * delta - 1) * dphi_0 >= dphi_c >= sigma * dphi_0 and phi_c <= phi_lim
    return wolfe1 or wolfe2


def secant(a, b, dphi_a, dphi_b):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:379-381: (a·ϕ'(b) − b·ϕ'(a))/(ϕ'(b) − ϕ'(a))."""
    return div(a * dphi_b - b * dphi_a, dphi_b - dphi_a)


def bisect(phidphi, alphas, values, slopes, ia, ib, phi_lim, phi_0, dphi_0, delta=DELTA, sigma=SIGMA):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:542-593 (HZ2006 U3 with θ = 1/2).
    Indices are 0-based here (1-based in Julia). Returns (ia, ib, iswolfe).

    Differences from HZ2006 U3: each midpoint d = (a + b)/2 (f and ∇f) is tested for
    (approximate) Wolfe and the search stops there; a d with ϕ(d) ≤ ϕ_lim needs a finite
    ϕ'(d) to replace a; the loop stops when b − a ≤ eps(b).
    """
    a = alphas[ia]
    b = alphas[ib]
    assert slopes[ia] < 0
    assert values[ia] <= phi_lim
    assert b > a
    while b - a > eps(b):
        d = (a + b) / 2.0
        phi_d, gphi = phidphi(d)
        alphas.append(d)
        values.append(phi_d)
        slopes.append(gphi)
        id_ = len(alphas) - 1
        if satisfies_wolfe(d, phi_d, gphi, phi_0, dphi_0, phi_lim, delta, sigma):
            return ia, id_, True
        if gphi >= 0:
            return ia, id_, False  # replace b, return
        if phi_d <= phi_lim and math.isfinite(gphi):
            a = d  # replace a, but keep bisecting until dphi_b > 0
            ia = id_
        else:
            b = d
            ib = id_
    return ia, ib, False


def update(phidphi, alphas, values, slopes, ia, ib, ic, phi_lim, phi_0, dphi_0, delta=DELTA, sigma=SIGMA):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:484-539 (HZ2006 U0–U3). Evaluates nothing
    itself (c is already evaluated); U3 calls bisect on [a, c]. Returns (ia, ib, iswolfe).

    Differences from HZ2006: U0 rejects c only when c < a or c > b (c equal to an end passes
    on); U2 also needs ϕ'(c) finite.
    """
    a = alphas[ia]
    b = alphas[ib]
    assert slopes[ia] < 0
    assert values[ia] <= phi_lim
    assert b > a
    c = alphas[ic]
    phi_c = values[ic]
    dphi_c = slopes[ic]
    if c < a or c > b:
        return ia, ib, False  # out of the bracketing interval
    if dphi_c >= 0:
        return ia, ic, False  # replace b with a closer point
    if phi_c <= phi_lim and math.isfinite(dphi_c):
        return ic, ib, False  # replace a
    return bisect(phidphi, alphas, values, slopes, ia, ic, phi_lim, phi_0, dphi_0, delta, sigma)


def secant2(phidphi, alphas, values, slopes, ia, ib, phi_lim, delta=DELTA, sigma=SIGMA):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:386-478 (HZ2006 S1–S4). Returns
    (iswolfe, iA, iB).

    S1: c = secant(a, b) (midpoint if not finite); evaluate (f and ∇f); Wolfe → done;
        [A, B] = update(a, b, c).
    S2/S3: if the update made c the new b (iB == ic) then c̄ = secant(b, B) with the *old* b;
        else if it made c the new a (iA == ic) then c̄ = secant(a, A) with the old a.
    S4: only if one of those happened *and* A ≤ c̄ ≤ B: evaluate c̄, Wolfe → done,
        [A, B] = update(A, B, c̄).
    Differences from HZ2006: the Wolfe tests at c and c̄; the midpoint fallback; c̄ is not
    even evaluated when it lies outside [A, B] (the paper's update would discard it after
    evaluating it); "c == A/B" is decided by index, so a bisection inside update that
    leaves B = c also counts as "c became B".
    """
    phi_0 = values[0]
    dphi_0 = slopes[0]
    a = alphas[ia]
    b = alphas[ib]
    dphi_a = slopes[ia]
    dphi_b = slopes[ib]
    if not dphi_a < 0:
        raise RuntimeError("Search direction is not a direction of descent")
    c = secant(a, b, dphi_a, dphi_b)
    if not math.isfinite(c):
        c = (a + b) / 2.0
    phi_c, dphi_c = phidphi(c)
    alphas.append(c)
    values.append(phi_c)
    slopes.append(dphi_c)
    ic = len(alphas) - 1
    if satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta, sigma):
        return True, ic, ic

    iA, iB, iswolfe_upd = update(phidphi, alphas, values, slopes, ia, ib, ic, phi_lim, phi_0, dphi_0, delta, sigma)
    if iswolfe_upd:
        return True, iB, iB
    a = alphas[iA]
    b = alphas[iB]
    if iB == ic:
        # we updated b, make sure we also update a
        c = secant(alphas[ib], alphas[iB], slopes[ib], slopes[iB])
    elif iA == ic:
        # we updated a, do it for b too
        c = secant(alphas[ia], alphas[iA], slopes[ia], slopes[iA])
    if (iA == ic or iB == ic) and a <= c <= b:
        phi_c, dphi_c = phidphi(c)
        alphas.append(c)
        values.append(phi_c)
        slopes.append(dphi_c)
        ic = len(alphas) - 1
        if satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta, sigma):
            return True, ic, ic
        iA, iB, iswolfe_upd = update(phidphi, alphas, values, slopes, iA, iB, ic, phi_lim, phi_0, dphi_0, delta, sigma)
        if iswolfe_upd:
            return True, iB, iB
    return False, iA, iB


def hager_zhang(phidphi, c, phi_0, dphi_0, delta=DELTA, sigma=SIGMA, alphamax=LS_ALPHAMAX, rho=RHO,
                epsilon=EPSILON, gamma=GAMMA, linesearchmax=LINESEARCHMAX, psi3=PSI3_LS,
                check_flatness=CHECK_FLATNESS):
    """LineSearches.jl 67b7059, src/hagerzhang.jl:109-360 (HZ2006 L0–L3 with B0–B3).
    Every trial point evaluates f and ∇f together (ϕdϕ). Returns (α, ϕ(α)); raises
    LineSearchException(α) on failure.

    L0: ϕ_lim = ϕ(0) + ε|ϕ(0)|; reject c < 0, c ≤ eps(1.0) = 2.22e-16, c = ∞, c > αmax;
        evaluate c (shrinking c by ψ3 = 0.1 while ϕ or ϕ' is not finite, up to 52 tries);
        Wolfe → done.
    Bracket (iter from 1 while iter < 50), with the points kept in order of evaluation:
      B1 ϕ'(c) ≥ 0: b = c (the last point), a = the latest earlier point with ϕ ≤ ϕ_lim;
      B2 ϕ'(c) < 0 and ϕ(c) > ϕ_lim: [a, b] = bisect([0, c]) (Wolfe inside → done);
      B3 otherwise: c ← ρc (ρ = 5), evaluate, Wolfe → done; iter += 1.
    Main loop (same iter counter, while iter < 50):
      if b − a ≤ eps(b): return a;
      [A, B] = secant²(a, b) (Wolfe → done);
      if B − A < γ(b − a), γ = 2/3: [a, b] = [A, B];
      else c = (A + B)/2, evaluate, Wolfe → done, [a, b] = update(A, B, c) (Wolfe → done);
      iter += 1.
    Failure after 50: exception carrying the α of the smallest ϕ seen.

    Differences from HZ2006: Wolfe/approximate-Wolfe tested at every evaluated point (this
    file's header comment, hagerzhang.jl:14-18, says bisection and expansion points are not
    tested; the code tests them); ε_k = ε|ϕ(0)| rather than ε·C_k; γ = 2/3 instead of 0.66;
    bracketing and iteration share one 50-step budget (851: nexpand = 50 and nsecant = 50); the main loop's bisection test is "B − A < γ(b − a)
    keeps [A, B]" (the paper bisects when B − A > γ(b − a)); return of a when the bracket is
    one ulp wide; non-finite handling (ψ3 shrinking, halving toward the last finite c
    during expansion, cap α_max); B2 bisects from a = 0 with θ = 1/2.
    """
    if not (math.isfinite(phi_0) and math.isfinite(dphi_0)):
        raise LineSearchException("Value and slope at step length = 0 must be finite.", 0.0)
    if dphi_0 >= 0:
        raise LineSearchException("Search direction is not a direction of descent.", 0.0)

    iterfinitemax = ITERFINITEMAX
    alphas = [0.0]
    values = [phi_0]
    slopes = [dphi_0]

    phi_lim = phi_0 + epsilon * abs(phi_0)
    if c < 0:
        raise LineSearchException("Initial step length must be non-negative.", 0.0)
    if c <= np.finfo(float).eps:
        raise LineSearchException("Initial step length must exceed machine epsilon.", c)
    if not math.isfinite(c):
        raise LineSearchException("Initial step length must be finite.", 0.0)
    if c > alphamax:
        raise LineSearchException("Initial step length exceeds alphamax.", 0.0)
    phi_c, dphi_c = phidphi(c)
    iterfinite = 1
    while not (math.isfinite(phi_c) and math.isfinite(dphi_c)) and iterfinite < iterfinitemax:
        iterfinite += 1
        c *= psi3
        phi_c, dphi_c = phidphi(c)
    if not (math.isfinite(phi_c) and math.isfinite(dphi_c)):
        raise LineSearchException("Failed to achieve finite new evaluation point.", c)
    alphas.append(c)
    values.append(phi_c)
    slopes.append(dphi_c)

    if satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta, sigma):
        return c, phi_c

    # Initial bracketing step (HZ, stages B0-B3)
    isbracketed = False
    ia = 0
    ib = 1
    it = 1
    cold = -1.0
    while not isbracketed and it < linesearchmax:
        if dphi_c >= 0:
            ib = len(alphas) - 1
            for i in range(ib - 1, -1, -1):
                if values[i] <= phi_lim:
                    ia = i
                    break
            isbracketed = True
        elif values[-1] > phi_lim:
            ib = len(alphas) - 1
            ia = 0
            if slopes[ib] >= 0:
                raise RuntimeError(f"c = {c}")
            ia, ib, iswolfe = bisect(phidphi, alphas, values, slopes, ia, ib, phi_lim, phi_0, dphi_0, delta, sigma)
            if iswolfe:
                return alphas[ib], values[ib]
            isbracketed = True
        else:
            cold = c
            phi_cold = phi_c
            if np.nextafter(cold, math.inf) >= alphamax:
                if alphamax < LS_ALPHAMAX:
                    raise LineSearchException("Failed to bracket: pinned at non-finite feasibility boundary.", cold)
                return cold, phi_cold
            c *= rho
            if c > alphamax:
                c = alphamax
            phi_c, dphi_c = phidphi(c)
            iterfinite = 1
            while (not (math.isfinite(phi_c) and math.isfinite(dphi_c)) and c > np.nextafter(cold, math.inf)
                   and iterfinite < iterfinitemax):
                alphamax = c
                iterfinite += 1
                c = (cold + c) / 2
                phi_c, dphi_c = phidphi(c)
            if not (math.isfinite(phi_c) and math.isfinite(dphi_c)):
                if alphamax < LS_ALPHAMAX:
                    raise LineSearchException("Failed to expand bracket to finite values after alphamax was shrunk.", cold)
                return cold, phi_cold
            alphas.append(c)
            values.append(phi_c)
            slopes.append(dphi_c)
            if satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta, sigma):
                return c, phi_c
        it += 1
    while it < linesearchmax:
        a = alphas[ia]
        b = alphas[ib]
        assert b > a
        if b - a <= eps(b):
            return a, values[ia]
        iswolfe, iA, iB = secant2(phidphi, alphas, values, slopes, ia, ib, phi_lim, delta, sigma)
        if iswolfe:
            return alphas[iA], values[iA]
        A = alphas[iA]
        B = alphas[iB]
        assert B > A
        if B - A < gamma * (b - a):
            if check_flatness and np.nextafter(values[ia], math.inf) >= values[ib] \
                    and np.nextafter(values[iA], math.inf) >= values[iB]:
                return A, values[iA]
            ia = iA
            ib = iB
        else:
            c = (A + B) / 2.0
            phi_c, dphi_c = phidphi(c)
            alphas.append(c)
            values.append(phi_c)
            slopes.append(dphi_c)
            if satisfies_wolfe(c, phi_c, dphi_c, phi_0, dphi_0, phi_lim, delta, sigma):
                return c, phi_c
            ia, ib, iswolfe = update(phidphi, alphas, values, slopes, iA, iB, len(alphas) - 1,
                                     phi_lim, phi_0, dphi_0, delta, sigma)
            if iswolfe:
                return alphas[ib], values[ib]
        it += 1

    best_alpha = alphas[int(np.argmin(values))]
    raise LineSearchException(f"Linesearch failed to converge, reached maximum iterations {linesearchmax}.",
                              best_alpha)


# --------------------------------------------------------------------------------------
# Optim.jl: ConjugateGradient
# --------------------------------------------------------------------------------------
ETA = 0.4          # cg.jl:91
THETA = 1.0        # cg.jl:92
BETAMAX = math.inf  # cg.jl:93


class State:
    """Optim.jl 146b207, src/multivariate/solvers/first_order/cg.jl:102-120 and
    :142-185 (initial_state): f and ∇f at x0 by one joint evaluation (value_gradient!);
    pg = ∇f (P = nothing: no preconditioner, precondprep a no-op, precon.jl:23, :40);
    s = −pg; x_previous, g_previous, f_previous = NaN; alpha = 1.0 (generic.jl:14-19)."""

    def __init__(self, d, x0):
        self.x = np.array(x0, dtype=float)
        f_x, g_x = d.value_gradient_bang(self.x)
        self.f_x = f_x
        self.g_x = g_x.copy()
        self.x_previous = np.full_like(self.x, np.nan)
        self.g_x_previous = np.full_like(self.x, np.nan)
        self.f_x_previous = math.nan
        self.y = 0 * self.x
        self.py = 0 * self.x
        self.pg = self.g_x.copy()
        self.s = -self.pg
        self.beta = 0.0
        self.x_candidate = np.full_like(self.x, np.nan)
        self.g_candidate = np.full_like(self.x, np.nan)
        self.f_candidate = math.nan
        self.alpha = 1.0
        self.resets = 0          # bookkeeping for the report only
        self.ls_failures = 0


def reset_search_direction(state):
    """Optim.jl 146b207, src/utilities/perform_linesearch.jl:34-37: s = −pg (steepest descent)."""
    state.s = -state.pg
    state.resets += 1
    return True


def perform_linesearch(state, d):
    """Optim.jl 146b207, src/utilities/perform_linesearch.jl:39-99.

    ϕ'(0) = ∇f·s; if ϕ'(0) ≥ 0 the direction is reset to −∇f (the only restart rule of
    Optim's CG) and ϕ'(0) recomputed. α = InitialHagerZhang(...), then HagerZhang from it.
    An exception, or α ≤ 0, is a failure: reset s to −∇f and try once more (initial guess
    from state.alpha, which the exception has set to its α). Then x_previous, f_previous,
    g_previous take the current x, f, ∇f. Returns success.
    """
    dphi_0 = dot(state.g_x, state.s)
    if dphi_0 >= 0 and reset_search_direction(state):
        dphi_0 = dot(state.g_x, state.s)
    phi_0 = state.f_x

    initial_hager_zhang(state, phi_0, dphi_0, d)
    try:
        state.alpha, _ = hager_zhang(make_phidphi(d, state.x, state.s), state.alpha, phi_0, dphi_0)
        if not state.alpha > 0:
            raise LineSearchException("Line search returned non-positive alpha.", state.alpha)
        success = True
    except LineSearchException as ex:
        state.alpha = ex.alpha
        success = False
    if not success and reset_search_direction(state):
        state.ls_failures += 1
        dphi_0 = dot(state.g_x, state.s)
        initial_hager_zhang(state, phi_0, dphi_0, d)
        try:
            state.alpha, _ = hager_zhang(make_phidphi(d, state.x, state.s), state.alpha, phi_0, dphi_0)
            if not state.alpha > 0:
                raise LineSearchException("Line search returned non-positive alpha.", state.alpha)
            success = True
        except LineSearchException as ex:
            state.alpha = ex.alpha
            success = False
    state.f_x_previous = phi_0
    state.x_previous = state.x.copy()
    state.g_x_previous = state.g_x.copy()
    return success


def update_state(d, state):
    """Optim.jl 146b207, cg.jl:187-199: line search, then x_candidate = x + α·s.
    Returns True when the optimiser must stop (line-search failure)."""
    lssuccess = perform_linesearch(state, d)
    state.x_candidate = trial_point(state.alpha, state.s, state.x)
    return not lssuccess


def update_fgh(d, state):
    """Optim.jl 146b207, cg.jl:201-207: value_gradient! at x_candidate — nothing new is
    evaluated when the line search's accepted α was its last trial (f and ∇f cached);
    otherwise whichever of f, ∇f is not cached there."""
    f_c, g_c = d.value_gradient_bang(state.x_candidate)
    state.g_candidate = g_c.copy()
    state.f_candidate = f_c


def accept_step(state):
    """Optim.jl 146b207, cg.jl:209-255: commit the candidate and form the next direction
    (HZ2013 eqs. (2.2)/(2.3)-style, P = I):

        η_k  = η·(s·g_prev)/(s·s)                      η = 0.4
        y    = g − g_prev
        β_k  = (y·g − ((y·y)(g·s)/(y·s))·θ)/(y·s)       θ = 1
        β    = clamp(NaNMath.max(β_k, η_k), −βmax, βmax)  βmax = ∞
        s    ← β·s − g

    (s is the previous direction, g the new gradient; "y·y" is y·py with py = pg − pg_prev,
    equal to y without a preconditioner.) Differences from HZ2005/HZ2006: β^N there is
    (y·g)/(d·y) − 2(y·y)(d·g)/(d·y)², i.e. θ = 2, and the truncation there is
    η_k = −1/(‖d‖·min(0.01, ‖g_k‖)); here θ = 1 and η_k = 0.4·(d·g_k)/‖d‖² as in HZ2013.
    Algorithm 851 restarts (d = −g) every restart_fac·n = n iterations; Optim never restarts
    periodically, only when ϕ'(0) ≥ 0 or the line search fails (perform_linesearch).
    A NaN β_k (y·s = 0) gives β = η_k.
    """
    if not (math.isfinite(state.f_candidate) and isfinite(state.g_candidate) and isfinite(state.x_candidate)):
        return False
    state.x = state.x_candidate.copy()
    state.g_x = state.g_candidate.copy()
    state.f_x = state.f_candidate

    dPd = dot(state.s, state.s)
    etak = div(ETA * dot(state.s, state.g_x_previous), dPd)
    state.y = state.g_x - state.g_x_previous
    ydots = dot(state.y, state.s)
    state.py = state.pg.copy()
    state.pg = state.g_x.copy()
    state.py = state.pg - state.py
    betak = div(dot(state.y, state.pg) - div(dot(state.y, state.py) * dot(state.g_x, state.s), ydots) * THETA, ydots)
    beta = nanmath_max(betak, etak)
    beta = min(max(beta, -BETAMAX), BETAMAX)
    state.beta = beta
    state.s = beta * state.s - state.pg
    return True


def assess_convergence(state):
    """Optim.jl 146b207, src/utilities/assess_convergence.jl:53-79 at Options' defaults
    (x_abstol = x_reltol = f_abstol = f_reltol = 0, g_abstol = 1e-8)."""
    dx = float(np.max(np.abs(state.x - state.x_previous)))
    x_converged = dx <= 0.0 or dx <= 0.0 * float(np.max(np.abs(state.x)))
    df = abs(state.f_x - state.f_x_previous)
    f_converged = df <= 0.0 or df <= 0.0 * abs(state.f_x)
    g_converged = float(np.max(np.abs(state.g_x))) <= G_ABSTOL
    return x_converged, f_converged, g_converged


def optimize(value, gradient, x0, iterations=MAX_ITERATIONS):
    """Optim.jl 146b207, src/multivariate/optimize/optimize.jl:47-217 with
    optimize(f, g!, x0, ConjugateGradient()) (interface.jl:137-150; OnceDifferentiable(f, g!)).

    Stops when ‖∇f(x0)‖∞ ≤ 1e-8 before iterating; after an iteration when ‖∇f‖∞ ≤ 1e-8, or x
    did not change at all, or f did not change at all in two successive iterations, or at
    `iterations`; breaks on a line-search failure (after the one retry) or non-finite
    candidate. Returns the per-iteration record and the outcome."""
    d = OnceDifferentiable(value, gradient, len(x0))
    state = State(d, x0)
    converged = float(np.max(np.abs(state.g_x))) <= G_ABSTOL
    stopped = not math.isfinite(state.f_x) or not isfinite(state.g_x)
    iteration = 0
    counter_f_tol = 0
    trajectory, f_counts, g_counts, alphas, betas = [], [], [], [], []
    reason = "gradient" if converged else None
    while not converged and not stopped and iteration < iterations:
        iteration += 1
        if update_state(d, state):
            reason = "line search failed"
            break
        update_fgh(d, state)
        if not accept_step(state):
            reason = "non-finite candidate"
            break
        x_converged, f_converged, g_converged = assess_convergence(state)
        counter_f_tol = counter_f_tol + 1 if f_converged else 0
        converged = x_converged or g_converged or counter_f_tol > SUCCESSIVE_F_TOL
        trajectory.append(state.x.tolist())
        f_counts.append(d.f_calls)
        g_counts.append(d.df_calls)
        alphas.append(state.alpha)
        betas.append(state.beta)
        if converged:
            reason = "gradient" if g_converged else ("x unchanged" if x_converged else "f unchanged")
        if not isfinite(state.g_x):
            reason = "non-finite gradient"
            break
    if reason is None:
        reason = "iterations"
    return {"iterations": iteration, "trajectory": trajectory, "valueEvaluations": f_counts,
            "gradientEvaluations": g_counts, "minimizer": state.x.tolist(), "f": state.f_x,
            "gnorm": float(np.max(np.abs(state.g_x))), "fCalls": d.f_calls, "gCalls": d.df_calls,
            "reason": reason, "alphas": alphas, "betas": betas, "resets": state.resets,
            "lineSearchFailures": state.ls_failures}


# Relative distance allowed per iterate (‖Δx‖∞ / max(1, ‖x‖∞)), from `--sensitivity`: the
# largest such distance between this run and each of four last-bit variants (fma trial points,
# numpy's dot order, the start one ulp up, one ulp down) over the fixture's iterations was
# 3.9e-6 (Rosenbrock from [-1.2, 1]), 6.1e-8 (from [-1, 0]) and 5.1e-5 (the quadratic, where
# CG's loss of conjugacy multiplies a difference about fivefold per iteration from
# iteration 10 on); the tolerances are those rounded up with a factor 10–25 to spare.
TOLERANCES = {("rosenbrock", (-1.2, 1.0)): 1e-4, ("rosenbrock", (-1.0, 0.0)): 1e-6,
              ("quadratic", None): 1e-3}
# Leading iterations whose cumulative counts were the same in all four variants. After that
# (the quadratic from iteration 20, where ‖∇f‖∞ < 2e-5 and f − f* nears f's rounding), the
# line search's branch choices follow rounding, and so do the counts and the totals to
# convergence (31 to 47 iterations across the variants); they hold only for bit-identical
# arithmetic.
EXACT_COUNTS = {("quadratic", None): 19}


def sensitivity(problems):
    """How far last-bit arithmetic changes carry. Against the plain run, four variants:
    trial points x + α·s formed by one correctly rounded fma (as Julia's muladd may be);
    dot products by numpy (pairwise/BLAS order) instead of left to right; the start moved up,
    and down, by one ulp in every coordinate. For each: the largest per-iterate difference
    relative to max(1, ‖x‖∞) over the fixture's iterations, the first iteration whose
    cumulative counts differ, and the totals to convergence."""
    from fractions import Fraction

    global trial_point, dot
    plain_point, plain_dot = trial_point, dot

    def fma_point(alpha, s, x):
        return np.array([float(Fraction(alpha) * Fraction(float(si)) + Fraction(float(xi)))
                         for si, xi in zip(s, x)])

    def numpy_dot(a, b):
        return float(np.dot(a, b))

    out = {}
    for name, value, gradient, origin in problems:
        base = optimize(value, gradient, origin, FIXTURE_ITERATIONS)
        row = {"plain": {"converged": [optimize(value, gradient, origin)[k] for k in ("iterations", "fCalls", "gCalls")]}}
        for label, point, dotf, x0 in (("fma", fma_point, plain_dot, origin),
                                       ("numpy dot", plain_point, numpy_dot, origin),
                                       ("start +1 ulp", plain_point, plain_dot, np.nextafter(origin, math.inf)),
                                       ("start -1 ulp", plain_point, plain_dot, np.nextafter(origin, -math.inf))):
            trial_point, dot = point, dotf
            other = optimize(value, gradient, x0, FIXTURE_ITERATIONS)
            full = optimize(value, gradient, x0)
            trial_point, dot = plain_point, plain_dot
            n = min(len(base["trajectory"]), len(other["trajectory"]))
            worst = 0.0
            for k in range(n):
                p, q = np.array(base["trajectory"][k]), np.array(other["trajectory"][k])
                worst = max(worst, float(np.max(np.abs(p - q))) / max(1.0, float(np.max(np.abs(p)))))
            first = next((k + 1 for k in range(n) if base["valueEvaluations"][k] != other["valueEvaluations"][k]
                          or base["gradientEvaluations"][k] != other["gradientEvaluations"][k]), None)
            row[label] = {"maxRelative": worst, "iterations": (len(base["trajectory"]), len(other["trajectory"])),
                          "firstCountDifference": first,
                          "converged": [full[k] for k in ("iterations", "fCalls", "gCalls")]}
        out[f"{name} {origin[:2].tolist()}"] = row
    return out


def main():
    q, b, start = random_quadratic()
    quadratic = Quadratic(q, b)
    problems = [
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, np.array([-1.2, 1.0])),
        ("rosenbrock", rosenbrock_value, rosenbrock_gradient, np.array([-1.0, 0.0])),
        ("quadratic", quadratic.value, quadratic.gradient, start),
    ]
    if "--sensitivity" in sys.argv:
        print(json.dumps(sensitivity(problems), indent=1))
        return
    cases = []
    for name, value, gradient, origin in problems:
        run = optimize(value, gradient, origin.copy(), FIXTURE_ITERATIONS)
        full = optimize(value, gradient, origin.copy(), MAX_ITERATIONS)
        if not full["reason"] == "gradient":
            raise SystemExit(f"{name} from {origin[:2]} did not converge: {full['reason']}")
        case = {"method": "cg", "problem": name, "settings": {}, "start": origin.tolist(),
                "trajectory": run["trajectory"], "valueEvaluations": run["valueEvaluations"],
                "gradientEvaluations": run["gradientEvaluations"], "iterations": run["iterations"],
                "minimizer": run["minimizer"],
                "converged": {"iterations": full["iterations"], "valueEvaluations": full["fCalls"],
                              "gradientEvaluations": full["gCalls"], "minimizer": full["minimizer"]}}
        key = (name, tuple(origin.tolist()) if name == "rosenbrock" else None)
        if key in TOLERANCES:
            case["tolerance"] = TOLERANCES[key]
        if key in EXACT_COUNTS:
            case["exactCounts"] = EXACT_COUNTS[key]
        cases.append(case)
        print(f"{name} from {origin[:2].tolist()}: {run['iterations']} iterations recorded "
              f"(f {run['fCalls']}, ∇f {run['gCalls']}); to convergence {full['iterations']} iterations, "
              f"f {full['fCalls']}, ∇f {full['gCalls']}, ‖∇f‖∞ {full['gnorm']:.3g}, f {full['f']:.3g}, "
              f"resets {full['resets']}, line-search failures {full['lineSearchFailures']}")
    fixtures = {"quadratic": {"q": q.ravel().tolist(), "b": b.tolist(), "start": start.tolist()}, "cases": cases}
    path = pathlib.Path("Tests/DescentTests/Fixtures/cg_descent.json")
    path.write_text(json.dumps(fixtures, indent=1) + "\n")
    print(f"wrote {path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
