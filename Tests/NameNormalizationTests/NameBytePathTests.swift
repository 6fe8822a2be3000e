import Foundation
import NormalizeCore
import NormalizeTestSupport
import Testing

@testable import NameNormalization

/// The byte paths of mention detection give what the `String` and `Character` paths they stand
/// in for give: `NameFoldKey.key` of ASCII names (`asciiKey` against `keyOfCharacters`), the
/// cue roles of ASCII words (`NameCues.asciiRoles` against `roles(of:)`), and the words of a
/// spaced name (`spaceSeparatedWords` against `split(separator: " ")`). Checked on generated
/// text that puts CR LF, TABs, commas and combining marks next to the separators, and on every
/// shipped spelling and cue word.
@Suite struct NameBytePathTests {
  /// Pieces of generated names: separators (CR LF is one `Character`), letters the fold rules
  /// rewrite, digits, hyphens, apostrophes, a full stop, and non-ASCII text the byte paths decline.
  static let pieces = [
    " ", "  ", "\t", "\n", ",", "\r", "\r\n", "Kim", "jong", "-", "'", "IY", "x", "w", "oh", "1",
    "D.", "é", "\u{301}",
  ]

  /// Every text of up to three pieces and every seventh of four (about 25,000 texts).
  static var generatedTexts: [String] {
    var texts: [String] = []
    var counter = 0
    func extend(_ prefix: String, _ depth: Int) {
      if depth == 4 {
        counter += 1
        if counter % 7 == 0 { texts.append(prefix) }
        return
      }
      texts.append(prefix)
      for piece in pieces { extend(prefix + piece, depth + 1) }
    }
    extend("", 0)
    return texts
  }

  /// `asciiKey` where it answers, else nil.
  static func asciiKey(_ text: String) -> String? {
    var copy = text
    return copy.withUTF8 { NameFoldKey.asciiKey($0) }
  }

  @Test func generatedNamesFoldAlikeOnBytesAndCharacters() {
    var onBytes = 0
    var mismatches: [String] = []
    for text in Self.generatedTexts {
      guard let key = Self.asciiKey(text) else { continue }
      onBytes += 1
      if key != NameFoldKey.keyOfCharacters(text) { mismatches.append(text) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { $0.unicodeScalars.map(\.value) })")
    #expect(onBytes > 5_000)
    // CR LF and non-ASCII text are left to the characters.
    #expect(Self.asciiKey("Kim\r\nJong") == nil && Self.asciiKey("Zelenskyy Володимир") == nil)
    #expect(NameFoldKey.key("Kim\r\nJong-un") == NameFoldKey.keyOfCharacters("Kim\r\nJong-un"))
  }

  @Test func shippedSpellingsFoldAlikeOnBytesAndCharacters() throws {
    let aliases = try NameFixtures.aliases.get()
    var onBytes = 0
    for entry in aliases.entries {
      for spelling in [entry.canonical] + entry.variants.map(\.text) {
        guard let key = Self.asciiKey(spelling) else { continue }
        onBytes += 1
        #expect(key == NameFoldKey.keyOfCharacters(spelling), "\(spelling)")
      }
    }
    #expect(onBytes > 100)
  }

  @Test func asciiCueWordsHaveTheRolesOfTheirStrings() throws {
    let provider = try NameFixtures.provider.get()
    let cues = try NameCues(lexicons: provider)
    var words = ["Seoul", "Kirby", "xyz", "Mr", "MR", "mr", "Sen", "said", "SAID", "Co", "CORP"]
    for entry in try provider.allEntries(kind: NameCues.kind) {
      guard let word = entry.fields.first, word.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
      words += [
        word, word.lowercased(), word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(),
      ]
      words += [word + "s", String(word.dropLast())]
    }
    #expect(words.count > 400)
    var found = 0
    for var word in words {
      let onBytes = word.withUTF8 {
        cues.asciiRoles(of: $0, hash: NameCues.hash(lowering: $0, from: 0, to: $0.count))
      }
      #expect(onBytes == cues.roles(of: word), "\(word)")
      if !onBytes.isEmpty { found += 1 }
    }
    #expect(found > 300)
  }

  @Test func spacedWordsSplitAlikeOnBytesAndCharacters() {
    var mismatches: [String] = []
    for text in Self.generatedTexts
    where text.spaceSeparatedWords() != text.split(separator: " ").map(String.init) {
      mismatches.append(text)
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { $0.unicodeScalars.map(\.value) })")
    #expect("Robert D. Hostetler".spaceSeparatedWords() == ["Robert", "D.", "Hostetler"])
  }
}
