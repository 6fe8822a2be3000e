/// English core vocabulary of temporal expressions (TimeML / TempEval-3 conventions).
/// Month and weekday names of other languages come from CLDR (`CLDRVocabulary`).
enum EnglishWords {
  /// Month names and abbreviations ("sept" is read with or without its period).
  static let months: [String: Int] = [
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
  ]

  /// Abbreviated or ambiguous month words that need a capital and a date context.
  static let weakMonths: Set<String> = [
    "may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr",
    "sept",
  ]

  /// Weekdays, ISO numbered (Monday 1 … Sunday 7).
  static let weekdays: [String: Int] = [
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6,
    "sun": 7,
  ]
  /// Plural weekdays, every such day ("open on Sundays" → SET XXXX-WXX-7), ISO numbered.
  static let pluralWeekdays: [String: Int] = [
    "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6,
    "sundays": 7,
  ]
  /// Plural parts of day after a weekday, every such part ("Tuesday nights" → XXXX-WXX-2TNI).
  static let pluralPartsOfDay: [String: String] = [
    "mornings": "TMO", "afternoons": "TAF", "evenings": "TEV", "nights": "TNI",
  ]
  static let weekdayAbbreviations: Set<String> = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  ]

  /// Units, singular and plural.
  static let units: [String: TimeUnit] = [
    "second": .second, "seconds": .second, "sec": .second, "secs": .second,
    "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
    "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
    "day": .day, "days": .day, "week": .week, "weeks": .week, "weekend": .weekend,
    "weekends": .weekend,
    "fortnight": .fortnight, "fortnights": .fortnight,
    "month": .month, "months": .month, "quarter": .quarter, "quarters": .quarter,
    "year": .year, "years": .year, "yr": .year, "yrs": .year, "decade": .decade, "decades": .decade,
    "century": .century, "centuries": .century,
  ]

  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
    "dozen": 12,
  ]

  /// Vague quantities: the count stays X ("several years" → PXY).
  static let vagueCounts: Set<String> = [
    "several", "few", "many", "some", "numerous", "countless", "multiple",
  ]

  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "last": -1, "final": -1,
  ]

  static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

  static let seasons: [String: String] = [
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
  ]

  static let partsOfDay: [String: String] = [
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
  ]

  /// Decade words: "the nineties" → 199.
  static let decadeWords: [String: Int] = [
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8,
    "nineties": 9,
  ]

  /// Modifiers before a date: "early 1990", "late November", "mid-1998".
  static let mods: [String: String] = [
    "early": "START", "late": "END", "mid": "MID", "middle": "MID", "end": "END",
    "beginning": "START",
    "start": "START",
  ]

  /// Vague references.
  static let refs: [String: String] = [
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
  ]

  /// Set adverbs: "daily" → P1D.
  static let setAdverbs: [String: String] = [
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "hourly": "PT1H",
  ]

  /// Holidays (US news): name words → rule.
  static let holidays: [String: Holiday] = [
    "christmas": .fixed(month: 12, day: 25),
    "thanksgiving": .nthWeekday(n: 4, weekday: 4, month: 11),
    "halloween": .fixed(month: 10, day: 31), "easter": .easter(offset: 0),
  ]

  /// Past-tense and future markers used to resolve weekdays and yearless dates.
  static let futureMarkers: Set<String> = [
    "will", "shall", "ll", "tomorrow", "next", "upcoming", "coming", "scheduled", "plans", "plan",
    "expected", "expects", "expect", "intends", "planning", "would", "could", "might", "aims",
  ]
  /// Verbs of schedules whose present tense news uses for what is planned ("the two leaders
  /// meet Monday", "talks resume on Tuesday", "the offer expires Friday"): just before a date
  /// they make it lie ahead. Forms that are as often nouns ("year end", "market close", "the
  /// start", "department head") are left out.
  static let scheduledPresent: Set<String> = [
    "meet", "meets", "begin", "begins", "starts", "resume", "resumes", "opens", "closes", "ends",
    "expire", "expires", "leave", "leaves", "arrive", "arrives", "depart", "departs", "return",
    "returns", "heads", "travel", "travels", "convene", "convenes", "testify", "testifies",
    "reconvene", "reconvenes", "reopen", "reopens", "visits",
  ]
  static let pastMarkers: Set<String> = [
    "said", "was", "were", "had", "did", "ago", "last", "yesterday", "told", "announced",
    "reported", "met",
    "began", "came", "went", "took", "gave", "made", "held", "left", "won", "lost", "fell", "rose",
    "sold",
    "bought", "became", "saw", "found", "killed", "died", "closed", "ended", "opened", "earlier",
    "previous",
    "former", "captured", "agreed",
    // Irregular preterites, which the "-ed" test cannot see.
    "brought", "thought", "sought", "caught", "taught", "fought", "led", "fled", "struck", "ran",
    "grew", "threw", "drew", "knew", "wrote", "spoke", "broke", "chose", "drove", "stood", "sent",
    "spent", "built", "paid", "kept", "felt", "heard", "shot", "hid", "forgot", "froze", "swore",
    "withdrew", "overthrew", "undertook", "arose",
  ]
}

extension EnglishWords {
  /// Words before a year in a history that make it an aside, not a move of the story ("since
  /// 1990", "until 1915").
  static let asideMarkers: Set<String> = ["since", "until", "till", "from", "like"]
  /// Prepositions before a year that move a history's story however far it jumps ("in 1915").
  static let yearMoveCues: Set<String> = ["in", "during", "around", "circa"]
}

/// The `EnglishWords` tables the grammar reads at every trigger word, looked up by the token's
/// precomputed hash (`WordHash.Table`) instead of hashing its text: `EnglishTables.months[token]`
/// answers as `EnglishWords.months[token.text]` ("sept" → 9).
enum EnglishTables {
  static let months = WordHash.Table(EnglishWords.months)
  static let weekdays = WordHash.Table(EnglishWords.weekdays)
  static let pluralWeekdays = WordHash.Table(EnglishWords.pluralWeekdays)
  static let pluralPartsOfDay = WordHash.Table(EnglishWords.pluralPartsOfDay)
  static let units = WordHash.Table(EnglishWords.units)
  static let numberWords = WordHash.Table(EnglishWords.numberWords)
  static let ordinals = WordHash.Table(EnglishWords.ordinals)
  static let seasons = WordHash.Table(EnglishWords.seasons)
  static let decadeWords = WordHash.Table(EnglishWords.decadeWords)
  static let mods = WordHash.Table(EnglishWords.mods)
  static let refs = WordHash.Table(EnglishWords.refs)
  static let setAdverbs = WordHash.Table(EnglishWords.setAdverbs)
  static let holidays = WordHash.Table(EnglishWords.holidays)
  static let partsOfDay = WordHash.Table(EnglishWords.partsOfDay)
  static let scheduledPresent = WordHash.Table<Bool>(words: EnglishWords.scheduledPresent.sorted())
}
