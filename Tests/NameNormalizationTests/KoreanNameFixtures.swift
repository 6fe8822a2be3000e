import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// The Korean name services on the shipped lexicons, built once for every Korean test.
enum KoreanNameFixtures {
  static let provider = Result {
    try DirectoryLexiconProvider(roots: [TestPaths.repoRoot.appendingPathComponent("Lexicons")])
  }
  static let parser = Result { try KoreanNameParser(lexicons: provider.get()) }
  static let cases = CaseTable.folder(besides: #filePath)

  /// Runs `check`, expecting it to fail when the case is a known failure (so a fix shows up).
  static func run(_ expect: String, _ label: String, comment: String?, _ check: () throws -> Void)
    rethrows
  {
    if expect == "knownFailure" {
      withKnownIssue(Comment(rawValue: comment ?? label)) { try check() }
    } else {
      try check()
    }
  }
}
