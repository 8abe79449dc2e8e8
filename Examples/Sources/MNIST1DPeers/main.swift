// MNIST-1D's three models trained by several methods for the same number of epochs, each
// batch of 100 rows drawn from a seeded shuffle of the training set: the final test
// accuracy, mean ± standard deviation over seeds. Schedule-free AdamW is evaluated at
// its averaged point x, the others at their iterate. Each run has `steps` gradients and
// twice as many values (the planner's test reads minibatch values, and a rejected move
// costs a value and no gradient).
//
//   swift run -c release --package-path Examples MNIST1DPeers [epochs] [seeds] [batches]
//
// (`batches` cuts each run short, for a quick check.)
import Descent
import DescentProblems
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let epochs = arguments.first ?? 150
let seeds = arguments.dropFirst().first ?? 5
guard arguments.count == CommandLine.arguments.count - 1, arguments.allSatisfy({ $0 >= 1 }) else {
  print("each argument is a whole number ≥ 1")
  exit(2)
}
let (training, test) = (MNIST1D.training(as: Float.self), MNIST1D.test(as: Float.self))
let steps = arguments.dropFirst(2).first ?? epochs * training.rows / 100

/// The final test accuracy of `model` trained from `start` by `optimizer` on shuffled batches.
func accuracy<Model: Classifier, Method: Optimizer>(
  _ model: Model, from start: [Float], testData: Dataset<Float>, seed: UInt64, using optimizer: inout Method,
  evaluatedAt point: (Method, [Float]) -> [Float] = { $1 }
) throws -> Float where Model.Scalar == Float, Method.Scalar == Float {
  let batches = try model.minibatches(of: 100, seed: seed)
  let result = try minimize(
    batches, from: start, using: &optimizer,
    until: StoppingRules(maxIterations: nil, maxGradientEvaluations: steps, maxValueEvaluations: 2 * steps))
  return try model.evaluate(on: testData, at: point(optimizer, result.minimizer)).accuracy
}

/// `method`'s accuracy on `model` (built from the training set, seeded).
func trained<Model: Classifier>(_ method: String, _ model: Model, start: [Float], test: Dataset<Float>, seed: UInt64)
  throws -> Float where Model.Scalar == Float
{
  switch method {
  case "adam, γ = 0.01 (the repository's)":
    var adam = try Adam<Float>(learningRate: 0.01)
    return try accuracy(model, from: start, testData: test, seed: seed, using: &adam)
  case "schedule-free AdamW, defaults":
    var free = try ScheduleFreeAdamW<Float>()
    return try accuracy(model, from: start, testData: test, seed: seed, using: &free) { $0.evaluationPoint(for: $1) }
  default:
    var planner = try SafeguardedCsawg<Float>()
    return try accuracy(model, from: start, testData: test, seed: seed, using: &planner)
  }
}

func start(_ count: Int, fanIn: Int, seed: UInt64) -> [Float] {
  var generator = SeededGenerator(seed: seed)
  return (0..<count).map { _ in Float(2 * generator.uniform() - 1) / Float(fanIn).squareRoot() }
}

print(
  "\(steps) batches of 100 (\(Double(steps) * 100 / Double(training.rows)) epochs), \(seeds) seeds: final test accuracy, mean ± std"
)
let methods = ["adam, γ = 0.01 (the repository's)", "schedule-free AdamW, defaults", "csawg-safeguarded, defaults"]
for model in ["logistic", "mlp", "cnn"] {
  for method in methods {
    var results: [Float] = []
    for seed in 0..<UInt64(seeds) {
      switch model {
      case "logistic":
        let m = try SoftmaxRegression(data: training.scaledWithIntercept(by: 1), classes: 10, regularization: 0)
        results.append(
          try trained(
            method, m, start: start(m.dimension, fanIn: 40, seed: seed), test: test.scaledWithIntercept(by: 1),
            seed: seed))
      case "mlp":
        let m = try ResidualMLP(data: training, classes: 10, seed: seed)
        results.append(try trained(method, m, start: m.defaultStart, test: test, seed: seed))
      default:
        let m = try ConvNetwork1D(data: training, classes: 10, seed: seed)
        results.append(try trained(method, m, start: m.defaultStart, test: test, seed: seed))
      }
    }
    let mean = results.reduce(0, +) / Float(results.count)
    let deviation = (results.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(max(results.count - 1, 1)))
      .squareRoot()
    print(
      model.padding(toLength: 9, withPad: " ", startingAt: 0)
        + method.padding(toLength: 36, withPad: " ", startingAt: 0)
        + String(format: "%5.1f ± %.1f %%", 100 * mean, 100 * deviation))
  }
}
