import Foundation

/// The signing time in the two forms SigV4 uses, computed in UTC on the Gregorian calendar independently of the
/// process locale and time zone.
struct SigV4Timestamp: Sendable, Equatable {
    /// `yyyyMMdd'T'HHmmss'Z'`, the `X-Amz-Date` value and the second line of the string to sign.
    let dateTime: String

    /// `yyyyMMdd`, the first element of the credential scope.
    var date: String { String(dateTime.prefix(8)) }

    /// The timestamp of `date`, truncated to whole seconds.
    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        dateTime =
            padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2) + "T"
            + padded(parts.hour, 2) + padded(parts.minute, 2) + padded(parts.second, 2) + "Z"
    }
}
