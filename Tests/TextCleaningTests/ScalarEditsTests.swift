import ICUSupport
import Testing

@testable import TextCleaning

/// `ScalarEdits` answers from bit sets for U+0000–U+00BF and U+2000–U+207F and from its ranges
/// elsewhere: both must say what the list says, for every scalar of those windows and around
/// the other ranges, and its scanner must stop at the first byte of every listed scalar.
@Suite struct ScalarEditsTests {
  static let list: KeyValuePairs<ClosedRange<UInt32>, ScalarEdits.Edit> = [
    0x00...0x08: .delete, 0x0B...0x0B: .replace("\n"), 0x3F...0x41: .delete,
    0x60...0x60: .replace("’"), 0x7F...0x85: .delete, 0xA0...0xA0: .replace(" "),
    0xBF...0xBF: .delete, 0x1680...0x1680: .replace(" "), 0x2000...0x200A: .replace(" "),
    0x203F...0x2040: .delete, 0x207F...0x207F: .delete, 0xFE58...0xFE58: .replace("—"),
    0xFEFF...0xFEFF: .delete, 0x1F600...0x1F600: .delete,
  ]

  @Test func containsAgreesWithTheList() {
    let edits = ScalarEdits(Self.list)
    let probes: [ClosedRange<UInt32>] = [
      0x00...0x1FF, 0x1670...0x1690, 0x1FF0...0x2090, 0xFE50...0xFF00, 0x1F5F0...0x1F610,
    ]
    var wrong: [String] = []
    for value in probes.joined() {
      let listed = Self.list.contains { $0.key.contains(value) }
      if edits.contains(value) != listed { wrong.append(String(value, radix: 16)) }
    }
    #expect(wrong.isEmpty, "contains(_:) disagrees with the list at U+\(wrong.prefix(5))")
  }

  @Test func scannerStopsAtEveryListedScalar() {
    let edits = ScalarEdits(Self.list)
    for value in Self.list.map(\.key).joined() {
      guard let scalar = Unicode.Scalar(value), let lead = String(scalar).utf8.first else {
        continue
      }
      #expect(edits.scanner.contains(lead), "U+\(String(value, radix: 16))")
    }
    // Tab, line feed, "a" and the lead byte of Hangul stay unread.
    for byte: UInt8 in [0x09, 0x0A, 0x61, 0xEA] { #expect(!edits.scanner.contains(byte)) }
  }

  @Test func actionsAreTheListed() {
    let edits = ScalarEdits(Self.list)
    let text = "a\u{B}b\u{2009}c\u{FE58}d"
    let scalars = text.unicodeScalars
    var actions: [String] = []
    for index in scalars.indices where edits.contains(scalars[index].value) {
      switch edits.action(scalars, index) {
      case .keep: actions.append("keep")
      case .delete: actions.append("delete")
      case .replace(let replacement): actions.append(replacement)
      }
    }
    #expect(actions == ["\n", " ", "—"])
  }
}
