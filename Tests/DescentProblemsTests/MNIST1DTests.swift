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
