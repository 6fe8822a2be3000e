import ICUSupport

/// Cleans text by running the cleaning passes in one fixed order (the order matters: repairs
/// first, on the text as it arrived, before any typographic pass could make mojibake
/// unrecoverable; line breaks before whitespace; NFC after the scalar replacements).
///
/// ```swift
/// let cleaner = TextCleaner()
/// cleaner.clean("Ｓｅｏｕｌ\u{A0}– Yoo Yong\u{2010}won\u{200B}’s office\r\n")
/// // "Seoul – Yoo Yong-won’s office"
/// let (text, steps) = cleaner.cleanAndExplain("Kim\u{00A0}Jong\u{2011}un")
/// steps.filter(\.changed).map(\.passID)  // ["normalize-spaces", "normalize-hyphens-and-dashes"]
/// ```
public struct TextCleaner: Sendable {
  /// Every pass, in the order they run. A test checks each pass type appears exactly once.
  public static let allPasses: [any CleaningPass] = [
    DecodeHTMLEntities(),
    FixMojibake(),
    FoldLigatures(),
    NormalizeLineBreaks(),
    StripControlCharacters(),
    StripBidiControls(),
    StripZeroWidthCharacters(),
    NormalizeSpaces(),
    NormalizeHyphensAndDashes(),
    UnifyQuoteVariants(),
    StraightenQuotes(),
    FoldFullwidthForms(),
    ApplyNFC(),
    NormalizeWhitespace(),
  ]

  /// The passes this cleaner runs.
  public let passes: [any CleaningPass]
  /// `passes` with each repair pass as a `RepairPass` and nil for the others, so that reporting
  /// repairs needs no dynamic cast per article.
  private let repairPasses: [(any RepairPass)?]

  /// A cleaner with every default pass plus the opt-in passes named in `enabling` and
  /// without those named in `disabling`.
  ///
  /// - Throws: `TextCleaningError.unknownPass` for an id that no pass has.
  public init(enabling: Set<String> = [], disabling: Set<String> = []) throws {
    let known = Set(Self.allPasses.map(\.id))
    if let unknown = enabling.union(disabling).subtracting(known).sorted().first {
      throw TextCleaningError.unknownPass(id: unknown, known: Self.allPasses.map(\.id))
    }
    passes = Self.allPasses.filter { pass in
      !disabling.contains(pass.id) && (!pass.isOptIn || enabling.contains(pass.id))
    }
    repairPasses = passes.map(\.asRepairPass)
  }

  /// The default cleaner: every pass that is not opt-in.
  public init() {
    passes = Self.allPasses.filter { !$0.isOptIn }
    repairPasses = passes.map(\.asRepairPass)
  }

  /// Cleans `text`. One scan first notes which bytes occur, so passes that cannot apply
  /// (most of them, for plain ASCII text) are skipped without reading the text again.
  public func clean(_ text: String) -> String {
    var presence = BytePresence(text)
    var current = text
    // The passes are called where they lie in the array: `for pass in passes` would copy each
    // one out, retaining and releasing boxes that every thread shares.
    passes.withUnsafeBufferPointer { passes in
      for index in passes.indices where passes[index].mayChange(presence) {
        let next = passes[index].apply(current)
        if !Self.isSameStorage(next, current) {
          current = next
          presence = BytePresence(current)
        }
      }
    }
    return current
  }

  /// Cleans `text` and lists what the repair passes (`RepairPass`) repaired, in order; the
  /// offsets of the repairs count in the text each repair pass was given.
  ///
  /// ```swift
  /// let (text, repairs) = TextCleaner().cleanReportingRepairs("Le cafÃ© &amp; la gare")
  /// // text: "Le café & la gare"
  /// // repairs.map(\.pass): ["decode-html-entities", "fix-mojibake"]
  /// ```
  public func cleanReportingRepairs(_ text: String) -> (text: String, repairs: [TextRepair]) {
    var presence = BytePresence(text)
    var current = text
    var found: [TextRepair]? = []
    var none: ChangeRecorder? = nil
    passes.withUnsafeBufferPointer { passes in
      repairPasses.withUnsafeBufferPointer { repairPasses in
        for index in passes.indices where passes[index].mayChange(presence) {
          let next: String
          if let repairing = repairPasses[index] {
            next = repairing.apply(current, recorder: &none, repairs: &found)
          } else {
            next = passes[index].apply(current)
          }
          if !Self.isSameStorage(next, current) {
            current = next
            presence = BytePresence(current)
          }
        }
      }
    }
    return (current, found ?? [])
  }

  /// Whether two strings share their storage (a pass that changes nothing returns its input).
  /// O(1); small strings kept inline compare as different, which only costs a rescan.
  private static func isSameStorage(_ a: String, _ b: String) -> Bool {
    var first = a
    var second = b
    return first.withUTF8 { x in
      second.withUTF8 { y in x.baseAddress == y.baseAddress && x.count == y.count }
    }
  }

  /// Cleans `text` and says what each pass changed.
  ///
  /// - Returns: the cleaned text and one step per pass, in order.
  public func cleanAndExplain(_ text: String, changeLimit: Int = 50) -> (
    text: String, steps: [CleaningStep]
  ) {
    var steps: [CleaningStep] = []
    var current = text
    for pass in passes {
      var recorder: ChangeRecorder? = ChangeRecorder(limit: changeLimit)
      let next = pass.apply(current, recorder: &recorder)
      // Scalar comparison: `!=` is canonical equivalence and would miss what apply-nfc changes.
      let changed = !next.unicodeScalars.elementsEqual(current.unicodeScalars)
      steps.append(
        CleaningStep(
          passID: pass.id, changed: changed, changeCount: recorder?.count ?? 0,
          changes: recorder?.changes ?? []))
      current = next
    }
    return (current, steps)
  }

  /// Replays the changing steps of an explanation on `text` (ftfy's `apply_plan`).
  ///
  /// - Throws: `TextCleaningError.unknownPass` if a step names no known pass.
  public static func replay(_ steps: [CleaningStep], on text: String) throws -> String {
    var current = text
    for step in steps where step.changed {
      guard let pass = allPasses.first(where: { $0.id == step.passID }) else {
        throw TextCleaningError.unknownPass(id: step.passID, known: allPasses.map(\.id))
      }
      current = pass.apply(current)
    }
    return current
  }
}

/// What one pass did in `TextCleaner.cleanAndExplain`.
public struct CleaningStep: Sendable, Equatable, Codable {
  /// The pass id, e.g. "fold-fullwidth-forms".
  public var passID: String
  /// Whether the pass changed the text.
  public var changed: Bool
  /// How many changes it made (all of them, even beyond `changes`).
  public var changeCount: Int
  /// The first changes, with scalar offsets into that pass's input.
  public var changes: [ChangeRecorder.Change]

  enum CodingKeys: String, CodingKey {
    case passID = "pass"
    case changed
    case changeCount = "count"
    case changes
  }
}
