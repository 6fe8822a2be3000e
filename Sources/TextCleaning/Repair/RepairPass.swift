import ICUSupport

/// A cleaning pass that repairs damage done to the text before it reached us (mojibake, HTML
/// character references, ligatures) rather than normalising its typography. Repair passes run
/// first, on the raw text, and say what they repaired (`TextRepair`), so the record can carry a
/// finding per repair and `normalize validate` can report the damage in the input.
public protocol RepairPass: CleaningPass {
  /// Returns the repaired text; records each change when `recorder` is given and each repair
  /// when `repairs` is given.
  func apply(_ text: String, recorder: inout ChangeRecorder?, repairs: inout [TextRepair]?)
    -> String
}

extension RepairPass {
  /// The pass itself.
  public var asRepairPass: (any RepairPass)? { self }

  /// Applies the pass to `text`, recording each change in `recorder` when it is not nil.
  public func apply(_ text: String, recorder: inout ChangeRecorder?) -> String {
    var none: [TextRepair]? = nil
    return apply(text, recorder: &recorder, repairs: &none)
  }
}

/// One repair a `RepairPass` made: the words as they arrived and as repaired.
///
/// ```swift
/// // fix-mojibake on "Le cafÃ© ferme":
/// // TextRepair(pass: "fix-mojibake", before: "cafÃ©", after: "café", offset: 3,
/// //            detail: "UTF-8 read as sloppy-windows-1252", isMojibake: true)
/// ```
public struct TextRepair: Sendable, Equatable {
  /// The id of the pass that repaired ("fix-mojibake").
  public var pass: String
  /// The damaged words, whole words around what changed.
  public var before: String
  /// The same words repaired.
  public var after: String
  /// Scalar offset of `before` in the text the pass was given.
  public var offset: Int
  /// How the damage came about, when known ("UTF-8 read as sloppy-windows-1252").
  public var detail: String?
  /// Whether the damage is mojibake (text decoded in the wrong encoding), which
  /// `normalize validate` reports as an error in the input.
  public var isMojibake: Bool

  /// Creates a repair; `before` and `after` are whole words ("cafÃ©" → "café").
  public init(
    pass: String, before: String, after: String, offset: Int, detail: String? = nil,
    isMojibake: Bool
  ) {
    self.pass = pass
    self.before = before
    self.after = after
    self.offset = offset
    self.detail = detail
    self.isMojibake = isMojibake
  }

  /// `text` cut to `length` scalars with "…", for messages.
  public static func clip(_ text: String, to length: Int = 80) -> String {
    text.unicodeScalars.count <= length
      ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(length))) + "…"
  }

  /// Records the repair of one line. When the repair kept the line's white space, each run of
  /// changed words is one repair ("g√¢teaux et baies … r√©gime" gives "g√¢teaux" and
  /// "r√©gime"); otherwise the part that changed, widened to whole words, is one repair.
  static func report(
    pass: String, before: Substring, after: Substring, lineOffset: Int, detail: String?,
    isMojibake: Bool,
    recorder: inout ChangeRecorder?, repairs: inout [TextRepair]?
  ) {
    guard recorder != nil || repairs != nil else { return }
    let original = Array(before.unicodeScalars)
    let fixed = Array(after.unicodeScalars)
    func add(
      _ was: ArraySlice<Unicode.Scalar>, _ should: ArraySlice<Unicode.Scalar>, at offset: Int
    ) {
      let was = String(String.UnicodeScalarView(was))
      let should = String(String.UnicodeScalarView(should))
      recorder?.record(offset: lineOffset + offset, removed: was, inserted: should)
      repairs?.append(
        TextRepair(
          pass: pass, before: was, after: should, offset: lineOffset + offset, detail: detail,
          isMojibake: isMojibake))
    }
    let originalWords = words(original)
    let fixedWords = words(fixed)
    if originalWords.count == fixedWords.count,
      zip(originalWords, fixedWords).allSatisfy({
        original[$0.0.upperBound..<$0.0.upperBound + $0.0.gap]
          == fixed[$0.1.upperBound..<$0.1.upperBound + $0.1.gap]
      })
    {
      var k = 0
      while k < originalWords.count {
        guard original[originalWords[k].range] != fixed[fixedWords[k].range] else {
          k += 1
          continue
        }
        var last = k
        while last + 1 < originalWords.count,
          original[originalWords[last + 1].range] != fixed[fixedWords[last + 1].range]
        {
          last += 1
        }
        add(
          original[originalWords[k].lowerBound..<originalWords[last].upperBound],
          fixed[fixedWords[k].lowerBound..<fixedWords[last].upperBound],
          at: originalWords[k].lowerBound)
        k = last + 1
      }
      return
    }
    var prefix = 0
    while prefix < original.count, prefix < fixed.count, original[prefix] == fixed[prefix] {
      prefix += 1
    }
    var suffix = 0
    while suffix < original.count - prefix, suffix < fixed.count - prefix,
      original[original.count - 1 - suffix] == fixed[fixed.count - 1 - suffix]
    {
      suffix += 1
    }
    while prefix > 0, !original[prefix - 1].properties.isWhitespace { prefix -= 1 }
    while suffix > 0, !original[original.count - suffix].properties.isWhitespace { suffix -= 1 }
    add(
      original[prefix..<(original.count - suffix)], fixed[prefix..<(fixed.count - suffix)],
      at: prefix)
  }

  /// A word of a line: its scalars and the white space after it.
  private struct Word {
    var lowerBound: Int
    var upperBound: Int
    var gap: Int
    var range: Range<Int> { lowerBound..<upperBound }
  }

  /// The words of `scalars` (split at white space; leading white space is a word of length 0).
  private static func words(_ scalars: [Unicode.Scalar]) -> [Word] {
    var words: [Word] = []
    var index = 0
    while index <= scalars.count {
      let start = index
      while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
      let end = index
      while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
      words.append(Word(lowerBound: start, upperBound: end, gap: index - end))
      if index == scalars.count { break }
    }
    return words
  }
}

/// The lines of a text, each with its line feed, so that joining them gives the text back.
struct LineSlices: Sequence, IteratorProtocol {
  /// One line and its length in scalars (line feed included).
  struct Line {
    var text: Substring
    var scalarCount: Int
  }

  private let text: String
  private var position: String.Index

  init(_ text: String) {
    self.text = text
    position = text.startIndex
  }

  mutating func next() -> Line? {
    guard position < text.endIndex else { return nil }
    let utf8 = text.utf8
    var end = position
    var scalars = 0
    while end < utf8.endIndex {
      let byte = utf8[end]
      if byte & 0xC0 != 0x80 { scalars += 1 }
      end = utf8.index(after: end)
      if byte == 0x0A { break }
    }
    defer { position = end }
    return Line(text: text[position..<end], scalarCount: scalars)
  }
}
