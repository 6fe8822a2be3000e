import NameNormalization
import NormalizeCore

/// Rules over a whole batch, fed one article at a time: exact and near-duplicate articles
/// (word 3-shingles, 128-hash MinHash signatures, Jaccard estimated from them) and one person
/// spelled several ways across articles ("Zelensky" in one, "Zelenskyy" in another).
///
/// Memory is bounded by the batch size times a signature (128 32-bit hashes, 512 bytes) plus the
/// distinct name spellings; article texts are not kept. Up to `exhaustiveLimit` articles every
/// pair is compared (so the closest pair is exact); beyond, candidate pairs come from
/// locality-sensitive hashing (42 bands of 3 hashes): a pair at 0.5 is found with
/// probability 0.996, one at 0.3 with 0.68, unrelated articles almost never.
/// Exact duplicates are reported once each, against the first article with the same text.
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
  public static let codes = ["duplicate-article", "near-duplicate-article", "name-spelling-varies-in-batch"]

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
  private var signatures: [[UInt32]] = []
  /// Whether the text is long enough for duplicate detection.
  private var comparable: [Bool] = []
  /// name key → spelling as written → (spelling, canonical, article ids)
  private var spellings: [String: [String: (text: String, canonical: String, articles: [String])]] = [:]
  private var keyOrder: [String] = []

  static let hashCount = 128
  static let shingleSize = 3
  static let bands = 42
  static let rows = 3
  /// Batches up to this size compare every pair.
  public var exhaustiveLimit = 200
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
    signatures.append(signature)
    comparable.append(words >= Self.minimumWords)
    for mention in names where mention.kind == "person" && mention.partial != true {
      guard let key = mention.key else { continue }
      // Keyed by the spelling as written; variants (case, hyphens, partial) merge in `finish`.
      if spellings[key] == nil {
        spellings[key] = [:]
        keyOrder.append(key)
      }
      var entry = spellings[key]?[mention.text] ?? (text: mention.text, canonical: mention.canonical, articles: [])
      if entry.articles.last != id { entry.articles.append(id) }
      spellings[key]?[mention.text] = entry
    }
  }

  /// The batch findings: duplicate pairs and spellings that vary across articles.
  public func finish() -> Report {
    var findings: [ArticleFinding] = []
    var closest: (a: String, b: String, similarity: Double)?
    let count = ids.count
    // Exact duplicates: each against the first article with the same text.
    var firstWithText: [UInt64: Int] = [:]
    var duplicateOf = [Int?](repeating: nil, count: count)
    for i in 0..<count where comparable[i] {
      if let first = firstWithText[exact[i]] {
        duplicateOf[i] = first
        findings.append(
          ArticleFinding(
            article: ids[i],
            finding: Finding(code: "duplicate-article", severity: .warning,
                             message: "same text as article \(ids[first]); drop one of them")))
        if closest == nil || (closest?.similarity ?? 0) < 1 { closest = (ids[first], ids[i], 1) }
      } else {
        firstWithText[exact[i]] = i
      }
    }
    func compare(_ i: Int, _ j: Int) {
      guard comparable[i], comparable[j], duplicateOf[i] == nil, duplicateOf[j] == nil else { return }
      var same = 0
      let a = signatures[i]
      let b = signatures[j]
      for k in 0..<Self.hashCount where a[k] == b[k] { same += 1 }
      let similarity = Double(same) / Double(Self.hashCount)
      if closest == nil || similarity > (closest?.similarity ?? 0) { closest = (ids[i], ids[j], similarity) }
      if similarity >= nearDuplicateThreshold {
        findings.append(
          ArticleFinding(
            article: ids[j],
            finding: Finding(code: "near-duplicate-article", severity: .warning,
                             message: "near-duplicate of article \(ids[i]) (estimated Jaccard similarity \(Self.format(similarity)) over word 3-shingles); keep one version")))
      }
    }
    if count <= exhaustiveLimit {
      for i in 0..<count {
        for j in (i + 1)..<max(i + 1, count) { compare(i, j) }
      }
    } else {
      // Candidate pairs share all hashes of at least one band: sort the band keys, compare runs.
      var seen = Set<Int64>()
      let members = (0..<count).filter { comparable[$0] && duplicateOf[$0] == nil }
      var keys = [(UInt64, Int32)](repeating: (0, 0), count: members.count)
      for band in 0..<Self.bands {
        for (slot, i) in members.enumerated() {
          var key = UInt64(band)
          for r in 0..<Self.rows { key = Self.mix(key ^ UInt64(signatures[i][band * Self.rows + r])) }
          keys[slot] = (key, Int32(i))
        }
        keys.sort { $0.0 < $1.0 }
        var runStart = 0
        for end in 1...keys.count where end == keys.count || keys[end].0 != keys[runStart].0 {
          if end - runStart > 1 {
            for x in runStart..<end {
              for y in (x + 1)..<end {
                let (a, b) = (Int(min(keys[x].1, keys[y].1)), Int(max(keys[x].1, keys[y].1)))
                if seen.insert(Int64(a) * Int64(count) + Int64(b)).inserted { compare(a, b) }
              }
            }
          }
          runStart = end
        }
      }
    }
    for key in keyOrder {
      guard let variants = spellings[key], variants.count > 1 else { continue }
      // Group spellings that are mere variants of each other; report when two groups remain.
      var groups: [(text: String, canonical: String, articles: [String])] = []
      for (_, entry) in variants.sorted(by: { $0.key < $1.key }) {
        if let index = groups.firstIndex(where: { CheckNameSpellings.areVariants($0.text, entry.text) }) {
          groups[index].articles = Array(Set(groups[index].articles + entry.articles)).sorted()
        } else {
          groups.append(entry)
        }
      }
      guard groups.count > 1, let lead = groups.first else { continue }
      groups = [lead] + groups.dropFirst().filter { CheckNameSpellings.isRespelling(lead.text, $0.text) }
      guard groups.count > 1 else { continue }
      let description = groups.map { "\"\($0.text)\" (\($0.articles.joined(separator: ", ")))" }.joined(separator: " vs ")
      let canonical = groups.first?.canonical ?? key
      for group in groups.dropFirst() {
        for article in group.articles {
          findings.append(
            ArticleFinding(
              article: article,
              finding: Finding(code: "name-spelling-varies-in-batch", severity: .info,
                               message: "\(canonical) is spelled several ways in the batch: \(description); pick one spelling (lexicon canonical: \(canonical))")))
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
        if (byte == 0xE2 && (second == 0x80 || second == 0x81)) || (byte == 0xE3 && second == 0x80) || byte == 0xC2 {
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
    var exactHash: UInt64 = 0xcbf2_9ce4_8422_2325
    var signature = [UInt32](repeating: .max, count: BatchValidator.hashCount)
    var previous: (UInt64, UInt64) = (0, 0)
    var words = 0
    var word: UInt64 = 0xcbf2_9ce4_8422_2325
    var inWord = false

    @inline(__always)
    mutating func add(_ byte: UInt8) {
      word = (word ^ UInt64(byte)) &* 0x100_0000_01b3
      inWord = true
    }

    @inline(__always)
    mutating func endWord() {
      guard inWord else { return }
      inWord = false
      words += 1
      exactHash = (exactHash ^ word) &* 0x100_0000_01b3
      if words >= BatchValidator.shingleSize {
        let shingle = BatchValidator.mix(previous.0 &* 31 ^ BatchValidator.mix(previous.1 ^ word &* 0x9E37_79B9_7F4A_7C15))
        let bin = Int(shingle >> 57)  // 0..<128
        let value = UInt32(truncatingIfNeeded: shingle)
        if value < signature[bin] { signature[bin] = value }
      }
      previous = (previous.1, word)
      word = 0xcbf2_9ce4_8422_2325
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
