import Descent
import DescentProblems
import Foundation

/// Examples per second through the MNIST-1D MLP's and CNN's forward and backward pass
/// (loss and gradient) at a batch of 100 training rows, in Float, on the threads
/// DESCENT_THREADS allows: "descent <model> <threads> <examples per second>".
func networkThroughput() throws {
  let all = MNIST1D.training(as: Float.self)
  let batch = 100
  // The batch as a dataset of its own, evaluated by the model's own (specialised)
  // `valueAndGradient`, as `minimize` calls it.
  let data = try Dataset(
    features: Array(all.features[0..<(batch * all.columns)]), targets: Array(all.targets[0..<batch]),
    columns: all.columns)
  let threads =
    ProcessInfo.processInfo.environment["DESCENT_THREADS"] ?? "\(ProcessInfo.processInfo.activeProcessorCount)"
  func measure<P: FiniteSum>(_ name: String, _ problem: P, _ w: [Float]) where P.Scalar == Float {
    var g = [Float](repeating: 0, count: w.count)
    let seconds =
      milliseconds(
        {
          _ = w.withUnsafeBufferPointer { point in
            g.withUnsafeMutableBufferPointer { problem.valueAndGradient(at: point, into: $0) }
          }
        }, repeats: 51) / 1000
    print("descent", name, threads, Double(batch) / seconds)
  }
  let mlp = try ResidualMLP(data: data, classes: 10)
  measure("mlp", mlp, mlp.defaultStart)
  let cnn = try ConvNetwork1D(data: data, classes: 10)
  measure("cnn", cnn, cnn.defaultStart)
}
