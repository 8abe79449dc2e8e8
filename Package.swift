// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "Descent",
  // ContinuousClock and Duration (the run's timings) are macOS 13 and iOS 16 on.
  platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9), .visionOS(.v1)],
  products: [
    .library(name: "Descent", targets: ["Descent"]),
    .library(name: "DescentPlot", targets: ["DescentPlot"]),
    .library(name: "DescentProblems", targets: ["DescentProblems"]),
    .library(name: "DescentPaper", targets: ["DescentPaper"]),
    .library(name: "DescentStudy", targets: ["DescentStudy"]),
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
    // Every test problem, in one registry: Rosenbrock, quadratics, the Moré–Garbow–Hillstrom
    // functions, and the real-data problems with their data files.
    .target(
      name: "DescentProblems",
      dependencies: ["Descent", .product(name: "SwiftCSV", package: "SwiftCSV")],
      resources: [.copy("Data")]),
    // The paper's runs, figures, claims and report.
    .target(name: "DescentPaper", dependencies: ["Descent", "DescentProblems", "DescentPlot"]),
    // The study: specifications, sweeps, results files, shards, profiles, and comparisons.
    .target(
      name: "DescentStudy",
      dependencies: ["Descent", "DescentProblems", "DescentPlot", .product(name: "Yams", package: "Yams")]),
    // Objectives from differentiable Swift: apart, as `_Differentiation` is the toolchain's
    // experimental module, so the core library never depends on it. Every file is under
    // `#if canImport(_Differentiation)`: with a toolchain that lacks the module (Xcode's)
    // the target builds empty and the rest of the package as usual.
    .target(
      name: "DescentDifferentiable",
      dependencies: ["Descent", "DescentProblems", .product(name: "RealModule", package: "swift-numerics")]),
    .executableTarget(
      name: "DescentCLI",
      dependencies: [
        "Descent", "DescentProblems", "DescentPaper", "DescentStudy",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "DescentTests",
      dependencies: [
        "Descent", "DescentProblems", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DescentProblemsTests", dependencies: ["DescentProblems", "Descent"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DescentPaperTests", dependencies: ["DescentPaper", "DescentProblems", "DescentPlot", "Descent"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "DescentCLITests", dependencies: ["DescentCLI", "DescentPaper", "DescentStudy", "Descent", "DescentProblems"]),
    .testTarget(
      name: "DescentStudyTests", dependencies: ["DescentStudy", "DescentProblems", "DescentPlot", "Descent"]),
    .testTarget(
      name: "DescentDifferentiableTests", dependencies: ["DescentDifferentiable", "DescentProblems", "Descent"]),
  ]
)
