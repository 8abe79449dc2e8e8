/// ``minimize(_:from:using:until:trace:callback:progress:)`` for an objective and optimizer
/// known only by protocol, as the catalog builds them. The optimizer is taken by
/// value; its final state is not returned.
///
/// Opening the existentials runs the driver unspecialised; the work that grows with
/// the dimension (objectives, kernels, vector operations) is pre-specialised for
/// `Float` and `Double` with `@_specialize`, so it runs at full speed all the same.
public func minimize<S: DescentFloat>(
  _ objective: any Objective<S>, from start: [S], with optimizer: any Optimizer<S>,
  until rules: StoppingRules<S> = StoppingRules(), trace: TraceSettings = false,
  callback: ((TraceRow<S>) -> CallbackDecision)? = nil, progress: ((RunProgress<S>) -> CallbackDecision)? = nil
) throws(DescentError) -> MinimizationResult<S> {
  try openingObjective(objective, start, optimizer, rules, trace, callback, progress)
}

private func openingObjective<P: Objective>(
  _ objective: P, _ start: [P.Scalar], _ optimizer: any Optimizer<P.Scalar>, _ rules: StoppingRules<P.Scalar>,
  _ trace: TraceSettings, _ callback: ((TraceRow<P.Scalar>) -> CallbackDecision)?,
  _ progress: ((RunProgress<P.Scalar>) -> CallbackDecision)?
) throws(DescentError) -> MinimizationResult<P.Scalar> {
  try openingOptimizer(objective, start, optimizer, rules, trace, callback, progress)
}

private func openingOptimizer<P: Objective, O: Optimizer>(
  _ objective: P, _ start: [P.Scalar], _ optimizer: O, _ rules: StoppingRules<P.Scalar>, _ trace: TraceSettings,
  _ callback: ((TraceRow<P.Scalar>) -> CallbackDecision)?, _ progress: ((RunProgress<P.Scalar>) -> CallbackDecision)?
) throws(DescentError) -> MinimizationResult<P.Scalar> where O.Scalar == P.Scalar {
  var optimizer = optimizer
  return try minimize(
    objective, from: start, using: &optimizer, until: rules, trace: trace, callback: callback, progress: progress)
}
