/// Why `smsauth explain` cannot explain what it was asked.
public enum ExplanationError: Error, Equatable, CustomStringConvertible {
    /// The first segment names no document kind.
    case unknownKind(String, suggestion: String?)
    /// A segment names no field of the mapping it is in.
    case unknownField(kind: String, path: String, suggestion: String?)

    /// A stable code for scripts and tests.
    public var code: String {
        switch self {
        case .unknownKind: "explain.unknownKind"
        case .unknownField: "explain.unknownField"
        }
    }

    public var description: String {
        switch self {
        case let .unknownKind(kind, suggestion):
            "unknown kind '\(kind)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; kinds: " + KindGuide.all.map(\.kind).joined(separator: ", ")
        case let .unknownField(kind, path, suggestion):
            "\(kind) has no field '\(path)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        }
    }
}

/// The text of `smsauth explain KIND[.FIELD.PATH]`, from the field catalog and the kind guides (as `kubectl explain`).
public enum Explanation {
    /// The explanation of `target` (`UserPool`, `UserPool.spec.passwordPolicy.minimumLength`, ...).
    public static func text(for target: String) throws(ExplanationError) -> String {
        let segments = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let kindName = segments[0]
        guard let guide = KindGuide.named(kindName) else {
            throw .unknownKind(kindName, suggestion: Suggestion.closest(to: kindName, among: KindGuide.all.map(\.kind)))
        }
        guard segments.count > 1 else { return kindText(guide) }
        var fields = guide.documentFields
        var found: FieldSpec?
        var path: [String] = []
        for segment in segments.dropFirst() {
            guard let field = fields.first(where: { $0.name == segment }) else {
                let suggestion = Suggestion.closest(to: segment, among: fields.map(\.name))
                throw .unknownField(kind: guide.kind, path: (path + [segment]).joined(separator: "."),
                                    suggestion: suggestion.map { (path + [$0]).joined(separator: ".") })
            }
            path.append(segment)
            found = field
            fields = field.type.children
        }
        guard let found else { return kindText(guide) }
        return fieldText(kind: guide.kind, path: path.joined(separator: "."), field: found)
    }

    /// A kind: its purpose, SMS sign-in advice and top-level fields.
    static func kindText(_ guide: KindGuide) -> String {
        var lines = ["KIND:     \(guide.kind)", "VERSION:  \(APIVersion.v1)", "", "DESCRIPTION:"]
        lines += wrapped(guide.purpose)
        if !guide.smsSignIn.isEmpty {
            lines += ["", "SMS SIGN-IN:"]
            lines += guide.smsSignIn.flatMap { wrapped("- " + $0) }
        }
        lines += ["", "FIELDS:"]
        lines += fieldList(guide.documentFields)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One field: its type, description and, for mappings, its fields.
    static func fieldText(kind: String, path: String, field: FieldSpec) -> String {
        var lines = ["KIND:     \(kind)", "FIELD:    \(path) <\(field.type.label)>"]
        if field.required { lines.append("REQUIRED: yes") }
        if let pattern = field.pattern { lines.append("PATTERN:  \(pattern)") }
        if let defaultValue = field.defaultValue {
            lines.append("DEFAULT:  " + defaultValue.label.replacingOccurrences(of: "`", with: ""))
        }
        if let mutability = field.mutability { lines.append("CHANGE:   \(mutability.label) (\(mutability.meaning))") }
        if let member = FieldCatalog.awsMember(kind: kind, path: path) { lines.append("AWS:      \(member)") }
        lines += ["", "DESCRIPTION:"]
        lines += wrapped(field.description)
        let children = field.type.children
        if !children.isEmpty {
            lines += ["", "FIELDS:"]
            lines += fieldList(children)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `name <type> -required-` and the indented description of each field.
    static func fieldList(_ fields: [FieldSpec]) -> [String] {
        fields.flatMap { field in
            ["  \(field.name)\t<\(field.type.label)>" + (field.required ? " -required-" : "")
                + (field.mutability.map { " -\($0.label)-" } ?? "")]
                + wrapped(field.description, indent: 4)
        }
    }

    /// `text` wrapped at 100 columns with `indent` spaces before each line.
    static func wrapped(_ text: String, indent: Int = 2) -> [String] {
        let prefix = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, prefix.count + line.count + 1 + word.count > 100 {
                lines.append(prefix + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }
}
