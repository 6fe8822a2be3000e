import Foundation

/// Writes records and rejects as JSON Lines: one object per line, keys in schema order,
/// deterministic, slashes unescaped.
public enum RecordEncoder {
  /// One JSON line (ending in "\n") for any encodable value.
  public static func encodeLine<T: Encodable>(_ value: T) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var bytes = [UInt8](try encoder.encode(value))
    bytes.append(0x0A)
    return bytes
  }

  /// Pretty JSON with sorted keys, for snapshots and people.
  public static func encodePretty<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
