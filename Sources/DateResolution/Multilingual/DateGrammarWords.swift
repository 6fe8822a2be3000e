/// One language's words for the shared date grammar (`Grammar+Lexicon.swift`), read from
/// `Lexicons/<lang>/date-grammar.tsv` by `DateGrammarLexicon`: the grammar's rules are the same
/// for every language, its slots are filled from these tables ("vor zwei Wochen", "il y a trois
/// ans", "два роки тому" are one rule: past prefix or suffix, count, unit).
///
/// Every table is keyed by lowercased token sequences, tokenised as the text is (`Tokenizer`),
/// so "il y a" is `il` `y` `a` and "v. Chr." is `v` `.` `chr` `.`.
struct DateGrammarWords: Sendable {
  /// Month names in every inflection ("März", "березні", "Νοέμβριο", "veebruaris") → 1–12.
  var months = PhraseTable<Int>(slot: 1 << 0)
  /// Weekday names ("Montag", "mercredi", "неділю") → ISO 1–7.
  var weekdays = PhraseTable<Int>(slot: 1 << 1)
  /// Unit words in every inflection ("Jahre", "années", "років") → unit.
  var units = PhraseTable<TimeUnit>(slot: 1 << 2)
  /// The plural forms among `units` ("Jahre", "années", "anni"): with a determiner and no
  /// count they are a vague duration ("die letzten Jahre", "ultimi anni" → PXY).
  var pluralUnits = PhraseTable<Bool>(slot: 1 << 3)
  /// Quantifiers before a count ("mehr als", "plus de", "quasi", "rund") → TIMEX3 mod.
  var quantifiers = PhraseTable<String>(slot: 1 << 4)
  /// Prepositions that may precede an expression without belonging to it ("im", "en", "у"):
  /// a bare season or part of day needs one, or an article ("en été", not "a été").
  var prepositions = PhraseTable<Bool>(slot: 1 << 5)
  /// Words after a count of years making it an age ("alt", "jährige").
  var ageAfter = PhraseTable<Bool>(slot: 1 << 6)
  /// Words before a count of years making it an age ("ha 28 anni", "tiene 45 años").
  var ageBefore = PhraseTable<Bool>(slot: 1 << 40)
  /// Number words ("zwei", "trois", "dos", "п'ять") → value.
  var numbers = PhraseTable<Int>(slot: 1 << 7)
  /// Ordinal words ("ersten", "premier", "третього") → value.
  var ordinals = PhraseTable<Int>(slot: 1 << 8)
  /// Letters written right after a digit to make it ordinal ("1er", "3º", "1η").
  var ordinalSuffixes = PhraseTable<Bool>(slot: 1 << 9)
  /// Counts left open ("mehrere", "plusieurs", "кілька") → PXY, PXD.
  var vagueCounts = PhraseTable<Bool>(slot: 1 << 10)
  /// Determiners picking a unit or weekday relative to the anchor: -1 ("letzten", "dernier",
  /// "pasado"), 0 ("dieses", "ce", "este"), +1 ("nächsten", "prochain"); `same` words
  /// ("selben", "même", "mismo") count from the narrative.
  var determiners = PhraseTable<Determiner>(slot: 1 << 11)
  /// Articles and article-prepositions that belong to the expression ("el", "l'", "τον").
  var articles = PhraseTable<Bool>(slot: 1 << 12)
  /// Words joining date parts ("de" in "5 de mayo de 2025", "del", "του").
  var glue = PhraseTable<Bool>(slot: 1 << 13)
  /// Words written before a year that belong to it ("Jahr 1990", "año 1990").
  var yearBefore = PhraseTable<Bool>(slot: 1 << 14)
  /// Words written after a year ("1936 року", "1990 г.", "1991. aastal").
  var yearAfter = PhraseTable<Bool>(slot: 1 << 15)
  /// Era words after a year: before Christ ("v. Chr.", "av. J.-C.", "до н. е.").
  var eraBC = PhraseTable<Bool>(slot: 1 << 16)
  /// Start, middle, end of a period ("Anfang", "mi", "finales", "кінця", "τέλη") → TIMEX3 mod.
  var mods = PhraseTable<String>(slot: 1 << 17)
  /// Seasons ("Sommer", "hiver", "весною") → SP, SU, FA, WI.
  var seasons = PhraseTable<String>(slot: 1 << 18)
  /// Parts of the day ("Abend", "soir", "вечора") → MO, AF, EV, NI, DT.
  var partsOfDay = PhraseTable<String>(slot: 1 << 19)
  /// Holidays with their calendar rule ("Weihnachten" 12-25, "Pâques" easter+0).
  var holidays = PhraseTable<Holiday>(slot: 1 << 20)
  /// Whole phrases with a fixed meaning ("gestern", "avant-hier", "jetzt", "täglich").
  var phrases = PhraseTable<LexiconMeaning>(slot: 1 << 21)
  /// Words before or after a count and unit giving the direction from the DCT.
  var pastPrefixes = PhraseTable<Bool>(slot: 1 << 22)
  var pastSuffixes = PhraseTable<Bool>(slot: 1 << 23)
  var futurePrefixes = PhraseTable<Bool>(slot: 1 << 24)
  var futureSuffixes = PhraseTable<Bool>(slot: 1 << 25)
  /// Words after a count and unit counting from the narrative ("später", "plus tard", "потому").
  var laterSuffixes = PhraseTable<Bool>(slot: 1 << 26)
  var earlierSuffixes = PhraseTable<Bool>(slot: 1 << 27)
  /// Words making a unit or weekday a set ("jeden", "chaque", "tous les", "кожного").
  var setPrefixes = PhraseTable<Bool>(slot: 1 << 28)
  /// Words joining the two ends of a range ("bis", "au", "al", "do").
  var rangeWords = PhraseTable<Bool>(slot: 1 << 29)
  /// Words after an hour ("Uhr", "h", "horas") and before one ("kell").
  var clockAfter = PhraseTable<Bool>(slot: 1 << 30)
  var clockBefore = PhraseTable<Bool>(slot: 1 << 31)
  /// Letters glued to a year making it a decade ("1990er", "1990-х", "1990-ті").
  var decadeSuffixes = PhraseTable<Bool>(slot: 1 << 32)
  /// Start, middle, end written after the period, as Estonian does ("aasta lõpus", "mai
  /// alguses", "juuli keskel") → TIMEX3 mod.
  var modsAfter = PhraseTable<String>(slot: 1 << 33)
  /// Words after a number making it an amount, never a year ("1300 miliardi", "1600 addetti",
  /// "2000 Euro").
  var quantityAfter = PhraseTable<Bool>(slot: 1 << 34)
  /// Words after a count and unit adding half a unit ("e meio", "et demi", "y medio").
  var halfAfter = PhraseTable<Bool>(slot: 1 << 35)
  /// Words naming the period a report compares with ("período homólogo", "mesmo trimestre",
  /// "période correspondante", "stesso periodo"): before "last year" they are the period in
  /// focus a year before ("o trimestre homólogo do ano passado" after "o terceiro trimestre").
  var samePeriods = PhraseTable<Bool>(slot: 1 << 41)

  /// Verb forms that put a sentence in the past ("war", "fue", "було") or future ("wird",
  /// "sera", "буде"), for the year of "am 13. Dezember" and the day of "Montag".
  var pastMarkers: Set<String> = []
  var futureMarkers: Set<String> = []
  /// Endings of the present tense in a language whose present tells what is ahead (Estonian
  /// "toimub", "algab", "kohtuvad": no future tense), or of a synthetic future ("jugará",
  /// "jouera", "riunirà"), marking a sentence's tense as future.
  var futureEndings: Set<String> = []
  /// Words before a year in a history that make it an aside, not a move of the story ("seit
  /// 1939", "bis 1915", "desde 1990").
  var asideMarkers: Set<String> = []
  /// The one-word `prepositions` ("im", "en", "в"): before a year they make it a move of a
  /// history's story ("В 2020 году", "en 1915") however far it jumps.
  var prepositionWords: Set<String> = []

  /// Determiner meaning.
  enum Determiner: Sendable, Equatable {
    case offset(Int)
    case same
    /// -1 or +1 from the date in focus: "l'année suivante", "el mes anterior", "im folgenden
    /// Jahr" (from the DCT when nothing was mentioned before).
    case story(Int)

    /// The offset a weekday or month takes from it; nil for `same`.
    var offset: Int? {
      switch self {
      case .offset(let o), .story(let o): return o
      case .same: return nil
      }
    }
  }

  /// Whether no table that can start an expression has an entry (`headTokens` and
  /// `prefixTokens` are empty), checked without building those sets: `Vocabulary` asks after
  /// every change to its grammar.
  var isEmpty: Bool {
    months.isEmpty && weekdays.isEmpty && units.isEmpty && numbers.isEmpty && ordinals.isEmpty
      && vagueCounts.isEmpty && seasons.isEmpty && partsOfDay.isEmpty && holidays.isEmpty
      && phrases.isEmpty && determiners.isEmpty && articles.isEmpty && yearBefore.isEmpty
      && mods.isEmpty && pastPrefixes.isEmpty && futurePrefixes.isEmpty && setPrefixes.isEmpty
      && clockBefore.isEmpty && quantifiers.isEmpty && samePeriods.isEmpty
  }

  /// First tokens that can carry an expression (heads).
  var headTokens: Set<String> {
    var s = Set<String>()
    s.formUnion(months.byFirst.keys)
    s.formUnion(weekdays.byFirst.keys)
    s.formUnion(units.byFirst.keys)
    s.formUnion(numbers.byFirst.keys)
    s.formUnion(ordinals.byFirst.keys)
    s.formUnion(vagueCounts.byFirst.keys)
    s.formUnion(seasons.byFirst.keys)
    s.formUnion(partsOfDay.byFirst.keys)
    s.formUnion(holidays.byFirst.keys)
    s.formUnion(phrases.byFirst.keys)
    return s
  }

  /// First tokens that start an expression only before a head or number; `heads` is
  /// `headTokens`, which the caller has already built.
  func prefixTokens(heads: Set<String>) -> Set<String> {
    var s = Set<String>()
    s.formUnion(determiners.byFirst.keys)
    s.formUnion(articles.byFirst.keys)
    s.formUnion(yearBefore.byFirst.keys)
    s.formUnion(mods.byFirst.keys)
    s.formUnion(pastPrefixes.byFirst.keys)
    s.formUnion(futurePrefixes.byFirst.keys)
    s.formUnion(setPrefixes.byFirst.keys)
    s.formUnion(clockBefore.byFirst.keys)
    s.formUnion(quantifiers.byFirst.keys)
    s.formUnion(samePeriods.byFirst.keys)
    return s.subtracting(heads)
  }

  /// First token → the `slot` bits of every table it starts an entry of: one lookup per token
  /// tells the rules which tables can match there.
  func slotMasks() -> [String: UInt64] {
    var masks: [String: UInt64] = [:]
    // Straight from each table's keys: no set of first tokens is built per table.
    func add<Value>(_ table: PhraseTable<Value>) {
      for w in table.byFirst.keys { masks[w, default: 0] |= table.slot }
    }
    add(months)
    add(weekdays)
    add(units)
    add(pluralUnits)
    add(quantifiers)
    add(prepositions)
    add(ageAfter)
    add(ageBefore)
    add(numbers)
    add(ordinals)
    add(ordinalSuffixes)
    add(vagueCounts)
    add(determiners)
    add(articles)
    add(glue)
    add(yearBefore)
    add(yearAfter)
    add(eraBC)
    add(mods)
    add(seasons)
    add(partsOfDay)
    add(holidays)
    add(phrases)
    add(pastPrefixes)
    add(pastSuffixes)
    add(futurePrefixes)
    add(futureSuffixes)
    add(laterSuffixes)
    add(earlierSuffixes)
    add(setPrefixes)
    add(rangeWords)
    add(clockAfter)
    add(clockBefore)
    add(decadeSuffixes)
    add(modsAfter)
    add(quantityAfter)
    add(halfAfter)
    add(samePeriods)
    return masks
  }

  /// Adds another table's entries (its entries lose to ours on equal keys).
  mutating func merge(_ o: DateGrammarWords) {
    months.merge(o.months)
    weekdays.merge(o.weekdays)
    units.merge(o.units)
    pluralUnits.merge(o.pluralUnits)
    quantifiers.merge(o.quantifiers)
    prepositions.merge(o.prepositions)
    ageAfter.merge(o.ageAfter)
    ageBefore.merge(o.ageBefore)
    numbers.merge(o.numbers)
    ordinals.merge(o.ordinals)
    ordinalSuffixes.merge(o.ordinalSuffixes)
    vagueCounts.merge(o.vagueCounts)
    determiners.merge(o.determiners)
    articles.merge(o.articles)
    glue.merge(o.glue)
    yearBefore.merge(o.yearBefore)
    yearAfter.merge(o.yearAfter)
    eraBC.merge(o.eraBC)
    mods.merge(o.mods)
    seasons.merge(o.seasons)
    partsOfDay.merge(o.partsOfDay)
    holidays.merge(o.holidays)
    phrases.merge(o.phrases)
    pastPrefixes.merge(o.pastPrefixes)
    pastSuffixes.merge(o.pastSuffixes)
    futurePrefixes.merge(o.futurePrefixes)
    futureSuffixes.merge(o.futureSuffixes)
    laterSuffixes.merge(o.laterSuffixes)
    earlierSuffixes.merge(o.earlierSuffixes)
    setPrefixes.merge(o.setPrefixes)
    rangeWords.merge(o.rangeWords)
    clockAfter.merge(o.clockAfter)
    clockBefore.merge(o.clockBefore)
    decadeSuffixes.merge(o.decadeSuffixes)
    modsAfter.merge(o.modsAfter)
    quantityAfter.merge(o.quantityAfter)
    halfAfter.merge(o.halfAfter)
    samePeriods.merge(o.samePeriods)
    pastMarkers.formUnion(o.pastMarkers)
    futureMarkers.formUnion(o.futureMarkers)
    futureEndings.formUnion(o.futureEndings)
    asideMarkers.formUnion(o.asideMarkers)
    prepositionWords.formUnion(o.prepositionWords)
  }
}

/// The meaning of a whole phrase of a `date-grammar` or `date-words` lexicon.
enum LexiconMeaning: Sendable, Equatable {
  /// `day-1`, `year+0@narrative`, `day+0 TEV`: a shift from the DCT (or the narrative), with
  /// an optional part of day.
  case shift(TimeUnit, Int, narrative: Bool, time: String?)
  /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`: a vague DATE.
  case reference(String)
  /// `set P1D` ("täglich"), `duration PXD` ("tagelang"): a literal of that type.
  case literal(type: String, value: String)
  /// `season SU`: a season written as an adverb ("suvel", "sügisel"), resolved like "im
  /// Sommer".
  case season(String)
}
