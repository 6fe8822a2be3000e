import NormalizeCore

/// Parses one JSON Lines line holding a JSON object for the tools beside the record pipeline
/// (`normalize ref --jsonl`): the same strict parser, with lone escaped surrogates ("\ud800")
/// replaced by U+FFFD and reported instead of failing the line as `JSONDecoder` does.
///
/// ```swift
/// let (object, lone) = try JSONObjectLine.parse(Array(#"{"text": "a\ud800b"}"#.utf8))
/// // object["text"] == .string("a\u{FFFD}b"), lone == [11]
/// ```
public enum JSONObjectLine {
  /// Parses `bytes` (valid UTF-8) as one JSON object.
  ///
  /// - Returns: the object's fields and the byte offsets of lone surrogate escapes.
  /// - Throws: an error saying where the line is not one JSON object.
  public static func parse(_ bytes: [UInt8]) throws -> (
    object: [String: JSONValue], loneSurrogates: [Int]
  ) {
    try bytes.withUnsafeBufferPointer { try parse($0) }
  }

  /// One JSON line (ending in "\n") for `object`: keys sorted, slashes unescaped, the bytes
  /// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes, made straight into
  /// one array (no `Data` and no intermediate objects, so a long text is held once more, not
  /// three times).
  ///
  /// ```swift
  /// JSONObjectLine.encodeLine(["text": .string("Київ"), "id": .number(7)])
  /// // {"id":7,"text":"Київ"}\n
  /// ```
  public static func encodeLine(_ object: [String: JSONValue]) -> [UInt8] {
    var size = 64
    for value in object.values { if case .string(let text) = value { size += text.utf8.count + 8 } }
    var writer = JSONLineWriter(capacity: size)
    writer.value(.object(object))
    writer.newline()
    return writer.finish()
  }

  /// Parses `bytes` (valid UTF-8) as one JSON object where they lie, without copying them.
  ///
  /// - Returns: the object's fields and the byte offsets of lone surrogate escapes.
  /// - Throws: an error saying where the line is not one JSON object.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> (
    object: [String: JSONValue], loneSurrogates: [Int]
  ) {
    var lone: [Int] = []
    let object = try JSONLineParser.parseObject(bytes, loneSurrogates: &lone)
    return (object, lone)
  }
}
