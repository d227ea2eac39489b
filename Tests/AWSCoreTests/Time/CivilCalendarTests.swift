import Foundation
import Testing

@testable import AWSCore

/// The calendar arithmetic agrees with itself both ways and with Foundation's Gregorian calendar in UTC.
struct CivilCalendarTests {
    /// Every 37th day from year -200 to 4200: day → date → day gives the day back, and the date is valid.
    @Test func daysAndDatesRoundTrip() {
        for days in stride(from: -795_000, through: 832_000, by: 37) {
            let (year, month, day) = CivilCalendar.date(daysSinceEpoch: days)
            #expect((1...12).contains(month) && day >= 1 && day <= CivilCalendar.daysIn(month: month, year: year))
            #expect(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) == days, "\(days)")
        }
    }

    /// Known days, leap rules included, against Foundation's calendar (which turns Julian before October 1582,
    /// where this one stays Gregorian).
    @Test(arguments: [(1970, 1, 1), (1969, 12, 31), (2000, 2, 29), (1900, 2, 28), (1900, 3, 1), (2100, 3, 1),
                      (1600, 2, 29), (2026, 12, 5), (9999, 12, 31), (1583, 1, 1)])
    func matchesFoundation(year: Int, month: Int, day: Int) throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        #expect(CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) == days)
        #expect(CivilCalendar.date(daysSinceEpoch: days) == (year, month, day))
    }

    @Test func daysInMonth() {
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilCalendar.daysIn(month: 4, year: 2023) == 30)
        #expect(CivilCalendar.daysIn(month: 12, year: 2023) == 31)
    }
}
