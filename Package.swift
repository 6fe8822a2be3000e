// swift-tools-version:5.10
// Normalize: multilingual source normalisation for scraped news, on the system ICU library.
import PackageDescription

/// Release builds on Linux link the Swift runtime and Foundation statically into the
/// executables (what SwiftPM's `--static-swift-stdlib` does): start-up no longer resolves ~10k
/// symbols across shared libraries (27 -> 14 ms for the cleaning stages alone), calls into the
/// runtime skip the PLT (cleaning + structure 8-10% faster), and the binary runs where no Swift
/// toolchain is installed. The flag is set on the executable targets alone, so the library
/// targets carry no unsafe flags and another package can depend on `NormalizeKit` by version;
/// debug builds, and so the tests, stay dynamic.
/// `NORMALIZE_DYNAMIC_STDLIB=1` keeps a release build dynamic (Scripts/shared-refcounts needs
/// the runtime's retain and release in a shared library to observe them).
let staticReleaseCondition = BuildSettingCondition.when(
  platforms: [.linux], configuration: .release)
let staticStdlib = Context.environment["NORMALIZE_DYNAMIC_STDLIB"] == nil ? ["-static-stdlib"] : []
let staticRelease: [SwiftSetting] = [.unsafeFlags(staticStdlib, staticReleaseCondition)]
let staticReleaseLink: [LinkerSetting] = [.unsafeFlags(staticStdlib, staticReleaseCondition)]

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
    // Byte, UTF-8 and hash helpers that need no ICU (ByteScanner, UTF8Scan, ByteText, FNV1a);
    // ICUSupport re-exports them.
    .target(name: "ByteSupport"),
    .target(name: "ICUSupport", dependencies: ["CICU", "ByteSupport"]),
    .target(name: "NormalizeCore", dependencies: ["ICUSupport"]),
    // The only code that includes libxml2's headers (Debian libxml2-dev; `pkg-config --cflags
    // libxml-2.0` is -I/usr/include/libxml2); exports a flat event stream of a parsed page.
    // The include path comes from pkg-config through the system-library target, so no unsafe
    // flag reaches a package that depends on NormalizeKit.
    .systemLibrary(
      name: "LibXML2System", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    .target(name: "CLibXML2", dependencies: ["LibXML2System"]),
    // HTML pages: charset, libxml2's tree, main text, paragraph kinds, removed blocks, metadata.
    .target(name: "HTMLExtraction", dependencies: ["CLibXML2", "ICUSupport", "NormalizeCore"]),
    // Lexicons/ compiled into the binary: the EmbedLexicons plugin runs LexiconEmbedder at build
    // time, so a copied `normalize` carries its data (DESIGN.md, "Lexicons").
    .executableTarget(name: "LexiconEmbedder"),
    .plugin(name: "EmbedLexicons", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
    .target(name: "ShippedLexicons", plugins: ["EmbedLexicons"]),
    .target(name: "TextCleaning", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "NameNormalization", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "DateResolution", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(name: "Citations", dependencies: ["ICUSupport", "NormalizeCore"]),
    .target(
      name: "IngestValidation",
      dependencies: [
        "ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution",
      ]
    ),
    .target(
      name: "ArticleRecords",
      dependencies: [
        "ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution",
        "Citations",
        "IngestValidation", "HTMLExtraction",
      ]
    ),
    .target(
      name: "NormalizeKit",
      dependencies: [
        "ICUSupport", "NormalizeCore", "TextCleaning", "NameNormalization", "DateResolution",
        "Citations", "IngestValidation", "HTMLExtraction", "ArticleRecords",
      ]
    ),
    // What both executables share and the library does not ship: finding the lexicons,
    // `--lexicons`, output files, diagnostics, JSON Lines input and the `date --jsonl` format.
    .target(
      name: "NormalizeFrontend",
      dependencies: [
        "NormalizeKit", "ShippedLexicons",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "normalize",
      dependencies: [
        "NormalizeKit", "NormalizeFrontend",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: staticRelease,
      linkerSettings: staticReleaseLink
    ),
    // Development tools beside the product: training the reference tagger and reranker, and
    // the benchmarks behind Scripts/bench-validate and Scripts/bench-names.
    .target(name: "CitationsTraining", dependencies: ["Citations", "NormalizeCore"]),
    .executableTarget(
      name: "normalize-dev",
      dependencies: [
        "NormalizeKit", "NormalizeFrontend", "CitationsTraining",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: staticRelease,
      linkerSettings: staticReleaseLink
    ),
    .target(name: "NormalizeTestSupport", path: "Tests/NormalizeTestSupport"),
    .testTarget(name: "ICUSupportTests", dependencies: ["ICUSupport", "NormalizeTestSupport"]),
    .testTarget(
      name: "NormalizeCoreTests", dependencies: ["NormalizeCore", "NormalizeTestSupport"],
      exclude: ["Cases"]),
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
      dependencies: ["Citations", "CitationsTraining", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "IngestValidationTests",
      dependencies: ["IngestValidation", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "HTMLExtractionTests",
      dependencies: ["HTMLExtraction", "NormalizeTestSupport"],
      exclude: ["Cases"]
    ),
    .testTarget(
      name: "AcceptanceTests",
      dependencies: ["ArticleRecords", "Citations", "NormalizeTestSupport"]),
    .testTarget(
      name: "NormalizeCLITests",
      dependencies: [
        "NormalizeTestSupport", "ShippedLexicons", "NormalizeKit", "NormalizeFrontend",
      ],
      exclude: ["Cases", "Snapshots"]),
  ]
)
