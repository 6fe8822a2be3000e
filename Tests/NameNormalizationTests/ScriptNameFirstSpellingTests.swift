import Testing

@testable import NameNormalization

/// `ScriptNameRomanizer.firstSpelling(of:)` is the origin and first spelling of `romanize`, for
/// names of every script it reads and for generated Cyrillic names with and without the letters
/// only Ukrainian has (і ї є ґ) and the endings -ський, -ій that mark a Ukrainian name.
@Suite struct ScriptNameFirstSpellingTests {
  static let names = [
    "Андрій Сибіга", "Володимир Зеленський", "Київ", "Ґанна Їжак", "Сергей Собянин",
    "Алексей Навальный", "习近平", "欧阳修", "オオノ ショウヘイ", "Yoo Yong Won", "", "ь", "-",
  ]
  static let pieces = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ'’-".unicodeScalars)

  @Test func namesOfEveryScript() {
    for name in Self.names { expectSame(name) }
  }

  @Test(arguments: 0..<3)
  func generatedCyrillicNames(seed: Int) {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 3
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    for _ in 0..<300 {
      var words: [String] = []
      for _ in 0..<(1 + next(3)) {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<(1 + next(9)) { scalars.append(Self.pieces[next(Self.pieces.count)]) }
        var word = String(scalars)
        if next(3) == 0 { word += ["ський", "ій", "ов"][next(3)] }
        words.append(word.prefix(1).uppercased() + word.dropFirst())
      }
      expectSame(words.joined(separator: " "))
    }
  }

  private func expectSame(_ name: String) {
    let full = ScriptNameRomanizer.romanize(name)
    let first = ScriptNameRomanizer.firstSpelling(of: name)
    #expect(first.origin == full.origin, "\(name)")
    #expect(first.text == full.spellings.first?.text, "\(name)")
  }
}
