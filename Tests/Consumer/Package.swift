// swift-tools-version:5.10
// A package that depends on Normalize's library as another project would: only the
// `NormalizeKit` product, no tools, no unsafe flags reaching it. `.ci/run` builds it
// (`swift build --package-path Tests/Consumer`) and runs it; a project that pins a release
// writes `.package(url: "…/normalize", from: "…")` where this one writes `path:`.
import PackageDescription

let package = Package(
  name: "NormalizeConsumer",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Normalize", path: "../..")],
  targets: [
    .executableTarget(
      name: "NormalizeConsumer",
      dependencies: [.product(name: "NormalizeKit", package: "Normalize")]
    )
  ]
)
