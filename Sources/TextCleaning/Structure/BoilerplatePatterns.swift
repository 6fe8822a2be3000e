import Foundation
import ICUSupport
import NormalizeCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The compiled `boilerplate.tsv` rules of every language, matched against whole lines.
///
/// Patterns are written in lowercase and matched against the lowercased line (cheaper than
/// ICU's case-insensitive mode), each compiled once as `^(?:pattern)$`. For every pattern a
/// ``PatternPrefilter`` derives at load time what a matching line must look like: how it can
/// start, how long it can be, which literal it must contain. The patterns of an article's
/// language list are indexed by the first scalar a matching line can have, so a line only
/// reaches the regex engine for the patterns whose conditions it meets. The result is the same
/// as trying every pattern in order: the first pattern that matches the whole lowercased line
/// names the rule.
///
/// ```text
/// # Lexicons/it/boilerplate.tsv
/// comment-heading	lascia un commento
/// related-heading	(?:ultime notizie|leggi anche|articoli correlati)\s*:?
/// ```
struct BoilerplatePatterns: Sendable {
  /// The patterns tried for one article language: the ``Segment``s of its own file, `en/` and
  /// `all/`, tried in that order. A segment is built once and shared by every table that lists
  /// its file, so English's and `all/`'s patterns are indexed once per process, not once per
  /// language. Immutable after init, so shared freely across threads.
  final class Table: @unchecked Sendable {
    /// The segments, in order (kept alive here).
    fileprivate let segments: [Segment]
    /// The same segments held without a reference count, read in the per-line loop (a counted
    /// reference would be an atomic write to an object every thread shares).
    fileprivate let unmanagedSegments: UnsafeMutableBufferPointer<Unmanaged<Segment>>

    fileprivate init(_ segments: [Segment]) {
      self.segments = segments
      let buffer = UnsafeMutableBufferPointer<Unmanaged<Segment>>.allocate(
        capacity: max(segments.count, 1))
      _ = buffer.initialize(from: segments.map { .passUnretained($0) })
      unmanagedSegments = UnsafeMutableBufferPointer(rebasing: buffer[0..<segments.count])
    }

    deinit { unmanagedSegments.deallocate() }
  }

  /// The patterns of one file (or of the rules of one file written for sentences), in order,
  /// with an index by first scalar, in flat arrays of plain values (no reference counting in
  /// the per-line loop). Immutable after init, so shared freely across threads.
  final class Segment: @unchecked Sendable {
    /// One pattern in a bucket: its index and a range of ``pathIndices`` (empty: no prefix
    /// condition).
    fileprivate struct Entry {
      let pattern: Int32
      let pathsStart: Int32
      let pathsEnd: Int32
      /// The ASCII scalars the second scalar of the line may be, over all its paths (all bits
      /// set when a path is shorter or its second set holds non-ASCII scalars).
      var secondLow: UInt64 = ~0
      var secondHigh: UInt64 = ~0
    }
    /// One required string: a range of ``needleBytes``, its byte-presence mask index, and
    /// whether it can be searched in the line as written (no scalar of it is produced by
    /// lowercasing another scalar).
    fileprivate struct Needle {
      let start: Int32
      let end: Int32
      let stable: Bool
    }

    /// The regexes, compiled on first use, by ``patternIDs``.
    fileprivate let store: Store
    /// Per pattern: its index in ``store``.
    fileprivate let patternIDs: [Int32]
    fileprivate let rules: [String]
    fileprivate let maxLengths: UnsafeMutableBufferPointer<Int>
    /// Per pattern, a range of ``requiredSets``; per set a range of ``needles``.
    fileprivate let requiredStart: UnsafeMutableBufferPointer<Int32>
    fileprivate let requiredSets: UnsafeMutableBufferPointer<Int32>
    fileprivate let needles: UnsafeMutableBufferPointer<Needle>
    /// The needles' bytes, in memory the table owns (read without touching an array's
    /// reference count, which every thread would share).
    fileprivate let needleBytes: UnsafeMutableBufferPointer<UInt8>
    /// Per needle, the bytes it contains as a mask (4 words, see ``byteMask(_:foldASCII:)``).
    fileprivate let needleMasks: UnsafeMutableBufferPointer<UInt64>
    /// Prefix paths: per path a range of ``sets``; per set its ASCII mask pair in ``asciiMasks``.
    fileprivate let pathStart: UnsafeMutableBufferPointer<Int32>
    /// Per set, its non-ASCII part: a range of ``setRanges``, its classes and whether it is
    /// negated (flat arrays of plain values: reading a `ScalarSet` out of an array would retain
    /// its ranges, shared by every thread).
    fileprivate let setRangeStart: [Int32]
    fileprivate let setRanges: [ClosedRange<UInt32>]
    fileprivate let setClasses: [UInt8]
    fileprivate let setNegated: [Bool]
    fileprivate let asciiMasks: UnsafeMutableBufferPointer<UInt64>
    fileprivate let pathIndices: UnsafeMutableBufferPointer<Int32>
    /// 128 buckets for an ASCII first scalar, then 64 for non-ASCII ones by `scalar & 63`:
    /// ranges of ``entries``, in pattern order.
    fileprivate let bucketStart: UnsafeMutableBufferPointer<Int32>
    fileprivate let entries: UnsafeMutableBufferPointer<Entry>
    /// Per pattern, a range of literals (empty: the regex decides); per literal, a range of
    /// ``literalBytes`` (start and end, two entries each): every string the pattern matches
    /// (``Compiled/literals``).
    fileprivate let literalStart: UnsafeMutableBufferPointer<Int32>
    fileprivate let literalRanges: UnsafeMutableBufferPointer<Int32>
    fileprivate let literalBytes: UnsafeMutableBufferPointer<UInt8>

    /// Indexes the patterns `ids` of `store`, whose conditions are `compiled`.
    fileprivate init(_ ids: [Int], compiled: [Compiled], store: Store) {
      self.store = store
      patternIDs = ids.map { Int32($0) }
      rules = compiled.map(\.rule)
      maxLengths = Self.owned(compiled.map(\.maxLength))
      var literalStart: [Int32] = [0]
      var literalRanges: [Int32] = []
      var literalBytes: [UInt8] = []
      for pattern in compiled {
        for literal in pattern.literals ?? [] {
          literalRanges.append(Int32(literalBytes.count))
          literalBytes += literal
          literalRanges.append(Int32(literalBytes.count))
        }
        literalStart.append(Int32(literalRanges.count / 2))
      }
      self.literalStart = Self.owned(literalStart)
      self.literalRanges = Self.owned(literalRanges)
      self.literalBytes = Self.owned(literalBytes)
      var requiredStart: [Int32] = [0]
      var requiredSets: [Int32] = [0]
      var needles: [Needle] = []
      var needleBytes: [UInt8] = []
      var needleMasks: [UInt64] = []
      for pattern in compiled {
        for set in pattern.required {
          for needle in set {
            let start = Int32(needleBytes.count)
            needleBytes += needle.bytes
            needles.append(
              Needle(start: start, end: Int32(needleBytes.count), stable: needle.stable))
            needleMasks += needle.mask
          }
          requiredSets.append(Int32(needles.count))
        }
        requiredStart.append(Int32(requiredSets.count - 1))
      }
      var pathStart: [Int32] = [0]
      var sets: [ScalarSet] = []
      var asciiMasks: [UInt64] = []
      var firstPath: [Int] = []
      for pattern in compiled {
        firstPath.append(pathStart.count - 1)
        var end = Int32(sets.count)
        for length in pattern.pathLengths {
          end += length
          pathStart.append(end)
        }
        sets += pattern.pathSets
        asciiMasks += pattern.pathMasks
      }
      firstPath.append(pathStart.count - 1)
      // Per bucket, the (pattern, path) pairs in pattern order (path -1: no prefix condition),
      // placed by a counting sort: `pairStart` ranges of `pairPatterns` and `pairPaths`.
      func forEachPair(_ body: (_ bucket: Int, _ pattern: Int32, _ path: Int32) -> Void) {
        for number in compiled.indices {
          let paths = firstPath[number]..<firstPath[number + 1]
          if paths.isEmpty {
            for bucket in 0..<192 { body(bucket, Int32(number), -1) }
            continue
          }
          for path in paths {
            let words = compiled[number].buckets[path - paths.lowerBound]
            for base in stride(from: 0, to: 192, by: 64) {
              var bits = base == 0 ? words.0 : base == 64 ? words.1 : words.2
              while bits != 0 {
                body(base + bits.trailingZeroBitCount, Int32(number), Int32(path))
                bits &= bits - 1
              }
            }
          }
        }
      }
      var pairStart = [Int](repeating: 0, count: 193)
      forEachPair { bucket, _, _ in pairStart[bucket + 1] += 1 }
      for bucket in 0..<192 { pairStart[bucket + 1] += pairStart[bucket] }
      var pairPatterns = [Int32](repeating: 0, count: pairStart[192])
      var pairPaths = [Int32](repeating: 0, count: pairStart[192])
      var cursor = pairStart
      forEachPair { bucket, pattern, path in
        pairPatterns[cursor[bucket]] = pattern
        pairPaths[cursor[bucket]] = path
        cursor[bucket] += 1
      }
      var bucketStart: [Int32] = [0]
      var entries: [Entry] = []
      var pathIndices: [Int32] = []
      bucketStart.reserveCapacity(193)
      entries.reserveCapacity(pairStart[192])
      pathIndices.reserveCapacity(pairStart[192])
      for bucket in 0..<192 {
        var index = pairStart[bucket]
        let pairsEnd = pairStart[bucket + 1]
        while index < pairsEnd {
          let number = pairPatterns[index]
          if pairPaths[index] < 0 {
            entries.append(Entry(pattern: number, pathsStart: 0, pathsEnd: 0))
            index += 1
            continue
          }
          let start = Int32(pathIndices.count)
          var entry = Entry(pattern: number, pathsStart: start, pathsEnd: start)
          entry.secondLow = 0
          entry.secondHigh = 0
          while index < pairsEnd, pairPatterns[index] == number {
            let path = Int(pairPaths[index])
            pathIndices.append(Int32(path))
            let second = Int(pathStart[path]) + 1
            if second >= Int(pathStart[path + 1]) {
              entry.secondLow = ~0
              entry.secondHigh = ~0
            } else {
              entry.secondLow |= asciiMasks[second * 2]
              entry.secondHigh |= asciiMasks[second * 2 + 1]
            }
            index += 1
          }
          entries.append(
            Entry(
              pattern: number, pathsStart: start, pathsEnd: Int32(pathIndices.count),
              secondLow: entry.secondLow,
              secondHigh: entry.secondHigh))
        }
        bucketStart.append(Int32(entries.count))
      }
      self.requiredStart = Self.owned(requiredStart)
      self.requiredSets = Self.owned(requiredSets)
      self.needles = Self.owned(needles)
      self.needleBytes = .allocate(capacity: max(needleBytes.count, 1))
      _ = self.needleBytes.initialize(from: needleBytes)
      self.needleMasks = Self.owned(needleMasks)
      self.pathStart = Self.owned(pathStart)
      setRangeStart = sets.reduce(into: [Int32(0)]) { starts, set in
        starts.append(starts[starts.count - 1] + Int32(set.ranges.count))
      }
      setRanges = sets.flatMap(\.ranges)
      setClasses = sets.map(\.classes)
      setNegated = sets.map(\.negated)
      self.asciiMasks = Self.owned(asciiMasks)
      self.pathIndices = Self.owned(pathIndices)
      self.bucketStart = Self.owned(bucketStart)
      self.entries = Self.owned(entries)
    }

    deinit {
      needleBytes.deallocate()
      maxLengths.deallocate()
      requiredStart.deallocate()
      requiredSets.deallocate()
      needles.deallocate()
      needleMasks.deallocate()
      pathStart.deallocate()
      asciiMasks.deallocate()
      pathIndices.deallocate()
      bucketStart.deallocate()
      entries.deallocate()
      literalStart.deallocate()
      literalRanges.deallocate()
      literalBytes.deallocate()
    }

    /// A copy of `values` in memory the table owns (plain values: freed in `deinit` without
    /// deinitializing), read in the per-line loop without an array's bounds checks or
    /// reference count.
    private static func owned<Value>(_ values: [Value]) -> UnsafeMutableBufferPointer<Value> {
      let buffer = UnsafeMutableBufferPointer<Value>.allocate(capacity: max(values.count, 1))
      _ = buffer.initialize(from: values)
      return UnsafeMutableBufferPointer(rebasing: buffer[0..<values.count])
    }
  }

  /// What the table needs of one pattern, derived once from its ``PatternPrefilter`` and shared
  /// by every table that lists the pattern.
  fileprivate struct Compiled {
    struct Needle {
      let bytes: [UInt8]
      let stable: Bool
      /// As ``Segment/byteMask(_:foldASCII:)``: bytes 0x80–0xFF share the last two words.
      let mask: [UInt64]
    }
    let rule: String
    let maxLength: Int
    /// Every string the pattern matches (UTF-8), when it is a short list of literals
    /// (``PatternPrefilter/literals(of:limit:)``); nil otherwise.
    let literals: [[UInt8]]?
    let required: [[Needle]]
    /// The sets of the prefix paths one after another (none: no prefix condition), their ASCII
    /// masks (two words per set, as in ``Segment``), and per path its length.
    let pathSets: [ScalarSet]
    let pathMasks: [UInt64]
    let pathLengths: [Int32]
    /// Per path, the buckets its first scalar may fall in (``ScalarSet/buckets``).
    let buckets: [(UInt64, UInt64, UInt64)]

    init(rule: String, filter: PatternPrefilter, literals: [[UInt32]]?) {
      self.rule = rule
      let scalars = literals?.map { $0.compactMap(Unicode.Scalar.init) }
      // Nil as well when a value is not a scalar (the regex then decides).
      self.literals =
        scalars.map { zip($0, literals ?? []).allSatisfy { $0.count == $1.count } } == true
        ? scalars?.map { Array(String(String.UnicodeScalarView($0)).utf8) } : nil
      maxLength = filter.maxLength ?? Int.max
      required = filter.required.map { set in
        set.map { bytes in
          var mask: [UInt64] = [0, 0, 0, 0]
          for byte in bytes {
            let bit = UInt64(1) << UInt64(byte & 63)
            if byte < 128 {
              mask[Int(byte >> 6)] |= bit
            } else {
              mask[2] |= bit
              mask[3] |= bit
            }
          }
          return Needle(bytes: bytes, stable: Compiled.isCaseStable(bytes), mask: mask)
        }
      }
      let paths = filter.hasPrefixCondition ? filter.prefixes : []
      pathSets = Array(paths.joined())
      pathMasks = pathSets.flatMap {
        [$0.negated ? ~$0.low : $0.low, $0.negated ? ~$0.high : $0.high]
      }
      pathLengths = paths.map { Int32($0.count) }
      buckets = paths.map { $0[0].buckets }
    }

    /// Whether lowercasing a line can neither create nor change any scalar of `bytes` (no ASCII
    /// letter, nothing with case, not the combining dot U+0307 that "İ" lowercases to).
    private static func isCaseStable(_ bytes: [UInt8]) -> Bool {
      String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { scalar in
        let value = scalar.value
        if value < 0x80 { return !((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A) }
        return value != 0x307 && !scalar.properties.changesWhenCaseMapped
      }
    }
  }

  /// Every pattern of every file, and what is built from them on first use (regexes, prefilter
  /// conditions, language tables), behind one lock: the analyzer is shared across threads.
  fileprivate final class Store: @unchecked Sendable {
    struct Source {
      let rule: String
      /// The pattern as written (without the `^(?:…)$` wrapper).
      let pattern: String
      let node: PatternPrefilter.Node?
      /// Whether ``PatternPrefilter/literals(of:limit:)`` may stand for the regex: the parser
      /// vouches for the syntax and the pattern has no possessive quantifier or atomic group
      /// (the tree does not record them; they can match fewer strings).
      let literalsAllowed: Bool
    }
    let sources: [Source]
    /// The pattern ids of each article language's table, one list per segment (per file).
    let lists: [String: [[Int]]]
    private let lock = NSLock()
    private var regexes: [NSRegularExpression?]
    private var failed: [Bool]
    private var compiled: [Compiled?]
    private var tables: [String: Table] = [:]
    /// The tables built so far by segment lists (languages without a file of their own share
    /// English's).
    private var tablesByList: [[[Int]]: Table] = [:]
    /// The segments built so far by pattern list (English's and `all/`'s are in every table).
    private var segments: [[Int]: Segment] = [:]
    /// Per article language, its table and its sentence rules' table with English's in their
    /// stead when it has none (what ``BoilerplatePatterns/tables(for:)`` answers), found once.
    private var pairs: [String: (lines: Table?, sentences: Table?)] = [:]

    /// A number no other store of this process has (``BoilerplatePatterns/serial``).
    let serial: UInt64
    /// The last serial handed out (1, 2, 3, … once each, from any thread).
    private static let lastSerial = Atomic<UInt64>(0)

    init(sources: [Source], regexes: [NSRegularExpression?], lists: [String: [[Int]]]) {
      serial = Self.lastSerial.add(1, ordering: .relaxed).newValue
      self.sources = sources
      self.regexes = regexes
      self.lists = lists
      failed = [Bool](repeating: false, count: sources.count)
      compiled = [Compiled?](repeating: nil, count: sources.count)
    }

    /// The regex of pattern `id`, `^(?:pattern)$`, compiled on first use (nil only if ICU
    /// rejects a pattern whose syntax the parser vouched for; it then never matches).
    ///
    /// The lock is held only to look up and to store, never while compiling: a thread that
    /// needs another regex does not wait for this one. Two threads may compile the same
    /// pattern at once; the first stored is kept.
    func regex(_ id: Int) -> NSRegularExpression? {
      lock.lock()
      if let regex = regexes[id] {
        lock.unlock()
        return regex
      }
      let gaveUp = failed[id]
      lock.unlock()
      guard !gaveUp else { return nil }
      let made = try? NSRegularExpression(pattern: "^(?:\(sources[id].pattern))$", options: [])
      lock.lock()
      defer { lock.unlock() }
      if let regex = regexes[id] { return regex }
      guard let made else {
        failed[id] = true
        return nil
      }
      regexes[id] = made
      return made
    }

    /// The tables of an article in `language` (see ``pairs``): one lock and one lookup per
    /// article once they are built.
    func tables(_ language: String) -> (lines: Table?, sentences: Table?) {
      lock.lock()
      if let pair = pairs[language] {
        lock.unlock()
        return pair
      }
      lock.unlock()
      let pair = (
        lines: table(language) ?? table("en"),
        sentences: table(BoilerplatePatterns.sentenceKey(language))
          ?? table(BoilerplatePatterns.sentenceKey("en"))
      )
      lock.lock()
      defer { lock.unlock() }
      pairs[language] = pair
      return pair
    }

    /// The table for the pattern lists of `language`, built on first use, outside the lock
    /// (as ``regex(_:)``): articles in languages whose tables exist never wait for another
    /// language's table to be built.
    func table(_ language: String) -> Table? {
      lock.lock()
      if let table = tables[language] {
        lock.unlock()
        return table
      }
      guard let lists = lists[language] else {
        lock.unlock()
        return nil
      }
      if let table = tablesByList[lists] {
        tables[language] = table
        lock.unlock()
        return table
      }
      lock.unlock()
      let made = Table(lists.map(segment))
      lock.lock()
      defer { lock.unlock() }
      let table = tablesByList[lists] ?? made
      tables[language] = table
      tablesByList[lists] = table
      return table
    }

    /// The segment of the patterns `ids`, built on first use outside the lock (as
    /// ``table(_:)``).
    private func segment(_ ids: [Int]) -> Segment {
      lock.lock()
      if let segment = segments[ids] {
        lock.unlock()
        return segment
      }
      let known = ids.map { compiled[$0] }
      lock.unlock()
      let conditions = zip(ids, known).map { id, done in
        done
          ?? Compiled(
            rule: sources[id].rule, filter: PatternPrefilter(node: sources[id].node),
            literals: sources[id].literalsAllowed
              ? sources[id].node.flatMap { PatternPrefilter.literals(of: $0) } : nil)
      }
      let made = Segment(ids, compiled: conditions, store: self)
      lock.lock()
      defer { lock.unlock() }
      for (id, condition) in zip(ids, conditions) where compiled[id] == nil {
        compiled[id] = condition
      }
      let segment = segments[ids] ?? made
      segments[ids] = segment
      return segment
    }
  }

  private let store: Store
  private let patternLanguages: [String]

  /// Lines up to this many scalars are tried whatever their last character.
  static let shortLineLength = 100

  /// Longest line (in Unicode scalars) the patterns are tried on; longer lines are running text.
  static let maxLineLength = 320

  /// Reads every language's `boilerplate` entries and checks them; each language list
  /// ``list(for:available:)`` can return is indexed on first use.
  ///
  /// A regex is compiled at load when the prefilter's parser cannot vouch that ICU accepts its
  /// syntax, otherwise when a line first reaches it.
  ///
  /// - Parameter extraLanguages: further article languages (those with stop-word lists) that
  ///   need a table even without a `boilerplate.tsv` of their own.
  /// - Throws: `LexiconError.invalidEntry` for a line without exactly two fields, a rule id that
  ///   is not kebab-case, a regex that does not compile, or a `)` that closes a group the
  ///   pattern did not open (it would escape the `^(?:…)$` wrapper).
  init(lexicons: any LexiconProvider, extraLanguages: [String] = []) throws {
    var sources: [Store.Source] = []
    var regexes: [NSRegularExpression?] = []
    var perLanguage: [String: [Int]] = [:]
    let languages = Set(lexicons.languages(forKind: "boilerplate")).union(
      lexicons.languages(forKind: ReferenceHeadings.kind)
    ).sorted()
    for language in languages {
      var entries = try lexicons.entries(kind: "boilerplate", language: language)
      // The language's reference headings (`reference-headings.tsv`, the words the citation
      // parser finds a reference list under too) as one rule after the file's own.
      if let headings = try Self.referenceHeadingRule(lexicons: lexicons, language: language) {
        entries.append(headings)
      }
      var list: [Int] = []
      for entry in entries {
        guard entry.fields.count == 2 else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line,
            message: "expected rule<TAB>regex, found \(entry.fields.count) field(s)")
        }
        let rule = entry.fields[0]
        let pattern = entry.fields[1]
        guard Self.isKebabCase(rule) else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "rule id '\(rule)' is not kebab-case")
        }
        var parsed: PatternPrefilter.Parsed?
        do {
          parsed = try PatternPrefilter.parse(pattern)
        } catch {
          parsed = nil
        }
        var regex: NSRegularExpression?
        if parsed?.knownSyntax != true {
          do {
            regex = try NSRegularExpression(pattern: "^(?:\(pattern))$", options: [])
          } catch {
            throw LexiconError.invalidEntry(
              path: entry.path, line: entry.line, message: "regex does not compile: \(pattern)")
          }
        }
        guard let parsed else {
          throw LexiconError.invalidEntry(
            path: entry.path, line: entry.line, message: "unbalanced ')' in regex: \(pattern)")
        }
        list.append(sources.count)
        let literalsAllowed = parsed.knownSyntax && !Self.hasPossessiveOrAtomic(pattern)
        sources.append(
          Store.Source(
            rule: rule, pattern: pattern, node: parsed.node, literalsAllowed: literalsAllowed))
        regexes.append(regex)
      }
      perLanguage[language] = list
    }
    patternLanguages = perLanguage.keys.sorted()
    var lists: [String: [[Int]]] = [:]
    let available = Set(perLanguage.keys)
    for language in Set(perLanguage.keys).union(extraLanguages).union(["en"]).subtracting(["all"]) {
      // One segment per file, in the order the files are tried.
      let segments = Self.list(for: language, available: available).compactMap {
        perLanguage[$0].flatMap { $0.isEmpty ? nil : $0 }
      }
      guard !segments.isEmpty else { continue }
      lists[language] = segments
      // The same lists narrowed to the rules written for sentences (``sentenceTable(for:)``).
      let sentenceSegments = segments.compactMap { ids -> [Int]? in
        let sentenceIDs = ids.filter {
          BoilerplateRule.sentenceShaped.contains(sources[$0].rule)
        }
        return sentenceIDs.isEmpty ? nil : sentenceIDs
      }
      if !sentenceSegments.isEmpty { lists[Self.sentenceKey(language)] = sentenceSegments }
    }
    store = Store(sources: sources, regexes: regexes, lists: lists)
  }

  private static func sentenceKey(_ language: String) -> String { language + "\u{0}sentences" }

  /// A language's `reference-headings.tsv` as one `reference-heading` rule, placed (for errors)
  /// at the file's first line: any of its headings, then an optional colon
  /// (`(?:literatur|quellen)\s*[:：]?`); nil when the language has none.
  ///
  /// - Throws: `LexiconError.invalidEntry` for a malformed headings file.
  private static func referenceHeadingRule(lexicons: any LexiconProvider, language: String) throws
    -> LexiconEntry?
  {
    let entries = try ReferenceHeadings.entries(lexicons: lexicons, language: language)
    guard let first = entries.first else { return nil }
    let alternatives = entries.map { NSRegularExpression.escapedPattern(for: $0.fields[0]) }
    return LexiconEntry(
      fields: [
        BoilerplateRule.referenceHeading,
        "(?:" + alternatives.joined(separator: "|") + ")\\s*[:：]?",
      ], path: first.path, line: first.line, language: language)
  }

  /// The rules written for sentences (``BoilerplateRule/sentenceShaped``) of an article in
  /// `language`, for ``sentenceRule(for:scalars:endsSentence:isASCII:table:)``.
  func sentenceTable(for language: String) -> TableReference? {
    store.tables(language).sentences.map(TableReference.init)
  }

  /// ``table(for:)`` and ``sentenceTable(for:)`` of an article in `language` at once.
  func tables(for language: String) -> (lines: TableReference?, sentences: TableReference?) {
    let pair = store.tables(language)
    return (pair.lines.map(TableReference.init), pair.sentences.map(TableReference.init))
  }

  /// The pattern files tried for an article in `language`: its own, English (menus and share
  /// buttons are often English on any site), then `all/`.
  private static func list(for language: String, available: Set<String>) -> [String] {
    var list = [language]
    if language != "en" { list.append("en") }
    list.append("all")
    return list.filter { available.contains($0) }
  }

  /// The languages that have a `boilerplate.tsv`.
  var languages: [String] { patternLanguages }

  /// A table held without a reference count: tables are built once and kept by the store for
  /// as long as the patterns live, and a counted reference would be an atomic write to an
  /// object every thread shares, once per line.
  struct TableReference {
    fileprivate let unmanaged: Unmanaged<Table>
    init(_ table: Table) { unmanaged = .passUnretained(table) }
    /// The table's address: the same for every reference to one table, and no other table of
    /// the same ``BoilerplatePatterns`` shares it while the patterns live.
    var identity: UInt { UInt(bitPattern: unmanaged.toOpaque()) }
  }

  /// A number no other ``BoilerplatePatterns`` made in this process has (``BoilerplateVerdicts``
  /// tell its tables from those of another set of patterns by it).
  var serial: UInt64 { store.serial }

  /// The patterns for an article in `language` (English's list for a language without one);
  /// pass it to ``rule(for:scalars:endsSentence:isASCII:atEdge:table:)``.
  func table(for language: String) -> TableReference? {
    store.tables(language).lines.map(TableReference.init)
  }

  /// The rule id of the first pattern that matches all of the lowercased `line`, trying the
  /// article language's file, then English, then `all/` (file order within each), or nil.
  ///
  /// Lines longer than ``maxLineLength`` scalars are never matched. Lines longer than
  /// ``shortLineLength`` that end like a sentence are matched only when `atEdge` is true (the
  /// analyzer passes false today); otherwise they are running text left to the classifier.
  ///
  /// - Parameters:
  ///   - scalars: the number of Unicode scalars in `line`.
  ///   - isASCII: whether `line` is all ASCII (its lowercase is then a byte-wise lowercase).
  func rule(
    for line: String, scalars: Int, endsSentence: Bool, isASCII: Bool, atEdge: Bool,
    table: TableReference?
  ) -> String? {
    guard scalars <= Self.maxLineLength, scalars <= Self.shortLineLength || !endsSentence || atEdge,
      let table
    else { return nil }
    var copy = line
    return table.unmanaged._withUnsafeGuaranteedRef { table in
      copy.withUTF8 { bytes in
        table.rule(for: line, bytes: bytes, scalars: scalars, isASCII: isASCII)
      }
    }
  }

  /// The rule of the first pattern of `table` (a ``sentenceTable(for:)``) matching the
  /// lowercased `line` whatever its length up to ``maxLineLength`` and its last character: a
  /// cookie notice, a newsletter prompt; nil otherwise.
  ///
  /// Only lines that ``rule(for:scalars:endsSentence:isASCII:atEdge:table:)`` skipped are tried
  /// (longer than ``shortLineLength`` and ending like a sentence): the others were tried already.
  static func sentenceRule(
    for line: String, scalars: Int, endsSentence: Bool, isASCII: Bool, table: TableReference?
  )
    -> String?
  {
    guard scalars <= maxLineLength, scalars > shortLineLength, endsSentence, let table else {
      return nil
    }
    var copy = line
    let rule = table.unmanaged._withUnsafeGuaranteedRef { table in
      copy.withUTF8 { bytes in
        table.rule(for: line, bytes: bytes, scalars: scalars, isASCII: isASCII)
      }
    }
    return rule.flatMap { BoilerplateRule.sentenceShaped.contains($0) ? $0 : nil }
  }

  /// The rule of the first pattern whose regex matches the lowercased `line`, trying every
  /// pattern of `table` in order with no prefilter: the reference ``rule(for:scalars:endsSentence:isASCII:atEdge:table:)``
  /// must agree with (tests use it).
  func ruleTryingEveryPattern(for line: String, table: Table) -> String? {
    let lowered = line.lowercased()
    let range = NSRange(location: 0, length: lowered.utf16.count)
    for segment in table.segments {
      for (id, rule) in zip(segment.patternIDs, segment.rules)
      where segment.store.regex(Int(id))?.firstMatch(
        in: lowered, options: [.anchored], range: range) != nil
      {
        return rule
      }
    }
    return nil
  }

  /// The language tables, by article language, all built (tests use it).
  var allTables: [String: Table] {
    var tables: [String: Table] = [:]
    for language in store.lists.keys { tables[language] = store.table(language) }
    return tables
  }

  /// Compiles every regex not compiled yet; the patterns that ICU rejects (tests use it: none
  /// should).
  func compileAll() -> [String] {
    store.sources.indices.compactMap { store.regex($0) == nil ? store.sources[$0].pattern : nil }
  }

  /// Whether `pattern` may hold a possessive quantifier (`++`, `?+`, `*+`, `}+`) or an atomic
  /// group (`(?>`); an escaped `\+` or `\(` counts too, which only costs the shortcut.
  private static func hasPossessiveOrAtomic(_ pattern: String) -> Bool {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in pattern.utf8 {
      if byte == 0x2B {
        switch previous.1 {
        case 0x2A, 0x2B, 0x3F, 0x7D: return true
        default: break
        }
      }
      if byte == 0x3E, previous == (0x28, 0x3F) { return true }
      previous = (previous.1, byte)
    }
    return false
  }

  private static func isKebabCase(_ id: String) -> Bool {
    !id.isEmpty
      && id.utf8.allSatisfy {
        ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
      }
  }
}

extension BoilerplatePatterns.Table {
  /// The rule of the first pattern matching the lowercased line, trying the segments in order.
  fileprivate func rule(
    for line: String, bytes: UnsafeBufferPointer<UInt8>, scalars: Int, isASCII: Bool
  ) -> String? {
    let depth = PatternPrefilter.depth
    return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: depth + 4) { head -> String? in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3 + 12) {
        loweredBuffer -> String? in
        var state = BoilerplatePatterns.Segment.LineState(
          headCount: BoilerplatePatterns.Segment.lowercasedHead(bytes, into: head, limit: depth))
        for segment in unmanagedSegments {
          let rule = segment._withUnsafeGuaranteedRef { segment in
            segment.rule(
              for: line, bytes: bytes, scalars: scalars, isASCII: isASCII, head: head,
              loweredBuffer: loweredBuffer, state: &state)
          }
          if let rule { return rule }
        }
        return nil
      }
    }
  }
}

extension BoilerplatePatterns.Segment {
  /// What is known of one line, worked out once for all the segments of a table: how many
  /// scalars of its lowercase ``lowercasedHead(_:into:limit:)`` wrote, and what was made on
  /// first need (the lowercased line, its bytes' masks).
  fileprivate struct LineState {
    let headCount: Int
    var loweredCount: Int?
    var lowered: String?
    var loweredMask: (UInt64, UInt64, UInt64, UInt64)?
    var lineMask: (UInt64, UInt64, UInt64, UInt64)?
    init(headCount: Int) { self.headCount = headCount }
  }

  /// The rule of this segment's first pattern matching the lowercased line, with the table's
  /// scratch space: `head` for the first scalars of the lowercased line, `loweredBuffer` for
  /// the lowercased line itself, made on first need, and what `state` knows of the line.
  fileprivate func rule(
    for line: String, bytes: UnsafeBufferPointer<UInt8>, scalars: Int, isASCII: Bool,
    head: UnsafeMutableBufferPointer<UInt32>, loweredBuffer: UnsafeMutableBufferPointer<UInt8>,
    state: inout LineState
  ) -> String? {
    let headCount = state.headCount
    /// The lowercased line's bytes (what `line.lowercased()` holds).
    func loweredBytes() -> UnsafeBufferPointer<UInt8> {
      if state.loweredCount == nil {
        state.loweredCount =
          ScalarCase.lowercaseUTF8(bytes, into: loweredBuffer)
          ?? {
            // Only a line of scalars with long lowercase mappings gets here.
            var text = line.lowercased()
            return text.withUTF8 { text in
              let count = min(text.count, loweredBuffer.count)
              _ = loweredBuffer.initialize(from: UnsafeBufferPointer(rebasing: text[0..<count]))
              return count
            }
          }()
      }
      return UnsafeBufferPointer(rebasing: loweredBuffer[0..<(state.loweredCount ?? 0)])
    }
    func loweredLine() -> String {
      if let lowered = state.lowered { return lowered }
      let text = String(decoding: loweredBytes(), as: UTF8.self)
      state.lowered = text
      return text
    }
    let bucket = headCount == 0 ? -1 : head[0] < 0x80 ? Int(head[0]) : 128 + Int(head[0] & 63)
    let entryRange = bucket < 0 ? 0..<0 : Int(bucketStart[bucket])..<Int(bucketStart[bucket + 1])
    // An empty line has no first scalar: try every pattern.
    let patternsToTry = bucket < 0 ? patternIDs.count : entryRange.count
    for position in 0..<patternsToTry {
      let entry =
        bucket < 0
        ? Entry(pattern: Int32(position), pathsStart: 0, pathsEnd: 0)
        : entries[entryRange.lowerBound + position]
      let pattern = Int(entry.pattern)
      guard scalars <= maxLengths[pattern] else { continue }
      if entry.pathsEnd > entry.pathsStart {
        if headCount >= 2, head[1] < 0x80 {
          let value = head[1]
          let possible =
            (value < 64 ? entry.secondLow >> UInt64(value) : entry.secondHigh >> UInt64(value - 64))
            & 1 != 0
          if !possible { continue }
        }
        var starts = false
        for candidate in Int(entry.pathsStart)..<Int(entry.pathsEnd) {
          let path = Int(pathIndices[candidate])
          let first = Int(pathStart[path])
          let length = Int(pathStart[path + 1]) - first
          guard length <= headCount else { continue }
          var matches = true
          for offset in 0..<length {
            let value = head[offset]
            let set = first + offset
            let inSet =
              value < 0x80
              ? (value < 64
                ? asciiMasks[set * 2] >> UInt64(value)
                : asciiMasks[set * 2 + 1] >> UInt64(value - 64)) & 1 != 0
              : containsNonASCII(value, set: set)
            if !inSet {
              matches = false
              break
            }
          }
          if matches {
            starts = true
            break
          }
        }
        guard starts else { continue }
      }
      var hasRequired = true
      for setIndex in Int(requiredStart[pattern])..<Int(requiredStart[pattern + 1]) {
        var found = false
        for needleIndex in Int(requiredSets[setIndex])..<Int(requiredSets[setIndex + 1]) {
          let needle = needles[needleIndex]
          if isASCII || needle.stable {
            let mask = state.lineMask ?? Self.byteMask(bytes, foldASCII: true)
            state.lineMask = mask
            guard covers(mask, needleIndex) else { continue }
            // An ASCII line's lowercase is its ASCII fold; a stable needle is found in the
            // line as written exactly when it is found in its lowercase.
            found = contains(isASCII ? loweredBytes() : bytes, needle)
          } else {
            let lowered = loweredBytes()
            let mask = state.loweredMask ?? Self.byteMask(lowered, foldASCII: false)
            state.loweredMask = mask
            found = covers(mask, needleIndex) && contains(lowered, needle)
          }
          if found { break }
        }
        if !found {
          hasRequired = false
          break
        }
      }
      guard hasRequired else { continue }
      // A pattern that matches a few literals only: the lowercased line is one of them or not
      // (unless it ends with a line terminator, before which ICU's `$` also matches).
      let literals = Int(literalStart[pattern])..<Int(literalStart[pattern + 1])
      if !literals.isEmpty {
        let lowered = loweredBytes()
        if !Self.endsWithLineTerminator(lowered) {
          if isOneOf(lowered, literals) { return rules[pattern] }
          continue
        }
      }
      let text = loweredLine()
      let range = NSRange(location: 0, length: text.utf16.count)
      if store.regex(Int(patternIDs[pattern]))?.firstMatch(
        in: text, options: [.anchored], range: range) != nil
      {
        return rules[pattern]
      }
    }
    return nil
  }

  /// The bytes present in `bytes` (ASCII capitals folded to lowercase when asked) as a mask:
  /// one bit per ASCII byte, and bytes 0x80–0xFF folded onto 64 bits by their low six bits
  /// (a superset, which is all a filter needs).
  private static func byteMask(_ bytes: UnsafeBufferPointer<UInt8>, foldASCII: Bool) -> (
    UInt64, UInt64, UInt64, UInt64
  ) {
    // Words 0–3 by `byte >> 6`, without a branch per byte; 2 and 3 (0x80–0xFF) are merged after.
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &words) { raw in
      guard let word = raw.baseAddress?.assumingMemoryBound(to: UInt64.self) else { return }
      if foldASCII {
        for byte in bytes {
          // A–Z to a–z: 0x20 added exactly when byte - 0x41 < 26.
          let folded = byte | (byte &- 0x41 < 26 ? 0x20 : 0)
          word[Int(folded >> 6)] |= UInt64(1) << UInt64(folded & 63)
        }
      } else {
        for byte in bytes { word[Int(byte >> 6)] |= UInt64(1) << UInt64(byte & 63) }
      }
    }
    let other = words.2 | words.3
    return (words.0, words.1, other, other)
  }

  /// Whether `bytes` is one of the literals `range` (of ``literalRanges``).
  private func isOneOf(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    guard let base = bytes.baseAddress, let literals = literalBytes.baseAddress else {
      // An empty line: only an empty literal matches it.
      return range.contains { literalRanges[$0 * 2] == literalRanges[$0 * 2 + 1] }
    }
    for literal in range {
      let start = Int(literalRanges[literal * 2])
      let length = Int(literalRanges[literal * 2 + 1]) - start
      if length == bytes.count, memcmp(base, literals + start, length) == 0 { return true }
    }
    return false
  }

  /// Whether `bytes` ends with a line terminator (LF, VT, FF, CR, NEL, U+2028, U+2029).
  private static func endsWithLineTerminator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    guard count > 0 else { return false }
    let last = bytes[count - 1]
    if last >= 0x0A && last <= 0x0D { return true }
    if count >= 2, bytes[count - 2] == 0xC2, last == 0x85 { return true }
    return count >= 3 && bytes[count - 3] == 0xE2 && bytes[count - 2] == 0x80
      && (last == 0xA8 || last == 0xA9)
  }

  /// Whether every byte of needle `index` is in `mask`.
  private func covers(_ mask: (UInt64, UInt64, UInt64, UInt64), _ index: Int) -> Bool {
    let base = index * 4
    return needleMasks[base] & ~mask.0 == 0 && needleMasks[base + 1] & ~mask.1 == 0
      && needleMasks[base + 2] & ~mask.2 == 0 && needleMasks[base + 3] & ~mask.3 == 0
  }

  /// Writes the first scalars of the lowercased line (at least `limit` when the line has that
  /// many, a few more when a scalar lowercases to several) and returns how many were written.
  fileprivate static func lowercasedHead(
    _ bytes: UnsafeBufferPointer<UInt8>, into head: UnsafeMutableBufferPointer<UInt32>, limit: Int
  ) -> Int {
    var count = 0
    var index = 0
    while index < bytes.count, count < limit {
      let byte = bytes[index]
      if byte < 0x80 {
        head[count] = UInt32(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        count += 1
        index += 1
        continue
      }
      let (value, length) = UTF8Scan.decodeScalar(bytes, at: index)
      index += length
      switch value {
      case 0x410...0x42F, 0xC0...0xD6, 0xD8...0xDE:
        head[count] = value + 0x20
        count += 1
      case 0x400...0x40F:
        head[count] = value + 0x50
        count += 1
      case 0xDF...0xFF, 0x430...0x45F, 0x2000...0x20FF, 0x3000...0x9FFF, 0xAC00...0xD7A3:
        head[count] = value
        count += 1
      default:
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenLowercased else {
          head[count] = value
          count += 1
          continue
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars where count < head.count {
          head[count] = lower.value
          count += 1
        }
      }
    }
    return count
  }

  /// Whether prefix set `set` holds the non-ASCII scalar `value`.
  private func containsNonASCII(_ value: UInt32, set: Int) -> Bool {
    setRanges.withUnsafeBufferPointer { ranges in
      ScalarSet.containsNonASCII(
        value,
        ranges: UnsafeBufferPointer(
          rebasing: ranges[Int(setRangeStart[set])..<Int(setRangeStart[set + 1])]),
        classes: setClasses[set], negated: setNegated[set])
    }
  }

  /// Whether `haystack` contains the needle's bytes.
  private func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: Needle) -> Bool {
    let start = Int(needle.start)
    let length = Int(needle.end) - start
    guard length > 0, length <= haystack.count, let base = haystack.baseAddress else {
      return false
    }
    guard let needle = needleBytes.baseAddress.map({ $0 + start }) else { return false }
    // memchr to each candidate first byte, memcmp for the rest.
    let first = Int32(needle[0])
    var position = 0
    let last = haystack.count - length
    while position <= last {
      guard let found = memchr(base + position, first, last - position + 1) else { return false }
      let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
      if memcmp(base + offset, needle, length) == 0 { return true }
      position = offset + 1
    }
    return false
  }

}
