import Foundation

extension JSONTreeDecoder {
    /// `text` read as `JSONDecoder`'s `.iso8601` reads it (`Date.ISO8601FormatStyle`); nil when that refuses it.
    /// What `JSONEncoder` writes (`2026-12-05T18:38:39Z`, a valid UTC time from 1970 on) is computed directly, which is
    /// most of the cost of a status file otherwise; anything else goes to the format style.
    static func iso8601Date(_ text: String) -> Date? {
        encoderSpelling(text) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// The time `yyyy-MM-ddTHH:mm:ssZ` spells, when `text` is exactly that with every field in range and the year
    /// from 1970; nil otherwise.
    static func encoderSpelling(_ text: String) -> Date? {
        let utf8 = text.utf8
        guard utf8.count == 20 else { return nil }
        return utf8.withContiguousStorageIfAvailable { bytes -> Date? in
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
            else { return nil }
            /// The decimal number in `bytes[start..<start + count]`, nil if a byte is not a digit.
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<start + count {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                  let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                  year >= 1970, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
                  hour < 24, minute < 60, second < 60 else { return nil }
            let seconds = daysFromEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        } ?? nil
    }

    /// The number of days in `month` of `year` (Gregorian).
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
