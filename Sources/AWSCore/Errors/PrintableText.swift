/// Text from the network or the environment as a message may show it: printable ASCII only (no escape sequence,
/// carriage return or bell reaches a terminal), at most 100 characters (then `…`).
enum PrintableText {
    static func of(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        let shown = String(String.UnicodeScalarView(kept.prefix(100)))
        return kept.count > 100 ? shown + "…" : shown
    }
}
