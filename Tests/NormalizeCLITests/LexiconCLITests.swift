import Foundation
import NormalizeTestSupport
import Testing

/// `normalize lexicon build|merge|check|lookup` and `--lexicons FILE`, run as a user would.
extension CLITests {
  @Test func lexiconCheckPassesOnTheShippedLexiconsAndFailsOnABadFile() throws {
    let good = try run([
      "lexicon", "check", Self.repository.appendingPathComponent("Lexicons").path,
    ])
    #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bad-lexicon-\(UUID().uuidString).tsv")
    try "Kyiv\tplace\tuk\tKiev\nKiyv\tplace\tuk\tKIEV\nOdesa\tcity\tuk\tOdessa\n".write(
      to: bad, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: bad) }
    let result = try run(["lexicon", "check", bad.path])
    #expect(result.status == 1)
    #expect(result.stdout.contains("\(bad.path):2:"))
    #expect(result.stdout.contains("\(bad.path):3:"))
  }

  @Test func lexiconLookupSaysWhichEntryAndWhy() throws {
    let kiev = try run(["lexicon", "lookup", "Kiev"])
    #expect(kiev.status == 0)
    #expect(kiev.stdout.contains("Kyiv (place)"))
    #expect(kiev.stdout.contains("rule:      lexicon"))
    let yoo = try run(["lexicon", "lookup", "--json", "Yoo", "Yong", "Won"])
    #expect(yoo.stdout.contains("\"canonical\":\"Yoo Yong-won\""))
    #expect(yoo.stdout.contains("\"rule\":\"korean-syllables\""))
  }

  @Test func lexiconBuildThenMergeThenUseIt() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lexicon-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let samples = Self.repository.appendingPathComponent("Samples")
    let built = folder.appendingPathComponent("names.tsv").path
    let build = try run(["lexicon", "build", samples.path, "--jobs", "2", "-o", built])
    #expect(build.status == 0, "\(build.stderr)")
    let text = try String(contentsOfFile: built, encoding: .utf8)
    #expect(text.contains("Kyiv\tplace\tuk\t"))
    #expect(text.split(separator: "\n").contains { $0.hasPrefix("Seo Min-jae\tperson\tko\t") })
    // Merging a lexicon with itself doubles its counts and keeps every entry.
    let merged = folder.appendingPathComponent("merged.tsv").path
    let merge = try run(["lexicon", "merge", built, built, "-o", merged])
    #expect(merge.status == 0, "\(merge.stderr)")
    let mergedText = try String(contentsOfFile: merged, encoding: .utf8)
    let entries = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("#") }.count }
    #expect(entries(mergedText) == entries(text))
    // An edited entry changes the records' canonical form.
    let edited = folder.appendingPathComponent("edited.tsv")
    try "Seo Minjae (Hyundai)\tperson\tko\tSeo Min-jae|Suh Min-jae|Seo Min Jae\n".write(
      to: edited, atomically: true, encoding: .utf8)
    let records = try run(["--lexicons", edited.path, samples.appendingPathComponent("en").path])
    #expect(records.status == 0, "\(records.stderr)")
    #expect(records.stdout.contains("\"canonical\":\"Seo Minjae (Hyundai)\""))
  }
}
