import ICUSupport

/// Reads and writes `TaggingStage` weights as the lines of `Lexicons/refs/reference-model.tsv`
/// (format in `Lexicons/refs/README.md`):
///
/// ```text
/// @labels	author	date	title
/// @transition	0	^	3 -2 0
/// w=journal	2:41 0:-3
/// @candidates	4
/// @rerank	bi:title>journal	0.8125
/// ```
enum ReferenceModelFile {
  /// Parses the tagger and, when the file has `@candidates` and `@rerank` lines, its reranker
  /// from the lines (fields split at TABs), the first being `@labels`.
  ///
  /// - Throws: `CitationsError.invalidModel` with the line of the first problem.
  static func model(rows: [[Substring]], lines: [Int], path: String) throws -> (
    TaggingStage, CandidateReranker?
  ) {
    guard let header = rows.first, header.first == "@labels", header.count > 1 else {
      throw CitationsError.invalidModel(
        path: path, line: lines.first ?? 1,
        message: "the first entry must be @labels<TAB>label<TAB>…")
    }
    let labels = header.dropFirst().map(String.init)
    let count = labels.count
    var labelNumber: [Substring: Int] = [:]
    for (k, label) in labels.enumerated() { labelNumber[Substring(label)] = k }
    var transitions = [Float](
      repeating: 0, count: TaggingStage.transitionTables * (count + 1) * count)
    var names: [String] = []
    names.reserveCapacity(rows.count)
    var nameLines: [Int] = []
    var pairs: [UInt32] = []
    pairs.reserveCapacity(rows.count * 4)
    var starts = [0]
    starts.reserveCapacity(rows.count + 1)
    var candidates: Int? = nil
    var rerankWeights: [String: Float] = [:]
    for (fields, row) in zip(rows.dropFirst(), lines.dropFirst()) {
      if fields.first == "@candidates" {
        guard fields.count == 2, let k = Int(fields[1]), (2...64).contains(k), candidates == nil
        else {
          throw CitationsError.invalidModel(
            path: path, line: row, message: "one @candidates<TAB>k line, k from 2 to 64")
        }
        candidates = k
        continue
      }
      if fields.first == "@rerank" {
        guard fields.count == 3, !fields[1].isEmpty, let weight = Float(fields[2]), weight.isFinite
        else {
          throw CitationsError.invalidModel(
            path: path, line: row, message: "expected @rerank<TAB>feature<TAB>decimal weight")
        }
        guard rerankWeights.updateValue(weight, forKey: String(fields[1])) == nil else {
          throw CitationsError.invalidModel(
            path: path, line: row, message: "reranker feature \"\(fields[1])\" is listed twice")
        }
        continue
      }
      if fields.first == "@labels" {
        throw CitationsError.invalidModel(
          path: path, line: row,
          message: "one @labels line only (two-stage weights are no longer read)")
      }
      guard fields.count == 2 || (fields.first == "@transition" && fields.count == 4) else {
        throw CitationsError.invalidModel(
          path: path, line: row, message: "expected feature<TAB>label:weight …")
      }
      if fields[0] == "@transition" {
        let context = Int(fields[1]) ?? -1
        let from = fields[2] == "^" ? 0 : (labelNumber[fields[2]].map { $0 + 1 } ?? -1)
        let values = fields[3].split(separator: " ").compactMap { Float($0) }
        guard context >= 0, context < TaggingStage.transitionTables, from >= 0,
          values.count == count
        else {
          throw CitationsError.invalidModel(
            path: path, line: row,
            message:
              "a transition row needs a context 0…\(TaggingStage.transitionTables - 1), a known label and \(count) weights"
          )
        }
        for k in 0..<count { transitions[(context * (count + 1) + from) * count + k] = values[k] }
        continue
      }
      let start = pairs.count
      guard parsePairs(fields[1], count: count, into: &pairs),
        pairs.count - start <= FeatureTable.maximumPairs
      else {
        throw CitationsError.invalidModel(
          path: path, line: row,
          message:
            "bad weights \"\(fields[1].prefix(40))\" (label number:integer weight, each label once)"
        )
      }
      starts.append(pairs.count)
      names.append(String(fields[0]))
      nameLines.append(row)
    }
    let (stage, failedRow) = TaggingStage.make(
      labels: labels, names: names, pairs: pairs, starts: starts, transitions: transitions)
    if let failedRow {
      throw CitationsError.invalidModel(
        path: path, line: nameLines[failedRow],
        message: "feature \"\(names[failedRow])\" is listed twice (or the file is too large)")
    }
    if (candidates == nil) != rerankWeights.isEmpty {
      throw CitationsError.invalidModel(
        path: path, line: lines.last ?? 1,
        message: "@rerank weights need a @candidates line, and @candidates needs @rerank weights")
    }
    return (stage, candidates.map { CandidateReranker(candidates: $0, weights: rerankWeights) })
  }

  /// Reads "k:w k:w …" (w an integer from -32767 to 32767) as packed pairs; false when the
  /// text is malformed, a label number is out of range or a label repeats.
  static func parsePairs(_ text: Substring, count: Int, into pairs: inout [UInt32]) -> Bool {
    var utf8 = text.utf8.makeIterator()
    var byte = utf8.next()
    /// Reads at most `limit` decimal digits; nil when there is none.
    func number(limit: Int) -> Int? {
      var value = 0
      var digits = 0
      while let b = byte, b >= 0x30 && b <= 0x39, digits < limit {
        value = value * 10 + Int(b - 0x30)
        digits += 1
        byte = utf8.next()
      }
      return digits > 0 ? value : nil
    }
    var labelsSeen: UInt64 = 0
    while byte != nil {
      guard let label = number(limit: 3), byte == 0x3A, label < count, label < 64,
        labelsSeen & (1 << label) == 0
      else { return false }  // ":"
      labelsSeen |= 1 << label
      byte = utf8.next()
      var negative = false
      if byte == 0x2D {  // "-"
        negative = true
        byte = utf8.next()
      }
      guard let value = number(limit: 6), value <= 32767 else { return false }
      if value != 0 {
        pairs.append(TaggingStage.pack(label: label, weight: negative ? -value : value))
      }
      if byte == 0x20 {
        byte = utf8.next()
        if byte == nil { return false }
      } else if byte != nil {
        return false
      }
    }
    return true
  }

  /// The lines of the tagger, features in name order, each feature's weights largest first,
  /// then the reranker's (its features in name order).
  static func text(of stage: TaggingStage, reranker: CandidateReranker?) -> String {
    var out = ""
    out += "@labels\t" + stage.labels.joined(separator: "\t") + "\n"
    let count = stage.labels.count
    for context in 0..<TaggingStage.transitionTables {
      for from in 0...count {
        let name = from == 0 ? "^" : stage.labels[from - 1]
        let base = (context * (count + 1) + from) * count
        guard base + count <= stage.transitions.count else { continue }
        let values = (0..<count).map { Int(stage.transitions[base + $0].rounded()) }
        if context > 0 && values.allSatisfy({ $0 == 0 }) { continue }
        out +=
          "@transition\t\(context)\t\(name)\t" + values.map(String.init).joined(separator: " ")
          + "\n"
      }
    }
    // Lexicon files must be NFC; a feature from a decomposed input string can never match
    // normalised input anyway, so it is left out.
    let order = stage.names.indices.sorted { stage.names[$0] < stage.names[$1] }
    for row in order where row + 1 < stage.starts.count {
      let name = stage.names[row]
      if name.contains("\t") || name.contains("\n") || name.hasPrefix("#") || name.hasPrefix("@") {
        continue
      }
      guard Normalizer.isNormalized(name, form: .nfc) else { continue }
      let ranked = stage.pairs[stage.starts[row]..<stage.starts[row + 1]].map(TaggingStage.unpack)
        .sorted {
          abs($0.weight) > abs($1.weight) || abs($0.weight) == abs($1.weight) && $0.label < $1.label
        }
      if ranked.isEmpty { continue }
      out += name + "\t" + ranked.map { "\($0.label):\($0.weight)" }.joined(separator: " ") + "\n"
    }
    if let reranker {
      out += "@candidates\t\(reranker.candidates)\n"
      for (name, weight) in reranker.weights.sorted(by: { $0.key < $1.key }) {
        if name.contains("\t") || name.contains("\n") || !Normalizer.isNormalized(name, form: .nfc)
        {
          continue
        }
        out += "@rerank\t\(name)\t\(weight)\n"
      }
    }
    return out
  }
}
