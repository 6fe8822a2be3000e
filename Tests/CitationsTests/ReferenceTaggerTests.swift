import Citations
import Testing

@Suite("Reference tagger")
struct ReferenceTaggerTests {
  static let examples: [ReferenceTaggerTrainer.Example] = [
    .init(tokens: ["Smith,", "J.", "(2001).", "Rivers", "of", "stone.", "Lagos:", "Sun", "Press."],
          labels: ["author", "author", "date", "title", "title", "title", "location", "publisher", "publisher"]),
    .init(tokens: ["Ade,", "K.", "(1999).", "Salt", "roads.", "Accra:", "Gold", "Books."],
          labels: ["author", "author", "date", "title", "title", "location", "publisher", "publisher"]),
  ]

  @Test("weights written as text read back to the same tags")
  func roundTrip() throws {
    var trainer = ReferenceTaggerTrainer(epochs: 5, minimumCount: 1)
    trainer.scale = 100  // two toy references give small weights
    trainer.weightFloor = 1
    let model = trainer.train(Self.examples)
    let reread = try ReferenceTaggingModel(tsv: model.tsv(), path: "test.tsv")
    for example in Self.examples {
      #expect(reread.tag(example.tokens) == model.tag(example.tokens))
      #expect(model.tag(example.tokens) == example.labels)
    }
  }

  @Test("malformed weights are reported with their line")
  func malformed() {
    #expect(throws: CitationsError.self) { try ReferenceTaggingModel(tsv: "w=x\t0:1\n", path: "bad.tsv") }
    #expect(throws: CitationsError.self) { try ReferenceTaggingModel(tsv: "@labels\ta\tb\nw=x\t7:1\n", path: "bad.tsv") }
  }

  @Test("tokens keep their scalar offsets")
  func tokens() {
    let tokens = ReferenceToken.tokenize("  消息:俄乌 [News]\u{3000}x ")
    #expect(tokens.map(\.text) == ["消息:俄乌", "[News]", "x"])
    #expect(tokens.map(\.start) == [2, 8, 15])
  }
}
