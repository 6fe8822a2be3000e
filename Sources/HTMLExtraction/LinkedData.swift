import Foundation
import NormalizeCore

/// The schema.org facts of a page's JSON-LD blocks (`<script type="application/ld+json">`):
/// an `Article`'s (or `NewsArticle`'s) headline, dates, authors, publisher and language, found
/// at the top level, in arrays or under `@graph`.
///
/// ```swift
/// var linked = LinkedData()
/// linked.read(#"{"@type":"NewsArticle","datePublished":"2025-05-27T09:00:00+09:00","author":{"name":"김민지"}}"#)
/// linked.published   // "2025-05-27T09:00:00+09:00"
/// linked.authors     // ["김민지"]
/// ```
struct LinkedData {
  var headline: String?
  var published: String?
  var modified: String?
  var authors: [String] = []
  var publisher: String?
  var description: String?
  var language: String?
  /// Whether the facts so far come from an article (not a WebPage).
  private var fromArticle = false

  /// Reads one JSON-LD block; a block that is not JSON, or nests deeper than
  /// `JSONValue.maximumDepth`, is ignored.
  mutating func read(_ text: String) {
    // Raw line breaks and tabs inside strings are invalid JSON that sites write all the same;
    // outside strings they are white space: either way a space reads them.
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { bytes in
      for index in bytes.indices where bytes[index] < 0x20 { bytes[index] = 0x20 }
    }
    guard bytes.count < 1 << 20, !JSONValue.nestsDeeper(bytes) else { return }
    // Plain JSON is read on its bytes; the rest as JSONDecoder reads it (the same value).
    guard
      let value = JSONLineParser.parseValueAsDecoderWould(bytes)
        ?? (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)))
    else { return }
    visit(value, depth: 0)
  }

  private mutating func visit(_ value: JSONValue, depth: Int) {
    guard depth < 6 else { return }
    switch value {
    case .array(let items):
      for item in items.prefix(50) { visit(item, depth: depth + 1) }
    case .object(let fields):
      if case .array? = fields["@graph"], let graph = fields["@graph"] {
        visit(graph, depth: depth + 1)
      }
      let type = Self.types(fields["@type"])
      let isArticle = type.contains {
        $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "WebPage"
      }
      guard isArticle || fields["datePublished"] != nil else { return }
      // An article's own facts beat a WebPage's.
      let strong = type.contains { $0 != "WebPage" }
      let overrides = strong && !fromArticle
      func take(_ slot: inout String?, _ key: String) {
        if let text = fields[key]?.stringValue, !text.isEmpty, slot == nil || overrides {
          slot = text
        }
      }
      take(&published, "datePublished")
      take(&modified, "dateModified")
      take(&headline, "headline")
      take(&description, "description")
      take(&language, "inLanguage")
      if strong { fromArticle = true }
      if let author = fields["author"], authors.isEmpty { authors = Self.names(author) }
      if publisher == nil, let owner = fields["publisher"] { publisher = Self.names(owner).first }
    default:
      break
    }
  }

  static func types(_ value: JSONValue?) -> [String] {
    switch value {
    case .string(let type)?: return [type]
    case .array(let items)?: return items.compactMap(\.stringValue)
    default: return []
    }
  }

  /// `"Ana Silva"`, `{"name": "Ana Silva"}` or an array of them.
  static func names(_ value: JSONValue) -> [String] {
    switch value {
    case .string(let name): return name.hasPrefix("http") ? [] : [name]
    case .object(let fields): return fields["name"]?.stringValue.map { [$0] } ?? []
    case .array(let items): return items.prefix(10).flatMap { names($0) }
    default: return []
    }
  }
}
