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

    /// The first problem in `text`, if any.
    static func firstProblem(in text: String) -> Finding? {
        var quote = Quote.none
        var blockParentIndent: Int?
        var flowDepth = 0
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line.unicodeScalars)
            let indent = chars.prefix { $0 == " " }.count
            if let parent = blockParentIndent, quote == .none {
                if indent > parent || chars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                blockParentIndent = nil
            }
            var compact = 0
            var atLineStart = true
            var nodeStart = true
            var index = 0
            while index < chars.count {
                let c = chars[index]
                let previous: Unicode.Scalar = index == 0 ? " " : chars[index - 1]
                let next: Unicode.Scalar = index + 1 < chars.count ? chars[index + 1] : " "
                index += 1
                switch quote {
                case .double:
                    if c == "\\" { index += 1 } else if c == "\"" { quote = .none }
                    continue
                case .single:
                    if c == "'" { if next == "'" { index += 1 } else { quote = .none } }
                    continue
                case .none:
                    break
                }
                if c == " " || c == "\t" || c == "\r" { continue }
                if c == "#" && (previous == " " || previous == "\t" || index == 1) { break }
                if c == "-" && atLineStart && (next == " " || index == chars.count) {
                    compact += 1
                    if compact > maxDepth { return tooDeep(lineIndex, index) }
                    continue
                }
                atLineStart = false
                if c == "," && flowDepth > 0 || c == ":" && (next == " " || next == "\t" || index == chars.count) {
                    nodeStart = true
                    continue
                }
                if c == "]" || c == "}" {
                    flowDepth = max(0, flowDepth - 1)
                    nodeStart = false
                    continue
                }
                guard nodeStart else { continue }
                switch c {
                case "\"": quote = .double
                case "'": quote = .single
                case "?" where next == " ": continue
                case "&", "*":
                    let what = c == "&" ? "anchor" : "alias"
                    return Finding(code: "yaml-alias", message: "YAML \(what)s are not allowed in manifests "
                                   + "(anchors and aliases can expand without bound); write the value out",
                                   line: lineIndex + 1, column: index)
                case "|", ">":
                    if isBlockHeader(chars[(index - 1)...]) {
                        blockParentIndent = indent
                        index = chars.count
                    }
                case "[", "{":
                    flowDepth += 1
                    if flowDepth > maxDepth { return tooDeep(lineIndex, index) }
                    continue
                default: break
                }
                nodeStart = false
            }
        }
        return nil
    }

    /// Whether the rest of a line (starting at `|` or `>`) is a block scalar header.
    private static func isBlockHeader(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        let body = rest.dropFirst().prefix { $0 != "#" }
        return body.allSatisfy { "+-0123456789 \t\r".unicodeScalars.contains($0) }
    }

    /// The too-deep finding at a position.
    private static func tooDeep(_ lineIndex: Int, _ column: Int) -> Finding {
        Finding(code: "yaml-too-deep", message: "YAML nesting deeper than \(maxDepth) levels",
                line: lineIndex + 1, column: column)
    }
}
