/// Runs `optimizer` on `objective` from `start` until a stopping rule is met.
///
/// The optimizer reaches the objective only through a ``CountingOracle``; the counts
/// in the result are its counts. The driver's own observations — trace rows, the
/// value and gradient-norm tests, the callback's row and the final value — are made
/// outside the oracle and are not counted, so watching a run does not change its cost.
///
/// The optimizer is `inout`: after the run it holds its final state, which can be
/// encoded to checkpoint the run and decoded to resume it.
///
/// - Parameters:
///   - trace: record one ``TraceRow`` per outer iteration (row 0 is the start).
///   - callback: called with each row after each iteration; `.stop` ends the run.
/// - Throws: ``DescentError`` for a start of the wrong dimension or with a non-finite
///   entry, or for a stopping rule out of range. A non-finite value, gradient or
///   iterate during the run is not an error: the run ends with that termination
///   and the last finite iterate.
public func minimize<Problem: Objective, Method: Optimizer>(
  _ objective: Problem,
  from start: [Problem.Scalar],
  using optimizer: inout Method,
  until rules: StoppingRules<Problem.Scalar> = StoppingRules(),
  trace recordTrace: Bool = false,
  callback: ((TraceRow<Problem.Scalar>) -> CallbackDecision)? = nil
) throws(DescentError) -> MinimizationResult<Problem.Scalar> where Method.Scalar == Problem.Scalar {
  typealias Scalar = Problem.Scalar
  try DescentError.requireFiniteVector(start, named: "start", dimension: objective.dimension)
  try rules.validate(for: objective)
  try optimizer.validate(for: objective)

  var oracle = CountingOracle(objective)
  var observer = RunObserver(objective: objective)
  let observes =
    recordTrace || callback != nil || rules.valueTolerance != nil || rules.gradientTolerance != nil
  var w = start
  var lastFinite = start
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
    if recordTrace { rows.append(row) }
    termination = converged(row, error: row.error)
  } else if rules.errorTolerance != nil {
    termination = converged(nil, error: observer.error(w))
  }

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
    Vector.copy(w, into: &lastFinite)
    optimizer.step(&w, oracle: &oracle)
    iteration += 1

    // On a failure the iterate goes back to the last finite one, and the count of
    // completed iterations with it; the evaluations spent stay counted.
    if let failure = oracle.nonFinite {
      (w, iteration) = (lastFinite, iteration - 1)
      termination = failure == .value ? .nonFiniteValue : .nonFiniteGradient
      break
    }
    if !Vector.isFinite(w) {
      (w, iteration) = (lastFinite, iteration - 1)
      termination = .nonFiniteIterate
      break
    }
    if let own = optimizer.methodTermination {
      termination = own
      if recordTrace {
        rows.append(observer.observe(w, iteration: iteration, oracle: oracle, stepSizes: optimizer.stepSizes))
      }
      break
    }
    guard observes else {
      // Only the distance is needed, and only when a rule asks for it.
      if rules.errorTolerance != nil { termination = converged(nil, error: observer.error(w)) }
      continue
    }
    let row = observer.observe(w, iteration: iteration, oracle: oracle, stepSizes: optimizer.stepSizes)
    if !row.value.isFinite || !row.gradientNorm.isFinite {
      (w, iteration) = (lastFinite, iteration - 1)
      termination = row.value.isFinite ? .nonFiniteGradient : .nonFiniteValue
      break
    }
    if recordTrace { rows.append(row) }
    let decision = callback?(row) ?? .proceed
    termination = converged(row, error: row.error) ?? (decision == .stop ? .stoppedByCallback : nil)
  }

  return MinimizationResult(
    minimizer: w,
    value: objective.value(at: w),
    error: observer.error(w),
    iterations: iteration,
    valueEvaluations: oracle.valueEvaluations,
    gradientEvaluations: oracle.gradientEvaluations,
    termination: termination!,
    trace: recordTrace ? Trace(rows: rows) : nil)
}

/// The driver's uncounted view of a run: f, ‖w − w*‖ and ‖∇f‖ at an iterate.
struct RunObserver<Problem: Objective> {
  typealias Scalar = Problem.Scalar
  let objective: Problem
  let target: [Scalar]?
  var gradient: [Scalar]

  init(objective: Problem) {
    self.objective = objective
    target = objective.minimizer
    gradient = [Scalar](repeating: 0, count: objective.dimension)
  }

  func error(_ w: [Scalar]) -> Scalar? {
    target.map { Vector.distance(w, $0) }
  }

  mutating func observe(
    _ w: [Scalar], iteration: Int, oracle: CountingOracle<Problem>, stepSizes: [Scalar]?
  ) -> TraceRow<Scalar> {
    objective.gradient(at: w, into: &gradient)
    return TraceRow(
      iteration: iteration,
      gradientEvaluations: oracle.gradientEvaluations,
      valueEvaluations: oracle.valueEvaluations,
      value: objective.value(at: w),
      error: error(w),
      gradientNorm: Vector.norm(gradient),
      stepSizes: stepSizes.map { Array($0.prefix(Trace<Scalar>.stepSizeComponents)) },
      weights: Array(w.prefix(Trace<Scalar>.weightComponents)))
  }
}
