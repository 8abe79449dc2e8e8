/// The safeguarded planner's run so far, apart from its settings (and from its planning
/// window, coded beside it): what its checkpoint carries, each field under its own name
/// in the checkpoint's one object.
@usableFromInline
struct PlannerState<Scalar: DescentFloat>: Codable, Sendable {
  /// The diagonal and scalar fits' α (the secant fit keeps its system in the planner).
  @usableFromInline var alpha: [Scalar] = []
  /// The test every landing point passes or is undone.
  @usableFromInline var acceptance: NonmonotoneTest<Scalar>
  /// ∇f at the current point.
  @usableFromInline var gradient: [Scalar] = []
  /// A move whose landing point the next evaluation tests; where the last jump and the
  /// last gradient step started; whether the jump started where an untested step landed
  /// (Algorithm 1 jumps right after its step), which is then tested in its turn.
  @usableFromInline var pending = SafeguardedCsawg<Scalar>.Move.none
  @usableFromInline var moveStart: [Scalar] = []
  @usableFromInline var stepStart: [Scalar] = []
  @usableFromInline var jumpFollowsStep = false
  /// The gradient steps' size: γ, halved after each rejected gradient step.
  @usableFromInline var stepSize: Scalar = 0
  /// Whether `gradient` already holds ∇f(w) (after a rejection).
  @usableFromInline var gradientIsCurrent = false
  /// The last accepted point and its gradient, whose difference from the next gives the
  /// pair (s, y) that sizes the steps without a γ; the step-size before the last.
  @usableFromInline var lastPoint: [Scalar] = []
  @usableFromInline var lastGradient: [Scalar] = []
  @usableFromInline var hasLastPoint = false
  @usableFromInline var previousStepSize: Scalar = 0
  /// ρ, and the jumps accepted and rejected.
  @usableFromInline var trust: Scalar = 1
  @usableFromInline var acceptedJumps = 0
  @usableFromInline var rejectedJumps = 0
  @usableFromInline var rejectedSteps = 0
  /// On minibatches (``Objective/isStochastic``, seen on the first step); f at the
  /// current point (on minibatches, on its gradient's batch).
  @usableFromInline var onMinibatches = false
  @usableFromInline var startValue: Scalar = 0

  @usableFromInline
  init(memory: Int?) { acceptance = NonmonotoneTest(memory: memory) }
}
