/// Which part of a personal name is written first.
///
/// Korean names are written family name first ("Park Yeon-mi"), but in English text the given
/// name often comes first ("Yeonmi Park"); `KoreanNameParser` reports which order it found.
public enum NameOrder: String, Sendable, Codable, Equatable, CaseIterable {
  /// "Park Yeon-mi", "KANG Gi Yun", "Kim, Jaeyun".
  case familyFirst = "family-first"
  /// "Yeonmi Park", "IN-SOOK PARK".
  case givenFirst = "given-first"
}
