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
  /// Per node, the number of its element name in ``tagNames`` (0, "", for text and the root).
  private(set) var tagKeys: [Int32] = [0]
  /// The page's distinct element names, "" first: what is worked out from a tag name is
  /// worked out once per name, and read per node through ``tagKeys``.
  private(set) var tagNames: [String] = [""]
  private var tagSpellings = SpellingTable()
  /// Per node, where its kept attributes start in ``attributeKinds`` and ``attributeValues``
  /// (they end where the next node's start): every element's, end to end in document order.
  private var attributeStarts: [Int] = [0]
  /// The kept attributes of all elements, in document order.
  private var attributeKinds: [KeptAttribute] = []
  /// Where each kept attribute's value sits in ``attributeBytes``.
  private var attributeValues: [Range<Int>] = []
  /// The kept attributes' values (UTF-8), end to end.
  private var attributeBytes: [UInt8] = []
  /// Per node, the number of its class and id spelling in ``classesAndIDs`` (-1 for none).
  private(set) var classAndIDKeys: [Int32] = [-1]
  /// The page's distinct class and id spellings.
  private var classesAndIDs = SpellingTable()

  /// The attributes kept (``KeptAttribute``); the others (src, srcset, data-…, event
  /// handlers) are dropped on reading.
  public static let keptAttributes: Set<String> = Set(KeptAttribute.allCases.map(\.name))

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
    kind: Kind, tagKey: Int, text: String, attributesFrom attributeStart: Int,
    classAndIDKey: Int32, parent: Int, lastChild: inout [Int32]
  ) -> Int {
    let index = kinds.count
    kinds.append(kind)
    tags.append(tagNames[tagKey])
    tagKeys.append(Int32(tagKey))
    texts.append(text)
    attributeStarts.append(attributeStart)
    classAndIDKeys.append(classAndIDKey)
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

  /// Appends a text node below `parent`.
  private mutating func appendText(_ text: String, parent: Int, lastChild: inout [Int32]) {
    _ = append(
      kind: .text, tagKey: 0, text: text, attributesFrom: attributeKinds.count, classAndIDKey: -1,
      parent: parent, lastChild: &lastChild)
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
    /// The bytes of a string, passed over.
    func bytes() -> UnsafeBufferPointer<UInt8>? {
      guard let length = u32(), position + length <= stream.count else { return nil }
      defer { position += length }
      return UnsafeBufferPointer(rebasing: stream[position..<(position + length)])
    }
    func string() -> String? { bytes().map { String(decoding: $0, as: UTF8.self) } }
    var lastChild: [Int32] = [-1]
    var current = 0
    _ = tagSpellings.intern([])  // "", number 0
    var classAndID: [UInt8] = []
    while position < stream.count {
      let event = stream[position]
      position += 1
      switch event {
      case UInt8(ascii: "O"):
        guard let name = bytes(), let count = u32() else { return }
        let tagKey = tagSpellings.intern(name)
        if tagKey == tagNames.count { tagNames.append(String(decoding: name, as: UTF8.self)) }
        let attributeStart = attributeKinds.count
        for _ in 0..<count {
          guard let attributeName = bytes(), let value = bytes() else {
            attributeKinds.removeSubrange(attributeStart...)
            attributeValues.removeSubrange(attributeStart...)
            return
          }
          // Only the attributes something reads are kept (src, srcset, data-…, on… are not).
          guard let kind = KeptAttribute(bytes: attributeName) else { continue }
          let valueStart = attributeBytes.count
          attributeBytes.append(contentsOf: value)
          attributeKinds.append(kind)
          attributeValues.append(valueStart..<attributeBytes.count)
        }
        // The class and id values joined by a space, ASCII letters in lower case.
        if !classAndID.isEmpty { classAndID.removeAll(keepingCapacity: true) }
        for attribute in attributeStart..<attributeKinds.count {
          let kind = attributeKinds[attribute]
          guard kind == .class || kind == .id else { continue }
          // A space before a value when bytes came before it.
          if !classAndID.isEmpty { classAndID.append(0x20) }
          classAndID.append(contentsOf: attributeBytes[attributeValues[attribute]])
        }
        classAndID.withUnsafeMutableBufferPointer { bytes in
          for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A {
            bytes[index] |= 0x20
          }
        }
        let key = classAndID.isEmpty ? -1 : Int32(classesAndIDs.intern(classAndID))
        current = append(
          kind: .element, tagKey: tagKey, text: "", attributesFrom: attributeStart,
          classAndIDKey: key,
          parent: current, lastChild: &lastChild)
      case UInt8(ascii: "C"):
        if current > 0 { current = Int(parents[current]) }
      case UInt8(ascii: "T"):
        // Scripts and styles are never text; only JSON-LD is read.
        let tag = tags[current]
        if (tag == "script"
          && attribute(.type, of: current)?.lowercased() != "application/ld+json")
          || tag == "style"
        {
          guard bytes() != nil else { return }
          appendText("", parent: current, lastChild: &lastChild)
          continue
        }
        guard let text = string() else { return }
        appendText(text, parent: current, lastChild: &lastChild)
      default:
        return
      }
    }
  }

  /// The name of a kept attribute (``keptAttributes``) spelled `bytes`, or nil.
  static func keptAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    KeptAttribute(bytes: bytes)?.name
  }

  /// The positions of element `index`'s kept attributes in ``attributeKind(at:)`` and
  /// ``attributeValue(at:)``.
  func attributePositions(of index: Int) -> Range<Int> {
    attributeStarts[index]..<(index + 1 < count ? attributeStarts[index + 1] : attributeKinds.count)
  }

  /// Which attribute sits at `position` (``attributePositions(of:)``).
  func attributeKind(at position: Int) -> KeptAttribute { attributeKinds[position] }

  /// The value of the attribute at `position` (``attributePositions(of:)``), as UTF-8.
  func attributeBytes(at position: Int) -> ArraySlice<UInt8> {
    attributeBytes[attributeValues[position]]
  }

  /// The value of the attribute at `position` (``attributePositions(of:)``).
  func attributeValue(at position: Int) -> String {
    attributeBytes[attributeValues[position]].withUnsafeBufferPointer {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// The value of attribute `name` of node `index`, or nil.
  public func attribute(_ name: KeptAttribute, of index: Int) -> String? {
    for position in attributePositions(of: index) where attributeKinds[position] == name {
      return attributeValue(at: position)
    }
    return nil
  }

  /// The value of attribute `name` (lower case) of node `index`, or nil (always nil for an
  /// attribute not kept).
  public func attribute(_ name: String, of index: Int) -> String? {
    KeptAttribute(named: name).flatMap { attribute($0, of: index) }
  }

  /// The `class` and `id` attributes of element `index`, joined by a space, ASCII letters in
  /// lower case (empty when it has neither): what class and id words are matched against.
  public func classAndID(of index: Int) -> [UInt8] {
    let key = Int(classAndIDKeys[index])
    return key < 0 ? [] : Array(classesAndIDs.bytes(of: key))
  }

  /// Number of distinct class and id spellings (``classAndIDKey(of:)`` is below it).
  var classAndIDCount: Int { classesAndIDs.count }

  /// The number of element `index`'s class and id spelling, the same for every element spelled
  /// the same (nil for none): what is worked out from the spelling is worked out once.
  func classAndIDKey(of index: Int) -> Int? {
    let key = classAndIDKeys[index]
    return key < 0 ? nil : Int(key)
  }

  /// The class and id spelling numbered `key` (``classAndIDKey(of:)``).
  func classAndID(key: Int) -> [UInt8] { Array(classesAndIDs.bytes(of: key)) }

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
