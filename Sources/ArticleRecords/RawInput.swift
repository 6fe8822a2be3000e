/// One unit of input as the reader found it, before parsing: the bytes of one JSON line or of
/// one text file, with where they came from. Parsing happens on the worker threads.
public struct RawInput: Sendable {
  /// How the bytes are to be read.
  public enum Format: String, Sendable {
    /// One JSON object (a JSON Lines line).
    case jsonLine = "jsonl"
    /// A whole plain-text article.
    case text
    /// A whole HTML page (`.html`, `.htm`, or detected on standard input).
    case html
  }

  /// Whether the bytes are a JSON line, a text file or an HTML page.
  public var format: Format
  /// The undecoded bytes (possibly invalid UTF-8; the parser repairs and reports it).
  public var bytes: [UInt8]
  /// Path as given (relative paths stay relative), or "-" for standard input.
  public var file: String
  /// 1-based line number for JSON Lines input.
  public var line: Int?
  /// Byte offset of `bytes` in the file (for invalid-UTF-8 findings).
  public var byteOffset: Int
  /// Metadata from a sidecar `<name>.meta.json` next to a text file, if any.
  public var sidecar: [UInt8]?
  /// 0-based position in the whole input, which fixes output order.
  public var sequence: Int

  /// Creates a unit of input; `sequence` is its 0-based position in the whole input.
  public init(
    format: Format, bytes: [UInt8], file: String, line: Int?, byteOffset: Int,
    sidecar: [UInt8]? = nil, sequence: Int
  ) {
    self.format = format
    self.bytes = bytes
    self.file = file
    self.line = line
    self.byteOffset = byteOffset
    self.sidecar = sidecar
    self.sequence = sequence
  }
}

/// An input that could not become a record, and why. Written to `--rejects` as JSON Lines.
public struct InputReject: Error, Codable, Sendable, Equatable {
  /// Stable code: "malformed-json", "missing-text", "empty-input", "binary-data", "too-large",
  /// "unreadable", "not-an-object".
  public var code: String
  /// What is wrong and what to do.
  public var reason: String
  /// The input path as given, or "-" for standard input.
  public var file: String
  /// 1-based line number for JSON Lines input; nil for a whole file.
  public var line: Int?
  /// The article id, when the input had one.
  public var id: String?
  /// The first bytes of the input (repaired as UTF-8), to find it again.
  public var excerpt: String?

  /// Creates a reject; `reason` should say what to do ("fix the line or remove it").
  public init(
    code: String, reason: String, file: String, line: Int? = nil, id: String? = nil,
    excerpt: String? = nil
  ) {
    self.code = code
    self.reason = reason
    self.file = file
    self.line = line
    self.id = id
    self.excerpt = excerpt
  }

  /// "file:line" or "file".
  public var location: String { line.map { "\(file):\($0)" } ?? file }

  /// The schema every reject line names, so that rejects mixed into a record stream
  /// (`normalize --rejects -`) are told apart from records (`normalize.article/1`).
  public static let schema = "normalize.reject/1"

  /// The reject as one JSON line (ending in "\n"): `schema` first, then the fields in sorted
  /// order, absent ones left out.
  ///
  /// - Throws: an `EncodingError` (not expected for strings and numbers).
  public func jsonLine() throws -> [UInt8] {
    let fields = try RecordEncoder.encodeLine(self)
    // `{"code":…}` -> `{"schema":"normalize.reject/1","code":…}`
    return Array("{\"schema\":\"\(Self.schema)\",".utf8) + fields.dropFirst()
  }
}

/// What the reader hands on: an input to parse, or a reject it already knows about
/// (unreadable path, over-long line).
public enum ReadItem: Sendable {
  case input(RawInput)
  case reject(InputReject, sequence: Int)

  /// The item's 0-based position in the whole input, which fixes its place in the output.
  public var sequence: Int {
    switch self {
    case .input(let raw): return raw.sequence
    case .reject(_, let sequence): return sequence
    }
  }
}
