extension KoreanNameParser {
  /// Storage reused from one `parse` call to the next, so that a call allocates little beyond
  /// its result: the input's tokens and given-name pieces, the pieces' segmentations and their
  /// combinations, candidate lists already looked up (by spelling code, index and position:
  /// where they are, their best score, and once a search uses them, their range of the pool),
  /// the search plans and the beam's buffers, the best score per Hangul name, and the bytes of
  /// the display strings.
  struct ParseScratch {
    var input = Tokens()
    var given: [ArraySlice<UInt8>] = []
    var options: [Segmentation] = []
    var combined: [Segmentation] = []
    var nextCombined: [Segmentation] = []
    var cuts: [UInt64] = []
    var loosened: [UInt8] = []
    var lookups: [Lookup] = []
    var poolScalars: [UInt32] = []
    var poolScores: [Double] = []
    var plans: [(bound: Double, index: Int, lookups: SIMD4<Int32>)] = []
    /// The beam (partial names, packed, with their scores) and the next one, swapped at each
    /// syllable; the counts in use are the search's.
    var beam = [(Double, UInt64)](repeating: (0, 0), count: KoreanNameParser.beamWidth + 1)
    var next = [(Double, UInt64)](repeating: (0, 0), count: KoreanNameParser.beamWidth + 1)
    /// Packed Hangul names found, with their best scores, and where each is in `bestNames`.
    var bestIndex = CodeTable(capacity: 64)
    var bestNames: [(key: UInt64, score: Double)] = []
    var ranked: [(UInt64, Double)] = []
    /// The given name's syllable spellings: `spellingLetters` cut at `spellingEnds`.
    var spellingLetters: [UInt8] = []
    var spellingEnds: [Int] = []
    var bytes: [UInt8] = []

    /// A spelling looked up for this input (key: code, position, index): where its readings
    /// are, the best one's score (-infinity for none), and their range of the pool once merged.
    struct Lookup {
      var key: UInt64
      var source: KoreanNameTables.ReadingSource
      var best: Double
      var range: Range<Int>?
    }
  }
}
