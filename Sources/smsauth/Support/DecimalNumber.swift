/// A number as an option's value is written: decimal digits with an optional sign, point and exponent. Swift's
/// `Double(_:)` alone also takes `nan`, `inf` and hexadecimal (`0x10`), which no option means.
enum DecimalNumber {
    /// `text` as a number if it is written in decimal; nil otherwise.
    static func parse<Text: StringProtocol>(_ text: Text) -> Double? {
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard allowed, text.contains(where: \.isNumber) else { return nil }
        return Double(String(text))
    }
}
