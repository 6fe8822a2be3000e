// Uses the library the way the README's examples do, with its own lexicon folder; exits 1 when
// an answer differs from what the documentation promises.
import Foundation
import NormalizeKit

var failures = 0
func expect(_ got: String, _ want: String, _ what: String) {
  if got != want {
    print("\(what): expected \"\(want)\", got \"\(got)\"")
    failures += 1
  }
}

// Text cleaning needs no data.
expect(TextCleaner().clean("Ｓｅｏｕｌ – Yoo Yong‐won"), "Seoul – Yoo Yong-won", "TextCleaner.clean")

// The record of one article, with the repository's lexicons (a consumer ships its own folder).
let lexicons = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lexicons")
do {
  let provider = try DirectoryLexiconProvider(roots: [lexicons])
  let assembler = try RecordAssembler(lexicons: provider)
  let record = assembler.assemble(
    ArticleInput(
      id: "k1", text: "유용원 의원은 지난해 3월 국회에서 북한군 포로 문제를 제기했다. 정부는 아직 답하지 않았다.",
      published: "2025-05-28"))
  expect(record.lang ?? "nil", "ko", "ArticleRecord.lang")
  expect(record.published?.value ?? "nil", "2025-05-28", "ArticleRecord.published")
} catch {
  print("could not build a record: \(error)")
  failures += 1
}
print(
  failures == 0
    ? "NormalizeKit consumer: all checks passed" : "NormalizeKit consumer: \(failures) failed")
exit(failures == 0 ? 0 : 1)
