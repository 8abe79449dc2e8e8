// Checkpoint a long run to JSON and resume it after a restart: the optimizer is a
// Codable value holding its whole state, so the resumed run is the uninterrupted one,
// bit for bit.
//
//   swift run --package-path Examples CheckpointResume [checkpoint.json]
// Run it twice: the first run stops half way and writes the checkpoint; the second
// finds it, resumes, and checks the result against an uninterrupted run.
import Descent
import DescentProblems
import Foundation

struct Checkpoint: Codable {
  var optimizer: Csawg<Double>
  var weights: [Double]
  var iterations: Int
}

let path = CommandLine.arguments.dropFirst().first ?? NSTemporaryDirectory() + "descent-checkpoint.json"
// A checkpoint is a regular file: an atomic write would replace a directory entry of any
// other kind (a symbolic link, a device, a FIFO), so the example refuses those.
if let kind = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
  kind != .typeRegular
{
  print("\(path) is not a regular file: give a checkpoint path that is one, or a new one")
  exit(1)
}
let problem = try Rosenbrock<Double>(dimension: 10)
let start = [-1.0] + [Double](repeating: 0, count: 9)
let total = 400

if let data = FileManager.default.contents(atPath: path) {
  var checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
  let rest = try minimize(
    problem, from: checkpoint.weights, using: &checkpoint.optimizer,
    until: StoppingRules(maxIterations: total - checkpoint.iterations))
  var straight = try Csawg<Double>(learningRate: 0.0005, horizon: 10)
  let uninterrupted = try minimize(problem, from: start, using: &straight, until: StoppingRules(maxIterations: total))
  print("resumed at iteration \(checkpoint.iterations) from \(path); after \(total): f = \(rest.value)")
  print("the same iterate as \(total) uninterrupted iterations: \(rest.minimizer == uninterrupted.minimizer)")
  try FileManager.default.removeItem(atPath: path)
} else {
  var csawg = try Csawg<Double>(learningRate: 0.0005, horizon: 10)
  let half = try minimize(problem, from: start, using: &csawg, until: StoppingRules(maxIterations: total / 2))
  let checkpoint = Checkpoint(optimizer: csawg, weights: half.minimizer, iterations: half.iterations)
  // Written whole or not at all: a crash mid-write leaves the last good checkpoint.
  try JSONEncoder().encode(checkpoint).write(to: URL(fileURLWithPath: path), options: .atomic)
  print("stopped at iteration \(half.iterations), f = \(half.value); checkpoint written to \(path)")
  print("run again to resume")
}
