import Dispatch
import Foundation
import NormalizeTestSupport
import Testing

@testable import ICUSupport

/// A transliteration example: ICU id, input and the output ICU 72 gives.
struct TransliterationCase: CustomTestStringConvertible, Sendable {
  var id: String
  var input: String
  var expected: String
  var testDescription: String { "\(id): \(input)" }
}

@Suite struct TransliteratorTests {
  static let cases: [TransliterationCase] = [
    .init(id: "Han-Latin", input: "北京", expected: "běi jīng"),
    .init(id: "Han-Latin", input: "消息", expected: "xiāo xī"),
    .init(id: "Ukrainian-Latin/BGN", input: "Зеленський", expected: "Zelensʹkyy"),
    .init(id: "Ukrainian-Latin/BGN", input: "Київ", expected: "Kyyiv"),
    .init(id: "Russian-Latin/BGN", input: "Зеленский", expected: "Zelenskiy"),
    .init(id: "Russian-Latin/BGN", input: "Москва", expected: "Moskva"),
    // ICU 72 has no "Cyrillic-Latin/BGN"; the id opens anyway (ICU drops the unknown variant)
    // and gives plain Cyrillic-Latin, which is ISO 9-like, not BGN.
    .init(id: "Cyrillic-Latin/BGN", input: "Київ", expected: "Ki\u{ED}\u{308}v"),
    .init(id: "Any-Latin; Latin-ASCII", input: "北京", expected: "bei jing"),
    .init(id: "Any-Latin; Latin-ASCII", input: "Зеленський", expected: "Zelens'kij"),
    .init(id: "Any-Latin; Latin-ASCII", input: "유용원", expected: "yuyong-won"),
    .init(id: "Latin-ASCII", input: "Ångström “quoted”", expected: "Angstrom \"quoted\""),
  ]

  @Test(arguments: cases)
  func transliterates(_ testCase: TransliterationCase) throws {
    let transliterator = try Transliterator.cached(testCase.id)
    #expect(
      transliterator.transliterate(testCase.input).escapedScalars
        == testCase.expected.escapedScalars)
    #expect(
      try transliterator.transliterateOrThrow(testCase.input).escapedScalars
        == testCase.expected.escapedScalars)
  }

  @Test func availableIDsIncludeTheOnesWeUse() {
    let ids = Set(Transliterator.availableIDs)
    #expect(ids.count > 100)
    for id in ["Han-Latin", "Russian-Latin/BGN", "Ukrainian-Latin/BGN", "Latin-ASCII", "Any-Latin"]
    {
      #expect(ids.contains(id), "missing \(id)")
    }
    #expect(!ids.contains("Cyrillic-Latin/BGN"))
  }

  @Test func unknownIDThrowsAHelpfulError() {
    do {
      _ = try Transliterator.cached("No-Such-Transform")
      Issue.record("expected an error")
    } catch let error as ICUError {
      #expect(error.code > 0)
      #expect(error.name == "U_INVALID_ID")
      #expect(error.description.contains("\"No-Such-Transform\""))
      #expect(error.description.contains("Transliterator.availableIDs"))
      #expect(error.description.hasSuffix("U_INVALID_ID"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func cacheReturnsTheSameInstance() throws {
    let first = try Transliterator.cached("Han-Latin")
    let second = try Transliterator.cached("Han-Latin")
    #expect(first === second)
    #expect(first.id == "Han-Latin")
    let other = try Transliterator.cached("Any-Latin; Latin-ASCII")
    #expect(first !== other)
  }

  @Test func concurrentUseGivesIdenticalResults() throws {
    let inputs = ["北京", "消息：俄乌战俘互换", "Зеленський у Києві", "유용원", "Kim Jong-un"]
    let expected = try inputs.map {
      try Transliterator.cached("Any-Latin; Latin-ASCII").transliterate($0)
    }
    let iterations = 400
    let results = ResultBox(count: iterations)
    DispatchQueue.concurrentPerform(iterations: iterations) { i in
      // Half the threads also go through the cache lookup concurrently.
      let transliterator = try? Transliterator.cached("Any-Latin; Latin-ASCII")
      results.set(i, transliterator?.transliterate(inputs[i % inputs.count]))
    }
    for i in 0..<iterations {
      #expect(results.get(i) == expected[i % inputs.count], "iteration \(i)")
    }
  }

  @Test func rulesBasedTransliterator() throws {
    let mr = try Transliterator(
      id: "McCune-Reischauer-to-simple", rules: "ŏ > o; ŭ > u; Ŏ > O; Ŭ > U;")
    #expect(mr.id == "McCune-Reischauer-to-simple")
    #expect(mr.transliterate("Kim Chŏng-ŭn, Pyŏngyang") == "Kim Chong-un, Pyongyang")
    #expect(mr.transliterate("") == "")
  }

  @Test func badRulesThrow() {
    #expect(throws: ICUError.self) {
      _ = try Transliterator(id: "broken", rules: "a > ;; > [")
    }
  }

  @Test func growingOutputIsNotTruncated() throws {
    // Han-Latin output is longer than its input in UTF-16 units (one unit -> up to 6 + space).
    let input = String(repeating: "战俘互换", count: 500)
    let output = try Transliterator.cached("Han-Latin").transliterateOrThrow(input)
    #expect(output.hasPrefix("zhàn fú hù huàn"))
    #expect(output.split(separator: " ").count == 2000)
  }
}

/// A lock-protected array slot per iteration, for collecting results of `concurrentPerform`.
final class ResultBox: @unchecked Sendable {
  private var values: [String?]
  private let lock = NSLock()
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func set(_ index: Int, _ value: String?) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }
  func get(_ index: Int) -> String? {
    lock.lock()
    defer { lock.unlock() }
    return values[index]
  }
}
