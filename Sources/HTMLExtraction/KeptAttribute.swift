/// An attribute ``HTMLDocument`` keeps: one that something reads (class and id words, meta
/// tags, links, dates, hidden elements). The others (src, srcset, data-…, event handlers) are
/// dropped on reading.
///
/// ```swift
/// KeptAttribute(named: "datetime")    // .datetime
/// KeptAttribute(named: "srcset")      // nil
/// KeptAttribute.httpEquiv.name        // "http-equiv"
/// ```
public enum KeptAttribute: UInt8, CaseIterable, Sendable {
  case `class`, id, href, content, name, property, itemprop, lang, xmlLang, httpEquiv, rel, type
  case datetime, hidden, ariaHidden, style, role, value, charset

  /// The attribute's name in lower case, as libxml2 gives it ("xml:lang", "aria-hidden").
  public var name: String {
    switch self {
    case .xmlLang: return "xml:lang"
    case .httpEquiv: return "http-equiv"
    case .ariaHidden: return "aria-hidden"
    default: return "\(self)"
    }
  }

  /// The kept attribute called `name` (lower case), or nil.
  public init?(named name: String) {
    var name = name
    guard let found = name.withUTF8({ KeptAttribute(bytes: $0) }) else { return nil }
    self = found
  }

  /// The kept attribute spelled `bytes`, or nil: read on the bytes, without making a string of
  /// every attribute name a page has.
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    guard let found = Self.spelled(bytes) else { return nil }
    self = found
  }

  private static func spelled(_ bytes: UnsafeBufferPointer<UInt8>) -> KeptAttribute? {
    func named(_ name: StaticString) -> Bool {
      name.utf8CodeUnitCount == bytes.count
        && (0..<bytes.count).allSatisfy { name.utf8Start[$0] == bytes[$0] }
    }
    switch bytes.count {
    case 2: return named("id") ? .id : nil
    case 3: return named("rel") ? .rel : nil
    case 4:
      if named("href") { return .href }
      if named("name") { return .name }
      if named("lang") { return .lang }
      if named("type") { return .type }
      if named("role") { return .role }
      return nil
    case 5:
      if named("class") { return .class }
      if named("style") { return .style }
      if named("value") { return .value }
      return nil
    case 6: return named("hidden") ? .hidden : nil
    case 7:
      if named("content") { return .content }
      if named("charset") { return .charset }
      return nil
    case 8:
      if named("property") { return .property }
      if named("itemprop") { return .itemprop }
      if named("datetime") { return .datetime }
      if named("xml:lang") { return .xmlLang }
      return nil
    case 10: return named("http-equiv") ? .httpEquiv : nil
    case 11: return named("aria-hidden") ? .ariaHidden : nil
    default: return nil
    }
  }
}
