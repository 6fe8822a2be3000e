import ICUSupport

/// A `TextRepair` placed in the record: where its repaired words are in the record's text (or
/// title), after the other passes and the structure analysis have done their work. Repairs in
/// parts of the input that the record leaves out (boilerplate) have no span.
///
/// ```swift
/// // "Le cafÃ© ferme" cleaned to the record text "Le café ferme":
/// // LocatedRepair(repair: …, start: 3, end: 7, field: nil)
/// ```
public struct LocatedRepair: Sendable, Equatable {
  /// What was repaired: the pass, the words before and after, how the damage came about.
  public var repair: TextRepair
  /// Scalar offsets in `text` (or in the field named by `field`), end exclusive.
  public var start: Int?
  /// End of the repaired words, exclusive; nil when the repair was not found in the record.
  public var end: Int?
  /// "title" when the repair is in the title; nil for the body text.
  public var field: String?

  /// Places a repair; without `start` and `end` it has no span.
  public init(repair: TextRepair, start: Int? = nil, end: Int? = nil, field: String? = nil) {
    self.repair = repair
    self.start = start
    self.end = end
    self.field = field
  }

  /// Places `repairs` in the record's `text` and `title`: each repaired snippet, cleaned by
  /// `cleaner` as the text around it was, is looked for after the previous one (repairs come
  /// in text order), then anywhere in the text, then in the title.
  public static func locate(
    _ repairs: [TextRepair], text: String, title: String?, cleaner: TextCleaner
  ) -> [LocatedRepair] {
    guard !repairs.isEmpty else { return [] }
    let body = Array(text.utf8)
    let heading = title.map { Array($0.utf8) } ?? []
    var cursor = 0
    var located: [LocatedRepair] = []
    located.reserveCapacity(repairs.count)
    for repair in repairs {
      let snippet = Array(cleaner.clean(repair.after).utf8)
      guard !snippet.isEmpty else {
        located.append(LocatedRepair(repair: repair))
        continue
      }
      if let at = firstIndex(of: snippet, in: body, from: cursor)
        ?? firstIndex(of: snippet, in: body, from: 0)
      {
        cursor = at + snippet.count
        located.append(
          LocatedRepair(
            repair: repair, start: scalarCount(body, upTo: at),
            end: scalarCount(body, upTo: at + snippet.count)))
      } else if let at = firstIndex(of: snippet, in: heading, from: 0) {
        located.append(
          LocatedRepair(
            repair: repair, start: scalarCount(heading, upTo: at),
            end: scalarCount(heading, upTo: at + snippet.count),
            field: "title"))
      } else {
        located.append(LocatedRepair(repair: repair))
      }
    }
    return located
  }

  private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int?
  {
    guard let first = needle.first, haystack.count >= needle.count,
      start <= haystack.count - needle.count
    else { return nil }
    var index = start
    let last = haystack.count - needle.count
    while index <= last {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }

  private static func scalarCount(_ bytes: [UInt8], upTo end: Int) -> Int {
    bytes.withUnsafeBufferPointer {
      UTF8Scan.scalarCount(UnsafeBufferPointer(rebasing: $0[0..<end]))
    }
  }
}
