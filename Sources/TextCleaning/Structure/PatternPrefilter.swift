/// Cheap necessary conditions derived from one `boilerplate.tsv` regex at load time, so that the
/// regex engine runs only on the few lines that could match it.
///
/// The pattern is parsed (a subset of ICU syntax: literals, `.`, classes such as `[^©]` or
/// `[\d.,]`, `\d \s \S \w \p{L}`, groups, lookarounds, alternation and quantifiers) and three
/// conditions are read off it:
///
/// - **prefixes**: sequences of scalar sets, at most ``depth`` long, such that every line the
///   pattern matches starts with one of them (`(?:the\s+)?(?:latest|related)` gives `t h e \s`,
///   `l a t e s t`, `r e l a t e d`);
/// - **maximum length** in scalars (`\d{1,4}` matches at most 4);
/// - **required literals**: sets of strings such that every match contains one string of each
///   set (`[^©]{0,80}©.{0,200}` needs `©`; `.{0,200}all rights reserved\.?` needs
///   `all rights reserved`); only the two rarest sets are kept, and a set whose least rare
///   string scores under 6 (letters 2, space 1, other characters 6) is not worth a search.
///
/// Every condition over-approximates what the regex can match (a class it does not model counts
/// as "any scalar"), so skipping the regex when a condition fails never changes a result. A
/// pattern the parser does not understand gets no conditions and is simply always run.
///
/// ```swift
/// let filter = try PatternPrefilter(pattern: "\\d{1,3}\\s*(?:/|von)\\s*\\d{1,3}")
/// // prefixes [[\d]], maxLength nil, required [["/", "von"]]
/// ```
struct PatternPrefilter: Sendable {
  /// Longest prefix kept, in scalars.
  static let depth = 8
  /// Most prefixes kept per pattern; beyond that prefixes are shortened until they fit.
  static let maxPrefixes = 256

  /// Every match starts with one of these (an empty list entry means "no condition").
  let prefixes: [[ScalarSet]]
  /// The longest line, in scalars, the pattern can match; nil when unbounded.
  let maxLength: Int?
  /// Every match contains one string (UTF-8) of each inner list.
  let required: [[[UInt8]]]
  /// Whether the pattern has a prefix condition at all.
  var hasPrefixCondition: Bool { !prefixes.isEmpty && !prefixes.contains { $0.isEmpty } }

  /// The pattern is unbalanced: it would escape the `^(?:…)$` wrapper.
  struct Unbalanced: Error {}

  /// A pattern read by the parser: its tree (nil when the parser does not understand it), and
  /// whether every construct in it is one ICU is known to accept (`known` syntax), so that
  /// compiling it can wait until a line first needs it.
  struct Parsed {
    let node: Node?
    let knownSyntax: Bool
  }

  /// Parses `pattern` (lowercase, without the `^(?:…)$` wrapper).
  ///
  /// - Throws: ``Unbalanced`` when a `)` closes a group the pattern did not open.
  static func parse(_ pattern: String) throws -> Parsed {
    var parser = Parser(Array(pattern.unicodeScalars))
    do {
      let node = try parser.parse()
      return Parsed(node: node, knownSyntax: !parser.doubtful)
    } catch is Unbalanced {
      throw Unbalanced()
    } catch {
      return Parsed(node: nil, knownSyntax: false)
    }
  }

  /// Derives the conditions of `pattern` (lowercase, without the `^(?:…)$` wrapper).
  ///
  /// - Throws: ``Unbalanced`` when a `)` closes a group the pattern did not open.
  init(pattern: String) throws {
    self.init(node: try Self.parse(pattern).node)
  }

  /// The conditions of a parsed pattern (none for nil: a pattern the parser did not understand).
  init(node: Node?) {
    guard let node else {
      prefixes = []
      maxLength = nil
      required = []
      return
    }
    var prefixAnalysis = PrefixAnalysis()
    let found = prefixAnalysis.prefixes(of: node)
    prefixes =
      prefixAnalysis.overflow || found.contains { $0.count == 0 }
      ? [] : found.map { prefixAnalysis.sets(of: $0) }
    maxLength = Self.maxLength(of: node)
    var literalAnalysis = LiteralAnalysis()
    _ = literalAnalysis.analyze(node, required: true)
    required = Self.bestRequired(literalAnalysis.worthSearching)
  }

  /// Every string a parsed pattern matches, as scalars, when that is a short list of literals
  /// (`reuters?` gives "reuter" and "reuters", `(?:ok|got it)!?` four strings): a line is then
  /// matched by comparing it with them, without the regex engine. Nil when the pattern uses
  /// anything but single scalars, groups, alternation and repetition up to `{0,4}`, or matches
  /// more than `limit` strings. The caller makes sure lazy, possessive and atomic forms are
  /// absent (the tree does not record them) and that ICU accepts the syntax.
  static func literals(of node: Node, limit: Int = 16) -> [[UInt32]]? {
    // Counted first, without building a string: most patterns are not literals.
    guard literalCount(of: node, limit: limit) != nil else { return nil }
    return literalStrings(of: node, limit: limit)
  }

  /// How many strings ``literals(of:limit:)`` would give (with repeats), or nil.
  private static func literalCount(of node: Node, limit: Int) -> Int? {
    switch node {
    case .set(let set):
      return set.singleScalar == nil ? nil : 1
    case .empty, .lookahead:
      return nil
    case .concat(let items):
      var count = 1
      for item in items {
        guard let counted = literalCount(of: item, limit: limit) else { return nil }
        count *= counted
        guard count <= limit else { return nil }
      }
      return count
    case .alt(let branches):
      var count = 0
      for branch in branches {
        guard let counted = literalCount(of: branch, limit: limit) else { return nil }
        count += counted
        guard count <= limit else { return nil }
      }
      return count
    case .repeating(let inner, let min, let max):
      guard let max, max <= 4, min <= max, let once = literalCount(of: inner, limit: limit) else {
        return nil
      }
      var count = 0
      var power = 1
      for repeats in 0...max {
        if repeats >= min { count += power }
        guard count <= limit else { return nil }
        if repeats < max {
          power *= once
          guard power <= limit else { return nil }
        }
      }
      return count
    }
  }

  /// The strings of ``literals(of:limit:)``, once ``literalCount(of:limit:)`` has vouched.
  private static func literalStrings(of node: Node, limit: Int) -> [[UInt32]]? {
    switch node {
    case .set(let set):
      return set.singleScalar.map { [[$0]] }
    case .empty, .lookahead:
      return nil
    case .concat(let items):
      var strings: [[UInt32]] = [[]]
      for item in items {
        guard let tails = literalStrings(of: item, limit: limit),
          strings.count * tails.count <= limit
        else { return nil }
        strings = strings.flatMap { head in tails.map { head + $0 } }
      }
      return strings
    case .alt(let branches):
      var strings: [[UInt32]] = []
      for branch in branches {
        guard let found = literalStrings(of: branch, limit: limit) else { return nil }
        strings += found
        guard strings.count <= limit else { return nil }
      }
      return strings
    case .repeating(let inner, let min, let max):
      guard let max, max <= 4, min <= max, let once = literalStrings(of: inner, limit: limit) else {
        return nil
      }
      var strings: [[UInt32]] = []
      var power: [[UInt32]] = [[]]
      for count in 0...max {
        if count >= min { strings += power }
        guard strings.count <= limit else { return nil }
        if count < max {
          guard power.count * once.count <= limit else { return nil }
          power = power.flatMap { head in once.map { head + $0 } }
        }
      }
      return strings
    }
  }

  // MARK: - Syntax tree

  enum Node {
    /// One scalar from the set.
    case set(ScalarSet)
    /// Zero width and no condition: anchors, `\b`, negative lookarounds.
    case empty
    /// A positive lookahead: zero width, but what it needs is needed.
    indirect case lookahead(Node)
    case concat([Node])
    case alt([Node])
    indirect case repeating(Node, min: Int, max: Int?)
  }

  struct Unsupported: Error {}

  /// A recursive-descent parser for the ICU subset the lexicons use.
  struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// Set when the pattern uses syntax this parser accepts but ICU might reject (lookbehind,
    /// properties other than `L`, stacked quantifiers, unusual class members): such a pattern
    /// is compiled at load, to report it with file and line.
    var doubtful = false

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func parse() throws -> Node {
      let node = try alternation()
      if index < scalars.count { throw Unbalanced() }
      return node
    }

    private var atEnd: Bool { index >= scalars.count }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
      index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func alternation() throws -> Node {
      var branches = [try concatenation()]
      while peek() == "|" {
        index += 1
        branches.append(try concatenation())
      }
      return branches.count == 1 ? branches[0] : .alt(branches)
    }

    private mutating func concatenation() throws -> Node {
      var items: [Node] = []
      while let next = peek(), next != "|", next != ")" { items.append(try quantified()) }
      return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func quantified() throws -> Node {
      var node = try atom()
      var quantifiers = 0
      while let next = peek() {
        let bounds: (Int, Int?)
        switch next {
        case "?":
          bounds = (0, 1)
          index += 1
        case "*":
          bounds = (0, nil)
          index += 1
        case "+":
          bounds = (1, nil)
          index += 1
        case "{": bounds = try interval()
        default: return node
        }
        // Lazy and possessive forms match the same lines or fewer.
        if let mode = peek(), mode == "?" || mode == "+" { index += 1 }
        switch node {
        case .empty, .lookahead: doubtful = true
        default: break
        }
        quantifiers += 1
        if quantifiers > 1 { doubtful = true }
        node = .repeating(node, min: bounds.0, max: bounds.1)
      }
      return node
    }

    private mutating func number() -> Int? {
      var value: Int?
      while let digit = peek(), digit.value >= 0x30, digit.value <= 0x39 {
        value = min((value ?? 0) * 10 + Int(digit.value - 0x30), 1 << 20)
        index += 1
      }
      return value
    }

    private mutating func interval() throws -> (Int, Int?) {
      index += 1  // {
      guard let low = number() else { throw Unsupported() }
      var high: Int? = low
      if peek() == "," {
        index += 1
        high = number()
      }
      guard peek() == "}" else { throw Unsupported() }
      index += 1
      if let high, high < low { throw Unsupported() }
      if low > 65535 || (high ?? 0) > 65535 { doubtful = true }
      return (low, high)
    }

    private mutating func atom() throws -> Node {
      guard let first = peek() else { throw Unsupported() }
      index += 1
      switch first {
      case "(":
        var node: Node
        if peek() == "?" {
          switch peek(1) {
          case ":":
            index += 2
            node = try alternation()
          case "=":
            index += 2
            node = .lookahead(try alternation())
          case "!":
            index += 2
            _ = try alternation()
            node = .empty
          case ">":
            index += 2
            node = try alternation()
          case "<" where peek(2) == "=" || peek(2) == "!":
            // ICU needs a bounded lookbehind.
            index += 3
            _ = try alternation()
            node = .empty
            doubtful = true
          default:
            throw Unsupported()  // flags, named groups
          }
        } else {
          node = try alternation()
        }
        guard peek() == ")" else { throw Unsupported() }
        index += 1
        return node
      case "[": return .set(try bracket())
      case ".": return .set(.any)
      case "^", "$": return .empty
      case "\\": return try escape()
      case "*", "+", "?", "{", "|", ")": throw Unsupported()
      case "]", "}":
        doubtful = true
        return .set(ScalarSet(first.value))
      default: return .set(ScalarSet(first.value))
      }
    }

    /// `\x` outside a class.
    private mutating func escape() throws -> Node {
      guard let letter = peek() else { throw Unsupported() }
      index += 1
      switch letter {
      case "d": return .set(.digits)
      case "s": return .set(.spaces)
      case "p":
        return .set(try property())
      case "D", "S", "w", "W":
        return .set(.any)
      case "P":
        _ = try property()
        return .set(.any)
      case "b", "B", "A", "z", "Z", "G": return .empty
      default:
        guard let value = Self.literalEscape(letter) else { throw Unsupported() }
        if value >= 0x80 { doubtful = true }
        return .set(ScalarSet(value))
      }
    }

    /// The scalar an escape such as `\.` or `\n` stands for, or nil for an escape not modelled.
    private static func literalEscape(_ letter: Unicode.Scalar) -> UInt32? {
      switch letter {
      case "n": return 0x0A
      case "t": return 0x09
      case "r": return 0x0D
      case "f": return 0x0C
      default:
        let value = letter.value
        let alphanumeric =
          (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
          || value >= 0x80
        return alphanumeric ? nil : value
      }
    }

    /// `{L}` or `L` after `\p`: letters for L, anything otherwise.
    private mutating func property() throws -> ScalarSet {
      var name = ""
      if peek() == "{" {
        index += 1
        while let next = peek(), next != "}" {
          name.unicodeScalars.append(next)
          index += 1
        }
        guard peek() == "}" else { throw Unsupported() }
        index += 1
      } else if let next = peek() {
        // ICU wants the braces.
        doubtful = true
        name.unicodeScalars.append(next)
        index += 1
      }
      if name != "L" { doubtful = true }
      return name == "L" || name == "Letter" ? .letters : .any
    }

    /// Whether `:]` occurs at or after `start`.
    private func closesPOSIXProperty(from start: Int) -> Bool {
      var position = start
      while position + 1 < scalars.count {
        if scalars[position] == ":" && scalars[position + 1] == "]" { return true }
        position += 1
      }
      return false
    }

    /// A `[...]` class, after the `[`.
    private mutating func bracket() throws -> ScalarSet {
      var set = ScalarSet()
      var exact = true
      var negated = false
      // `[:` (not `[^:`) opens a POSIX-style property (`[:letter:]`) in ICU when a `:]` follows.
      if peek() == ":", closesPOSIXProperty(from: index + 1) { doubtful = true }
      if peek() == "^" {
        negated = true
        index += 1
      }
      var first = true
      while true {
        guard let next = peek() else { throw Unsupported() }
        if next == "]" {
          if first { throw Unsupported() }
          index += 1
          break
        }
        if next == "[" || (next == "&" && peek(1) == "&") || (next == "-" && peek(1) == "-") {
          throw Unsupported()
        }
        // Set operators and syntax of ICU's set patterns; "-" is sure to be literal only first
        // or last.
        if next == "&" || next == "{" || next == "}" || next == "$" || next == "^"
          || (next == "-" && !first && peek(1) != "]")
        {
          doubtful = true
        }
        first = false
        index += 1
        var low: UInt32?
        if next == "\\" {
          guard let letter = peek() else { throw Unsupported() }
          index += 1
          switch letter {
          case "d": set.formUnion(.digits)
          case "s":
            set.formUnion(.spaces)
            exact = false
          case "p":
            set.formUnion(try property())
            exact = false
          case "D", "S", "w", "W":
            set.formUnion(.any)
            exact = false
          case "P":
            _ = try property()
            set.formUnion(.any)
            exact = false
          default:
            guard let value = Self.literalEscape(letter) else { throw Unsupported() }
            if value >= 0x80 { doubtful = true }
            low = value
          }
        } else {
          low = next.value
        }
        guard let low else { continue }
        if peek() == "-", let upper = peek(1), upper != "]" {
          index += 2
          var high = upper.value
          if upper == "\\" {
            guard let escaped = peek(), let value = Self.literalEscape(escaped) else {
              throw Unsupported()
            }
            index += 1
            high = value
            doubtful = true
          } else if upper == "[" || upper == "&" || upper == "-" {
            doubtful = true
          }
          guard high >= low else { throw Unsupported() }
          set.insert(low...high)
        } else {
          set.insert(low...low)
        }
      }
      guard negated else { return set }
      guard exact else { return .any }
      set.negated = true
      return set
    }
  }

  // MARK: - Analyses

  /// A prefix: up to ``depth`` set numbers (16 bits each, interned per pattern by
  /// ``PrefixAnalysis``) packed in two words; `complete` when it spells a whole match of the
  /// node, so that what follows may extend it. A plain value: no reference counting.
  struct Prefix: Hashable {
    var head: UInt64 = 0
    var tail: UInt64 = 0
    var count = 0
    var complete: Bool

    init(complete: Bool) { self.complete = complete }

    /// The set number at `position` (below ``count``).
    func set(at position: Int) -> Int {
      Int(((position < 4 ? head : tail) >> UInt64((position & 3) * 16)) & 0xFFFF)
    }

    private mutating func append(_ number: Int) {
      let bits = UInt64(number) << UInt64((count & 3) * 16)
      if count < 4 { head |= bits } else { tail |= bits }
      count += 1
    }

    /// This prefix followed by `next`, cut at ``PatternPrefilter/depth`` (then incomplete).
    func followed(by next: Prefix) -> Prefix {
      var result = self
      let total = count + next.count
      for position in 0..<min(next.count, PatternPrefilter.depth - count) {
        result.append(next.set(at: position))
      }
      result.complete = next.complete && total < PatternPrefilter.depth
      return result
    }

    /// Without its last set, incomplete.
    func droppingLast() -> Prefix {
      var result = self
      result.count -= 1
      let mask = ~(UInt64(0xFFFF) << UInt64((result.count & 3) * 16))
      if result.count < 4 { result.head &= mask } else { result.tail &= mask }
      result.complete = false
      return result
    }

    /// One set, complete.
    static func single(_ number: Int) -> Prefix {
      var prefix = Prefix(complete: true)
      prefix.append(number)
      return prefix
    }
  }

  /// Reads the prefixes off a tree, interning its sets (at most 65,535; a pattern with more
  /// distinct sets gets no prefix condition).
  struct PrefixAnalysis {
    /// The interned sets, by number.
    private(set) var sets: [ScalarSet] = []
    /// Per ASCII scalar, 1 + the number of the set holding just it (0: not interned yet).
    private var asciiNumbers = [UInt16](repeating: 0, count: 128)
    private(set) var overflow = false

    private mutating func number(of set: ScalarSet) -> Int {
      let single =
        set.ranges.isEmpty && set.classes == 0 && !set.negated
        && set.low.nonzeroBitCount + set.high.nonzeroBitCount == 1
      let ascii = set.low != 0 ? set.low.trailingZeroBitCount : 64 + set.high.trailingZeroBitCount
      if single, asciiNumbers[ascii] != 0 { return Int(asciiNumbers[ascii]) - 1 }
      if !single, let found = sets.firstIndex(of: set) { return found }
      guard sets.count < 0xFFFF else {
        overflow = true
        return 0
      }
      sets.append(set)
      if single { asciiNumbers[ascii] = UInt16(sets.count) }
      return sets.count - 1
    }

    /// Drops repeated prefixes, keeping first occurrences in order.
    private static func deduplicate(_ list: inout [Prefix]) {
      guard list.count > 1 else { return }
      if list.count <= 32 {
        var kept = 0
        for index in list.indices {
          let prefix = list[index]
          if !list[0..<kept].contains(prefix) {
            list[kept] = prefix
            kept += 1
          }
        }
        list.removeLast(list.count - kept)
        return
      }
      var seen = Set<Prefix>(minimumCapacity: list.count)
      list.removeAll { !seen.insert($0).inserted }
    }

    /// Shortens the longest prefixes until at most ``maxPrefixes`` remain.
    private static func limit(_ list: inout [Prefix]) {
      deduplicate(&list)
      while list.count > maxPrefixes {
        let longest = list.map(\.count).max() ?? 0
        if longest == 0 {
          list = [Prefix(complete: false)]
          return
        }
        for index in list.indices where list[index].count == longest {
          list[index] = list[index].droppingLast()
        }
        deduplicate(&list)
      }
    }

    /// Every match of `node` starts with one of these.
    mutating func prefixes(of node: Node) -> [Prefix] {
      switch node {
      case .set(let set):
        return [.single(number(of: set))]
      case .empty, .lookahead:
        return [Prefix(complete: true)]
      case .concat(let items):
        var accumulated = [Prefix(complete: true)]
        var extended: [Prefix] = []
        for item in items {
          guard accumulated.contains(where: \.complete) else { break }
          extended.removeAll(keepingCapacity: true)
          // A single set (most items) needs no list of its own.
          var one: Prefix?
          var next: [Prefix] = []
          if case .set(let set) = item {
            one = .single(number(of: set))
          } else {
            next = prefixes(of: item)
          }
          for prefix in accumulated {
            guard prefix.complete else {
              extended.append(prefix)
              continue
            }
            if let one {
              extended.append(prefix.followed(by: one))
            } else {
              for tail in next { extended.append(prefix.followed(by: tail)) }
            }
          }
          Self.deduplicate(&extended)
          if extended.count > maxPrefixes {
            for index in accumulated.indices { accumulated[index].complete = false }
            return accumulated
          }
          swap(&accumulated, &extended)
        }
        return accumulated
      case .alt(let branches):
        var all: [Prefix] = []
        for branch in branches { all += prefixes(of: branch) }
        Self.limit(&all)
        return all
      case .repeating(let child, let low, let high):
        if high == 0 { return [Prefix(complete: true)] }
        var inner = prefixes(of: child)
        if low == 1 && high == 1 { return inner }
        // `x?` is x or nothing; after a second repetition nothing more can be said.
        if high != 1 { for index in inner.indices { inner[index].complete = false } }
        if low == 0 {
          inner.append(Prefix(complete: true))
          Self.limit(&inner)
        }
        return inner
      }
    }

    /// The sets of `prefix`.
    func sets(of prefix: Prefix) -> [ScalarSet] {
      (0..<prefix.count).map { sets[prefix.set(at: $0)] }
    }
  }

  static func maxLength(of node: Node) -> Int? {
    let cap = 1 << 24
    switch node {
    case .set: return 1
    case .empty, .lookahead: return 0
    case .concat(let items):
      var total = 0
      for item in items {
        guard let length = maxLength(of: item) else { return nil }
        total = min(total + length, cap)
      }
      return total
    case .alt(let branches):
      var longest = 0
      for branch in branches {
        guard let length = maxLength(of: branch) else { return nil }
        longest = max(longest, length)
      }
      return longest
    case .repeating(let child, _, let high):
      guard let length = maxLength(of: child) else { return nil }
      if length == 0 { return 0 }
      guard let high else { return nil }
      return min(length * high, cap)
    }
  }

  /// Works out, in one pass over a tree, the exact strings each node matches (when at most 16)
  /// and the candidate required sets, in flat buffers: a string is a range of `scalars`, a list
  /// of strings a range of `strings`. Strings never change once written, so lists share them.
  struct LiteralAnalysis {
    struct Span {
      var start: Int
      var end: Int
      var count: Int { end - start }
    }
    private var scalars: [UInt32] = []
    /// `strings[0]` is the empty string.
    private var strings = [Span(start: 0, end: 0)]
    /// Candidate required sets (lists), in the order of a node-by-node reading.
    private var candidates: [Span] = []
    /// Lists gathered while an alternation's branches are read.
    private var literalStack: [Span] = []
    private var unionStack: [Span] = []
    private var explicit: [UInt32] = []
    private static let cap = 16
    /// The list holding only the empty string.
    private static let emptyList = Span(start: 0, end: 1)

    /// The list of one-scalar strings `values`.
    private mutating func list(of values: [UInt32]) -> Span {
      let start = strings.count
      for value in values {
        scalars.append(value)
        strings.append(Span(start: scalars.count - 1, end: scalars.count))
      }
      return Span(start: start, end: strings.count)
    }

    private mutating func concatenated(_ head: Span, _ tail: Span) -> Span {
      if head.count == 0 { return tail }
      if tail.count == 0 { return head }
      if head.end == tail.start { return Span(start: head.start, end: tail.end) }
      let start = scalars.count
      for index in head.start..<head.end { scalars.append(scalars[index]) }
      for index in tail.start..<tail.end { scalars.append(scalars[index]) }
      return Span(start: start, end: scalars.count)
    }

    /// Every string of `heads` followed by every string of `tails`, heads first.
    private mutating func product(_ heads: Span, _ tails: Span) -> Span {
      let start = strings.count
      for head in heads.start..<heads.end {
        for tail in tails.start..<tails.end {
          strings.append(concatenated(strings[head], strings[tail]))
        }
      }
      return Span(start: start, end: strings.count)
    }

    /// The lists from `base` on of the union stack (or the literal stack) as one list (popped).
    private mutating func gathered(union: Bool, from base: Int) -> Span {
      var stack: [Span] = []
      if union { swap(&stack, &unionStack) } else { swap(&stack, &literalStack) }
      let start = strings.count
      for list in stack[base...] {
        for index in list.start..<list.end { strings.append(strings[index]) }
      }
      stack.removeSubrange(base...)
      if union { swap(&stack, &unionStack) } else { swap(&stack, &literalStack) }
      return Span(start: start, end: strings.count)
    }

    /// As ``PatternPrefilter/score(_:)``.
    private func score(_ list: Span) -> Int {
      var least: Int?
      for string in strings[list.start..<list.end] {
        var total = 0
        for value in scalars[string.start..<string.end] {
          let letter =
            (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
          total += letter ? 2 : value == 0x20 ? 1 : 6
        }
        least = min(least ?? total, total)
      }
      return least ?? 0
    }

    private mutating func flush(_ run: inout Span) {
      if !strings[run.start..<run.end].contains(where: { $0.count == 0 }) { candidates.append(run) }
      run = Self.emptyList
    }

    /// The exact strings `node` matches when there are at most 16 (nil otherwise); appends the
    /// node's candidate required sets (every match contains one string of each) when `needed`.
    mutating func analyze(_ node: Node, required needed: Bool) -> Span? {
      switch node {
      case .set(let set):
        var literal: Span?
        if set.explicitScalars(limit: 4, into: &explicit) { literal = list(of: explicit) }
        guard needed else { return literal }
        // Up to 4 scalars the candidate is the same list.
        if let literal {
          candidates.append(literal)
        } else if set.explicitScalars(limit: 8, into: &explicit) {
          candidates.append(list(of: explicit))
        }
        return literal
      case .empty:
        return Self.emptyList
      case .lookahead(let inner):
        if needed { _ = analyze(inner, required: true) }
        return Self.emptyList
      case .concat(let items):
        var literal: Span? = Self.emptyList
        // The literal run since the last item that is not literal.
        var run = Self.emptyList
        for item in items {
          let strings = analyze(item, required: needed)
          if let current = literal {
            if let strings, current.count * strings.count <= Self.cap {
              literal = product(current, strings)
            } else {
              literal = nil
            }
          }
          guard needed else {
            if literal == nil { break }
            continue
          }
          guard let strings else {
            flush(&run)
            continue
          }
          if run.count * strings.count > Self.cap { flush(&run) }
          run = product(run, strings)
        }
        if needed { flush(&run) }
        return literal
      case .alt(let branches):
        let literalBase = literalStack.count
        let unionBase = unionStack.count
        var literalCount: Int? = 0
        // The union of each branch's rarest candidate (the first of the highest score).
        var unionCount: Int? = needed ? 0 : nil
        for branch in branches {
          let candidateBase = candidates.count
          let strings = analyze(branch, required: unionCount != nil)
          if let count = literalCount, let strings, count + strings.count <= Self.cap {
            literalStack.append(strings)
            literalCount = count + strings.count
          } else {
            literalCount = nil
          }
          if let count = unionCount {
            var best: Span?
            var bestScore = 0
            for candidate in candidates[candidateBase...] {
              let value = score(candidate)
              if best == nil || value > bestScore {
                best = candidate
                bestScore = value
              }
            }
            candidates.removeSubrange(candidateBase...)
            if let best, count + best.count <= Self.cap {
              unionStack.append(best)
              unionCount = count + best.count
            } else {
              unionCount = nil
            }
          }
          if literalCount == nil && unionCount == nil { break }
        }
        var literal: Span?
        if literalCount != nil {
          literal = gathered(union: false, from: literalBase)
        } else {
          literalStack.removeSubrange(literalBase...)
        }
        if unionCount != nil {
          candidates.append(gathered(union: true, from: unionBase))
        } else {
          unionStack.removeSubrange(unionBase...)
        }
        return literal
      case .repeating(let child, let low, let high):
        guard let strings = analyze(child, required: needed && low >= 1) else { return nil }
        if low == 0 && high == 1 {
          guard strings.count < Self.cap else { return nil }
          let start = self.strings.count
          for index in strings.start..<strings.end { self.strings.append(self.strings[index]) }
          self.strings.append(self.strings[0])
          return Span(start: start, end: self.strings.count)
        }
        guard low == high, low <= 4 else { return nil }
        var result = Self.emptyList
        for _ in 0..<low {
          guard result.count * strings.count <= Self.cap else { return nil }
          result = product(result, strings)
        }
        return result
      }
    }

    /// The candidates that can be worth a search (score 6 or more), as arrays.
    var worthSearching: [[[UInt32]]] {
      candidates.filter { score($0) >= 6 }.map { list in
        strings[list.start..<list.end].map { Array(scalars[$0.start..<$0.end]) }
      }
    }
  }

  /// How rare a set of strings is in text: the least rare string, letters counting 2, spaces 1,
  /// other ASCII and non-ASCII scalars 6.
  private static func score(_ set: [[UInt32]]) -> Int {
    var least: Int?
    for string in set {
      var total = 0
      for value in string {
        let letter =
          (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
        total += letter ? 2 : value == 0x20 ? 1 : 6
      }
      least = min(least ?? total, total)
    }
    return least ?? 0
  }

  /// The two rarest distinct required sets worth a search, as UTF-8; a string that contains
  /// another string of its set is dropped ("reserved." when "reserved" is there).
  private static func bestRequired(_ candidates: [[[UInt32]]]) -> [[[UInt8]]] {
    func minimal(_ set: [[UInt32]]) -> [[UInt32]] {
      var kept: [[UInt32]] = []
      for string in set where !kept.contains(string) {
        let containsOther = set.contains { other in
          other.count < string.count
            && (0...(string.count - other.count)).contains {
              string[$0..<($0 + other.count)].elementsEqual(other)
            }
        }
        if !containsOther { kept.append(string) }
      }
      return kept
    }
    var useful: [[[UInt32]]] = []
    let scored = candidates.map(minimal).map { (set: $0, score: score($0)) }.filter {
      $0.score >= 6
    }
    for (set, _) in scored.sorted(by: { $0.score > $1.score }) where !useful.contains(set) {
      useful.append(set)
      // Only the first two are kept.
      if useful.count == 2 { break }
    }
    return useful.prefix(2).map { set in
      set.map { string in
        var bytes: [UInt8] = []
        for value in string {
          guard let scalar = Unicode.Scalar(value) else { continue }
          bytes += Array(String(scalar).utf8)
        }
        return bytes
      }
    }
  }
}

/// A set of Unicode scalars, as precise as the prefilter needs: ASCII as a bit set, other scalars
/// as ranges or as whole classes (decimal digits, white space, letters, anything).
struct ScalarSet: Hashable, Sendable {
  var low: UInt64 = 0
  var high: UInt64 = 0
  /// Non-ASCII ranges.
  var ranges: [ClosedRange<UInt32>] = []
  var classes: UInt8 = 0
  /// Holds every scalar *not* described by the fields above (only for exact sets).
  var negated = false

  static let digitClass: UInt8 = 1
  static let spaceClass: UInt8 = 2
  static let letterClass: UInt8 = 4
  static let anyClass: UInt8 = 8

  init() {}

  init(_ value: UInt32) { insert(value...value) }

  static let any: ScalarSet = {
    var set = ScalarSet()
    set.low = ~0
    set.high = ~0
    set.classes = anyClass
    return set
  }()

  /// `\d` (ICU: \p{Nd}).
  static let digits: ScalarSet = {
    var set = ScalarSet()
    set.insert(0x30...0x39)
    set.classes = digitClass
    return set
  }()

  /// `\s`, a superset of ICU's [\t\n\f\r\p{Z}].
  static let spaces: ScalarSet = {
    var set = ScalarSet()
    set.insert(0x09...0x0D)
    set.insert(0x20...0x20)
    set.classes = spaceClass
    return set
  }()

  /// `\p{L}`, as the superset "alphabetic".
  static let letters: ScalarSet = {
    var set = ScalarSet()
    set.insert(0x41...0x5A)
    set.insert(0x61...0x7A)
    set.classes = letterClass
    return set
  }()

  mutating func insert(_ range: ClosedRange<UInt32>) {
    if range.lowerBound < 0x80 {
      for value in range.lowerBound...min(range.upperBound, 0x7F) {
        if value < 64 {
          low |= UInt64(1) << UInt64(value)
        } else {
          high |= UInt64(1) << UInt64(value - 64)
        }
      }
    }
    if range.upperBound >= 0x80 { ranges.append(max(range.lowerBound, 0x80)...range.upperBound) }
  }

  /// The one scalar the set holds, when it holds exactly one (a literal such as `é` or `\.`);
  /// nil for a class, a range or a negated set.
  var singleScalar: UInt32? {
    guard classes == 0, !negated else { return nil }
    if ranges.isEmpty {
      let bits = low.nonzeroBitCount + high.nonzeroBitCount
      guard bits == 1 else { return nil }
      return low != 0
        ? UInt32(low.trailingZeroBitCount) : UInt32(64 + high.trailingZeroBitCount)
    }
    guard low == 0, high == 0, ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound
    else { return nil }
    return ranges[0].lowerBound
  }

  mutating func formUnion(_ other: ScalarSet) {
    low |= other.low
    high |= other.high
    ranges += other.ranges
    classes |= other.classes
  }

  /// Whether `value` (a lowercased scalar of the line) may be in the set.
  @inline(__always)
  func contains(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return ((value < 64 ? (low >> UInt64(value)) & 1 : (high >> UInt64(value - 64)) & 1) != 0)
        != negated
    }
    return containsNonASCII(value)
  }

  private func containsNonASCII(_ value: UInt32) -> Bool {
    ranges.withUnsafeBufferPointer {
      Self.containsNonASCII(value, ranges: $0, classes: classes, negated: negated)
    }
  }

  /// Whether a set with these non-ASCII `ranges`, `classes` and `negated` holds the non-ASCII
  /// scalar `value` (for tables that keep the sets' parts in flat arrays of their own).
  static func containsNonASCII(
    _ value: UInt32, ranges: UnsafeBufferPointer<ClosedRange<UInt32>>, classes: UInt8, negated: Bool
  ) -> Bool {
    var found = classes & Self.anyClass != 0 || ranges.contains { $0.contains(value) }
    guard !found, classes != 0 else { return found != negated }
    // The letters and punctuation most lines hold, answered by range without a Unicode
    // property lookup: letters ("é", "č", "ж", "の", "中", "한") are alphabetic and neither
    // decimal digits nor white space; the punctuation ("–", "“", "…", "、", "。") is none of them.
    switch value {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x17F, 0x410...0x44F, 0x3041...0x3096, 0x30A1...0x30FA,
      0x4E00...0x9FFF, 0xAC00...0xD7A3:
      return (classes & Self.letterClass != 0) != negated
    case 0x2010...0x2027, 0x3001...0x3003:
      return negated
    default:
      break
    }
    if let scalar = Unicode.Scalar(value) {
      let properties = scalar.properties
      found =
        (classes & Self.digitClass != 0 && properties.generalCategory == .decimalNumber)
        || (classes & Self.spaceClass != 0 && properties.isWhitespace)
        || (classes & Self.letterClass != 0 && properties.isAlphabetic)
    }
    return found != negated
  }

  /// Whether the set may hold a non-ASCII scalar `v` with `v & 63 == bucket`.
  func mayContainNonASCII(bucket: UInt32) -> Bool {
    if negated || classes != 0 { return true }
    for range in ranges {
      if range.count >= 64 { return true }
      if range.contains(where: { $0 & 63 == bucket }) { return true }
    }
    return false
  }

  /// Replaces `values` with the scalars of a small explicit set (at most `limit`), in
  /// ascending ASCII order then range order; false (and `values` empty) for any other set.
  func explicitScalars(limit: Int, into values: inout [UInt32]) -> Bool {
    values.removeAll(keepingCapacity: true)
    guard !negated, classes == 0 else { return false }
    var total = low.nonzeroBitCount + high.nonzeroBitCount
    for range in ranges {
      guard range.count <= limit else { return false }
      total += range.count
    }
    guard total > 0, total <= limit else { return false }
    var bits = low
    while bits != 0 {
      values.append(UInt32(bits.trailingZeroBitCount))
      bits &= bits - 1
    }
    bits = high
    while bits != 0 {
      values.append(64 + UInt32(bits.trailingZeroBitCount))
      bits &= bits - 1
    }
    for range in ranges { values.append(contentsOf: range) }
    return true
  }

  /// The 128 ASCII buckets and 64 non-ASCII buckets (by `scalar & 63`) a scalar of the set
  /// may fall in, as in ``contains(_:)`` and ``mayContainNonASCII(bucket:)``.
  var buckets: (UInt64, UInt64, UInt64) {
    var other: UInt64 = 0
    if negated || classes != 0 {
      other = ~0
    } else {
      for range in ranges {
        if range.count >= 64 {
          other = ~0
          break
        }
        for value in range { other |= UInt64(1) << UInt64(value & 63) }
      }
    }
    return (negated ? ~low : low, negated ? ~high : high, other)
  }

  /// The fields folded into one word, for hashing.
  var summary: UInt64 {
    var value =
      low ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(classes) << 56 ^ (negated ? 1 << 63 : 0)
    for range in ranges {
      value = (value &* 31) ^ UInt64(range.lowerBound) ^ UInt64(range.upperBound) << 21
    }
    return value
  }

  func hash(into hasher: inout Hasher) { hasher.combine(summary) }
}
