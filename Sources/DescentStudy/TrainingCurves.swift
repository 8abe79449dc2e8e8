import Descent
import DescentPlot
import Foundation

/// `descent curves`: a training study's test accuracy against epochs, one figure per
/// problem, the mean over seeds of each method as a line and its spread (± one
/// standard deviation) as a band, its training and test losses in a second figure, and
/// the final accuracies as a table; a run's trace (`descent run --trace`) is drawn as
/// a method of one seed. A method run
/// with several settings under one label (a grid of learning rates) is shown at the
/// setting with the best mean final accuracy on that problem, and the table says which:
/// that is the tuned baseline, tuned on the test set, which favours it.
public enum TrainingCurves {
  /// One method on one problem, over its seeds.
  public struct Curve: Sendable, Equatable {
    public var problem: String
    public var label: String
    /// The settings of the chosen configuration, as `name=value` joined by spaces.
    public var settings: String
    /// Configurations the label ran on this problem (the grid's size).
    public var configurations: Int
    public var seeds: Int
    /// Runs that ended on a non-finite number.
    public var failures: Int
    public var epochs: [Double]
    public var mean: [Double]
    public var deviation: [Double]
    /// The mean over seeds of the training loss and of the test loss.
    public var trainingLoss: [Double]
    public var testLoss: [Double]

    public init(
      problem: String, label: String, settings: String = "", configurations: Int = 1, seeds: Int = 1,
      failures: Int = 0, epochs: [Double], mean: [Double], deviation: [Double], trainingLoss: [Double],
      testLoss: [Double]
    ) {
      (self.problem, self.label, self.settings) = (problem, label, settings)
      (self.configurations, self.seeds, self.failures) = (configurations, seeds, failures)
      (self.epochs, self.mean, self.deviation) = (epochs, mean, deviation)
      (self.trainingLoss, self.testLoss) = (trainingLoss, testLoss)
    }

    public var finalMean: Double { mean.last ?? .nan }
    public var finalDeviation: Double { deviation.last ?? .nan }
  }

  /// The curves of every training run in `results`, problems and labels in the order
  /// they first appear.
  public static func curves(_ results: [StudyResult]) -> [Curve] {
    struct Key: Hashable {
      let problem: String
      let label: String
      let settings: String
    }
    var groups: [Key: [StudyResult]] = [:]
    var order: [Key] = []
    for result in results where result.epochs?.isEmpty == false {
      let problem =
        ([result.run.problem.name]
        + result.run.problem.settings.filter { $0.key != "seed" }.sorted {
          $0.key < $1.key
        }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
      let settings = result.run.method.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: " ")
      let key = Key(problem: problem, label: result.run.method.label, settings: settings)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(result)
    }
    var chosen: [String: Curve] = [:]
    var labels: [(problem: String, label: String)] = []
    var configurations: [String: Int] = [:]
    for key in order {
      let curve = summarise(key.problem, key.label, key.settings, groups[key]!)
      let id = key.problem + "\u{0}" + key.label
      configurations[id, default: 0] += 1
      if let current = chosen[id] {
        if curve.finalMean > current.finalMean { chosen[id] = curve }
      } else {
        chosen[id] = curve
        labels.append((key.problem, key.label))
      }
    }
    return labels.map {
      var curve = chosen[$0.problem + "\u{0}" + $0.label]!
      curve.configurations = configurations[$0.problem + "\u{0}" + $0.label]!
      return curve
    }
  }

  /// Mean and standard deviation over the seeds, epoch by epoch; a run that ended early
  /// (on a non-finite number) keeps its last accuracy to the end.
  static func summarise(_ problem: String, _ label: String, _ settings: String, _ runs: [StudyResult]) -> Curve {
    let length = runs.map { $0.epochs!.count }.max()!
    func padded(_ measure: (StudyResult.Epoch) -> Double) -> [[Double]] {
      runs.map { run in
        let values = run.epochs!.map(measure)
        return values + Array(repeating: values.last!, count: length - values.count)
      }
    }
    let accuracies = padded(\.testAccuracy)
    let n = Double(runs.count)
    let means = { (rows: [[Double]]) in (0..<length).map { e in rows.map { $0[e] }.reduce(0, +) / n } }
    var (mean, deviation) = ([Double](), [Double]())
    for epoch in 0..<length {
      let column = accuracies.map { $0[epoch] }
      let m = column.reduce(0, +) / n
      mean.append(m)
      deviation.append(runs.count > 1 ? (column.map { ($0 - m) * ($0 - m) }.reduce(0, +) / (n - 1)).squareRoot() : 0)
    }
    let failures = runs.filter {
      $0.termination.isNonFinite
    }
    .count
    return Curve(
      problem: problem, label: label, settings: settings, configurations: 1, seeds: runs.count, failures: failures,
      epochs: (0..<length).map(Double.init), mean: mean, deviation: deviation,
      trainingLoss: means(padded(\.trainingLoss)), testLoss: means(padded(\.testLoss)))
  }

  /// A run's trace (`descent run --trace` on a training problem) as a curve of one seed,
  /// labelled `label`; the columns found by their names in the header.
  public static func curve(trace text: String, label: String, source: String) throws -> Curve {
    let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    guard let header = lines.first?.map(String.init) else { throw StudyError("\(source) is empty") }
    let wanted = ["epoch", "train_loss", "test_loss", "test_accuracy"]
    let columns = try wanted.map { name in
      guard let index = header.firstIndex(of: name) else {
        throw StudyError(
          "\(source) is not a training run's trace: its header has no column \(name) (expected the header descent run --trace writes: epoch,…,train_loss,test_loss,test_accuracy,…)"
        )
      }
      return index
    }
    var values: [[Double]] = [[], [], [], []]
    for (number, cells) in lines.dropFirst().enumerated() {
      for (slot, column) in columns.enumerated() {
        guard column < cells.count, let value = Double(cells[column]) else {
          throw StudyError("\(source), line \(number + 2): expected a number in column \(wanted[slot])")
        }
        values[slot].append(value)
      }
    }
    guard !values[0].isEmpty else { throw StudyError("\(source) holds a header and no epoch") }
    let failed = values[1...2].contains { !($0.last?.isFinite ?? true) }
    return Curve(
      problem: "runs", label: label, failures: failed ? 1 : 0, epochs: values[0], mean: values[3],
      deviation: values[0].map { _ in 0 }, trainingLoss: values[1], testLoss: values[2])
  }

  /// A figure per problem, its CSV, and the table of final accuracies (`final.md`, `final.csv`).
  public static func files(_ results: [StudyResult], source: String) -> [(name: String, contents: String)] {
    files(curves(results), source: source)
  }

  /// The files of `all`: for each problem its test accuracy and its losses, as SVG and
  /// CSV, and the final accuracies.
  public static func files(_ all: [Curve], source: String) -> [(name: String, contents: String)] {
    var files: [(name: String, contents: String)] = []
    var problems: [String] = []
    for curve in all where !problems.contains(curve.problem) { problems.append(curve.problem) }
    // One colour per method over every figure of the page, the planner black.
    let looks = SeriesLooks.assign(
      all.map(\.label), fixed: ["csawg-safeguarded": .init(color: "#000000", style: .line)])
    for problem in problems {
      let mine = all.filter { $0.problem == problem }
      var series: [Series] = []
      for curve in mine {
        let color = looks[curve.label]!.color
        let upper = zip(curve.mean, curve.deviation).map { 100 * ($0 + $1) }
        let lower = zip(curve.mean, curve.deviation).map { 100 * ($0 - $1) }
        series.append(
          Series(
            "\(curve.label) ± 1 sd", legend: .some(nil), x: curve.epochs, y: upper, color: color,
            style: .band(lower: lower)))
        series.append(
          Series(
            curve.label, x: curve.epochs, y: curve.mean.map { 100 * $0 }, color: color,
            lineWidth: curve.label == "csawg-safeguarded" ? 2.5 : 1.5))
      }
      let top = mine.flatMap { zip($0.mean, $0.deviation).map { 100 * ($0 + $1) } }.max() ?? 100
      let bottom = mine.flatMap { $0.mean.map { 100 * $0 } }.min() ?? 0
      let epochs = mine.map { $0.epochs.last ?? 1 }.max() ?? 1
      let panel = Panel(
        title: problem, xLabel: "epoch", yLabel: "test accuracy (%)", xScale: .linear, yScale: .linear,
        xDomain: 0...max(1, epochs), yDomain: max(0, bottom - 2)...min(100, top + 2), series: series)
      let figure = Figure(
        id: "accuracy-\(slug(problem))", title: "Test accuracy against epochs: \(problem)",
        caption:
          "Mean over seeds (line) and ± one standard deviation (band), at each method's evaluation point; a label "
          + "with several settings shown at its best final mean (see final.md). Source: \(source).",
        panels: [panel])
      files.append(("accuracy-\(slug(problem)).svg", figure.svg))
      files.append(("accuracy-\(slug(problem)).csv", figure.csv))
      let losses = lossFigure(problem, mine, looks: looks, source: source)
      files.append(("loss-\(slug(problem)).svg", losses.svg))
      files.append(("loss-\(slug(problem)).csv", losses.csv))
    }
    files.append(("final.md", table(all)))
    files.append(("final.csv", csv(all)))
    return files
  }

  /// The training loss (solid) and the test loss (dashed) of each method against epochs,
  /// on a logarithmic axis fitted to them.
  static func lossFigure(_ problem: String, _ curves: [Curve], looks: [String: SeriesLooks.Look], source: String)
    -> Figure
  {
    var series: [Series] = []
    for curve in curves {
      let color = looks[curve.label]!.color
      let width = curve.label == "csawg-safeguarded" ? 2.5 : 1.5
      series.append(
        Series("\(curve.label) train", x: curve.epochs, y: curve.trainingLoss, color: color, lineWidth: width))
      series.append(
        Series(
          "\(curve.label) test", x: curve.epochs, y: curve.testLoss, color: color, style: .dashed, lineWidth: width))
    }
    let values = curves.flatMap { $0.trainingLoss + $0.testLoss }.filter { $0.isFinite && $0 > 0 }
    let (low, high) = (values.min() ?? 0.1, values.max() ?? 1)
    let epochs = curves.map { $0.epochs.last ?? 1 }.max() ?? 1
    let panel = Panel(
      title: problem, xLabel: "epoch", yLabel: "mean cross-entropy", xScale: .linear, yScale: .logarithmic,
      xDomain: 0...max(1, epochs), yDomain: (low / 1.2)...(max(high, low * 2) * 1.2), series: series)
    return Figure(
      id: "loss-\(slug(problem))", title: "Training and test loss against epochs: \(problem)",
      caption:
        "Mean over seeds of the loss over every training row (solid, the penalty included) and over the held-out rows "
        + "(dashed), at each method's evaluation point and its setting of the accuracy figure. Source: \(source).",
      panels: [panel])
  }

  /// The final accuracies as a Markdown table, a row per problem and label.
  public static func table(_ curves: [Curve]) -> String {
    var lines = [
      "| problem | method | final test accuracy, mean ± sd | seeds | non-finite | setting (of the grid's) |",
      "| --- | --- | --- | --- | --- | --- |",
    ]
    for curve in curves {
      let setting = curve.settings.isEmpty ? "defaults" : curve.settings
      lines.append(
        "| \(curve.problem) | \(curve.label) | "
          + String(format: "%.2f ± %.2f %%", 100 * curve.finalMean, 100 * curve.finalDeviation)
          + " | \(curve.seeds) | \(curve.failures) | \(setting)"
          + (curve.configurations > 1 ? " (best of \(curve.configurations))" : "") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csv(_ curves: [Curve]) -> String {
    var lines = [
      "problem,method,settings,configurations,seeds,non_finite,final_accuracy_percent_mean,final_accuracy_percent_sd"
    ]
    for curve in curves {
      lines.append(
        [
          curve.problem, curve.label, curve.settings, String(curve.configurations), String(curve.seeds),
          String(curve.failures), String(100 * curve.finalMean), String(100 * curve.finalDeviation),
        ].map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" })
      ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
  }

  static func slug(_ text: String) -> String {
    String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
  }
}
