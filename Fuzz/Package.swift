// swift-tools-version:5.10
// libFuzzer targets for Normalize's input paths (issue 19). A separate package so that
// `swift test` never builds them; Scripts/fuzz builds it with
//   swift build --package-path Fuzz --scratch-path .build/fuzz \
//     --product NormalizeFuzz -Xswiftc -sanitize=fuzzer,address
// and runs one target at a time (NORMALIZE_FUZZ_TARGET).
import PackageDescription

let package = Package(
  name: "NormalizeFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "Normalize", path: "..")],
  targets: [
    .executableTarget(
      name: "NormalizeFuzz",
      dependencies: [.product(name: "NormalizeKit", package: "Normalize")],
      // No top-level code: libFuzzer's driver is the entry point (main.swift hands over to it).
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  ]
)
