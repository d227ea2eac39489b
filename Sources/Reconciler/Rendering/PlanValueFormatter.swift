/// Turns plan values and free text into single-line, terminal-safe strings.
enum PlanValueFormatter {
    /// The inline JSON-like form: `null`, `true`, `3600`, `"text"`, `["a", "b"]`, `{"k": 1}` (keys sorted),
    /// `(sensitive)`. Control characters in strings are escaped, so the result is always one safe line.
    static func inline(_ value: PlanValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): format(number)
        case .string(let text): quoted(text)
        case .list(let items): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .map(let entries):
            "{" + entries.keys.sorted().map { "\(quoted($0)): \(inline(entries[$0] ?? .null))" }
                .joined(separator: ", ") + "}"
        case .sensitive: PlanValue.sensitiveMarker
        }
    }

    /// `text` with every control character (C0, DEL, C1) written as `\u{XX}`, so it cannot move the cursor,
    /// change colours or break a line.
    static func sanitized(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whole numbers without a fraction; everything else in Swift's shortest round-trip form.
    private static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return String(number)
    }

    /// A JSON-style quoted string (also a valid YAML double-quoted scalar: `smsauth export` writes strings with it).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if isControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
