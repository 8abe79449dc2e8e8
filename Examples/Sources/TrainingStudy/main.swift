// Optimizers trained on classification problems for the same number of epochs: MNIST-1D's
// three models and the digits network on a seeded split, batches of 100 rows from a
// seeded shuffle, the final test accuracy's mean ± standard deviation over seeds (in
// Float; `descent study study/training.yaml` runs the same in Double, with curves).
// A method is a name and settings separated by semicolons, `planner:c=0.1;r=1.07`:
//
//   adam[:lr]   adamw-cos[:lr] (warm-up 5 %, cosine, decay 0.01 α)   momentum-cos[:lr]
//   gd[:lr]   momentum[:lr;p]   sf-adamw[:lr]   sf-sgd[:lr]   prodigy   dog   sps (f* = 0)
//   planner[:c;r;b;eta;K]  (the safeguarded planner's minibatch settings and horizon)
//   avg=tail|poly on any method: evaluate at the tail average or Shamir–Zhang's average
//   at=w on the planner: evaluate at its iterate, not its average
//
//   swift run -c release --package-path Examples TrainingStudy \
//     [--epochs 150] [--seeds 5] [--models logistic,mlp,cnn,digits] [--methods adam,planner]
import Descent
import DescentProblems
import Foundation

var options = ["epochs": "150", "seeds": "5", "models": "logistic,mlp,cnn,digits", "methods": "adam,sf-adamw,planner"]
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

/// A method's name and its settings as typed.
struct MethodSpec {
  let name: String
  let settings: [String: String]
  init(_ text: String) {
    let parts = text.split(separator: ":", maxSplits: 1)
    name = String(parts[0])
    var settings: [String: String] = [:]
    if parts.count > 1 {
      for pair in parts[1].split(separator: ";") {
        let kv = pair.split(separator: "=", maxSplits: 1)
        settings[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
      }
    }
    self.settings = settings
  }
  func real(_ key: String, _ fallback: Float) -> Float { settings[key].flatMap(Float.init) ?? fallback }
}

struct Outcome {
  var accuracy: Float
  var loss: Float
  var note: String
}

/// Trains `problem` (in batches of 100) from its start with `method` for `steps`
/// batches, and tests it at the method's evaluation point (the iterate, or its average).
func train<Problem: TrainingProblem>(_ method: MethodSpec, _ problem: Problem, steps: Int) throws -> Outcome
where Problem.Scalar == Float {
  let start = problem.defaultStart
  let rules = StoppingRules<Float>(maxIterations: nil, maxGradientEvaluations: steps, maxValueEvaluations: 4 * steps)
  func run<Method: Optimizer>(_ optimizer: inout Method) throws -> Outcome where Method.Scalar == Float {
    // avg=tail: the uniform average of the iterates after the first half of the gradients.
    var average = [Double](repeating: 0, count: start.count)
    var averaged = 0
    // avg=poly: Shamir & Zhang's polynomial-decay average, x̄ ← (1 − c)x̄ + c w, c = (η + 1)/(t + η), η = 3.
    let tail = method.settings["avg"] == "tail"
    let poly = method.settings["avg"] == "poly"
    let result = try minimize(
      problem, from: start, using: &optimizer, until: rules,
      progress: tail || poly
        ? { progress in
          if poly {
            averaged += 1
            let c = 4 / Double(averaged + 3)
            for i in average.indices { average[i] += c * (Double(progress.iterate[i]) - average[i]) }
          } else if progress.gradientEvaluations >= steps / 2 {
            for i in average.indices { average[i] += Double(progress.iterate[i]) }
            averaged += 1
          }
          return .proceed
        } : nil)
    let final =
      tail
      ? average.map { Float($0 / Double(max(averaged, 1))) }
      : poly ? average.map { Float($0) } : method.settings["at"] == "w" ? result.minimizer : result.evaluationPoint
    let evaluation = try problem.test(at: final)
    return Outcome(
      accuracy: evaluation.accuracy, loss: evaluation.loss,
      note: "\(result.gradientEvaluations)g \(result.valueEvaluations)v \(result.termination)")
  }
  switch method.name {
  case "adam":
    var adam = try Adam<Float>(learningRate: method.real("lr", 0.01))
    return try run(&adam)
  case "gd":
    var gd = try GradientDescent<Float>(learningRate: method.real("lr", 0.1))
    return try run(&gd)
  case "momentum":
    var momentum = try Momentum<Float>(learningRate: method.real("lr", 0.01), momentum: method.real("p", 0.9))
    return try run(&momentum)
  case "adamw-cos":
    // Warm-up over the first 5 % of the steps, cosine decay to zero at the last; torch's
    // decay 0.01, which Descent writes unscaled by α.
    let rate = method.real("lr", 0.001)
    var adamw = try AdamW<Float>(
      learningRate: rate, weightDecay: 0.01 * rate, warmupSteps: steps / 20, decaySteps: steps)
    return try run(&adamw)
  case "momentum-cos":
    var momentum = try Momentum<Float>(
      learningRate: method.real("lr", 0.01), momentum: 0.9, warmupSteps: steps / 20, decaySteps: steps)
    return try run(&momentum)
  case "sf-sgd":
    var free = try ScheduleFreeSGD<Float>(learningRate: method.real("lr", 1))
    return try run(&free)
  case "prodigy":
    var prodigy = try Prodigy<Float>()
    return try run(&prodigy)
  case "dog":
    var dog = try DoG<Float>()
    return try run(&dog)
  case "sps":
    var sps = try StochasticPolyak<Float>(minimumValue: 0)
    return try run(&sps)
  case "sf-adamw":
    var free = try ScheduleFreeAdamW<Float>(learningRate: method.real("lr", 0.0025))
    return try run(&free)
  case "planner":
    var planner = try SafeguardedCsawg<Float>(
      horizon: method.settings["K"].flatMap { Int($0) } ?? 5, sufficientDecrease: method.real("c", 0.1),
      growth: method.real("r", 1.0717735), shrink: method.real("b", 0.8), averaging: method.real("eta", 3))
    var outcome = try run(&planner)
    outcome.note +=
      " jumps \(planner.jumps.accepted)/\(planner.jumps.rejected) steps rejected \(planner.stepRejections) λ \(planner.currentLearningRate ?? 0)"
    return outcome
  default:
    print("unknown method \(method.name)")
    exit(2)
  }
}

/// The model's problem in batches of 100, seeded, and its gradients in `epochs` epochs.
func outcome(_ method: MethodSpec, model name: String, seed: UInt64) throws -> Outcome {
  func trained<Problem: TrainingProblem>(_ problem: Problem) throws -> Outcome where Problem.Scalar == Float {
    try train(method, problem, steps: epochs * problem.gradientsPerEpoch)
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
      model.padding(toLength: 9, withPad: " ", startingAt: 0) + text.padding(toLength: 40, withPad: " ", startingAt: 0)
        + String(format: "%6.2f ± %.2f %%  ", 100 * mean, 100 * deviation)
        + accuracies.map { String(format: "%.1f", 100 * $0) }.joined(separator: " ") + "  " + results[0].note)
  }
}
