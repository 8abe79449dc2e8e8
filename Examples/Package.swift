// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the
// repository was cloned; read it rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let descent = root.lastPathComponent.lowercased()

// Short, complete programs a user copies; CI builds and runs each at small sizes.
let package = Package(
  name: "DescentExamples",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(path: ".."),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
  ],
  targets: [
    .executableTarget(
      name: "OwnFunction",
      dependencies: [
        .product(name: "Descent", package: descent), .product(name: "DescentDifferentiable", package: descent),
      ]),
    .executableTarget(
      name: "LogisticFromCSV",
      dependencies: [
        .product(name: "Descent", package: descent), .product(name: "DescentProblems", package: descent),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]),
    .executableTarget(
      name: "CheckpointResume",
      dependencies: [.product(name: "Descent", package: descent), .product(name: "DescentProblems", package: descent)]),
    .executableTarget(
      name: "NetworkStruct",
      dependencies: [
        .product(name: "Descent", package: descent), .product(name: "DescentDifferentiable", package: descent),
        .product(name: "DescentProblems", package: descent),
      ]),
    .executableTarget(
      name: "TrainingStudy",
      dependencies: [.product(name: "Descent", package: descent), .product(name: "DescentProblems", package: descent)]),
    .executableTarget(
      name: "PlannerSideBySide",
      dependencies: [.product(name: "Descent", package: descent), .product(name: "DescentProblems", package: descent)]),
  ]
)
