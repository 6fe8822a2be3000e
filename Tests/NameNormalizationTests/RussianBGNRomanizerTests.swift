import ICUSupport
import Testing

@testable import NameNormalization

/// `RussianBGNRomanizer` writes what ICU's Russian-Latin/BGN transform writes: for generated
/// text of one to three words of Russian letters (in title case, capitals or any mixture, with
/// the letters of its context rules often: vowels, й ъ ь, т с ш ч), joined by spaces, hyphens
/// and apostrophes; and it declines text with any other character.
@Suite struct RussianBGNRomanizerTests {
  static let letters = Array(
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя".unicodeScalars)
  static let contextLetters = Array("аеиоуыэюяёйъьАЕЁЭИОУЫЮЯЙЪЬтсшчТСШЧ".unicodeScalars)
  static let separators = [" ", "-", " ", "'", "’"]

  @Test(arguments: 0..<4)
  func agreesWithICU(seed: Int) throws {
    let icu = try Transliterator.cached("Russian-Latin/BGN")
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 5
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
    func word() -> String {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<(1 + next(8)) {
        let pool = next(10) < 6 ? Self.letters : Self.contextLetters
        scalars.append(pool[next(pool.count)])
      }
      let text = String(scalars)
      switch next(10) {
      case 0..<4: return text.prefix(1).uppercased() + text.dropFirst().lowercased()
      case 4: return text.uppercased()
      default: return text
      }
    }
    var compared = 0
    for _ in 0..<3000 {
      var text = word()
      for _ in 0..<next(3) { text += Self.separators[next(Self.separators.count)] + word() }
      let native = RussianBGNRomanizer.romanize(text)
      #expect(native == icu.transliterate(text), "\(text)")
      if native != nil { compared += 1 }
    }
    #expect(compared == 3000)
  }

  @Test func namesOfTheNews() throws {
    let icu = try Transliterator.cached("Russian-Latin/BGN")
    for name in [
      "Алексей Навальный", "Ельцин", "Сергей Лавров", "Дмитрий Песков", "Юрий Гагарин",
      "Пётр Ильич Чайковский", "Шэвар", "Подъезд", "Мэр Москвы", "Ёлкин", "ЁЖИКОВ", "Тсой",
      "Щукин-Шчукин", "Майя Плисецкая", "Рыбаков", "Мария Захарова",
    ] {
      #expect(RussianBGNRomanizer.romanize(name) == icu.transliterate(name), "\(name)")
    }
  }

  @Test func declinesOtherCharacters() {
    for text in ["Київ", "Ґанна", "Minsk", "Москва 2024", "Москва.", "И\u{306}", ""] {
      if text.isEmpty {
        #expect(RussianBGNRomanizer.romanize(text) == "")
      } else {
        #expect(RussianBGNRomanizer.romanize(text) == nil, "\(text)")
      }
    }
  }
}
