import Foundation
import NormalizeCore

/// One `KoreanNameParser` per lexicon provider, shared by the services that need it
/// (`NameMentionDetector`, `NameAnalyzer`): building its tables is the costliest part of
/// loading the name capability, and a process that runs both (`normalize lexicon build`)
/// should pay for it once.
enum SharedKoreanParser {
  private static let lock = NSLock()
  nonisolated(unsafe) private static var cache: [ObjectIdentifier: KoreanNameParser] = [:]

  /// The parser for `lexicons`: cached when the provider is a class instance (such as
  /// `DirectoryLexiconProvider`), built afresh otherwise.
  static func parser(for lexicons: any LexiconProvider) throws -> KoreanNameParser {
    guard type(of: lexicons) is AnyClass else { return try KoreanNameParser(lexicons: lexicons) }
    let id = ObjectIdentifier(lexicons as AnyObject)
    lock.lock()
    defer { lock.unlock() }
    if let parser = cache[id] { return parser }
    let parser = try KoreanNameParser(lexicons: lexicons)
    cache[id] = parser
    return parser
  }
}
