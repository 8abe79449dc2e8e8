/// ``minimize(_:from:using:until:trace:callback:)`` for an objective and optimizer
/// known only by protocol, as the catalog builds them. The optimizer is taken by
/// value; its final state is not returned.
public func minimize<S: DescentFloat>(
  _ objective: any Objective<S>, from start: [S], with optimizer: any Optimizer<S>,
  until rules: StoppingRules<S> = StoppingRules(), trace: Bool = false
) throws(DescentError) -> MinimizationResult<S> {
  try openingObjective(objective, start, optimizer, rules, trace)
}

private func openingObjective<P: Objective>(
  _ objective: P, _ start: [P.Scalar], _ optimizer: any Optimizer<P.Scalar>, _ rules: StoppingRules<P.Scalar>,
  _ trace: Bool
) throws(DescentError) -> MinimizationResult<P.Scalar> {
  try openingOptimizer(objective, start, optimizer, rules, trace)
}

private func openingOptimizer<P: Objective, O: Optimizer>(
  _ objective: P, _ start: [P.Scalar], _ optimizer: O, _ rules: StoppingRules<P.Scalar>, _ trace: Bool
) throws(DescentError) -> MinimizationResult<P.Scalar> where O.Scalar == P.Scalar {
  var optimizer = optimizer
  return try minimize(objective, from: start, using: &optimizer, until: rules, trace: trace)
}
