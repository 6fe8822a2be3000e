/// The words the tagger recognises beyond its English core: month and weekday names, unit
/// words, relative phrases and date layouts of other languages, generated from ICU's CLDR data
/// (`CLDRVocabulary`) and merged for the languages in play.
///
/// Phrases are stored tokenised the way the text is (`Tokenizer`), so "23小时前" is matched as
/// `23` `小` `时` `前` and "anno scorso" as `anno` `scorso`.
struct Vocabulary: Sendable {
  /// Month names of other languages ("maggio", "мая", "mai") → 1–12.
  var months: [String: Int] = [:]
  /// Month names safe to read without a number next to them (the document language's own wide names).
  var standaloneMonths: Set<String> = []
  /// Weekday names of the document language ("lunedì", "четверг") → ISO 1–7.
  var weekdays: [String: Int] = [:]
  /// Unit words as token sequences ("ore", "часа", "小 时", "시 간") → unit.
  var units = PhraseTable<TimeUnit>()
  /// Words that make a number + unit past ("fa", "назад", "vor", "전", "前") or future.
  var pastPrefixes = PhraseTable<Bool>()
  var pastSuffixes = PhraseTable<Bool>()
  var futurePrefixes = PhraseTable<Bool>()
  var futureSuffixes = PhraseTable<Bool>()
  /// Whole relative phrases: "anno scorso" → (year, -1), "ieri" → (day, -1), "작년" → (year, -1).
  var phrases = PhraseTable<RelativePhrase>()
  /// Date layouts from CLDR patterns ("2025년 5월 27일", "27. Mai 2025"), longest first.
  var layouts: [DateLayout] = []
  /// Every first token of a phrase, layout literal or name: a cheap trigger test.
  var triggers: Set<String> = []
  /// The document language's words for the shared grammar (`date-grammar` lexicons); empty
  /// for languages without one (English has its own rules).
  var grammar = DateGrammarWords() { didSet { hasGrammar = !grammar.isEmpty } }
  /// Whether `grammar` has any entry (the shared rules run only then).
  private(set) var hasGrammar = false
  /// For the grammar's words: first token → the bits of the tables it starts an entry of.
  private(set) var grammarMasks = WordHash.Table<UInt64>([:])
  /// The keys of `grammarMasks` that are words, as a filter on token hashes.
  private(set) var grammarFilter = WordHash.Filter()
  /// English and vocabulary trigger classes per word (`WordClass`), one lookup per token.
  private(set) var wordClasses = WordHash.Table<WordClass>([:])
  /// The keys of `wordClasses`, as a filter on token hashes (`WordHash`).
  private(set) var wordClassFilter = WordHash.Filter()
  /// `months`, `weekdays` and `triggers` looked up by a token's hash (`WordHash.Table`):
  /// `monthsByToken[token]` answers as `months[token.text]` ("maggio" → 5).
  private(set) var monthsByToken = WordHash.Table<Int>([:])
  private(set) var weekdaysByToken = WordHash.Table<Int>([:])
  private(set) var triggersByToken = WordHash.Table<Bool>([:])

  /// How a word can take part in an expression.
  struct WordClass: OptionSet, Sendable {
    let rawValue: UInt8
    /// May start an expression.
    static let trigger = WordClass(rawValue: 1)
    /// Starts one only before a head ("the", "in", "last").
    static let prefixOnly = WordClass(rawValue: 2)
    /// Can carry one ("year", "Friday", "maggio").
    static let head = WordClass(rawValue: 4)
  }

  /// Fills `wordClasses` from the English tables and `triggers`, and the token-keyed
  /// `monthsByToken`, `weekdaysByToken` and `triggersByToken`; call after the last change.
  mutating func computeWordClasses() {
    monthsByToken = WordHash.Table(months)
    weekdaysByToken = WordHash.Table(weekdays)
    triggersByToken = WordHash.Table(words: Array(triggers))
    var classes = Self.englishWordClasses
    let heads = grammar.headTokens
    for w in triggers.union(heads) {
      var c = classes[w] ?? []
      c.insert(.trigger)
      c.insert(.head)
      c.remove(.prefixOnly)
      classes[w] = c
    }
    for w in grammar.prefixTokens(heads: heads) where classes[w] == nil {
      classes[w] = [.trigger, .prefixOnly]
    }
    if hasGrammar {
      grammarMasks = WordHash.Table(grammar.slotMasks())
      var g = WordHash.Filter()
      for word in grammarMasks.keys { g.insert(word) }
      grammarFilter = g
    }
    wordClasses = WordHash.Table(classes)
    var filter = WordHash.Filter()
    for word in classes.keys { filter.insert(word) }
    wordClassFilter = filter
  }

  /// The classes of the English trigger words ("friday": trigger and head, "the": trigger
  /// before a head only), built once: every vocabulary's `wordClasses` starts from them.
  private static let englishWordClasses: [String: WordClass] = {
    var classes: [String: WordClass] = [:]
    for w in EnglishTriggers.words {
      var c: WordClass = .trigger
      if EnglishTriggers.prefixOnly.contains(w) { c.insert(.prefixOnly) }
      if EnglishTriggers.heads.contains(w) { c.insert(.head) }
      classes[w] = c
    }
    for w in EnglishTriggers.heads { classes[w, default: []].insert(.head) }
    return classes
  }()

  /// The grammar tables a token can start an entry of (`PhraseTable.slot` bits).
  @inline(__always) func grammarMask(of token: Token) -> UInt64 {
    switch token.kind {
    case .number: return 0
    case .punctuation: return grammarMasks[token] ?? 0
    case .word, .ideograph:
      guard grammarFilter.mayContain(token.hash) else { return 0 }
      return grammarMasks[token] ?? 0
    }
  }

  /// `grammarMask(of: tokens[index])`, reading the token's fields where they are.
  @inline(__always) func grammarMask(ofTokenAt index: Int, in tokens: [Token]) -> UInt64 {
    switch tokens[index].kind {
    case .number: return 0
    case .punctuation: return grammarMasks.value(ofTokenAt: index, in: tokens) ?? 0
    case .word, .ideograph:
      guard grammarFilter.mayContain(tokens[index].hash) else { return 0 }
      return grammarMasks.value(ofTokenAt: index, in: tokens) ?? 0
    }
  }

  /// The class of a word or ideograph token: none unless `wordClassFilter` may hold it.
  @inline(__always) func wordClass(of token: Token) -> WordClass {
    guard wordClassFilter.mayContain(token.hash) else { return [] }
    return wordClasses[token] ?? []
  }

  /// `wordClass(of: tokens[index])`, reading the token's fields where they are.
  @inline(__always) func wordClass(ofTokenAt index: Int, in tokens: [Token]) -> WordClass {
    guard wordClassFilter.mayContain(tokens[index].hash) else { return [] }
    return wordClasses.value(ofTokenAt: index, in: tokens) ?? []
  }

  /// Adds another vocabulary's entries.
  mutating func merge(_ other: Vocabulary) {
    months.merge(other.months) { old, _ in old }
    standaloneMonths.formUnion(other.standaloneMonths)
    weekdays.merge(other.weekdays) { old, _ in old }
    units.merge(other.units)
    pastPrefixes.merge(other.pastPrefixes)
    pastSuffixes.merge(other.pastSuffixes)
    futurePrefixes.merge(other.futurePrefixes)
    futureSuffixes.merge(other.futureSuffixes)
    phrases.merge(other.phrases)
    for layout in other.layouts where !layouts.contains(layout) { layouts.append(layout) }
    layouts.sort { $0.elements.count > $1.elements.count }
    triggers.formUnion(other.triggers)
    grammar.merge(other.grammar)
    wordClasses = WordHash.Table([:])
    wordClassFilter = WordHash.Filter()
    monthsByToken = WordHash.Table([:])
    weekdaysByToken = WordHash.Table([:])
    triggersByToken = WordHash.Table([:])
  }
}

/// A relative phrase with its meaning.
enum RelativePhrase: Sendable, Equatable {
  case shift(TimeUnit, Int)
  case weekday(Int, offset: Int)
}

/// A date layout read off a CLDR pattern: slots and literal tokens in order.
struct DateLayout: Sendable, Equatable {
  enum Element: Sendable, Equatable {
    case year, monthNumber, monthName, day
    case literal(String)
  }
  let elements: [Element]
  /// Per element, what `Grammar.match(_:at:)` asks of it, worked out once per layout rather
  /// than at every token a layout is tried at (a function of `elements`, so equality holds).
  let shapes: [ElementShape]
  /// A month name slot is among the elements ("27 maggio 2025", not "2025年5月27日").
  let hasMonthName: Bool

  /// The facts of one element of "d. MMMM y 'г'." ("27 мая 2025 г."): the final "." is
  /// punctuation after the word literal "г" and ends the layout's literals-only tail.
  struct ElementShape: Sendable, Equatable {
    /// Only literals from this element on (itself included).
    let beginsLiteralTail: Bool
    /// A literal without letters ("/", ".", "-"; also the empty literal).
    let isPunctuation: Bool
    /// The element before is a literal with a letter (the "г" before ".").
    let followsWordLiteral: Bool
  }

  init(elements: [Element]) {
    self.elements = elements
    hasMonthName = elements.contains(.monthName)
    var shapes: [ElementShape] = []
    shapes.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      let isLiteral = { (e: Element) -> Bool in
        if case .literal = e { return true } else { return false }
      }
      var isPunctuation = false
      if case .literal(let text) = element {
        isPunctuation = text.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic }
      }
      var followsWordLiteral = false
      if index > 0, case .literal(let previous) = elements[index - 1] {
        followsWordLiteral = previous.unicodeScalars.contains { $0.properties.isAlphabetic }
      }
      shapes.append(
        ElementShape(
          beginsLiteralTail: elements[index...].allSatisfy(isLiteral),
          isPunctuation: isPunctuation, followsWordLiteral: followsWordLiteral))
    }
    self.shapes = shapes
  }
}

/// Token sequences → values, looked up by their first token.
struct PhraseTable<Value: Sendable & Equatable>: Sendable {
  private(set) var byFirst: [String: [(tokens: [String], value: Value)]] = [:]
  /// The table's bit in a token's slot mask (`DateGrammarWords.slotMasks`); 0: none.
  var slot: UInt64 = 0
  /// The first tokens, as a filter on token hashes: most tokens are turned away before
  /// `byFirst` hashes their text.
  private var firstFilter = WordHash.Filter(bitCount: 4096)
  /// Whether every first token is in NFC; otherwise the filter is not used (a plain token
  /// could equal a first token under Unicode equivalence with other bytes).
  private var firstTokensAreNFC = true
  /// Whether every later token of every entry is in NFC: a plain token is then compared with
  /// it by bytes, length first (`TokenWord`), not by Unicode equivalence.
  private var laterTokensAreNFC = true

  init(slot: UInt64 = 0) { self.slot = slot }

  var isEmpty: Bool { byFirst.isEmpty }

  mutating func add(_ tokens: [String], _ value: Value) {
    guard let first = tokens.first else { return }
    // One lookup, and the list changed in place (no copy of the list the dictionary holds).
    // A stored list is never empty: an empty one is a new first token.
    var isNew = false
    func insert(into list: inout [(tokens: [String], value: Value)]) {
      isNew = list.isEmpty
      if list.contains(where: { $0.tokens == tokens }) { return }
      list.append((tokens, value))
      list.sort { $0.tokens.count > $1.tokens.count }
    }
    insert(into: &byFirst[first, default: []])
    if laterTokensAreNFC && !tokens.dropFirst().allSatisfy(WordHash.isNFC) {
      laterTokensAreNFC = false
    }
    // A first token already in the table is in the filter and was checked for NFC.
    guard isNew else { return }
    firstFilter.insert(first)
    if firstTokensAreNFC && !WordHash.isNFC(first) { firstTokensAreNFC = false }
  }

  mutating func merge(_ other: PhraseTable<Value>) {
    // Into an empty table, adding every entry again would give the same lists, filter and NFC
    // flag (each list is already free of repeats and sorted longest first): take them as
    // they are. The table keeps its own slot.
    if byFirst.isEmpty {
      byFirst = other.byFirst
      firstFilter = other.firstFilter
      firstTokensAreNFC = other.firstTokensAreNFC
      laterTokensAreNFC = other.laterTokensAreNFC
      return
    }
    for (_, list) in other.byFirst {
      for entry in list { add(entry.tokens, entry.value) }
    }
  }

  /// The longest entry matching the tokens at `index`: its value and the index after it.
  func match(_ tokens: [Token], at index: Int) -> (value: Value, end: Int)? {
    guard index < tokens.count,
      !firstTokensAreNFC || firstFilter.mayContain(tokenAt: index, in: tokens),
      let list = byFirst[tokens.text(at: index)]
    else { return nil }
    for entry in list {
      let end = index + entry.tokens.count
      guard end <= tokens.count else { continue }
      var ok = true
      for k in 1..<entry.tokens.count
      where !Self.hasText(tokens, index + k, entry.tokens[k], wordIsNFC: laterTokensAreNFC) {
        ok = false
        break
      }
      // Multi-token entries must not span a line break.
      if ok, entry.tokens.count > 1,
        (index + 1..<end).contains(where: { tokens[$0].newlinesBefore > 0 })
      {
        ok = false
      }
      if ok { return (entry.value, end) }
    }
    return nil
  }

  /// Whether the text of `tokens[k]` is `word`, as `==` answers it: by bytes, length first,
  /// when the token is plain and `word` is in NFC (`TokenWord`), so "year" against "anno" or
  /// "the" against "прошлой" answers without a Unicode comparison. `match` passes the table's
  /// `laterTokensAreNFC`.
  @inline(__always) static func hasText(
    _ tokens: [Token], _ k: Int, _ word: String, wordIsNFC: Bool
  ) -> Bool {
    let text = tokens.text(at: k)
    guard wordIsNFC else { return text == word }
    return TokenWord(token: text, isPlain: tokens[k].isPlain) == TokenWord(stringLiteral: word)
  }

  /// Every first token.
  var firstTokens: Set<String> { Set(byFirst.keys) }
}
