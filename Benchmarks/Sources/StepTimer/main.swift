import Descent
import Foundation

// Quick probe: Adam update at d = 1e7.
let d = 10_000_000
var w = [Double](repeating: 0.5, count: d)
let g = (0..<d).map { Double($0 % 7) * 0.1 - 0.3 }
var adam = try Adam<Double>()
struct Fixed: Objective { let dimension: Int; let g: [Double]
  func value(at w: UnsafeBufferPointer<Double>) -> Double { 0 }
  func gradient(at w: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) { _ = out.update(fromContentsOf: g) }
}
var oracle = CountingOracle(Fixed(dimension: d, g: g))
for _ in 0..<3 { adam.step(&w, oracle: &oracle) }
let t0 = Date()
for _ in 0..<20 { adam.step(&w, oracle: &oracle) }
print("adam step ms", Date().timeIntervalSince(t0) / 20 * 1000)
