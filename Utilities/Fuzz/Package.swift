// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which depends on where the
// repository was cloned; read it rather than assume it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
let descentPackage = root.lastPathComponent.lowercased()

// The command-line fuzz harness, apart from the root package so that `swift test`
// never builds it. It takes the names and settings to mutate from the catalog.
let package = Package(
  name: "DescentFuzz",
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "DescentFuzz",
      dependencies: [
        .product(name: "Descent", package: descentPackage), .product(name: "DescentProblems", package: descentPackage),
      ])
  ]
)
