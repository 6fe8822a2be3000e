import Citations
import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

/// Shared test data: the shipped lexicons and one parser built from them.
enum CitationsFixtures {
  static let lexiconRoot = TestPaths.repoRoot.appendingPathComponent("Lexicons")
  static let lexicons: DirectoryLexiconProvider? = try? DirectoryLexiconProvider(roots: [
    lexiconRoot
  ])
  static let parser: ReferenceParser? = lexicons.flatMap { try? ReferenceParser(lexicons: $0) }
  /// The shipped `citation-markers` (container and editor words for the tagger's features).
  static let markers: CitationMarkers? = lexicons.flatMap { try? CitationMarkers(lexicons: $0) }
  static let cases = CaseTable.folder(besides: #filePath)

  /// Loads the case table `name` and checks what every Citations table promises: it has rows,
  /// their labels are unique, and each expects "pass" or "knownFailure".
  static func wellFormedTable<Row: CitationsCaseRow & Decodable>(_ name: String, as type: Row.Type)
    throws -> [Row]
  {
    let rows = try CaseTable.load(name, in: cases, as: type)
    #expect(CaseRunner.problems(in: rows).isEmpty, "\(name): \(CaseRunner.problems(in: rows))")
    for row in rows {
      #expect(
        ["pass", "knownFailure"].contains(row.expect),
        "\(row.label): expect is pass or knownFailure")
    }
    return rows
  }

  /// Runs `check`; for a known failure, inside `withKnownIssue`, so a fix shows as an
  /// unexpected pass to re-mark.
  static func run<Row: CitationsCaseRow>(_ row: Row, _ check: () -> Void) {
    CaseRunner.run(row, check)
  }
}

/// A row of a Citations case table (schema in `Cases/README.md`).
protocol CitationsCaseRow: CaseRow {
  var expect: String { get }
}

extension CitationsCaseRow {
  /// The label of a known failure (these tables carry no comment); nil for a row that must pass.
  var knownFailureReason: String? { expect == "knownFailure" ? label : nil }
}

/// One row of `Cases/references.json` (schema in `Cases/README.md`).
struct ReferenceCase: Decodable, CustomTestStringConvertible, Sendable, CitationsCaseRow {
  let label: String
  let comment: String?
  let input: String
  let published: String?
  let expected: [String: String?]
  let findings: [String]
  /// The exact APA rendering, when the row checks it.
  let canonical: String?
  let expect: String
  var testDescription: String { label }
}

/// One row of `Cases/titles.json`.
struct TitleCase: Decodable, CustomTestStringConvertible, Sendable, CitationsCaseRow {
  let label: String
  let comment: String?
  let input: String
  let title: String?
  let language: String?
  let romanized: String?
  let translated: String??
  let translationSource: String?
  let expect: String
  var testDescription: String { label }

  enum CodingKeys: String, CodingKey {
    case label, comment, input, title, language, romanized, translated, translationSource, expect
  }

  init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    label = try c.decode(String.self, forKey: .label)
    comment = try c.decodeIfPresent(String.self, forKey: .comment)
    input = try c.decode(String.self, forKey: .input)
    title = try c.decodeIfPresent(String.self, forKey: .title)
    language = try c.decodeIfPresent(String.self, forKey: .language)
    romanized = try c.decodeIfPresent(String.self, forKey: .romanized)
    translated =
      c.contains(.translated)
      ? .some(try c.decodeIfPresent(String.self, forKey: .translated)) : .none
    translationSource = try c.decodeIfPresent(String.self, forKey: .translationSource)
    expect = try c.decode(String.self, forKey: .expect)
  }
}

/// Flattens CSL-JSON into `path → text` for comparing with `expected`.
enum CSLPaths {
  static func flatten(_ csl: [String: CSLValue]) -> [String: String] {
    var out: [String: String] = [:]
    for (key, value) in csl {
      switch value {
      case .string(let text): out[key] = text
      case .number(let number): out[key] = String(Int(number))
      case .array(let items):
        for (index, item) in items.enumerated() {
          if case .object(let parts) = item {
            for (part, partValue) in parts {
              if case .string(let text) = partValue { out["\(key)[\(index)].\(part)"] = text }
            }
          }
        }
      case .object(let object) where key == "custom":
        for (name, inner) in object {
          if case .string(let text) = inner { out["custom.\(name)"] = text }
        }
      case .object(let object):
        if case .array(let outer)? = object["date-parts"], case .array(let parts)? = outer.first {
          let numbers = parts.compactMap { part -> Int? in
            if case .number(let n) = part { return Int(n) }
            return nil
          }
          out[key] = numbers.enumerated().map {
            $0.offset == 0
              ? String($0.element) : ($0.element < 10 ? "0\($0.element)" : "\($0.element)")
          }
          .joined(separator: "-")
        }
      case .null, .bool: break
      }
    }
    return out
  }
}
