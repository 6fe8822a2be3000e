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
    var lookedUp: [UInt64] = []
    var lookedUpSources: [KoreanNameTables.ReadingSource] = []
    var lookedUpBest: [Double] = []
    var lookedUpRanges: [Range<Int>?] = []
    var poolScalars: [UInt32] = []
    var poolScores: [Double] = []
    var plans: [(bound: Double, index: Int, lookups: SIMD4<Int32>)] = []
    var beam: [(Double, UInt64)] = []
    var next = [(Double, UInt64)](repeating: (0, 0), count: KoreanNameParser.beamWidth + 1)
    var bestIndex = CodeTable(capacity: 64)
    var bestKeys: [UInt64] = []
    var bestScores: [Double] = []
    var ranked: [(UInt64, Double)] = []
    /// The given name's syllable spellings: `spellingLetters` cut at `spellingEnds`.
    var spellingLetters: [UInt8] = []
    var spellingEnds: [Int] = []
    var bytes: [UInt8] = []
  }
}
