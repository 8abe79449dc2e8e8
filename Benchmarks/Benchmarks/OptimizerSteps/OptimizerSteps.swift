// Per-step time and allocations of Descent's optimizers.
//
//   cd Benchmarks && swift package benchmark --target OptimizerSteps
//
// Each `step` benchmark is one outer iteration (Csawg's: K of them, one planning
// event) on a linear objective, whose gradient
// (a copy of a stored vector) never vanishes: a converging run would end in
// subnormal numbers, which x86 handles a hundred times slower and which would
// measure the processor, not the method. Csawg's planning is amortised over its K
// iterations as in a run. The `update` benchmarks apply a stored gradient: the
// optimizer's own work alone.
import Benchmark
import Descent
import DescentProblems

let sizes = [1_000, 100_000, 10_000_000]

func configuration(_ d: Int) -> Benchmark.Configuration {
  .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(d >= 10_000_000 ? 2 : 1),
    maxIterations: d >= 10_000_000 ? 40 : 100_000)
}

/// f(w) = bᵀw: ∇f = b, written into the caller's storage.
struct Linear<Scalar: DescentFloat>: Objective {
  let slope: [Scalar]
  var dimension: Int { slope.count }
  func value(at w: UnsafeBufferPointer<Scalar>) -> Scalar { zip(w, slope).reduce(0) { $0 + $1.0 * $1.1 } }
  func gradient(at w: UnsafeBufferPointer<Scalar>, into g: UnsafeMutableBufferPointer<Scalar>) {
    slope.withUnsafeBufferPointer { Vector.copy($0, into: g) }
  }
}

func problem<S: DescentFloat>(_: S.Type, _ d: Int) -> (Linear<S>, [S]) {
  let slope = (0..<d).map { S(1) + S($0 % 100) / 100 }
  let start = (0..<d).map { S($0 % 7) / 7 - S(0.5) }
  return (Linear(slope: slope), start)
}

/// A run's mutable state, held by reference so that the measured closure mutates
/// it in place rather than copying its arrays.
final class Run<O: Optimizer, P: Objective>: @unchecked Sendable where O.Scalar == P.Scalar {
  var optimizer: O
  var w: [O.Scalar]
  var oracle: CountingOracle<P>
  let gradient: [O.Scalar]

  init(_ optimizer: O, _ problem: P, _ start: [O.Scalar]) {
    self.optimizer = optimizer
    w = start
    oracle = CountingOracle(problem)
    gradient = start.map { $0 * 1e-3 }
  }
}

/// One benchmark per `steps` steps of `optimizer` on the objective of dimension `d`:
/// Csawg's are timed K steps at a time, so every sample holds one planning event.
func stepBenchmark<S: DescentFloat, O: Optimizer>(_ name: String, _ optimizer: O, _ d: Int, _: S.Type, steps: Int = 1)
where O.Scalar == S {
  let label = steps == 1 ? "step" : "\(steps) steps"
  Benchmark("\(label) \(name) \(S.self) d=\(d)", configuration: configuration(d)) {
    (benchmark: Benchmark, run: Run<O, Linear<S>>) in
    for _ in benchmark.scaledIterations {
      for _ in 0..<steps { run.optimizer.step(&run.w, oracle: &run.oracle) }
    }
    blackHole(run.w)
  } setup: {
    let (f, start) = problem(S.self, d)
    let run = Run(optimizer, f, start)
    // Allocates the state and fills the first window, so timing starts in steady state.
    for _ in 0..<(2 * max(steps, 1)) { run.optimizer.step(&run.w, oracle: &run.oracle) }
    return run
  }
}

/// One benchmark per update with a stored gradient.
func updateBenchmark<S: DescentFloat, O: GradientUpdate>(_ name: String, _ optimizer: O, _ d: Int, _: S.Type)
where O.Scalar == S {
  Benchmark("update \(name) \(S.self) d=\(d)", configuration: configuration(d)) {
    (benchmark: Benchmark, run: Run<O, Linear<S>>) in
    for _ in benchmark.scaledIterations { run.optimizer.update(&run.w, gradient: run.gradient) }
    blackHole(run.w)
  } setup: {
    let (f, start) = problem(S.self, d)
    let run = Run(optimizer, f, start)
    run.optimizer.update(&run.w, gradient: run.gradient)
    return run
  }
}

/// `minimize` from this module against the same steps by hand, on Rosenbrock at
/// d = 10⁶: the driver's own cost on the path a user calls (100 iterations a sample).
func driverBenchmarks<O: Optimizer<Double>>(_ name: String, _ optimizer: O) {
  let d = 1_000_000
  let problem = try! Rosenbrock<Double>(dimension: d)
  let start = problem.defaultStart
  let configuration = Benchmark.Configuration(
    metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(6), maxIterations: 10)
  Benchmark("hand loop \(name) Double d=\(d) ×100", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      var method = optimizer
      var oracle = CountingOracle(problem)
      var w = start
      for _ in 0..<100 { method.step(&w, oracle: &oracle) }
      blackHole(w)
    }
  }
  Benchmark("minimize \(name) Double d=\(d) ×100", configuration: configuration) { benchmark in
    for _ in benchmark.scaledIterations {
      var method = optimizer
      blackHole(try! minimize(problem, from: start, using: &method, until: .init(maxIterations: 100)))
    }
  }
}

func register<S: DescentFloat>(_: S.Type) {
  for d in sizes {
    stepBenchmark("gd", try! GradientDescent<S>(), d, S.self)
    stepBenchmark("heavy-ball", try! HeavyBall<S>(), d, S.self)
    stepBenchmark("adam", try! Adam<S>(), d, S.self)
    for horizon in [2, 10] {
      stepBenchmark("csawg K=\(horizon) P=1", try! Csawg<S>(horizon: horizon), d, S.self, steps: horizon)
      stepBenchmark(
        "csawg K=\(horizon) P=5", try! Csawg<S>(horizon: horizon, planningSteps: 5, corrections: 10), d, S.self,
        steps: horizon)
    }
    updateBenchmark("gd", try! GradientDescent<S>(), d, S.self)
    updateBenchmark("heavy-ball", try! HeavyBall<S>(), d, S.self)
    updateBenchmark("adam", try! Adam<S>(), d, S.self)
  }
}

let benchmarks: @Sendable () -> Void = {
  register(Float.self)
  register(Double.self)
  driverBenchmarks("gd", try! GradientDescent<Double>())
  driverBenchmarks("csawg K=2", try! Csawg<Double>(horizon: 2))
}
