/// Runs `optimizer` on `objective` from `start` until a stopping rule is met.
///
/// The optimizer reaches the objective only through a ``CountingOracle``, which also
/// holds the evaluation budget, so the counts in the result are its counts and never
/// exceed the budget. The driver's own observations — trace rows, the value and
/// gradient-norm tests, the callback's row and the final value — are made outside the
/// oracle and are not counted, so watching a run does not change its cost.
///
/// The optimizer is `inout`: after the run it holds its final state, which can be
/// encoded to checkpoint the run and decoded to resume it.
///
/// The driver is `@inlinable`: called with concrete types from another module, it
/// is specialised there. Besides the steps, it makes one pass over w an iteration,
/// which checks the new iterate and keeps a copy to undo a failed step.
///
/// - Parameters:
///   - objective: the function to minimise.
///   - start: w₀, with the objective's dimension and finite entries.
///   - optimizer: the method; after the run it holds its final state.
///   - rules: when to stop.
///   - trace: record one ``TraceRow`` per outer iteration (row 0 is the start);
///     ``TraceSettings`` also sets how many components of w and α a row keeps.
///   - callback: called with every row the trace holds, row 0 (the start) first,
///     then one after each iteration; `.stop` ends the run.
///     Rows are observed (f and ∇f at each iterate, uncounted; on a minibatch objective
///     those of its ``Objective/fullObjective``, so no batch is drawn) only when a trace, a
///     callback or a value or gradient-norm tolerance asks for them; the result's
///     ``MinimizationResult/best`` is the best of the observed rows.
///   - progress: called with the counts and the iterate at the start and after each
///     iteration, without evaluating anything: for a watcher that decides itself what
///     to evaluate and when (the benchmark runner); `.stop` ends the run.
/// - Throws: ``DescentError`` for a start of the wrong dimension or with a non-finite
///   entry, a stopping rule out of range, a method that cannot run on the objective,
///   or a run whose state would not fit in memory. A non-finite value, gradient or
///   iterate during the run is not an error: the run ends with that termination and
///   the last finite iterate.
@inlinable
public func minimize<Problem: Objective, Method: Optimizer>(
  _ objective: Problem,
  from start: [Problem.Scalar],
  using optimizer: inout Method,
  until rules: StoppingRules<Problem.Scalar> = StoppingRules(),
  trace: TraceSettings = false,
  callback: ((TraceRow<Problem.Scalar>) -> CallbackDecision)? = nil,
  progress: ((RunProgress<Problem.Scalar>) -> CallbackDecision)? = nil
) throws(DescentError) -> MinimizationResult<Problem.Scalar> where Method.Scalar == Problem.Scalar {
  typealias Scalar = Problem.Scalar
  try validateRun(of: optimizer, on: objective, from: start, until: rules, trace: trace)
  optimizer.prepare(for: rules)

  var oracle = CountingOracle(
    objective, maxGradientEvaluations: rules.maxGradientEvaluations, maxValueEvaluations: rules.maxValueEvaluations)
  var observer = RunObserver(objective: objective, components: trace.components)
  let observes =
    trace.isRecorded || callback != nil || rules.valueTolerance != nil || rules.gradientTolerance != nil
  var w = start
  // The last finite iterate, and the buffer the next one is copied into as it is
  // checked: a failed step is undone from `snapshot`, and a good one swaps the two.
  var snapshot = start
  var spare = [Scalar](repeating: 0, count: start.count)
  // The best observed iterate lives in `snapshot` while it is the latest, and is
  // swapped into `bestStore` when a step leaves it: tracking it copies nothing.
  var bestStore: [Scalar] = []
  var best: (value: Scalar, iteration: Int)?
  var latestIsBest = false
  var iteration = 0
  var rows: [TraceRow<Scalar>] = []

  func converged(_ row: TraceRow<Scalar>?, error: Scalar?) -> Termination? {
    if let tolerance = rules.errorTolerance, let error, error <= tolerance { return .errorTolerance }
    if let tolerance = rules.valueTolerance, let row, let minimum = objective.minimum,
      row.value - minimum <= tolerance
    {
      return .valueTolerance
    }
    if let tolerance = rules.gradientTolerance, let row, row.gradientNorm <= tolerance {
      return .gradientTolerance
    }
    return nil
  }

  var termination: Termination?
  if observes {
    let row = observer.observe(w, iteration: 0, oracle: oracle, stepSizes: optimizer.stepSizes)
    if trace.isRecorded { rows.append(row) }
    if row.value.isFinite {
      best = (row.value, 0)
      latestIsBest = true
    }
    let decision = callback?(row) ?? .proceed
    termination = converged(row, error: row.error) ?? (decision == .stop ? .stoppedByCallback : nil)
  } else if rules.errorTolerance != nil {
    termination = converged(nil, error: observer.error(w))
  }
  func report() -> Termination? {
    let counts = RunProgress(
      iteration: iteration, gradientEvaluations: oracle.gradientEvaluations,
      valueEvaluations: oracle.valueEvaluations, iterate: w)
    return progress?(counts) == .stop ? .stoppedByCallback : nil
  }
  if termination == nil { termination = report() }

  while termination == nil {
    if let limit = rules.maxIterations, iteration >= limit {
      termination = .maxIterations
      break
    }
    if let limit = rules.maxGradientEvaluations, oracle.gradientEvaluations >= limit {
      termination = .maxGradientEvaluations
      break
    }
    if let limit = rules.maxValueEvaluations, oracle.valueEvaluations >= limit {
      termination = .maxValueEvaluations
      break
    }
    optimizer.step(&w, oracle: &oracle)

    // On a failure the iterate goes back to the last finite one; the evaluations
    // spent stay counted.
    var failure: Termination? = oracle.nonFinite.map { $0 == .value ? .nonFiniteValue : .nonFiniteGradient }
    if failure == nil && !Vector.copyIfFinite(w, into: &spare) { failure = .nonFiniteIterate }
    let own = failure == nil ? optimizer.methodTermination : nil
    var row: TraceRow<Scalar>?
    if failure == nil && observes {
      let observed = observer.observe(w, iteration: iteration + 1, oracle: oracle, stepSizes: optimizer.stepSizes)
      if own == nil && (!observed.value.isFinite || !observed.gradientNorm.isFinite) {
        failure = observed.value.isFinite ? .nonFiniteGradient : .nonFiniteValue
      }
      row = observed
    }
    if let failure {
      w = snapshot
      termination = failure
      break
    }

    iteration += 1
    if latestIsBest {
      if bestStore.isEmpty { bestStore = spare }  // allocated once, the first time
      swap(&bestStore, &snapshot)
    }
    swap(&snapshot, &spare)
    latestIsBest = false
    if let row {
      if row.value.isFinite && row.value < (best?.value ?? .infinity) {
        best = (row.value, iteration)
        latestIsBest = true
      }
      if trace.isRecorded { rows.append(row) }
    }
    // The method's own test ends the run; the callback still sees the last row.
    if let own {
      if let row { _ = callback?(row) }
      termination = own
      break
    }
    if let row {
      let decision = callback?(row) ?? .proceed
      termination = converged(row, error: row.error) ?? (decision == .stop ? .stoppedByCallback : nil)
    } else if rules.errorTolerance != nil {
      termination = converged(nil, error: observer.error(w))
    }
    if termination == nil { termination = report() }
    if termination == nil, let spent = oracle.spentBudget { termination = spent }
  }

  let observedBest = best.map { best in
    let iterate = latestIsBest ? snapshot : bestStore
    return BestIterate(minimizer: iterate, value: best.value, error: observer.error(iterate), iteration: best.iteration)
  }
  return MinimizationResult(
    minimizer: w,
    value: observer.value(w),
    error: observer.error(w),
    iterations: iteration,
    valueEvaluations: oracle.valueEvaluations,
    gradientEvaluations: oracle.gradientEvaluations,
    termination: termination!,
    terminationReason: termination == optimizer.methodTermination ? optimizer.methodTerminationReason : nil,
    trace: trace.isRecorded ? Trace(rows: rows) : nil,
    best: observedBest,
    evaluationPoint: termination!.isFailure ? w : optimizer.evaluationPoint(for: w))
}

/// The checks ``minimize(_:from:using:until:trace:callback:progress:)`` makes before it
/// allocates anything: the start, the rules, the method on this objective, and the
/// memory the method's state and the driver's vectors need.
@usableFromInline
func validateRun<Problem: Objective, Method: Optimizer>(
  of optimizer: Method, on objective: Problem, from start: [Problem.Scalar], until rules: StoppingRules<Problem.Scalar>,
  trace: TraceSettings
) throws(DescentError) where Method.Scalar == Problem.Scalar {
  try trace.validate()
  let d = objective.dimension
  try DescentError.requireFiniteVector(start, named: "start", dimension: d)
  try rules.validate(for: objective)
  try optimizer.validate(for: objective)
  try DescentError.requireMemory(
    MemoryRequirement.sum(
      optimizer.stateSize(dimension: d), MemoryRequirement.product(MemoryRequirement.runVectors, d)),
    of: Problem.Scalar.self, name: "dimension", value: d,
    what: "the method's state and the driver's \(MemoryRequirement.runVectors) vectors at d = \(d)")
}

/// The driver's uncounted view of a run: f, ‖w − w*‖ and ‖∇f‖ at an iterate; on a
/// minibatch objective f and ∇f of the full objective, so that watching draws no batch.
@usableFromInline
struct RunObserver<Problem: Objective> {
  @usableFromInline typealias Scalar = Problem.Scalar
  @usableFromInline let objective: Problem
  @usableFromInline let full: (any Objective<Scalar>)?
  @usableFromInline let target: [Scalar]?
  @usableFromInline var gradient: [Scalar]
  /// Leading components of w and of the step-sizes a row keeps.
  @usableFromInline let components: Int

  @inlinable
  init(objective: Problem, components: Int) {
    self.objective = objective
    full = objective.fullObjective
    self.components = components
    target = objective.minimizer
    gradient = [Scalar](repeating: 0, count: objective.dimension)
  }

  /// f(w), of the full objective on minibatches.
  @inlinable
  func value(_ w: [Scalar]) -> Scalar {
    guard let full else { return objective.value(at: w) }
    return w.withUnsafeBufferPointer { full.value(at: $0) }
  }

  @inlinable
  func error(_ w: [Scalar]) -> Scalar? {
    target.map { Vector.distance(w, $0) }
  }

  @inlinable
  mutating func observe(
    _ w: [Scalar], iteration: Int, oracle: CountingOracle<Problem>, stepSizes: [Scalar]?
  ) -> TraceRow<Scalar> {
    let (objective, full) = (objective, full)
    let value = w.withUnsafeBufferPointer { point in
      gradient.withUnsafeMutableBufferPointer {
        full?.valueAndGradient(at: point, into: $0) ?? objective.valueAndGradient(at: point, into: $0)
      }
    }
    return TraceRow(
      iteration: iteration,
      gradientEvaluations: oracle.gradientEvaluations,
      valueEvaluations: oracle.valueEvaluations,
      value: value,
      error: error(w),
      gradientNorm: Vector.norm(gradient),
      stepSizes: stepSizes.map { Array($0.prefix(components)) },
      weights: Array(w.prefix(components)))
  }
}
