import Descent
import DescentPlot
import DescentProblems
import Foundation

/// The mnist1d repository's table (Greydanus & Kobak, 2020; its README: test accuracy
/// of logistic regression 32 %, the MLP 68 %, the CNN 94 %), rerun with Descent's Adam at
/// the repository's settings (`notebooks/train.py`): learning rate 1e-2, no weight decay,
/// batches of 100 rows taken in order, 6,000 steps, float32, PyTorch's default
/// initialisation, over seeds 0–4. The claims, a figure of test accuracy against steps
/// (mean and ± one standard deviation over seeds) and a page, as `descent reproduce
/// --mnist1d` writes them.
public enum MNIST1DReproduction {
  /// The README's numbers: one run each, rounded to a percent.
  public static let published: [(model: String, accuracy: Double)] = [("logistic", 32), ("mlp", 68), ("cnn", 94)]

  public static let fileNames = [
    "figure-mnist1d.svg", "figure-mnist1d.csv", "summary.json", "summary.md", "index.html",
  ]

  /// Test accuracy is measured every this many steps.
  static let interval = 200

  /// Runs the table (`steps` steps, `seeds` seeds), handing `save` each file's name and text.
  public static func make(
    steps: Int = 6_000, seeds: Int = 5, progress: (String) -> Void = { _ in },
    save: (String, String) throws -> Void
  ) throws -> (figure: Figure, claims: [Claim]) {
    try DescentError.require(steps >= 1, "steps", steps, "an integer ≥ 1")
    try DescentError.require(seeds >= 2, "seeds", seeds, "an integer ≥ 2 (a spread needs two)")
    // The curves it keeps: a point every `interval` steps and two more, for every seed.
    try DescentError.requireMemory(
      MemoryRequirement.sum(steps / interval, 2).flatMap { MemoryRequirement.product($0, seeds) }, of: Double.self,
      name: steps / interval >= seeds ? "steps" : "seeds", value: steps / interval >= seeds ? steps : seeds,
      what: "a test accuracy every \(interval) steps for each of \(seeds) seeds")
    let (training, test) = (MNIST1D.training(as: Float.self), MNIST1D.test(as: Float.self))
    var panels: [Panel] = []
    var claims: [Claim] = []
    for (model, published) in published {
      var curves: [[Double]] = []
      for seed in 0..<UInt64(seeds) {
        progress("mnist1d \(model), seed \(seed)")
        switch model {
        case "logistic":
          let m = try SoftmaxRegression(data: training.scaledWithIntercept(by: 1), classes: 10, regularization: 0)
          let start = try MNIST1DLogistic<Float>(seed: seed).defaultStart
          curves.append(try run(m, from: start, test: test.scaledWithIntercept(by: 1), steps: steps))
        case "mlp":
          let m = try ResidualMLP(data: training, classes: 10, seed: seed)
          curves.append(try run(m, from: m.defaultStart, test: test, steps: steps))
        default:
          let m = try ConvNetwork1D(data: training, classes: 10, seed: seed)
          curves.append(try run(m, from: m.defaultStart, test: test, steps: steps))
        }
      }
      let (mean, deviation) = spread(curves)
      let x = mean.indices.map { Double(min($0 * interval, steps)) }
      panels.append(
        Panel(
          title: model, xLabel: "step", yLabel: "test accuracy (%)", xScale: .linear, yScale: .linear,
          xDomain: 0...Double(steps), yDomain: 0...100,
          series: [
            Series(
              "± 1 sd", legend: .some(nil), x: x, y: zip(mean, deviation).map(+), color: "#1f77b4",
              style: .band(lower: zip(mean, deviation).map(-))),
            Series("Descent's Adam, mean of \(seeds) seeds", x: x, y: mean, color: "#1f77b4"),
            Series(
              "README (one run)", x: [0, Double(steps)], y: [published, published], color: "#d62728",
              style: .dashed),
          ]))
      let (m, sd) = (mean.last!, deviation.last!)
      claims.append(
        Claim(
          id: "mnist1d.\(model).test_accuracy",
          statement: "final test accuracy of the \(model == "logistic" ? "logistic regression" : model.uppercased())",
          paper: published, measured: m, unit: "%",
          holds: published + 0.5 >= m - 2 * sd && published - 0.5 <= m + 2 * sd,
          note: String(format: "mean ± sd over %d seeds: %.1f ± %.1f %%", seeds, m, sd)
            + "; holds where the README's rounded run (± 0.5) meets mean ± 2 sd, where a single run lands 95 % of the time"
        ))
    }
    let figure = Figure(
      id: "mnist1d", title: "MNIST-1D: the repository's table rerun with Descent's Adam",
      caption:
        "Test accuracy every \(interval) of \(steps) steps, mean over seeds 0–\(seeds - 1) (line) and ± one standard deviation "
        + "(band); Adam, learning rate 1e-2, batches of 100 in order, float32, PyTorch's default initialisation. "
        + "Dashed: the README's single run.",
      panels: panels)
    try save("figure-mnist1d.svg", figure.svg)
    try save("figure-mnist1d.csv", figure.csv)
    try save("summary.json", try ReproductionReport.summaryJSON(claims))
    let title = "Claims of the mnist1d repository's table (Greydanus & Kobak, 2020), measured"
    let command =
      "swift run -c release descent reproduce --mnist1d"
      + (steps == 6_000 ? "" : " --steps \(steps)") + (seeds == 5 ? "" : " --seeds \(seeds)")
    try save("summary.md", ReproductionReport.summaryMarkdown(claims, title: title, command: command, source: "README"))
    try save(
      "index.html",
      ReproductionReport.html(
        figures: [figure], claims: claims, title: "MNIST-1D's table (Greydanus & Kobak, 2020), reproduced",
        introduction: figure.caption + " Made by <code>\(command)</code>.", source: "README"))
    return (figure, claims)
  }

  /// Test accuracy (in %) at the start and every `interval` steps of Adam on `model`'s
  /// batches taken in order, and at the end.
  static func run<Model: Classifier>(_ model: Model, from start: [Float], test: Dataset<Float>, steps: Int) throws
    -> [Double] where Model.Scalar == Float
  {
    let batches = try model.minibatches(of: 100, seed: 0, shuffled: false)
    var adam = try Adam<Float>(learningRate: 0.01)
    var accuracies = [100 * Double(try model.evaluate(on: test, at: start).accuracy)]
    var failure: Error?
    let result = try minimize(
      batches, from: start, using: &adam, until: StoppingRules(maxIterations: nil, maxGradientEvaluations: steps),
      progress: { progress in
        guard progress.gradientEvaluations > 0, progress.gradientEvaluations % interval == 0,
          progress.gradientEvaluations < steps
        else { return .proceed }
        do {
          accuracies.append(100 * Double(try model.evaluate(on: test, at: progress.iterate).accuracy))
          return .proceed
        } catch {
          failure = error
          return .stop
        }
      })
    if let failure { throw failure }
    accuracies.append(100 * Double(try model.evaluate(on: test, at: result.minimizer).accuracy))
    return accuracies
  }

  /// The mean and standard deviation over the runs, point by point.
  static func spread(_ curves: [[Double]]) -> (mean: [Double], deviation: [Double]) {
    let n = Double(curves.count)
    let length = curves.map(\.count).min() ?? 0
    var (mean, deviation) = ([Double](), [Double]())
    for index in 0..<length {
      let column = curves.map { $0[index] }
      let m = column.reduce(0, +) / n
      mean.append(m)
      deviation.append((column.map { ($0 - m) * ($0 - m) }.reduce(0, +) / max(n - 1, 1)).squareRoot())
    }
    return (mean, deviation)
  }
}
