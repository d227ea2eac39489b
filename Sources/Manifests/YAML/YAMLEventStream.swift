import CLibYAML

/// One event of libyaml's parser, copied out of the C structure (which is freed at once).
struct YAMLEvent {
    /// What the event is.
    enum Kind {
        /// Start of the stream.
        case streamStart
        /// End of the stream.
        case streamEnd
        /// Start of a document.
        case documentStart
        /// End of a document.
        case documentEnd
        /// A scalar with its text and whether it was written plain.
        case scalar(String, plain: Bool)
        /// Start of a sequence.
        case sequenceStart
        /// End of a sequence.
        case sequenceEnd
        /// Start of a mapping.
        case mappingStart
        /// End of a mapping.
        case mappingEnd
        /// An alias (`*name`).
        case alias
    }

    /// What the event is.
    var kind: Kind
    /// Whether the node carries an anchor (`&name`).
    var anchored: Bool
    /// 1-based line where the event starts.
    var line: Int
    /// 1-based column where the event starts.
    var column: Int
}

/// The event stream of the system's libyaml (module `CLibYAML`) over a UTF-8 buffer that the caller keeps alive while
/// the stream is used.
final class YAMLEventStream {
    /// libyaml's parser state.
    private var parser = yaml_parser_t()
    /// The input, for turning a reader error's byte offset into a line and column.
    private let input: UnsafeBufferPointer<UInt8>

    /// A stream over `input`, which must stay valid for the life of the stream. A UTF-8 byte order mark may start a
    /// YAML stream; libyaml skips it only when it detects the encoding itself, so it is skipped here.
    init(_ input: UnsafeBufferPointer<UInt8>) {
        let text = input.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: input.dropFirst(3)) : input
        self.input = text
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, text.baseAddress, text.count)
    }

    deinit {
        yaml_parser_delete(&parser)
    }

    /// The next event, or the problem that stops the stream.
    func next() throws(YAMLProblem) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw problem() }
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalar.tag.map { String(cString: $0) }
            // `!!str` makes any scalar a string, as quotes do; another tag would change what the text means, and
            // manifests have no use for one, so it is refused rather than ignored.
            if let tag, tag != Self.stringTag {
                throw YAMLProblem(code: "yaml-tag", message: "YAML tag '\(Self.shortName(tag))' is not supported: write "
                                  + "the value without it (quote it to make it a string)", line: line, column: column)
            }
            return YAMLEvent(kind: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE && tag == nil),
                             anchored: scalar.anchor != nil, line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            return YAMLEvent(kind: .sequenceStart, anchored: event.data.sequence_start.anchor != nil, line: line,
                             column: column)
        case YAML_MAPPING_START_EVENT:
            return YAMLEvent(kind: .mappingStart, anchored: event.data.mapping_start.anchor != nil, line: line,
                             column: column)
        case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, anchored: false, line: line, column: column)
        case YAML_MAPPING_END_EVENT: return YAMLEvent(kind: .mappingEnd, anchored: false, line: line, column: column)
        case YAML_ALIAS_EVENT: return YAMLEvent(kind: .alias, anchored: false, line: line, column: column)
        case YAML_DOCUMENT_START_EVENT:
            return YAMLEvent(kind: .documentStart, anchored: false, line: line, column: column)
        case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, anchored: false, line: line, column: column)
        case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, anchored: false, line: line, column: column)
        default: return YAMLEvent(kind: .streamEnd, anchored: false, line: line, column: column)
        }
    }

    /// The tag `!!str` resolves to.
    private static let stringTag = "tag:yaml.org,2002:str"

    /// `!!name` for a tag of the YAML core schema, else the tag as written.
    private static func shortName(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }

    /// The parser's error as a problem: `invalid YAML: <problem> (<context> at line L, column C)`, located at the
    /// problem's mark (or, for reader errors, at the offending byte). (Debian's libyaml has no nesting limit of its
    /// own: the composer's `maxDepth` is the one that applies.)
    private func problem() -> YAMLProblem {
        let text = parser.problem.map { String(cString: $0) } ?? "out of memory"
        if parser.error == YAML_READER_ERROR {
            let (line, column) = position(ofByte: parser.problem_offset)
            return YAMLProblem(code: "yaml-syntax", message: "invalid YAML: \(text)", line: line, column: column)
        }
        let context = parser.context.map { String(cString: $0) }.map {
            " (\($0) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
        }
        return YAMLProblem(code: "yaml-syntax", message: "invalid YAML: \(text)\(context ?? "")",
                           line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
    }

    /// 1-based line and column (in characters) of the byte at `offset` of the input.
    private func position(ofByte offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for byte in input.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
