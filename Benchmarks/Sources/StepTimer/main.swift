// Milliseconds per optimizer update at one size, for Benchmarks/compare.sh, and
// Csawg's peak memory.
//
//   StepTimer steps [d]         SGD, Adam and Csawg-accumulate updates, Float and Double
//   StepTimer memory K [d]      peak resident memory of Csawg with horizon K
//
// Each update is timed over repeated calls and the median reported; the gradient
// is a stored vector, so only the optimizer's own work is measured, as in the numpy
// and optax scripts beside it.
import Descent
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
  print("csawg K=\(horizon) d=\(d): peak resident grew by \(grown / 1_048_576) MiB; state 2K·d + 3d = \(state / 1_048_576) MiB")
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
default:
  print("usage: StepTimer steps [d] | StepTimer memory K [d]")
  exit(2)
}
