// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the
// repository was cloned; read it rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let descentPackage = root.lastPathComponent.lowercased()

// Benchmarks, apart from the root package so that `swift test` never builds them.
let package = Package(
  name: "DescentBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "OptimizerSteps",
      dependencies: [
        .product(name: "Descent", package: descentPackage), .product(name: "DescentProblems", package: descentPackage),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/OptimizerSteps",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    .executableTarget(
      name: "StepTimer",
      dependencies: [
        .product(name: "Descent", package: descentPackage), .product(name: "DescentProblems", package: descentPackage),
        .product(name: "DescentDifferentiable", package: descentPackage),
      ],
      path: "Sources/StepTimer"),
  ]
)
