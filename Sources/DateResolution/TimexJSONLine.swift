import Foundation
import NormalizeCore

/// The `normalize date --jsonl` line format (what ../shared/eval/timex/score.py reads): an
/// object with `text` and optionally `dct` (and `lang`), written back with every input field
/// plus `"timex": [{"start","end","text","type","value","mod"}]` (Unicode scalar offsets;
/// `mod` left out when there is none; an input `timex` is replaced).
///
/// ```swift
/// let out = try TimexJSONLine.annotate(Array(#"{"doc":"d1","dct":"2025-03-17","text":"last fall"}"#.utf8), resolver: resolver)
/// // {"dct":"2025-03-17","doc":"d1","text":"last fall","timex":[{"end":9,"start":0,"text":"last fall","type":"DATE","value":"2024-FA"}]}
/// ```
public enum TimexJSONLine {
  /// Annotates one JSON line; keys come out sorted, so output is deterministic.
  ///
  /// - Throws: `DateResolutionError.badLine` when the line is not a JSON object with a string `text`.
  public static func annotate(_ line: [UInt8], resolver: DateResolver) throws -> [UInt8] {
    let object: [String: JSONValue]
    do {
      object = try JSONDecoder().decode([String: JSONValue].self, from: Data(line))
    } catch {
      throw DateResolutionError.badLine("not a JSON object (\(describe(error)))")
    }
    guard case .string(let text)? = object["text"] else {
      throw DateResolutionError.badLine("no string field \"text\"")
    }
    var dct: String?
    switch object["dct"] ?? object["published"] {
    case .string(let value)?: dct = value
    case .null?, nil: dct = nil
    default: throw DateResolutionError.badLine("\"dct\" must be a string YYYY-MM-DD or null")
    }
    let language = object["lang"]?.stringValue ?? object["language"]?.stringValue
    let result = resolver.resolve(text, dct: dct, language: language)
    var out = object
    out["timex"] = .array(result.mentions.map(json))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return Array(try encoder.encode(out))
    } catch {
      throw DateResolutionError.badLine("cannot encode the result (\(error))")
    }
  }

  /// One mention as the JSON object of the line format.
  public static func json(_ m: TemporalMention) -> JSONValue {
    var fields: [String: JSONValue] = [
      "start": .number(Double(m.start)), "end": .number(Double(m.end)), "text": .string(m.text),
      "type": .string(m.type), "value": .string(m.value),
    ]
    if let mod = m.mod { fields["mod"] = .string(mod) }
    return .object(fields)
  }

  private static func describe(_ error: Error) -> String {
    if case DecodingError.dataCorrupted(let context) = error {
      let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
      return underlying ?? context.debugDescription
    }
    if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
    return "\(error)"
  }
}
