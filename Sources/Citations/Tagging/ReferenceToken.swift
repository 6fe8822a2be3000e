/// One token of a reference string, with its place in the string: a whitespace-separated word,
/// or a piece of one where Chinese, Japanese or Korean text runs fields together without spaces.
///
/// Tokens are what the tagger labels. In references with spaces between fields they are the
/// whitespace tokens `../shared/eval/refs/score.py` counts. A CJK reference written without
/// spaces ("王小明（2018）。〈臺灣的語言政策〉。《語言學報》，15，23–45。") is one whitespace
/// token, so it is also cut after full-width stops and commas (。．，；！？), after closing
/// brackets and quotes (）】」』》〉), before opening ones (（【「『《〈), after ASCII "." ","
/// ";" (GB/T 7714's "王小明.台湾的语言政策[J].语言学报,2018,15(2):23-45"; not a decimal
/// point), and at a colon only between "volume(issue)" and pages or between a book's place and
/// publisher ("北京：清华大学出版社"); other colons stay inside their field (a colon usually
/// belongs to a title: "消息：…").
///
/// ```swift
/// ReferenceToken.tokenize("Yonhap News Agency. (2025, May 27).").map(\.text)
/// // ["Yonhap", "News", "Agency.", "(2025,", "May", "27)."]
/// ReferenceToken.tokenize("山田太郎（2019）「日本語の文法」『言語研究』12，45–67。").map(\.text)
/// // ["山田太郎", "（2019）", "「日本語の文法」", "『言語研究』", "12，", "45–67。"]
/// ```
public struct ReferenceToken: Sendable, Equatable {
  /// The token as written.
  public var text: String
  /// Unicode scalar offsets of the token in the reference, end exclusive.
  public var start: Int
  /// End of the token in the reference, exclusive.
  public var end: Int

  /// Creates a token.
  public init(text: String, start: Int, end: Int) {
    self.text = text
    self.start = start
    self.end = end
  }

  /// Splits `reference` at white space (any Unicode white space, including U+3000 and U+00A0),
  /// and words with CJK text at the field marks described above.
  ///
  /// - Parameter reference: the reference string.
  /// - Returns: the tokens in order; empty for blank input.
  public static func tokenize(_ reference: String) -> [ReferenceToken] {
    var tokens: [ReferenceToken] = []
    var current = String.UnicodeScalarView()
    var start = 0
    var offset = 0
    var hasCJK = false
    func flush() {
      if current.isEmpty { return }
      if hasCJK {
        let scalars = Array(current)
        var pieceStart = 0
        for cut in cuts(scalars) + [scalars.count] where cut > pieceStart {
          tokens.append(
            ReferenceToken(
              text: string(scalars[pieceStart..<cut]), start: start + pieceStart, end: start + cut))
          pieceStart = cut
        }
      } else {
        tokens.append(ReferenceToken(text: String(current), start: start, end: offset))
      }
      current = String.UnicodeScalarView()
      hasCJK = false
    }
    for scalar in reference.unicodeScalars {
      if isSpace(scalar) {
        flush()
      } else {
        if current.isEmpty { start = offset }
        current.append(scalar)
        if !hasCJK && scalar.value >= 0x1100 && isCJK(scalar) { hasCJK = true }
      }
      offset += 1
    }
    flush()
    return tokens
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }

  /// Where a whitespace word with CJK text is cut: the offsets (inside the word) where a new
  /// token begins.
  package static func cuts(_ word: [Unicode.Scalar]) -> [Int] {
    var result: [Int] = []
    for i in word.indices.dropFirst() {
      let before = word[i - 1]
      let after = word[i]
      if isSpace(after) { continue }
      let cut: Bool
      if opensCJKField(after) {
        cut = !opensCJKField(before)
      } else if endsCJKField(before) {
        cut = !endsCJKField(after) && !isAsciiSeparator(after)
      } else if isAsciiSeparator(before) {
        // "王小明.台湾", "[J].语言", "语言学报,2018,15(2)": ASCII marks between fields of a CJK
        // reference; a full stop between digits ("1.5") stays.
        let previous = i >= 2 ? word[i - 2] : before
        let decimal = before == "." && isDigit(previous) && isDigit(after)
        cut = !decimal && !endsCJKField(after) && !isAsciiSeparator(after) && !closesAscii(after)
      } else if before == ":" || before == "：" {
        // "15(2):23-45": pages after volume and issue, and "北京：清华大学出版社": a book's place
        // and publisher (`CJKImprint`); other colons stay inside their field.
        let previous = i >= 2 ? word[i - 2] : before
        cut =
          (previous == ")" || previous == "）") && isDigit(after)
          || isImprintColon(word, at: i - 1, pieceStart: result.last ?? 0)
      } else {
        cut = false
      }
      if cut { result.append(i) }
    }
    return result
  }

  /// Whether the colon at `colon` parts a place from a publisher: the piece before it (from
  /// the last cut) is a place, and the field after it, up to the next stop or comma, a publisher.
  private static func isImprintColon(_ word: [Unicode.Scalar], at colon: Int, pieceStart: Int)
    -> Bool
  {
    guard pieceStart < colon, CJKImprint.isPlace(word[pieceStart..<colon]) else { return false }
    let rest = word[(colon + 1)...]
    let end = rest.firstIndex { endsCJKField($0) || isAsciiSeparator($0) } ?? word.count
    return CJKImprint.isPublisher(word[(colon + 1)..<end])
  }

  /// Full-width stops and commas, and closing brackets and quotes, after which a field may end.
  package static func endsCJKField(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "。", "．", "，", "；", "！", "？": return true
    default: return closesCJKPair(s)
    }
  }

  package static func closesCJKPair(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "）", "】", "」", "』", "》", "〉", "〕", "］", "〗": return true
    default: return false
    }
  }

  /// Opening brackets and quotes before which a field may begin.
  package static func opensCJKField(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "（", "【", "「", "『", "《", "〈", "〔", "［", "〖": return true
    default: return false
    }
  }

  package static func isAsciiSeparator(_ s: Unicode.Scalar) -> Bool {
    s == "." || s == "," || s == ";"
  }

  package static func closesAscii(_ s: Unicode.Scalar) -> Bool {
    s == ")" || s == "]" || s == "\"" || s == "'"
  }

  package static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

  /// Han, kana, Hangul, and the CJK punctuation and full-width blocks.
  package static func isCJK(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x1100...0x11FF, 0x3000...0x303F, 0x3040...0x30FF, 0x3130...0x318F, 0x31F0...0x31FF,
      0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x2FFFF:
      return true
    default:
      return false
    }
  }

  /// White space as Python's `str.split()` sees it (which the scorer uses).
  package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x1C...0x1F, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029,
      0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }
}
