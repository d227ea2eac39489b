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
        let fields = [(year, 4), (month, 2), (day, 2), (secondOfDay / 3600, 2), (secondOfDay / 60 % 60, 2),
                      (secondOfDay % 60, 2)]
        guard (0...9999).contains(year) else {
            // Outside four digits: each number's own decimal text, zero-padded where shorter (not a date AWS takes).
            let texts = fields.map { value, width in
                let digits = String(value)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            dateTime = texts[0...2].joined() + "T" + texts[3...5].joined() + "Z"
            return
        }
        dateTime = String(unsafeUninitializedCapacity: 16) { text in
            var end = 0
            for (index, (value, width)) in fields.enumerated() {
                if index == 3 {
                    text[end] = UInt8(ascii: "T")
                    end += 1
                }
                var rest = value
                for position in (end..<end + width).reversed() {
                    text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += width
            }
            text[end] = UInt8(ascii: "Z")
            return end + 1
        }
    }
}
