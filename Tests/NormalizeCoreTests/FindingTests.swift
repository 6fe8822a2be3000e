import Foundation
import Testing

@testable import NormalizeCore

@Suite struct FindingTests {
  private func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func byteOffsetUsesSnakeCaseAndNilFieldsAreOmitted() throws {
    let finding = Finding(
      code: "invalid-utf8", severity: .warning, byteOffset: 1042,
      message: "invalid UTF-8 byte 0xE9 replaced with U+FFFD; re-export the source as UTF-8")
    // Nil optionals are left out (synthesized Codable uses encodeIfPresent), never written as null.
    #expect(
      try encode(finding)
        == #"{"byte_offset":1042,"code":"invalid-utf8","message":"invalid UTF-8 byte 0xE9 replaced with U+FFFD; re-export the source as UTF-8","severity":"warning"}"#
    )
  }

  @Test func spanFinding() throws {
    let finding = Finding(
      code: "bidi-control", severity: .error, start: 4, end: 5, field: "title",
      message: "bidi override")
    #expect(
      try encode(finding)
        == #"{"code":"bidi-control","end":5,"field":"title","message":"bidi override","severity":"error","start":4}"#
    )
  }

  @Test func roundTripsAndAcceptsNull() throws {
    let finding = Finding(code: "placeholder", severity: .info, start: 0, end: 3, message: "ＸＸＸ")
    let data = try JSONEncoder().encode(finding)
    #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
    // Explicit nulls decode as nil too.
    let withNulls =
      #"{"code":"placeholder","severity":"info","start":null,"end":null,"field":null,"byte_offset":null,"message":"m"}"#
    let decoded = try JSONDecoder().decode(Finding.self, from: Data(withNulls.utf8))
    #expect(decoded == Finding(code: "placeholder", severity: .info, message: "m"))
  }

  @Test func severityOrder() {
    #expect(Severity.info < .warning && Severity.warning < .error)
    #expect(Severity.allCases.max() == .error)
    #expect(Severity.allCases.map(\.rawValue) == ["error", "warning", "info"])
  }
}

@Suite struct JSONValueTests {
  @Test func roundTrip() throws {
    let json = #"{"a":[1,2.5,true,false,null,"유용원"],"b":{"c":"Київ","d":-3},"e":1e20}"#
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    #expect(
      value
        == .object([
          "a": .array([.number(1), .number(2.5), .bool(true), .bool(false), .null, .string("유용원")]),
          "b": .object(["c": .string("Київ"), "d": .number(-3)]),
          "e": .number(1e20),
        ]))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let encoded = try encoder.encode(value)
    #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == value)
    // Whole numbers are written without a fraction.
    let text = String(decoding: encoded, as: UTF8.self)
    #expect(text.contains(#"[1,2.5,true,false,null,"유용원"]"#))
    #expect(text.contains(#""d":-3"#))
  }

  @Test func booleansStayBooleansAndNumbersStayNumbers() throws {
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data("true".utf8)) == .bool(true))
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data("1".utf8)) == .number(1))
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data("0".utf8)) == .number(0))
    #expect(try JSONDecoder().decode(JSONValue.self, from: Data(#""1""#.utf8)) == .string("1"))
  }

  @Test func stringValue() {
    #expect(JSONValue.string("WMT22").stringValue == "WMT22")
    #expect(JSONValue.number(3).stringValue == nil)
  }
}
