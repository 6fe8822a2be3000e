import Foundation
import NormalizeTestSupport
import Testing

@testable import TextCleaning

/// One row of `Cases/passes.json` (schema: `Cases/README.md`, section "passes.json").
struct PassCase: Decodable, ExpectMarkedCaseRow, CustomTestStringConvertible {
  var label: String
  var comment: String?
  /// A pass id (`TextCleaner.allPasses`) or "all" for the default `TextCleaner()`.
  var pass: String
  var input: String
  var expected: String
  /// "pass" or "knownFailure".
  var expect: String

  var testDescription: String { label }

  /// The pass id that means "the whole default cleaner".
  static let allPassesID = "all"

  /// Runs the case's pass (or the default cleaner) on `text`; nil for an unknown pass id.
  func run(on text: String) -> String? {
    if pass == Self.allPassesID { return TextCleaner().clean(text) }
    return TextCleaner.allPasses.first { $0.id == pass }?.apply(text)
  }
}

/// Loading and running of `Cases/passes.json`.
enum PassCases {
  static let folder = CaseTable.folder(besides: #filePath)
  static let fileName = "passes.json"

  /// The cases; a table that cannot be read or has no cases fails the tests that use it.
  static func all() throws -> [PassCase] { try CaseTable.load(fileName, in: folder) }
}

@Suite struct PassesCaseTests {
  @Test(arguments: try PassCases.all())
  func passCase(_ testCase: PassCase) throws {
    let output = try #require(
      testCase.run(on: testCase.input), "unknown pass id \"\(testCase.pass)\"")
    // Compare scalars, not `==` (canonical equivalence would hide NFC differences).
    CaseRunner.run(testCase) { #expect(output.escapedScalars == testCase.expected.escapedScalars) }
  }

  @Test func tableIsWellFormed() throws {
    let cases: [PassCase] = try CaseTable.load(PassCases.fileName, in: PassCases.folder)
    #expect(cases.count >= 40)
    let knownIDs = Set(TextCleaner.allPasses.map(\.id)).union([PassCase.allPassesID])
    #expect(CaseRunner.problems(in: cases).isEmpty, "\(CaseRunner.problems(in: cases))")
    for testCase in cases {
      #expect(
        knownIDs.contains(testCase.pass), "\(testCase.label): unknown pass \"\(testCase.pass)\"")
    }
    // Every pass has at least one case of its own.
    let covered = Set(cases.map(\.pass))
    for pass in TextCleaner.allPasses {
      #expect(covered.contains(pass.id), "no case for \(pass.id)")
    }
  }

  @Test func tableSpellsInvisibleCharactersAsEscapes() throws {
    // Invisible, combining and dash-like characters must appear as \uXXXX in the file so a
    // reader can see them.
    let url = PassCases.folder.appendingPathComponent(PassCases.fileName)
    let text = try String(contentsOf: url, encoding: .utf8)
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      for scalar in line.unicodeScalars {
        let category = scalar.properties.generalCategory
        let invisible: Bool
        switch category {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
          .nonspacingMark, .enclosingMark:
          invisible = scalar != " "
        default:
          invisible = [0x2010, 0x2011, 0x2012, 0x2015].contains(scalar.value)
        }
        #expect(
          !invisible,
          "passes.json:\(number + 1): write U+\(String(scalar.value, radix: 16, uppercase: true)) as an escape"
        )
      }
    }
  }
}
