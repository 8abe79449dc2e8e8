// The mnist1d repository's table (README: test accuracy of logistic regression 32 %, the
// MLP 68 %, the CNN 94 %), rerun with Descent's Adam at the repository's settings
// (notebooks/train.py and mnist1d-classification.ipynb): learning rate 1e-2, no weight
// decay, batches of 100 rows taken in order, 6,000 steps, PyTorch's default
// initialisation; mean ± standard deviation of the final test accuracy over seeds.
//
//   swift run -c release --package-path Examples MNIST1DTable [steps] [seeds]
import Descent
import DescentProblems
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let steps = arguments.first ?? 6_000
let seeds = arguments.dropFirst().first ?? 5
guard arguments.count == CommandLine.arguments.count - 1, arguments.allSatisfy({ $0 >= 1 }) else {
  print("each argument is a whole number ≥ 1")
  exit(2)
}
let training = MNIST1D.training(as: Float.self)
let test = MNIST1D.test(as: Float.self)

/// The final test accuracy of `model` trained from `start` by Adam at the repository's settings.
func trainedAccuracy<Model: Classifier>(_ model: Model, from start: [Float], testData: Dataset<Float>) throws -> Float
where Model.Scalar == Float {
  let batches = try model.minibatches(of: 100, seed: 0, shuffled: false)
  var adam = try Adam<Float>(learningRate: 0.01)
  let result = try minimize(batches, from: start, using: &adam, until: StoppingRules(maxGradientEvaluations: steps))
  return try model.evaluate(on: testData, at: result.minimizer).accuracy
}

/// U(−1/√fan-in, 1/√fan-in) for every entry, as PyTorch starts a `Linear` layer.
func linearStart(count: Int, fanIn: Int, seed: UInt64) -> [Float] {
  var generator = SeededGenerator(seed: seed)
  return (0..<count).map { _ in Float(2 * generator.uniform() - 1) / Float(fanIn).squareRoot() }
}

print("model     repository  Descent's Adam, \(seeds) seeds, \(steps) steps")
for (name, published) in [("logistic", 32), ("mlp", 68), ("cnn", 94)] {
  var accuracies: [Float] = []
  for seed in 0..<UInt64(seeds) {
    switch name {
    case "logistic":
      // Softmax regression over the features and a column of ones: PyTorch's Linear(40, 10).
      let model = try SoftmaxRegression(
        data: training.scaledWithIntercept(by: 1), classes: 10, regularization: 0)
      let start = linearStart(count: model.dimension, fanIn: 40, seed: seed)
      accuracies.append(try trainedAccuracy(model, from: start, testData: test.scaledWithIntercept(by: 1)))
    case "mlp":
      let model = try ResidualMLP(data: training, classes: 10, seed: seed)
      accuracies.append(try trainedAccuracy(model, from: model.defaultStart, testData: test))
    default:
      let model = try ConvNetwork1D(data: training, classes: 10, seed: seed)
      accuracies.append(try trainedAccuracy(model, from: model.defaultStart, testData: test))
    }
  }
  let mean = accuracies.reduce(0, +) / Float(accuracies.count)
  let deviation = (accuracies.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(max(accuracies.count - 1, 1)))
    .squareRoot()
  let label = name.padding(toLength: 9, withPad: " ", startingAt: 0)
  print("\(label) \(published) %        \(String(format: "%.1f ± %.1f %%", 100 * mean, 100 * deviation))")
}
