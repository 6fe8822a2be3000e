import Foundation
import Testing

@testable import DateResolution

/// `BuildOnceMap` hands every caller of a key the same value, however many threads ask at once,
/// and keeps keys apart ("de" never gets the value built for "uk").
@Suite struct BuildOnceMapTests {
  final class Box: Sendable {
    let key: String
    init(_ key: String) { self.key = key }
  }

  @Test func concurrentCallersShareOneValuePerKey() {
    let map = BuildOnceMap<String, Box>()
    let keys = ["de", "uk", "zh", "*"]
    let results = UnsafeMutableBufferPointer<ObjectIdentifier?>.allocate(capacity: 400)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    DispatchQueue.concurrentPerform(iterations: 400) { i in
      let box = map.value(keys[i % keys.count]) { Box(keys[i % keys.count]) }
      #expect(box.key == keys[i % keys.count])
      results[i] = ObjectIdentifier(box)
    }
    for (k, key) in keys.enumerated() {
      let ids = Set(stride(from: k, to: 400, by: keys.count).compactMap { results[$0] })
      #expect(ids.count == 1, "\(key): \(ids.count) different values")
      #expect(map.value(key) { Box("rebuilt") }.key == key)
    }
  }
}
