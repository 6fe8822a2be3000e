import Citations
import CitationsTraining
import Testing

@Suite("Reference tagger")
struct ReferenceTaggerTests {
  static let examples: [ReferenceTaggerTrainer.Example] = [
    .init(
      tokens: ["Smith,", "J.", "(2001).", "Rivers", "of", "stone.", "Lagos:", "Sun", "Press."],
      labels: [
        "author", "author", "date", "title", "title", "title", "location", "publisher", "publisher",
      ]),
    .init(
      tokens: ["Ade,", "K.", "(1999).", "Salt", "roads.", "Accra:", "Gold", "Books."],
      labels: ["author", "author", "date", "title", "title", "location", "publisher", "publisher"]),
  ]

  @Test("weights written as text read back to the same tags")
  func roundTrip() throws {
    var trainer = ReferenceTaggerTrainer(
      markers: try #require(CitationsFixtures.markers), epochs: 5, minimumCount: 1)
    trainer.scale = 100  // two toy references give small weights
    trainer.weightFloor = 1
    let model = trainer.train(Self.examples)
    try expectReadsBackAndTagsExamples(model)
  }

  @Test("a CRF learns the toy references, and its weights read back to the same tags")
  func crfRoundTrip() throws {
    var trainer = ReferenceTaggerTrainer(
      markers: try #require(CitationsFixtures.markers), epochs: 30, minimumCount: 1)
    trainer.algorithm = .crf
    trainer.l2 = 0.1
    trainer.averagedPasses = 10
    trainer.scale = 100
    trainer.weightFloor = 1
    let model = trainer.train(Self.examples)
    try expectReadsBackAndTagsExamples(model)
    // The same data and seed give the same weights.
    #expect(trainer.train(Self.examples).tsv() == model.tsv())
  }

  /// The model tags the toy examples as labelled, and its weights written as text read back
  /// to a model that tags them the same.
  private func expectReadsBackAndTagsExamples(_ model: ReferenceTaggingModel) throws {
    let reread = try ReferenceTaggingModel(tsv: model.tsv(), path: "test.tsv")
    let markers = try #require(CitationsFixtures.markers)
    for example in Self.examples {
      #expect(
        reread.tag(example.tokens, markers: markers) == model.tag(example.tokens, markers: markers))
      #expect(model.tag(example.tokens, markers: markers) == example.labels)
    }
  }

  @Test("malformed weights are reported with their line")
  func malformed() {
    #expect(throws: CitationsError.self) {
      try ReferenceTaggingModel(tsv: "w=x\t0:1\n", path: "bad.tsv")
    }
    #expect(throws: CitationsError.self) {
      try ReferenceTaggingModel(tsv: "@labels\ta\tb\nw=x\t7:1\n", path: "bad.tsv")
    }
    // Weights are integers, each label once, each feature once, one @labels line.
    let bad = [
      "@labels\ta\tb\nw=x\t0:1.5\n", "@labels\ta\tb\nw=x\t0:1 0:2\n",
      "@labels\ta\tb\nw=x\t0:1\nw=x\t1:1\n",
      "@labels\ta\tb\n@labels\ta\tb\n", "@labels\ta\tb\nw=x\t0:99999\n",
      "@labels\ta\tb\nw=x\t0:1 \n",
    ]
    for text in bad {
      #expect(throws: CitationsError.self, "\(text.debugDescription)") {
        try ReferenceTaggingModel(tsv: text, path: "bad.tsv")
      }
    }
    #expect(throws: Never.self) {
      try ReferenceTaggingModel(tsv: "@labels\ta\tb\nw=x\t1:-3 0:2\ns=Xx\t0:7\n", path: "ok.tsv")
    }
  }

  @Test("written weights are integers, largest first, and survive a second round trip unchanged")
  func writtenFormat() throws {
    var trainer = ReferenceTaggerTrainer(
      markers: try #require(CitationsFixtures.markers), epochs: 5, minimumCount: 1)
    trainer.scale = 100
    let text = trainer.train(Self.examples).tsv(comment: "test")
    #expect(text.hasPrefix("# test\n@labels\t"))
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("@") {
      let weights = line.split(separator: "\t")[1].split(separator: " ").map {
        Int($0.split(separator: ":")[1])
      }
      #expect(weights.allSatisfy { $0 != nil && $0 != 0 }, "\(line)")
      let magnitudes = weights.compactMap { $0.map(abs) }
      #expect(magnitudes == magnitudes.sorted(by: >), "\(line)")
    }
    let reread = try ReferenceTaggingModel(tsv: text, path: "test.tsv")
    #expect(reread.tsv(comment: "test") == text)
  }

  @Test("neighbouring words are features one at a time, never as a pair")
  func noWordPairs() throws {
    var trainer = ReferenceTaggerTrainer(
      markers: try #require(CitationsFixtures.markers), epochs: 5, minimumCount: 1)
    trainer.scale = 100
    trainer.weightFloor = 1
    let names = trainer.train(Self.examples).tsv().split(separator: "\n").map {
      $0.prefix { $0 != "\t" }
    }
    #expect(names.contains("w-1=rivers"))
    #expect(names.contains("w+1=stone"))
    #expect(!names.contains { $0.hasPrefix("w-1|w=") || $0.hasPrefix("w|w+1=") })
  }

  @Test("tokens keep their scalar offsets")
  func tokens() {
    let tokens = ReferenceToken.tokenize("  消息:俄乌 [News]\u{3000}x ")
    #expect(tokens.map(\.text) == ["消息:俄乌", "[News]", "x"])
    #expect(tokens.map(\.start) == [2, 8, 15])
  }

  @Test("CJK words are cut at field marks, not at colons or decimal points")
  func cjkTokens() {
    let zh = ReferenceToken.tokenize("王小明（2018）。〈臺灣的語言政策〉。《語言學報》，15，23–45。")
    #expect(zh.map(\.text) == ["王小明", "（2018）。", "〈臺灣的語言政策〉。", "《語言學報》，", "15，", "23–45。"])
    #expect(zh.map(\.start) == [0, 3, 10, 20, 27, 30])
    let gbt = ReferenceToken.tokenize("[1] 王小明.台湾的语言政策[J].语言学报,2018,15(2):23-45.")
    #expect(
      gbt.map(\.text) == ["[1]", "王小明.", "台湾的语言政策[J].", "语言学报,", "2018,", "15(2):", "23-45."])
    #expect(ReferenceToken.tokenize("消息：俄乌 第1.5卷").map(\.text) == ["消息：俄乌", "第1.5卷"])
    // A book's place and publisher are cut at their colon; a title's colon before a publisher word is not.
    #expect(ReferenceToken.tokenize("写作。北京：清华大学出版社。").map(\.text) == ["写作。", "北京：", "清华大学出版社。"])
    #expect(ReferenceToken.tokenize("东京大学：出版社改革").map(\.text) == ["东京大学：出版社改革"])
    #expect(ReferenceToken.tokenize("消息：出版社改革[N].").map(\.text) == ["消息：出版社改革[N]."])
    // Latin words are never cut.
    #expect(ReferenceToken.tokenize("Smith,J.(2001).Title").map(\.text) == ["Smith,J.(2001).Title"])
    // Touching tokens join without a space in their segment.
    let segments = ReferenceSegment.group(
      zh, labels: ["author", "date", "title", "title", "volume", "volume"])
    #expect(segments.map(\.text) == ["王小明", "（2018）。", "〈臺灣的語言政策〉。《語言學報》，", "15，23–45。"])
  }
}
