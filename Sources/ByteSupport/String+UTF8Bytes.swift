extension String {
  /// The string of some UTF-8 bytes, as `String(decoding:as: UTF8.self)` makes it, but a short
  /// ASCII one (15 bytes at most: most words and name parts) without a validation pass.
  ///
  /// ```swift
  /// String(utf8Bytes: Array("Yoo".utf8)[...])  // "Yoo"
  /// ```
  @inlinable
  public init(utf8Bytes bytes: UnsafeBufferPointer<UInt8>) {
    self.init(unsafeUninitializedCapacity: bytes.count) { buffer in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(bytes))
      return bytes.count
    }
  }

  /// `init(utf8Bytes:)` of an array slice.
  @inlinable
  public init(utf8Bytes bytes: ArraySlice<UInt8>) {
    self = bytes.withUnsafeBufferPointer { String(utf8Bytes: $0) }
  }
}
