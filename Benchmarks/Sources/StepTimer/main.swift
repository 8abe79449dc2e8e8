// Milliseconds per optimizer update at one size, for Benchmarks/compare.sh, and
// Csawg's peak memory.
//
//   StepTimer steps [d]         SGD, Adam and Csawg-accumulate updates, Float and Double
//   StepTimer memory K [d]      peak resident memory of Csawg with horizon K
//   StepTimer driver [d]        `minimize` called from this module against a loop
//                               calling `step` by hand, on Rosenbrock, in Double
//   StepTimer finite-sum        the gradients of the suite's logistic and softmax
//                               regressions (full data), as `descent study` calls them
//   StepTimer networks          examples per second through the MNIST-1D MLP and CNN
//
// Each update is timed over repeated calls and the median reported; the gradient
// is a stored vector, so only the optimizer's own work is measured, as in the numpy
// and optax scripts beside it.
@_spi(Benchmarks) import Descent
import DescentProblems
import Foundation

func milliseconds(_ body: () -> Void, repeats: Int = 15) -> Double {
  body()  // warm: allocates the state, faults the pages in
  var samples: [Double] = []
  for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  }
  return samples.sorted()[samples.count / 2]
}

func steps<S: DescentFloat>(_: S.Type, _ d: Int) {
  var w = (0..<d).map { S($0 % 7) / 7 - S(0.5) }
  let g = (0..<d).map { S($0 % 5) * S(1e-3) }
  var gd = try! GradientDescent<S>(learningRate: S(1e-3))
  var adam = try! Adam<S>()
  // K = 100: the timed calls stay in the accumulate branch; a planning event needs
  // fresh gradients and is not part of this kernel.
  var csawg = try! Csawg<S>(learningRate: S(1e-3), horizon: 100)
  for _ in 0..<100 { csawg.accumulate(&w, gradient: g) }
  let name = S.self == Float.self ? "float32" : "float64"
  print("descent", name, "sgd", milliseconds { gd.update(&w, gradient: g) })
  print("descent", name, "adam", milliseconds { adam.update(&w, gradient: g) })
  print("descent", name, "csawg", milliseconds { csawg.accumulate(&w, gradient: g) })
}

/// The process's peak resident memory in bytes (VmHWM).
func peakResident() -> Int {
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
  return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
}

func memory(horizon: Int, _ d: Int) {
  var w = [Double](repeating: 0.5, count: d)
  let g = [Double](repeating: 1e-3, count: d)
  let before = peakResident()
  var csawg = try! Csawg<Double>(horizon: horizon)
  for _ in 0..<(2 * horizon + 1) { csawg.accumulate(&w, gradient: g) }
  let grown = peakResident() - before
  // The ring (2K·d), the two sums and α (3d); `step` adds a gradient buffer (d).
  let state = (2 * horizon + 3) * d * MemoryLayout<Double>.size
  print(
    "csawg K=\(horizon) d=\(d): peak resident grew by \(grown / 1_048_576) MiB; state 2K·d + 3d = \(state / 1_048_576) MiB"
  )
}

/// `minimize` from another module (this one) against the same steps by hand: the
/// driver's own cost on the path a user calls.
func driver(_ d: Int) throws {
  let problem = try Rosenbrock<Double>(dimension: d)
  let start = problem.defaultStart
  let iterations = Int(ProcessInfo.processInfo.environment["ITERATIONS"] ?? "100")!
  func compare<O: Optimizer<Double>>(_ name: String, _ make: () throws -> O) throws {
    let fresh = try make()
    let handLoop = milliseconds(
      {
        var optimizer = fresh
        var oracle = CountingOracle(problem)
        var w = start
        for _ in 0..<iterations { optimizer.step(&w, oracle: &oracle) }
        if !w.allSatisfy(\.isFinite) {
          print(name, w.prefix(3), w.firstIndex { !$0.isFinite } ?? -1)
          exit(1)
        }
      }, repeats: 5)
    var termination = Termination.maxIterations
    let driven = milliseconds(
      {
        var optimizer = fresh
        let result = try! minimize(problem, from: start, using: &optimizer, until: .init(maxIterations: iterations))
        termination = result.termination
      }, repeats: 5)
    precondition(termination == .maxIterations, "\(name) stopped early: \(termination)")
    print(
      name.padding(toLength: 28, withPad: " ", startingAt: 0),
      String(format: "%9.2f %9.2f %7.3f", handLoop / Double(iterations), driven / Double(iterations), driven / handLoop)
    )
  }
  print("d = \(d), Rosenbrock, Double; milliseconds per iteration (median of 5 runs of \(iterations))")
  print("method                       hand loop  minimize   ratio")
  try compare("gd") { try GradientDescent<Double>() }
  try compare("adam") { try Adam<Double>() }
  try compare("csawg K=2") { try Csawg<Double>(horizon: 2) }
  try compare("csawg-safeguarded diag K=2") { try SafeguardedCsawg<Double>(horizon: 2, fit: .diagonal) }
  try compare("csawg-safeguarded") { try SafeguardedCsawg<Double>() }
  try compare("bb") { try BarzilaiBorwein<Double>() }
  try compare("anderson") { try AndersonAcceleration<Double>() }
}

if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "pieces" {
  let d = 1_000_000
  var a = (0..<d).map { Double($0 % 7) }
  var b = [Double](repeating: 0, count: d)
  print("copyIfFinite", milliseconds { _ = Vector.copyIfFinite(a, into: &b) })
  print("copy", milliseconds { Vector.copy(a, into: &b) })
  print("isFinite", milliseconds { _ = Vector.isFinite(a) })
  print("subtractScaled", milliseconds { Vector.subtractScaled(1e-9, b, from: &a) })
  let r = try! Rosenbrock<Double>(dimension: d)
  print("rosenbrock gradient", milliseconds { r.gradient(at: a, into: &b) })
  print("rosenbrock value", milliseconds { _ = r.value(at: a) })
  print("norm", milliseconds { _ = Vector.norm(a) })
  print("distance", milliseconds { _ = Vector.distance(a, b) })
}

/// Milliseconds per full gradient of the suite's data problems, through the catalog's
/// existential as `descent study` calls them.
func finiteSum() throws {
  for name in ["breast-cancer-logistic", "digits-softmax"] {
    let problem = try ProblemCatalog.make(name, as: Double.self)
    let w = (0..<problem.dimension).map { Double($0 % 11) / 100 - 0.05 }
    var g = [Double](repeating: 0, count: w.count)
    print("descent", name, milliseconds({ problem.gradient(at: w, into: &g) }, repeats: 51))
  }
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "steps":
  let d = arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000_000
  steps(Float.self, d)
  steps(Double.self, d)
case "memory":
  let horizon = arguments.dropFirst().first.flatMap { Int($0) } ?? 2
  let d = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000
  memory(horizon: horizon, d)
case "driver":
  try driver(arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
case "finite-sum":
  try finiteSum()
case "differentiable":
  #if canImport(_Differentiation)
    try differentiableCost()
  #else
    print("StepTimer differentiable needs a Swift toolchain with _Differentiation")
  #endif
case "networks":
  try networkThroughput()
default:
  print(
    "usage: StepTimer steps [d] | StepTimer memory K [d] | StepTimer driver [d] | StepTimer finite-sum | StepTimer differentiable | StepTimer networks"
  )
  exit(2)
}
