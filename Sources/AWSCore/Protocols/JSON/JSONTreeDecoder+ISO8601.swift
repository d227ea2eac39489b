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
                  year >= 1970, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
                  hour < 24, minute < 60, second < 60 else { return nil }
            let seconds = CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        } ?? nil
    }
}
