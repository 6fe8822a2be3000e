import CLibXML2

/// A parsed HTML page as flat arrays: every element and text node with its parent, first child
/// and next sibling, built from libxml2's tree (`CLibXML2`). Node 0 is a synthetic root.
///
/// libxml2 repairs what browsers repair: `<p>Один<p>Два` becomes two paragraphs, a stray
/// `</div>` is ignored, an unclosed `<b>` ends with its parent.
///
/// ```swift
/// let document = HTMLDocument(utf8: Array("<p lang=uk>Привіт, <b>світе</b></p>".utf8))
/// let paragraph = document.elements(named: "p")[0]
/// document.text(of: paragraph)                 // "Привіт, світе"
/// document.attribute("lang", of: paragraph)    // "uk"
/// ```
public struct HTMLDocument: Sendable {
  /// What a node is.
  public enum Kind: UInt8, Sendable {
    case root, element, text
  }

  /// Node kinds, by node index.
  public private(set) var kinds: [Kind] = [.root]
  /// Element names in lower case ("" for text and the root).
  public private(set) var tags: [String] = [""]
  /// Parent index (-1 for the root).
  public private(set) var parents: [Int32] = [-1]
  /// First child index, or -1.
  public private(set) var firstChildren: [Int32] = [-1]
  /// Next sibling index, or -1.
  public private(set) var nextSiblings: [Int32] = [-1]
  /// Depth below the root.
  public private(set) var depths: [Int32] = [0]
  /// Text of text nodes ("" for elements).
  public private(set) var texts: [String] = [""]
  /// Attributes of elements, names in lower case, in document order.
  public private(set) var attributes: [[(name: String, value: String)]] = [[]]

  /// The attributes kept; the others (src, srcset, data-…, event handlers) are dropped on
  /// reading.
  public static let keptAttributes: Set<String> = [
    "class", "id", "href", "content", "name", "property", "itemprop", "lang", "xml:lang",
    "http-equiv", "rel", "type",
    "datetime", "hidden", "aria-hidden", "style", "role", "value", "charset",
  ]

  /// The most nodes read from one page; the rest of a larger page is dropped.
  public static let maximumNodes = 2_000_000

  /// Whether libxml2 built a document at all.
  public private(set) var isEmpty = true

  /// Parses UTF-8 HTML (already decoded from the page's charset).
  public init(utf8: [UInt8]) {
    self = utf8.withUnsafeBufferPointer { HTMLDocument(utf8: $0) }
  }

  /// Parses UTF-8 HTML in place (a `String`'s bytes through `withUTF8`).
  public init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    var buffer = clx_buffer(bytes: nil, length: 0)
    var status: Int32 = 1
    if let base = bytes.baseAddress, !bytes.isEmpty {
      status = clx_html_flatten(base, bytes.count, Self.maximumNodes, &buffer)
    }
    defer { clx_free(&buffer) }
    guard status == 0, let base = buffer.bytes else { return }
    read(UnsafeBufferPointer(start: base, count: buffer.length))
    isEmpty = kinds.count <= 1
  }

  /// Number of nodes, the root included.
  public var count: Int { kinds.count }

  private mutating func append(
    kind: Kind, tag: String, text: String,
    attributes nodeAttributes: [(name: String, value: String)], parent: Int,
    lastChild: inout [Int32]
  ) -> Int {
    let index = kinds.count
    kinds.append(kind)
    tags.append(tag)
    texts.append(text)
    attributes.append(nodeAttributes)
    parents.append(Int32(parent))
    firstChildren.append(-1)
    nextSiblings.append(-1)
    depths.append(depths[parent] + 1)
    lastChild.append(-1)
    let previous = lastChild[parent]
    if previous < 0 {
      firstChildren[parent] = Int32(index)
    } else {
      nextSiblings[Int(previous)] = Int32(index)
    }
    lastChild[parent] = Int32(index)
    return index
  }

  private mutating func read(_ stream: UnsafeBufferPointer<UInt8>) {
    var position = 0
    func u32() -> Int? {
      guard position + 4 <= stream.count else { return nil }
      let value =
        Int(stream[position]) | Int(stream[position + 1]) << 8 | Int(stream[position + 2]) << 16
        | Int(stream[position + 3]) << 24
      position += 4
      return value
    }
    func string() -> String? {
      guard let length = u32(), position + length <= stream.count else { return nil }
      let text = String(
        decoding: UnsafeBufferPointer(rebasing: stream[position..<(position + length)]),
        as: UTF8.self)
      position += length
      return text
    }
    /// Passes over a string the document does not keep.
    func skipString() -> Bool {
      guard let length = u32(), position + length <= stream.count else { return false }
      position += length
      return true
    }
    var lastChild: [Int32] = [-1]
    var current = 0
    while position < stream.count {
      let event = stream[position]
      position += 1
      switch event {
      case UInt8(ascii: "O"):
        guard let name = string(), let count = u32() else { return }
        var nodeAttributes: [(name: String, value: String)] = []
        nodeAttributes.reserveCapacity(min(count, 16))
        for _ in 0..<count {
          guard let length = u32(), position + length <= stream.count else { return }
          let key = Self.keptAttribute(
            UnsafeBufferPointer(rebasing: stream[position..<(position + length)]))
          position += length
          // Only the attributes something reads are kept (src, srcset, data-…, on… are not).
          if let key {
            guard let value = string() else { return }
            nodeAttributes.append((key, value))
          } else if !skipString() {
            return
          }
        }
        current = append(
          kind: .element, tag: name, text: "", attributes: nodeAttributes, parent: current,
          lastChild: &lastChild)
      case UInt8(ascii: "C"):
        if current > 0 { current = Int(parents[current]) }
      case UInt8(ascii: "T"):
        // Scripts and styles are never text; only JSON-LD is read.
        let tag = tags[current]
        if (tag == "script"
          && attribute("type", of: current)?.lowercased() != "application/ld+json")
          || tag == "style"
        {
          guard skipString() else { return }
          _ = append(
            kind: .text, tag: "", text: "", attributes: [], parent: current, lastChild: &lastChild)
          continue
        }
        guard let text = string() else { return }
        _ = append(
          kind: .text, tag: "", text: text, attributes: [], parent: current, lastChild: &lastChild)
      default:
        return
      }
    }
  }

  /// The name of a kept attribute (``keptAttributes``) spelled `bytes`, or nil: read on the
  /// bytes, without making a string of every attribute name a page has.
  static func keptAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    func named(_ name: StaticString) -> Bool {
      name.utf8CodeUnitCount == bytes.count
        && (0..<bytes.count).allSatisfy { name.utf8Start[$0] == bytes[$0] }
    }
    switch bytes.count {
    case 2: return named("id") ? "id" : nil
    case 3: return named("rel") ? "rel" : nil
    case 4:
      if named("href") { return "href" }
      if named("name") { return "name" }
      if named("lang") { return "lang" }
      if named("type") { return "type" }
      if named("role") { return "role" }
      return nil
    case 5:
      if named("class") { return "class" }
      if named("style") { return "style" }
      if named("value") { return "value" }
      return nil
    case 6: return named("hidden") ? "hidden" : nil
    case 7:
      if named("content") { return "content" }
      if named("charset") { return "charset" }
      return nil
    case 8:
      if named("property") { return "property" }
      if named("itemprop") { return "itemprop" }
      if named("datetime") { return "datetime" }
      if named("xml:lang") { return "xml:lang" }
      return nil
    case 10: return named("http-equiv") ? "http-equiv" : nil
    case 11: return named("aria-hidden") ? "aria-hidden" : nil
    default: return nil
    }
  }

  /// The value of attribute `name` (lower case) of node `index`, or nil.
  public func attribute(_ name: String, of index: Int) -> String? {
    for attribute in attributes[index] where attribute.name == name { return attribute.value }
    return nil
  }

  /// The `class` and `id` attributes of element `index`, joined by a space, ASCII letters in
  /// lower case (empty when it has neither): what class and id words are matched against.
  public func classAndID(of index: Int) -> [UInt8] {
    let nodeAttributes = attributes[index]
    // The length first (a space before a value when bytes came before it), then one copy.
    var length = 0
    for attribute in nodeAttributes where attribute.name == "class" || attribute.name == "id" {
      if length > 0 { length += 1 }
      length += attribute.value.utf8.count
    }
    guard length > 0 else { return [] }
    return [UInt8](unsafeUninitializedCapacity: length) { bytes, count in
      count = 0
      for attribute in nodeAttributes where attribute.name == "class" || attribute.name == "id" {
        if count > 0 {
          bytes[count] = 0x20
          count += 1
        }
        var value = attribute.value
        value.withUTF8 { value in
          for byte in value {
            bytes[count] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            count += 1
          }
        }
      }
    }
  }

  /// The children of node `index`, in document order.
  public func children(of index: Int) -> [Int] {
    var result: [Int] = []
    var child = Int(firstChildren[index])
    while child >= 0 {
      result.append(child)
      child = Int(nextSiblings[child])
    }
    return result
  }

  /// Every node below `index` (not `index` itself), in document order.
  public func descendants(of index: Int) -> [Int] {
    var result: [Int] = []
    var node = Int(firstChildren[index])
    while node >= 0 {
      result.append(node)
      if firstChildren[node] >= 0 {
        node = Int(firstChildren[node])
        continue
      }
      while node != index && nextSiblings[node] < 0 { node = Int(parents[node]) }
      if node == index { break }
      node = Int(nextSiblings[node])
    }
    return result
  }

  /// Every element named `tag`, in document order.
  public func elements(named tag: String) -> [Int] {
    (0..<count).filter { kinds[$0] == .element && tags[$0] == tag }
  }

  /// The text below `index`, text nodes joined as they stand (no block separation).
  public func text(of index: Int) -> String {
    if kinds[index] == .text { return texts[index] }
    var result = ""
    for node in descendants(of: index) where kinds[node] == .text { result += texts[node] }
    return result
  }

  /// The text below `index` with a space where a block element starts or ends ("2 comments",
  /// "riverwatcher", "Great work…" stay apart), white space folded.
  public func blockSeparatedText(of index: Int, blockTags: Set<String>) -> String {
    if kinds[index] == .text { return BlockText.fold(texts[index]) }
    var result = ""
    for node in descendants(of: index) {
      if kinds[node] == .text {
        result += texts[node]
      } else if blockTags.contains(tags[node]) {
        result += " "
      }
    }
    return BlockText.fold(result)
  }

  /// Whether `ancestor` is `node` or above it.
  public func contains(_ ancestor: Int, _ node: Int) -> Bool {
    var current = node
    while current >= 0 {
      if current == ancestor { return true }
      if depths[current] <= depths[ancestor] { return false }
      current = Int(parents[current])
    }
    return false
  }
}
