// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Descent",
  products: [
    .library(name: "Descent", targets: ["Descent"]),
    .library(name: "DescentPlot", targets: ["DescentPlot"]),
    .library(name: "DescentPaper", targets: ["DescentPaper"]),
    .library(name: "DescentSuite", targets: ["DescentSuite"]),
    .library(name: "DescentBench", targets: ["DescentBench"]),
    .library(name: "DescentDifferentiable", targets: ["DescentDifferentiable"]),
    .executable(name: "descent", targets: ["DescentCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .target(name: "CDescentKernels"),
    .target(
      name: "Descent",
      dependencies: ["CDescentKernels", .product(name: "RealModule", package: "swift-numerics")]
    ),
    // SVG charts, scales and contours: nothing of Descent's.
    .target(name: "DescentPlot"),
    // The test suite's real-data problems, their data files and the catalog of every problem.
    .target(
      name: "DescentSuite", dependencies: ["Descent", .product(name: "SwiftCSV", package: "SwiftCSV")],
      resources: [.copy("Data")]),
    // The experiment runner: specifications, runs, results files, shards and profiles.
    .target(
      name: "DescentBench",
      dependencies: ["Descent", "DescentSuite", "DescentPlot", .product(name: "Yams", package: "Yams")]),
    // The paper's runs, figures, claims and report, and the comparison of methods.
    .target(name: "DescentPaper", dependencies: ["Descent", "DescentPlot"]),
    // Objectives from differentiable Swift: apart, as `_Differentiation` is the toolchain's
    // experimental module, so the core library never depends on it.
    .target(name: "DescentDifferentiable", dependencies: ["Descent"]),
    .executableTarget(
      name: "DescentCLI",
      dependencies: [
        "Descent", "DescentPlot", "DescentPaper", "DescentSuite", "DescentBench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "DescentTests",
      dependencies: [
        "Descent", "DescentSuite", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DescentPaperTests", dependencies: ["DescentPaper", "DescentPlot", "Descent"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "DescentCLITests", dependencies: ["DescentCLI", "DescentPaper", "Descent", "DescentSuite"]),
    .testTarget(name: "DescentBenchTests", dependencies: ["DescentBench", "Descent"]),
    .testTarget(name: "DescentDifferentiableTests", dependencies: ["DescentDifferentiable", "Descent"]),
  ]
)
