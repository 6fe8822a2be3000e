import Foundation
import NormalizeKit

/// The `normalize date --jsonl` line format (what ../shared/eval/timex/score.py reads): an
/// object with `text` and optionally `dct` (and `lang`), written back with every input field
/// plus `"timex": [{"start","end","text","type","value","mod"}]` (Unicode scalar offsets;
/// `mod` left out when there is none). The input line is kept byte for byte and the member
/// added at its end; an input that already has `timex` is re-encoded with sorted keys and its
/// `timex` replaced.
///
/// ```swift
/// let out = try TimexJSONLine.annotate(Array(#"{"doc":"d1","dct":"2025-03-17","text":"last fall"}"#.utf8), resolver: resolver)
/// // {"doc":"d1","dct":"2025-03-17","text":"last fall","timex":[{"start":0,"end":9,"text":"last fall","type":"DATE","value":"2024-FA"}]}
/// ```
public enum TimexJSONLine {
  /// Annotates one JSON line; the output is deterministic.
  ///
  /// - Throws: `DateResolutionError.badLine` when the line is not valid UTF-8 or not a JSON object
  ///   with a string `text`.
  public static func annotate(_ line: [UInt8], resolver: DateResolver) throws -> [UInt8] {
    guard line.withUnsafeBufferPointer({ UTF8Decoding.isValid($0) }) else {
      throw DateResolutionError.badLine("not valid UTF-8 (re-encode the file as UTF-8)")
    }
    // Nearly every line is read by the byte reader every command uses; a line it leaves to
    // JSONDecoder (a repeated key, a lone surrogate, an exponent) and every malformed line take
    // the full way, with its error messages.
    let object: [String: JSONValue]
    if let read = line.withUnsafeBufferPointer({ JSONLineParser.parseObjectAsDecoderWould($0) }) {
      object = read
    } else {
      if JSONValue.nestsDeeper(line) {
        throw DateResolutionError.badLine(
          "arrays and objects nested deeper than \(JSONValue.maximumDepth) levels")
      }
      do {
        object = try JSONDecoder().decode([String: JSONValue].self, from: Data(line))
      } catch {
        throw DateResolutionError.badLine("not a JSON object (\(describe(error)))")
      }
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
    // Keep the input line as it is and add the "timex" member before its closing brace (field
    // order and spelling preserved). An input "timex" is replaced the slow way.
    if object["timex"] == nil, let out = appendingTimex(result, to: line) { return out }
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

  /// The input line with `"timex":[…]` added before its closing brace, or nil when the line
  /// does not end with one.
  private static func appendingTimex(_ result: DateResolution, to line: [UInt8]) -> [UInt8]? {
    guard
      let close = line.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }),
      line[close] == 0x7D
    else { return nil }
    var out = Array(line[..<close])
    out.append(contentsOf: #","timex":["#.utf8)
    for (index, m) in result.mentions.enumerated() {
      if index > 0 { out.append(0x2C) }
      appendJSON(m, to: &out)
    }
    out.append(contentsOf: [0x5D, 0x7D])
    return out
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

  /// Writes `{"start":…,"end":…,"text":…,"type":…,"value":…[,"mod":…]}`.
  static func appendJSON(_ m: TemporalMention, to out: inout [UInt8]) {
    out.append(contentsOf: #"{"start":"#.utf8)
    appendDecimal(m.start, to: &out)
    out.append(contentsOf: #","end":"#.utf8)
    appendDecimal(m.end, to: &out)
    out.append(contentsOf: #","text":"#.utf8)
    appendJSONString(m.text, to: &out)
    out.append(contentsOf: #","type":"#.utf8)
    appendJSONString(m.type, to: &out)
    out.append(contentsOf: #","value":"#.utf8)
    appendJSONString(m.value, to: &out)
    if let mod = m.mod {
      out.append(contentsOf: #","mod":"#.utf8)
      appendJSONString(mod, to: &out)
    }
    out.append(0x7D)
  }

  /// The decimal digits of `value`, as `String(value)` spells them, without making a string.
  static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
    guard value > 0 else {
      out.append(contentsOf: String(value).utf8)
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    guard value < 10_000_000_000 else {
      out.append(contentsOf: String(value).utf8)
      return
    }
    var v = value
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      while v > 0 {
        buffer[count] = UInt8(v % 10) + 0x30
        v /= 10
        count += 1
      }
      for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, UTF-8 kept.
  static func appendJSONString(_ text: String, to out: inout [UInt8]) {
    out.append(0x22)
    // Most values need no escape: copied whole.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      out.append(contentsOf: text.utf8)
      out.append(0x22)
      return
    }
    for byte in text.utf8 {
      switch byte {
      case 0x22: out.append(contentsOf: [0x5C, 0x22])
      case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: out.append(contentsOf: [0x5C, 0x72])
      case 0x09: out.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }

  private static func describe(_ error: Error) -> String {
    if case DecodingError.dataCorrupted(let context) = error {
      let underlying =
        (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
      return underlying ?? context.debugDescription
    }
    if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
    return "\(error)"
  }
}
