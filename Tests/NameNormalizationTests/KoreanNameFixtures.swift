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
}
