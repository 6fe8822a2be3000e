// swift-tools-version:5.10
// Normalize: multilingual source normalisation for scraped news, on the system ICU library.
import PackageDescription

let package = Package(
  name: "Normalize",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "NormalizeKit", targets: ["NormalizeKit"]),
    .executable(name: "normalize", targets: ["normalize"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The only code that includes ICU headers; exports unversioned C functions.
    .target(
      name: "CICU",
      linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc")]
    ),
    .target(name: "ICUSupport", dependencies: ["CICU"]),
    .target(name: "NormalizeCore", dependencies: ["ICUSupport"]),
    .target(name: "TextCleaning", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "NameNormalization", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "DateResolution", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "Citations", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(
      name: "IngestValidation",
      dependencies: ["ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution", "Citations"]
    ),
    .target(
      name: "ArticleRecords",
      dependencies: [
        "ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution", "Citations",
        "IngestValidation",
      ]
    ),
    .target(
      name: "NormalizeKit",
      dependencies: [
        "ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution",
        "Citations", "IngestValidation", "ArticleRecords",
      ]
    ),
    .executableTarget(
      name: "normalize",
      dependencies: [
        "NormalizeKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "NormalizeTestSupport", dependencies: ["NormalizeCore"], path: "Tests/NormalizeTestSupport"),
    .testTarget(name: "ICUSupportTests", dependencies: ["ICUSupport", "NormalizeTestSupport"]),
    .testTarget(name: "NormalizeCoreTests", dependencies: ["NormalizeCore", "NormalizeTestSupport"]),
    .testTarget(
      name: "TextCleaningTests",
      dependencies: ["TextCleaning", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "ArticleRecordsTests",
      dependencies: ["ArticleRecords", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "NameNormalizationTests",
      dependencies: ["NameNormalization", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "DateResolutionTests",
      dependencies: ["DateResolution", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "CitationsTests",
      dependencies: ["Citations", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "IngestValidationTests",
      dependencies: ["IngestValidation", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(name: "AcceptanceTests", dependencies: ["ArticleRecords", "Citations", "NormalizeTestSupport"]),
    .testTarget(name: "NormalizeCLITests", dependencies: ["NormalizeTestSupport"]),
  ]
)
