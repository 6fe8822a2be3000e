import ByteSupport
import NameNormalization
import NormalizeCore

/// Rules over a whole batch, fed one article at a time: exact and near-duplicate articles
/// (word 3-shingles, 128-hash MinHash signatures, Jaccard estimated from them) and one person
/// spelled several ways across articles ("Zelensky" in one, "Zelenskyy" in another).
///
/// Memory is bounded by the batch size times a signature (128 32-bit hashes, 512 bytes, at most
/// `maximumSignatures` of them, then a `batch-too-large` finding) plus the name spellings (at
/// most `maximumSpellingMentions` article mentions of a spelling, 4 bytes each, and
/// `maximumSpellings` distinct spellings, then a `batch-too-large` finding); article texts are
/// not kept. Up to `exhaustiveLimit` articles every pair is
/// compared (so the closest pair is exact); beyond, candidates come from locality-sensitive
/// hashing (42 bands of 3 hashes): a pair at 0.5 is found with probability 0.996, one at 0.3
/// with 0.68, unrelated articles almost never; within a bucket an article is compared with at
/// most 8 group leaders, so 8,000 near-identical articles cost 8,000 comparisons per band, not
/// 32 million. Exact duplicates are reported once each, against the first article with the
/// same text; near-duplicates as groups (union of similar pairs), one finding per group on its
/// first article, listing its members and their similarity to it.
///
/// ```swift
/// var batch = BatchValidator()
/// batch.add(id: "001", text: text1, names: names1)
/// batch.add(id: "002", text: text2, names: names2)
/// let report = batch.finish()
/// report.findings       // [(article: "002", finding: name-spelling-varies …)]
/// report.closestPair    // (a: "001", b: "002", similarity: 0.06)
/// ```
public struct BatchValidator: Sendable {
  /// The finding codes batch checks add to articles.
  public static let codes = [
    "batch-too-large", "duplicate-article", "near-duplicate-article",
    "name-spelling-varies-in-batch",
  ]

  /// A finding about one article of the batch.
  public struct ArticleFinding: Sendable, Equatable {
    /// The id of the article the finding is about.
    public var article: String
    /// The finding.
    public var finding: Finding
  }

  /// What the batch rules found.
  public struct Report: Sendable {
    /// Findings, duplicates first, then spellings.
    public var findings: [ArticleFinding]
    /// The most similar pair of articles and their estimated Jaccard similarity.
    public var closestPair: (a: String, b: String, similarity: Double)?
    /// How many articles the batch held.
    public var articles: Int
  }

  /// Pairs at least this similar are near-duplicates.
  public var nearDuplicateThreshold: Double
  private var ids: [String] = []
  private var exact: [UInt64] = []
  /// The MinHash signatures of the comparable articles, `hashCount` values each, one flat array.
  private var signatures: [UInt32] = []
  /// For each article, the index of its signature in `signatures` (in rows), or -1 when the text
  /// is too short for duplicate detection or the batch already holds `maximumSignatures`.
  private var signatureRow: [Int32] = []
  /// Articles whose signature was not kept because the batch was too large.
  private var unsignedArticles = 0
  /// Whether the text is long enough for duplicate detection.
  private var comparable: [Bool] = []
  /// name key → spelling as written → the spelling, its canonical form and the articles (by
  /// index in `ids`) that write it.
  private var spellings: [String: [String: Spelling]] = [:]
  private var keyOrder: [String] = []
  /// Distinct spellings and article mentions of them kept so far.
  private var spellingCount = 0
  private var spellingMentions = 0
  /// Person mentions not kept because the batch reached a spelling bound.
  private var droppedSpellingMentions = 0

  /// One spelling of a name key and the articles that use it.
  private struct Spelling {
    var text: String
    var canonical: String
    var articles: [Int32]
  }

  static let hashCount = 128
  static let shingleSize = 3
  static let bands = 42
  static let rows = 3
  /// Batches up to this size compare every pair.
  public var exhaustiveLimit = 200
  /// At most this many signatures (512 bytes each) are kept: 1 million is 512 MB. Articles
  /// beyond take part in exact-duplicate detection only, and a finding says so.
  public var maximumSignatures = 1_000_000
  /// At most this many distinct name spellings are kept (about 200 bytes each with their key).
  public var maximumSpellings = 1_000_000
  /// At most this many (spelling, article) pairs are kept (4 bytes each); mentions beyond are
  /// not compared across articles, and a `batch-too-large` finding says so.
  public var maximumSpellingMentions = 20_000_000
  /// A spelling finding lists at most this many article ids per spelling.
  static let listedSpellingArticles = 20
  /// In one band bucket, each article is compared with at most this many group leaders: the
  /// work is linear in the batch even when thousands of articles share a bucket.
  static let leadersPerBucket = 8
  /// A near-duplicate group finding lists at most this many members by id.
  static let listedMembers = 20
  /// Texts with fewer words take no part in duplicate detection (empty bodies are all equal).
  static let minimumWords = 8

  /// An empty batch.
  ///
  /// - Parameter nearDuplicateThreshold: the estimated Jaccard similarity from which two
  ///   articles are near-duplicates.
  public init(nearDuplicateThreshold: Double = 0.5) {
    self.nearDuplicateThreshold = nearDuplicateThreshold
  }

  /// Adds one article.
  public mutating func add(id: String, text: String, names: [NameMention]) {
    ids.append(id)
    let (hash, signature, words) = Self.signature(text)
    exact.append(hash)
    comparable.append(words >= Self.minimumWords)
    if words < Self.minimumWords {
      signatureRow.append(-1)
    } else if signatures.count / Self.hashCount >= maximumSignatures {
      signatureRow.append(-1)
      unsignedArticles += 1
    } else {
      signatureRow.append(Int32(signatures.count / Self.hashCount))
      signatures.append(contentsOf: signature)
    }
    let article = Int32(truncatingIfNeeded: ids.count - 1)
    for mention in names where mention.kind == "person" && mention.partial != true {
      guard let key = mention.key else { continue }
      // Keyed by the spelling as written; variants (case, hyphens, partial) merge in `finish`.
      if spellings[key]?[mention.text]?.articles.last == article { continue }
      let isNew = spellings[key]?[mention.text] == nil
      if spellingMentions >= maximumSpellingMentions || (isNew && spellingCount >= maximumSpellings)
      {
        droppedSpellingMentions += 1
        continue
      }
      if spellings[key] == nil {
        spellings[key] = [:]
        keyOrder.append(key)
      }
      if isNew {
        spellingCount += 1
        spellings[key]?[mention.text] = Spelling(
          text: mention.text, canonical: mention.canonical, articles: [article])
      } else {
        spellings[key]?[mention.text]?.articles.append(article)
      }
      spellingMentions += 1
    }
  }

  /// The batch findings: exact duplicates (one finding per duplicate), near-duplicate groups
  /// (one finding per group, on its first article, naming its members) and spellings that vary
  /// across articles.
  ///
  /// - Complexity: O(n log n) in the number of articles: in a large batch each article is
  ///   compared with at most `leadersPerBucket` others per band, never with every other.
  public func finish() -> Report {
    var findings: [ArticleFinding] = []
    var closest: (a: String, b: String, similarity: Double)?
    let count = ids.count
    if unsignedArticles > 0, let first = ids.first {
      findings.append(
        ArticleFinding(
          article: first,
          finding: Finding(
            code: "batch-too-large", severity: .warning,
            message:
              "the batch holds more than \(maximumSignatures) comparable articles; \(unsignedArticles) articles after them were checked for exact duplicates only; split the batch to find their near-duplicates"
          )))
    }
    if droppedSpellingMentions > 0, let first = ids.first {
      findings.append(
        ArticleFinding(
          article: first,
          finding: Finding(
            code: "batch-too-large", severity: .warning,
            message:
              "the batch holds more than \(maximumSpellings) name spellings or \(maximumSpellingMentions) mentions of them; \(droppedSpellingMentions) person mentions after them were not compared across articles; split the batch to compare every spelling"
          )))
    }
    // Exact duplicates: each against the first article with the same text.
    var firstWithText: [UInt64: Int] = [:]
    var isExactDuplicate = [Bool](repeating: false, count: count)
    for i in 0..<count where comparable[i] {
      if let first = firstWithText[exact[i]] {
        isExactDuplicate[i] = true
        findings.append(
          ArticleFinding(
            article: ids[i],
            finding: Finding(
              code: "duplicate-article", severity: .warning,
              message: "same text as article \(ids[first]); drop one of them")))
        if closest == nil || (closest?.similarity ?? 0) < 1 { closest = (ids[first], ids[i], 1) }
      } else {
        firstWithText[exact[i]] = i
      }
    }
    firstWithText = [:]
    let members = (0..<count).filter { signatureRow[$0] >= 0 && !isExactDuplicate[$0] }
    // Groups: union-find over article indices, the root being the group's first article.
    var parent = [Int32](repeating: -1, count: count)
    func find(_ i: Int) -> Int {
      var root = i
      while parent[root] >= 0 { root = Int(parent[root]) }
      var node = i
      while parent[node] >= 0 {
        let next = Int(parent[node])
        parent[node] = Int32(root)
        node = next
      }
      return root
    }
    func union(_ i: Int, _ j: Int) {
      let (a, b) = (find(i), find(j))
      if a == b { return }
      if a < b { parent[b] = Int32(a) } else { parent[a] = Int32(b) }
    }
    func similarity(_ i: Int, _ j: Int) -> Double {
      let a = Int(signatureRow[i]) * Self.hashCount
      let b = Int(signatureRow[j]) * Self.hashCount
      var same = 0
      for k in 0..<Self.hashCount where signatures[a + k] == signatures[b + k] { same += 1 }
      return Double(same) / Double(Self.hashCount)
    }
    /// Compares two articles; joins their groups when they are near-duplicates.
    func compare(_ i: Int, _ j: Int) -> Bool {
      let value = similarity(i, j)
      if closest == nil || value > (closest?.similarity ?? 0) {
        closest = i < j ? (ids[i], ids[j], value) : (ids[j], ids[i], value)
      }
      if value >= nearDuplicateThreshold {
        union(i, j)
        return true
      }
      return false
    }
    if members.count <= exhaustiveLimit {
      for (x, i) in members.enumerated() {
        for j in members[(x + 1)...] { _ = compare(i, j) }
      }
    } else {
      // Candidates share all hashes of at least one band: sort the band keys; in each run of
      // equal keys, an article joins the group of the first leader it is similar to, or becomes
      // a leader itself (at most `leadersPerBucket` per run).
      var keys = [(UInt64, Int32)](repeating: (0, 0), count: members.count)
      var leaders: [Int] = []
      for band in 0..<Self.bands {
        for (slot, i) in members.enumerated() {
          var key = UInt64(band)
          let row = Int(signatureRow[i]) * Self.hashCount + band * Self.rows
          for r in 0..<Self.rows { key = Self.mix(key ^ UInt64(signatures[row + r])) }
          keys[slot] = (key, Int32(i))
        }
        keys.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var runStart = 0
        while runStart < keys.count {
          var end = runStart + 1
          while end < keys.count && keys[end].0 == keys[runStart].0 { end += 1 }
          if end - runStart > 1 {
            leaders.removeAll(keepingCapacity: true)
            for x in runStart..<end {
              let i = Int(keys[x].1)
              var joined = false
              for leader in leaders {
                if find(leader) == find(i) || compare(leader, i) {
                  joined = true
                  break
                }
              }
              if !joined && leaders.count < Self.leadersPerBucket { leaders.append(i) }
            }
          }
          runStart = end
        }
      }
    }
    // One finding per group, on its first article, with every member's similarity to it.
    var groups: [Int: [Int]] = [:]
    for i in members where parent[i] >= 0 {
      groups[find(i), default: []].append(i)
    }
    for (root, group) in groups { groups[root] = [root] + group }
    for root in groups.keys.sorted() {
      guard let group = groups[root] else { continue }
      let values = group.dropFirst().map { similarity(root, $0) }
      let low = values.min() ?? 0
      let high = values.max() ?? 0
      var listed = group.prefix(Self.listedMembers).map { ids[$0] }.joined(separator: ", ")
      if group.count > Self.listedMembers {
        listed += " and \(group.count - Self.listedMembers) more"
      }
      let range = low == high ? Self.format(low) : "\(Self.format(low))–\(Self.format(high))"
      findings.append(
        ArticleFinding(
          article: ids[root],
          finding: Finding(
            code: "near-duplicate-article", severity: .warning,
            message:
              "near-duplicate group of \(group.count) articles: \(listed) (estimated Jaccard similarity to \(ids[root]) \(range) over word 3-shingles); keep one version"
          )))
    }
    for key in keyOrder {
      guard let variants = spellings[key], variants.count > 1 else { continue }
      // Group spellings that are mere variants of each other; report when two groups remain.
      var groups: [(text: String, canonical: String, articles: [String])] = []
      for (_, entry) in variants.sorted(by: { $0.key < $1.key }) {
        // Article ids in input order, a repeated id once in a row (as they were added).
        var articles: [String] = []
        for index in entry.articles where articles.last != ids[Int(index)] {
          articles.append(ids[Int(index)])
        }
        if let index = groups.firstIndex(where: {
          CheckNameSpellings.areVariants($0.text, entry.text)
        }) {
          groups[index].articles = Array(Set(groups[index].articles + articles)).sorted()
        } else {
          groups.append((text: entry.text, canonical: entry.canonical, articles: articles))
        }
      }
      guard groups.count > 1, let lead = groups.first else { continue }
      groups =
        [lead] + groups.dropFirst().filter { CheckNameSpellings.isRespelling(lead.text, $0.text) }
      guard groups.count > 1 else { continue }
      // Each spelling names at most `listedSpellingArticles` articles: the finding is repeated
      // on every article of the other spellings, so a full list would grow with the square.
      let description = groups.map { group in
        var listed = group.articles.prefix(Self.listedSpellingArticles).joined(separator: ", ")
        if group.articles.count > Self.listedSpellingArticles {
          listed += " and \(group.articles.count - Self.listedSpellingArticles) more"
        }
        return "\"\(group.text)\" (\(listed))"
      }.joined(separator: " vs ")
      let canonical = groups.first?.canonical ?? key
      for group in groups.dropFirst() {
        for article in group.articles {
          findings.append(
            ArticleFinding(
              article: article,
              finding: Finding(
                code: "name-spelling-varies-in-batch", severity: .info,
                message:
                  "\(canonical) is spelled several ways in the batch: \(description); pick one spelling (lexicon canonical: \(canonical))"
              )))
        }
      }
    }
    return Report(findings: findings, closestPair: closest, articles: count)
  }

  /// "0.83": two decimals.
  public static func format(_ value: Double) -> String {
    let hundredths = min(100, max(0, Int((value * 100).rounded())))
    if hundredths == 100 { return "1.00" }
    return "0." + (hundredths < 10 ? "0" : "") + String(hundredths)
  }

  /// The exact-text hash, the MinHash signature of `text` over lower-cased word 3-shingles, and
  /// the word count.
  ///
  /// One-permutation hashing: each shingle is hashed once; the hash picks one of the 128 bins
  /// and the bin keeps its smallest value. Empty bins (short texts) borrow from the next
  /// non-empty bin, offset by the distance, so two texts still compare bin by bin.
  /// Words are runs of ASCII letters and digits and of non-ASCII scalars other than general and
  /// CJK punctuation (U+2000–U+206F, U+3000–U+303F), read on UTF-8 bytes.
  static func signature(_ text: String) -> (UInt64, [UInt32], Int) {
    var state = ShingleState()
    ByteText.withBytes(text) { bytes in
      let count = bytes.count
      var index = 0
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          if ByteText.isASCIIWord(byte) {
            state.add(byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0))
          } else {
            state.endWord()
          }
          index += 1
          continue
        }
        // A non-ASCII scalar: punctuation blocks separate words, anything else belongs to one.
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let second = index + 1 < count ? bytes[index + 1] : 0
        if (byte == 0xE2 && (second == 0x80 || second == 0x81)) || (byte == 0xE3 && second == 0x80)
          || byte == 0xC2
        {
          state.endWord()
        } else {
          for k in index..<min(count, index + length) { state.add(bytes[k]) }
        }
        index += length
      }
      state.endWord()
    }
    var signature = state.signature
    let words = state.words
    let exactHash = state.exactHash
    if words > 0 && words < shingleSize {
      // Too short for a shingle: the whole text is one.
      let value = mix(exactHash)
      signature[Int(value >> 57)] = UInt32(truncatingIfNeeded: value)
    }
    // Densify: empty bins take the next non-empty bin's value, offset by the distance.
    if signature.contains(.max), signature.contains(where: { $0 != .max }) {
      let original = signature
      for bin in 0..<hashCount where original[bin] == .max {
        var distance = 1
        while original[(bin + distance) % hashCount] == .max { distance += 1 }
        signature[bin] = original[(bin + distance) % hashCount] &+ UInt32(distance) &* 0x9E37_79B9
      }
    }
    return (exactHash, signature, words)
  }

  /// The running state of `signature(_:)`: the current word's hash, the last two words, the bins.
  private struct ShingleState {
    var exactHash = FNV1a.basis64
    var signature = [UInt32](repeating: .max, count: BatchValidator.hashCount)
    var previous: (UInt64, UInt64) = (0, 0)
    var words = 0
    var word = FNV1a.basis64
    var inWord = false

    @inline(__always)
    mutating func add(_ byte: UInt8) {
      word = FNV1a.step(word, byte)
      inWord = true
    }

    @inline(__always)
    mutating func endWord() {
      guard inWord else { return }
      inWord = false
      words += 1
      exactHash = (exactHash ^ word) &* FNV1a.prime64
      if words >= BatchValidator.shingleSize {
        let shingle = BatchValidator.mix(
          previous.0 &* 31 ^ BatchValidator.mix(previous.1 ^ word &* 0x9E37_79B9_7F4A_7C15))
        let bin = Int(shingle >> 57)  // 0..<128
        let value = UInt32(truncatingIfNeeded: shingle)
        if value < signature[bin] { signature[bin] = value }
      }
      previous = (previous.1, word)
      word = FNV1a.basis64
    }
  }

  /// SplitMix64's finaliser.
  @inline(__always)
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
