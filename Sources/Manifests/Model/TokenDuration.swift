/// A token lifetime written as a number and a unit: `5m`, `1h`, `30d`.
public struct TokenDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The unit a duration is written in.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case minutes = "m", hours = "h", days = "d"

        /// Minutes in one of this unit.
        var minutes: Int {
            switch self {
            case .minutes: 1
            case .hours: 60
            case .days: 1440
            }
        }
    }

    /// The number as written.
    public var amount: Int
    /// The unit as written.
    public var unit: Unit

    /// Creates a duration.
    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Parses `<digits><m|h|d>`; nil if the text has another form or overflows.
    public init?(parsing text: String) {
        guard let last = text.last, let unit = Unit(rawValue: String(last)) else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let amount = Int(digits),
              amount >= 0 else { return nil }
        self.init(amount, unit)
    }

    /// The length in minutes.
    public var totalMinutes: Int { amount * unit.minutes }

    /// The text form, e.g. `30d`.
    public var description: String { "\(amount)\(unit.rawValue)" }

    /// Orders by length.
    public static func < (lhs: TokenDuration, rhs: TokenDuration) -> Bool { lhs.totalMinutes < rhs.totalMinutes }
}
