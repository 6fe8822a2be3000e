import Foundation
import Testing

@testable import NormalizeCore

/// A temporary lexicon root; removed when the test ends.
final class TemporaryLexiconRoot {
  let url: URL

  init(_ files: [String: String]) throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("normalize-lexicons-\(UUID().uuidString)")
    for (path, contents) in files {
      let file = url.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(contents.utf8).write(to: file)
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func write(_ path: String, bytes: [UInt8]) throws {
    let file = url.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}

@Suite struct DirectoryLexiconProviderTests {
  @Test func readsFilesByKindAndLanguage() throws {
    let root = try TemporaryLexiconRoot([
      "ko/boilerplate.tsv": "# Korean\nrelated\t^관련 기사$\n",
      "it/boilerplate.tsv": "related\t^ultime notizie$\n",
      "it/stopwords.tsv": "il\nla\n",
      "ko/README.md": "not a lexicon",
      "notes.txt": "a file at the root is not a language",
    ])
    let provider = try DirectoryLexiconProvider(roots: [root.url])
    #expect(provider.languages(forKind: "boilerplate") == ["it", "ko"])
    #expect(provider.languages(forKind: "stopwords") == ["it"])
    #expect(provider.languages(forKind: "README").isEmpty)
    #expect(provider.languages(forKind: "nothing").isEmpty)
    let korean = try provider.entries(kind: "boilerplate", language: "ko")
    #expect(korean.map(\.fields) == [["related", "^관련 기사$"]])
    #expect(korean.first?.location == "ko/boilerplate.tsv:2")
    #expect(try provider.entries(kind: "boilerplate", language: "ru").isEmpty)
    #expect(try provider.allEntries(kind: "boilerplate").map(\.language) == ["it", "ko"])
    // Cached: a second read gives the same entries.
    #expect(try provider.entries(kind: "boilerplate", language: "ko") == korean)
  }

  @Test func laterRootsAddEntriesAfterEarlierOnes() throws {
    let shipped = try TemporaryLexiconRoot([
      "uk/names.tsv": "Зеленський\tZelenskyy\n",
      "en/names.tsv": "Kim Jong-un\tperson\n",
    ])
    let local = try TemporaryLexiconRoot([
      "uk/names.tsv": "Київ\tKyiv\n",
      "ko/names.tsv": "유용원\tYoo Yong-won\n",
    ])
    let provider = try DirectoryLexiconProvider(roots: [shipped.url, local.url])
    #expect(provider.roots == [shipped.url, local.url])
    #expect(provider.languages(forKind: "names") == ["en", "ko", "uk"])
    let ukrainian = try provider.entries(kind: "names", language: "uk")
    #expect(ukrainian.map { $0.fields[0] } == ["Зеленський", "Київ"])
    #expect(ukrainian.map(\.location) == ["uk/names.tsv:1", "uk/names.tsv:1"])
  }

  /// A file is compiled in only when every source of its kind and language is text given to
  /// the provider: a folder or a single file adding to it makes the services read it at start.
  @Test func compiledInOnlyWithoutAUsersFile() throws {
    let local = try TemporaryLexiconRoot(["de/date-grammar.tsv": "unit\tjahr(|e)\tyear\n"])
    let embedded = [
      (path: "de/date-grammar.tsv", text: "number\tzwei\t2\n"),
      (path: "fr/date-grammar.tsv", text: "number\tdeux\t2\n"),
    ]
    let shipped = try DirectoryLexiconProvider(embedded: embedded, roots: [], files: [])
    #expect(shipped.isCompiledIn(kind: "date-grammar", language: "de"))
    #expect(shipped.isCompiledIn(kind: "date-grammar", language: "fr"))
    #expect(!shipped.isCompiledIn(kind: "date-grammar", language: "ru"))
    let layered = try DirectoryLexiconProvider(embedded: embedded, roots: [local.url], files: [])
    #expect(!layered.isCompiledIn(kind: "date-grammar", language: "de"))
    #expect(layered.isCompiledIn(kind: "date-grammar", language: "fr"))
    let folder = try DirectoryLexiconProvider(roots: [local.url])
    #expect(!folder.isCompiledIn(kind: "date-grammar", language: "de"))
    let inMemory = InMemoryLexiconProvider(["date-grammar": ["de": "number\tzwei\t2"]])
    #expect(!inMemory.isCompiledIn(kind: "date-grammar", language: "de"))
  }

  @Test func missingRootIsAnError() throws {
    let missing = URL(fileURLWithPath: "/nonexistent/normalize-lexicons")
    #expect(throws: LexiconError.missingRoot(path: missing.path)) {
      try DirectoryLexiconProvider(roots: [missing])
    }
    let description = LexiconError.missingRoot(path: missing.path).description
    #expect(description.hasPrefix("/nonexistent/normalize-lexicons: lexicon folder not found"))
    #expect(description.contains("--lexicons"))
  }

  @Test func aFileIsNotARoot() throws {
    let root = try TemporaryLexiconRoot(["en/names.tsv": "a\tb\n"])
    let file = root.url.appendingPathComponent("en/names.tsv")
    #expect(throws: LexiconError.missingRoot(path: file.path)) {
      try DirectoryLexiconProvider(roots: [file])
    }
  }

  @Test func malformedLineReportsFileAndLine() throws {
    let root = try TemporaryLexiconRoot(["ru/names.tsv": "# names\nЗеленский\tZelensky\nМосква\t\n"]
    )
    let provider = try DirectoryLexiconProvider(roots: [root.url])
    #expect(
      throws: LexiconError.invalidEntry(
        path: "ru/names.tsv", line: 3, message: "empty field (fields are separated by one TAB)")
    ) {
      try provider.entries(kind: "names", language: "ru")
    }
  }

  @Test func invalidUTF8IsReported() throws {
    let root = try TemporaryLexiconRoot([:])
    try root.write("fr/names.tsv", bytes: Array("caf".utf8) + [0xE9] + Array("\tcafe\n".utf8))
    let provider = try DirectoryLexiconProvider(roots: [root.url])
    #expect(throws: LexiconError.unreadable(path: "fr/names.tsv", message: "not valid UTF-8")) {
      try provider.entries(kind: "names", language: "fr")
    }
  }

  @Test func shippedLexiconsParse() throws {
    // Every shipped lexicon file passes the shared checks (NFC, no empty fields).
    let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons")
    guard FileManager.default.fileExists(atPath: root.path) else { return }
    let provider = try DirectoryLexiconProvider(roots: [root])
    let kinds = Set(
      ((try? FileManager.default.subpathsOfDirectory(atPath: root.path)) ?? [])
        .filter { $0.hasSuffix(".tsv") }
        .map { String(($0 as NSString).lastPathComponent.dropLast(4)) })
    for kind in kinds.sorted() {
      for language in provider.languages(forKind: kind) {
        #expect(throws: Never.self, "\(language)/\(kind).tsv") {
          _ = try provider.entries(kind: kind, language: language)
        }
      }
    }
  }
}

@Suite struct InMemoryLexiconProviderTests {
  @Test func parsesTablesLikeFiles() throws {
    let provider = InMemoryLexiconProvider([
      "stopwords": ["it": "il\nla\ndi", "ko": "# none yet"],
      "boilerplate": ["it": "related-block\t^ultime notizie$"],
    ])
    #expect(provider.languages(forKind: "stopwords") == ["it", "ko"])
    #expect(provider.languages(forKind: "missing").isEmpty)
    #expect(
      try provider.entries(kind: "stopwords", language: "it").map(\.fields) == [
        ["il"], ["la"], ["di"],
      ])
    #expect(try provider.entries(kind: "stopwords", language: "ko").isEmpty)
    #expect(try provider.entries(kind: "stopwords", language: "ru").isEmpty)
    let boilerplate = try provider.entries(kind: "boilerplate", language: "it")
    #expect(boilerplate.first?.fields == ["related-block", "^ultime notizie$"])
    #expect(boilerplate.first?.location == "it/boilerplate.tsv:1")
  }

  @Test func reportsErrorsWithSyntheticPath() {
    let provider = InMemoryLexiconProvider(["names": ["ko": "유용원\t\n"]])
    #expect(
      throws: LexiconError.invalidEntry(
        path: "ko/names.tsv", line: 1, message: "empty field (fields are separated by one TAB)")
    ) {
      try provider.entries(kind: "names", language: "ko")
    }
  }
}
