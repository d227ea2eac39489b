/// A pass over raw YAML text, before it reaches the parser, that refuses what could make loading explode.
///
/// Anchors (`&name`) and aliases (`*name`) are refused outright: manifests never need them, and aliases are what
/// expansion bombs ("billion laughs") are made of; Yams would even hash an aliased key's whole expansion. Nesting is
/// limited so a file like `[[[[...` cannot overflow the parser's stack. Only positions where a YAML node can start
/// are looked at (line start, after `- `, `: `, and `[`, `{`, `,` in flow), and comments, quoted strings and block
/// scalars are skipped, so `*` or `&` inside text is fine. It is line based and linear in the file size.
struct YAMLSafetyScan {
    /// Deepest flow (`[`/`{`) or compact (`- - -`) nesting accepted.
    static let maxDepth = 64

    /// A problem found, 1-based position.
    struct Finding: Equatable {
        /// Diagnostic code.
        var code: String
        /// Explanation.
        var message: String
        /// Line.
        var line: Int
        /// Column.
        var column: Int
    }

    /// Scanner state carried across lines.
    private enum Quote { case none, single, double }

    /// The first problem in `text`, if any. Works on UTF-8 bytes: every character it looks for is ASCII, and no
    /// byte of a multi-byte UTF-8 sequence is ASCII, so other text passes through untouched.
    static func firstProblem(in text: String) -> Finding? {
        let bytes = Array(text.utf8)
        var quote = Quote.none
        var blockParentIndent: Int?
        var flowDepth = 0
        var lineStart = 0
        var lineIndex = 0
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1; lineIndex += 1 }
            let line = bytes[lineStart..<lineEnd]
            let indent = line.prefix { $0 == space }.count
            if let parent = blockParentIndent, quote == .none {
                if indent > parent || line.allSatisfy({ $0 == space || $0 == tab || $0 == carriageReturn }) { continue }
                blockParentIndent = nil
            }
            var compact = 0
            var atLineStart = true
            var nodeStart = true
            var index = lineStart
            while index < lineEnd {
                let c = bytes[index]
                let previous = index == lineStart ? space : bytes[index - 1]
                let next = index + 1 < lineEnd ? bytes[index + 1] : space
                index += 1
                let atEnd = index == lineEnd
                switch quote {
                case .double:
                    if c == UInt8(ascii: "\\") { index += 1 } else if c == UInt8(ascii: "\"") { quote = .none }
                    continue
                case .single:
                    if c == UInt8(ascii: "'") { if next == UInt8(ascii: "'") { index += 1 } else { quote = .none } }
                    continue
                case .none:
                    break
                }
                if c == space || c == tab || c == carriageReturn { continue }
                if c == UInt8(ascii: "#") && (previous == space || previous == tab || index == lineStart + 1) { break }
                if c == UInt8(ascii: "-") && atLineStart && (next == space || atEnd) {
                    compact += 1
                    if compact > maxDepth { return tooDeep(lineIndex, column(bytes[lineStart..<index])) }
                    continue
                }
                atLineStart = false
                if c == UInt8(ascii: ",") && flowDepth > 0
                    || c == UInt8(ascii: ":") && (next == space || next == tab || atEnd) {
                    nodeStart = true
                    continue
                }
                if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    flowDepth = max(0, flowDepth - 1)
                    nodeStart = false
                    continue
                }
                guard nodeStart else { continue }
                switch c {
                case UInt8(ascii: "\""): quote = .double
                case UInt8(ascii: "'"): quote = .single
                case UInt8(ascii: "?") where next == space: continue
                case UInt8(ascii: "&"), UInt8(ascii: "*"):
                    let what = c == UInt8(ascii: "&") ? "anchor" : "alias"
                    return Finding(code: "yaml-alias", message: "YAML \(what)s are not allowed in manifests "
                                   + "(anchors and aliases can expand without bound); write the value out",
                                   line: lineIndex + 1, column: column(bytes[lineStart..<index]))
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if isBlockHeader(bytes[(index - 1)..<lineEnd]) {
                        blockParentIndent = indent
                        index = lineEnd
                    }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if flowDepth > maxDepth { return tooDeep(lineIndex, column(bytes[lineStart..<index])) }
                    continue
                default: break
                }
                nodeStart = false
            }
        }
        return nil
    }

    /// ASCII space, tab and carriage return.
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), carriageReturn = UInt8(ascii: "\r")

    /// The 1-based column (in Unicode scalars) of the last byte of `prefix`, the line up to a finding.
    private static func column(_ prefix: ArraySlice<UInt8>) -> Int {
        prefix.reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
    }

    /// Whether the rest of a line (starting at `|` or `>`) is a block scalar header.
    private static func isBlockHeader(_ rest: ArraySlice<UInt8>) -> Bool {
        let body = rest.dropFirst().prefix { $0 != UInt8(ascii: "#") }
        return body.allSatisfy { Array("+-0123456789 \t\r".utf8).contains($0) }
    }

    /// The too-deep finding at a position.
    private static func tooDeep(_ lineIndex: Int, _ column: Int) -> Finding {
        Finding(code: "yaml-too-deep", message: "YAML nesting deeper than \(maxDepth) levels",
                line: lineIndex + 1, column: column)
    }
}
