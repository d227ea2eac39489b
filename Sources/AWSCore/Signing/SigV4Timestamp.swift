import Foundation

/// The signing time in the two forms SigV4 uses, in UTC on the proleptic Gregorian calendar, independent of the
/// process locale and time zone.
struct SigV4Timestamp: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`, the `X-Amz-Date` value and the second line of the string to sign.
    let dateTime: String

    /// `yyyyMMdd`, the first element of the credential scope.
    var date: String { String(dateTime.prefix(8)) }

    /// The timestamp of `date`, truncated to whole seconds (towards the past, also before 1970).
    init(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let secondOfDay = (seconds % 86_400 + 86_400) % 86_400
        let (year, month, day) = CivilCalendar.date(daysSinceEpoch: (seconds - secondOfDay) / 86_400)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        dateTime =
            padded(year, 4) + padded(month, 2) + padded(day, 2) + "T"
            + padded(secondOfDay / 3600, 2) + padded(secondOfDay / 60 % 60, 2) + padded(secondOfDay % 60, 2) + "Z"
    }
}
