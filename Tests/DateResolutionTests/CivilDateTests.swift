import NormalizeCore
import Testing

@testable import DateResolution

/// Calendar arithmetic the date resolver and the page dates rely on.
@Suite struct CivilDateTests {
  @Test func weekdaysAndDayNumbers() {
    #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
    #expect(CivilDate(year: 2026, month: 2, day: 7).weekday == 6)  // Saturday
    #expect(
      CivilDate(dayNumber: CivilDate(year: 2024, month: 2, day: 29).dayNumber)
        == CivilDate(year: 2024, month: 2, day: 29))
  }

  @Test func isoWeeks() {
    #expect(CivilDate(year: 2000, month: 1, day: 1).isoWeek == (1999, 52))
    #expect(CivilDate(year: 1998, month: 3, day: 22).isoWeek == (1998, 12))
  }

  @Test func monthArithmeticClampsDays() {
    #expect(
      CivilDate(year: 2025, month: 3, day: 31).adding(months: -1)
        == CivilDate(year: 2025, month: 2, day: 28))
    #expect(
      CivilDate(year: 2025, month: 1, day: 15).adding(months: -13)
        == CivilDate(year: 2023, month: 12, day: 15))
  }

  @Test func validityAndISOForm() {
    #expect(CivilDate.isValid(year: 2024, month: 2, day: 29))
    #expect(!CivilDate.isValid(year: 2025, month: 2, day: 29))  // "29. Februar 2025"
    #expect(CivilDate.daysIn(year: 1900, month: 2) == 28)
    #expect(CivilDate(year: 987, month: 3, day: 1).iso == "0987-03-01")
    #expect(CivilDate(parsing: "2019-11-01")?.adding(days: -1).iso == "2019-10-31")
  }

  @Test func holidays() {
    #expect(
      Holiday.nthWeekday(n: 4, weekday: 4, month: 11).date(in: 1999)
        == CivilDate(year: 1999, month: 11, day: 25))
    #expect(CivilDate.easter(year: 2000) == CivilDate(year: 2000, month: 4, day: 23))
  }

  @Test func timexValues() {
    #expect(TimexPoint(year: 2024, season: "FA").value == "2024-FA")
    #expect(TimexPoint(decade: 199).value == "199")
    #expect(TimexPoint(month: 1, day: 3).value == "XXXX-01-03")
    #expect(TimexPoint(year: 1998, week: 8).value == "1998-W08")
  }
}
