// Optimizers trained on classification problems for the same number of epochs: MNIST-1D's
// three models and the digits network on a seeded split, batches of 100 rows from a
// seeded shuffle, the final test accuracy's mean ± standard deviation over seeds (in
// Float; `descent study study/training.yaml` runs the same in Double, with curves).
// A method is written as `descent run --optimizer` takes it: a catalog name, then
// settings after colons (`descent list` names them all), and on these problems a
// schedule's length also in epochs, `warmup-epochs` and `decay-epochs`:
//
//   csawg-safeguarded   adam:learning-rate=0.01   schedule-free-adamw
//   adamw:learning-rate=0.003:warmup-epochs=7.5:decay-epochs=150   (AdamW's λ = 0.01, ×α)
//
//   swift run -c release --package-path Examples TrainingStudy \
//     [--epochs 150] [--seeds 5] [--models logistic,mlp,cnn,digits] [--methods a,b]
import Descent
import DescentProblems
import Foundation

var options = [
  "epochs": "150", "seeds": "5", "models": "logistic,mlp,cnn,digits",
  "methods": "adam:learning-rate=0.01,schedule-free-adamw,csawg-safeguarded",
]
var argumentList = Array(CommandLine.arguments.dropFirst())
while argumentList.count >= 2, argumentList[0].hasPrefix("--") {
  options[String(argumentList[0].dropFirst(2))] = argumentList[1]
  argumentList.removeFirst(2)
}
guard argumentList.isEmpty, let epochs = Int(options["epochs"]!), let seeds = Int(options["seeds"]!), epochs >= 1,
  seeds >= 1
else {
  print("usage: TrainingStudy [--epochs n] [--seeds n] [--models a,b] [--methods a,b]")
  exit(2)
}

/// A method as the tool names it: `name:setting=value:…`.
struct MethodSpec {
  let text: String
  let name: String
  let settings: [String: String]
  init(_ text: String) {
    let parts = text.split(separator: ":").map(String.init)
    (self.text, name) = (text, parts.first ?? "")
    settings = Dictionary(
      parts.dropFirst().map { pair in
        let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
        return (kv[0], kv.count > 1 ? kv[1] : "")
      }, uniquingKeysWith: { $1 })
  }
}

struct Outcome {
  var accuracy: Float
  var loss: Float
  var note: String
}

/// Trains `problem` from its start with `method` for `epochs` epochs, tested after the
/// last at the method's evaluation point (the iterate, or its average).
func train<Problem: TrainingProblem>(_ method: MethodSpec, _ problem: Problem, epochs: Int) throws -> Outcome
where Problem.Scalar == Float {
  let settings = try ScheduleInEpochs.inSteps(method.settings, stepsPerEpoch: problem.gradientsPerEpoch)
  let optimizer = try OptimizerCatalog.make(method.name, settings: settings, as: Float.self)
  let steps = epochs * problem.gradientsPerEpoch
  let result = try problem.train(
    from: problem.defaultStart, with: optimizer, epochs: epochs, maxGradientEvaluations: nil,
    maxValueEvaluations: 4 * steps
  ) { _ in true }
  let last = result.records.last!
  return Outcome(
    accuracy: last.testAccuracy, loss: last.testLoss,
    note: "\(result.gradientEvaluations)g \(result.valueEvaluations)v \(result.termination)")
}

/// The model's problem in batches of 100, seeded, and its gradients in `epochs` epochs.
func outcome(_ method: MethodSpec, model name: String, seed: UInt64) throws -> Outcome {
  func trained<Problem: TrainingProblem>(_ problem: Problem) throws -> Outcome where Problem.Scalar == Float {
    try train(method, problem, epochs: epochs)
  }
  switch name {
  case "logistic": return try trained(MNIST1DLogistic<Float>(batchSize: 100, seed: seed))
  case "mlp": return try trained(MNIST1DMLP<Float>(batchSize: 100, seed: seed))
  case "cnn": return try trained(MNIST1DCNN<Float>(batchSize: 100, seed: seed))
  case "digits": return try trained(DigitsNetworkHeldOut<Float>(batchSize: 100, seed: seed))
  default:
    print("unknown model \(name)")
    exit(2)
  }
}

print("\(epochs) epochs, \(seeds) seeds: final test accuracy, mean ± std")
for model in options["models"]!.split(separator: ",").map(String.init) {
  for text in options["methods"]!.split(separator: ",").map(String.init) {
    let method = MethodSpec(text)
    var results: [Outcome] = []
    for seed in 0..<UInt64(seeds) { results.append(try outcome(method, model: model, seed: seed)) }
    let accuracies = results.map(\.accuracy)
    let mean = accuracies.reduce(0, +) / Float(accuracies.count)
    let deviation =
      (accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(max(accuracies.count - 1, 1))).squareRoot()
    print(
      model.padding(toLength: 9, withPad: " ", startingAt: 0)
        + text.padding(toLength: max(40, text.count + 2), withPad: " ", startingAt: 0)
        + String(format: "%6.2f ± %.2f %%  ", 100 * mean, 100 * deviation)
        + accuracies.map { String(format: "%.1f", 100 * $0) }.joined(separator: " ") + "  " + results[0].note)
  }
}
