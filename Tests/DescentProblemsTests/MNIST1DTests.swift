import Descent
import DescentProblems
import Testing

/// The committed MNIST-1D files are the dataset the `mnist1d` package builds: its
/// sizes, 500 examples of each digit, standardised over the whole set.
@Suite struct MNIST1DTests {
  @Test func filesAreTheGeneratedDataset() {
    let (training, test) = (MNIST1D.training(as: Double.self), MNIST1D.test(as: Double.self))
    #expect(training.rows == 4_000 && training.columns == 40)
    #expect(test.rows == 1_000 && test.columns == 40)
    let labels = training.targets + test.targets
    #expect((0..<10).allSatisfy { digit in labels.filter { $0 == Double(digit) }.count == 500 })
    let values = training.features + test.features
    let mean = values.reduce(0, +) / Double(values.count)
    let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
    // Standardised in float64 by the package, stored in float32.
    #expect(abs(mean) < 1e-6 && abs(deviation - 1) < 1e-6, "mean \(mean), deviation \(deviation)")
    // The first training example as the package makes it (label 2).
    #expect(training.targets[0] == 2)
    #expect(training.features[0] == -0.33200568)
    #expect(MNIST1D.training(as: Float.self).features[0] == -0.33200568)
  }
}

/// A dataset's seeded train/test split: the sizes asked for, every row in exactly one
/// set, the same split for the same seed and another for another seed.
@Suite struct DatasetSplitTests {
  @Test func splitIsSeededAndComplete() throws {
    let data = try DigitsSoftmax<Double>().model.data
    let (training, test) = try data.split(testRows: 360, seed: 0)
    #expect(test.rows == 360 && training.rows == data.rows - 360)
    // Each row once: the multiset of rows is the data's.
    func rows(_ d: Dataset<Double>) -> [String] {
      (0..<d.rows).map { i -> String in
        let row: [Double] = Array(d.features[(i * d.columns)..<((i + 1) * d.columns)]) + [d.targets[i]]
        return row.map { String($0) }.joined(separator: ",")
      }
    }
    #expect((rows(training) + rows(test)).sorted() == rows(data).sorted())
    #expect(try data.split(testRows: 360, seed: 0).test.features == test.features)
    #expect(try data.split(testRows: 360, seed: 1).test.features != test.features)
    #expect(throws: DescentError.self) { try data.split(testRows: data.rows, seed: 0) }
    #expect(throws: DescentError.self) { try data.rows([data.rows]) }
  }
}
