import Testing

@testable import TextCleaning

/// `Array(filling:count:)` makes the array `Array(repeating:count:)` makes, for the element
/// types the structure step fills (Bool, Int, Int32, UInt64) and counts from 0 to 300.
@Suite struct ArrayFillingTests {
  @Test(arguments: [0, 1, 2, 7, 8, 64, 65, 300])
  func fillingIsRepeating(count: Int) {
    #expect([Bool](filling: true, count: count) == [Bool](repeating: true, count: count))
    #expect([Int](filling: -3, count: count) == [Int](repeating: -3, count: count))
    #expect([Int32](filling: -1, count: count) == [Int32](repeating: -1, count: count))
    #expect(
      [UInt64](filling: .max, count: count) == [UInt64](repeating: .max, count: count))
    #expect([Int32](filling: 0, count: count).count == count)
  }
}
