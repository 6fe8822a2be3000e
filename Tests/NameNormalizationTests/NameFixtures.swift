import Foundation
import NormalizeCore
import NormalizeTestSupport

@testable import NameNormalization

/// The shipped lexicons and the services built on them, loaded once for all name tests.
enum NameFixtures {
  static let lexiconRoot = TestPaths.repoRoot.appendingPathComponent("Lexicons")
  static let provider = Result { try DirectoryLexiconProvider(roots: [lexiconRoot]) }
  static let aliases = Result { try AliasLexicon(lexicons: provider.get()) }
  static let detector = Result { try NameMentionDetector(lexicons: provider.get()) }
  static let analyzer = Result { try NameAnalyzer(lexicons: provider.get()) }
  static let cases = CaseTable.folder(besides: #filePath)
}
