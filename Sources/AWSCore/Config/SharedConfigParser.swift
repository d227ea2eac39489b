import Foundation

/// Which of the two shared files a text came from; they name profile sections differently.
public enum SharedFileKind: Sendable, Equatable {
    /// `~/.aws/config`: `[default]` and `[profile NAME]`; other sections (`[sso-session x]`, …) are not profiles.
    case config
    /// `~/.aws/credentials`: every `[NAME]` section is a profile.
    case credentials
}

/// Parses the INI dialect the AWS CLI reads: `[section]` headers, `key = value` or `key: value` pairs with keys
/// lower-cased, full-line `#`/`;` comments, indented continuation lines, and repeated sections merged (later wins).
struct SharedConfigParser {
    /// The file the text came from, for error messages.
    let path: String
    /// How section names map to profile names.
    let kind: SharedFileKind

    /// What the parser is inside of.
    private enum Section {
        case none
        case profile(String)
        case ignored
    }

    /// Returns profile name → lower-case key → value.
    func parse(_ text: String) throws(SharedConfigError) -> [String: [String: String]] {
        var profiles: [String: [String: String]] = [:]
        var section = Section.none
        var lastKey: String?
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || Self.isComment(trimmed) { continue }
            if let key = lastKey, line.first?.isWhitespace == true {
                if case let .profile(name) = section {
                    profiles[name, default: [:]][key, default: ""] += "\n" + trimmed
                }
                continue
            }
            lastKey = nil
            if trimmed.hasPrefix("[") {
                section = try parseHeader(trimmed, line: number)
                if case let .profile(name) = section { profiles[name, default: [:]] = profiles[name] ?? [:] }
                continue
            }
            guard case .none = section else {
                let (key, value) = try parsePair(trimmed, line: number)
                if case let .profile(name) = section { profiles[name, default: [:]][key] = value }
                lastKey = key
                continue
            }
            throw .malformedLine(file: path, line: number, reason: "setting before the first [section] header")
        }
        return profiles
    }

    /// True for a full-line comment.
    private static func isComment(_ text: some StringProtocol) -> Bool {
        text.hasPrefix("#") || text.hasPrefix(";")
    }

    /// Parses `[name]` (optionally followed by a comment) into the section it opens.
    private func parseHeader(_ text: String, line: Int) throws(SharedConfigError) -> Section {
        guard let close = text.lastIndex(of: "]") else {
            throw .malformedLine(file: path, line: line, reason: "section header has no closing ']'")
        }
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || Self.isComment(rest) else {
            throw .malformedLine(file: path, line: line, reason: "unexpected text after section header")
        }
        let header = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        guard !header.isEmpty else {
            throw .malformedLine(file: path, line: line, reason: "empty section name")
        }
        switch kind {
        case .credentials:
            return .profile(Self.unquoted(header))
        case .config:
            if header == "default" { return .profile("default") }
            let words = header.split(maxSplits: 1, whereSeparator: { $0.isWhitespace })
            guard words.first == "profile" else { return .ignored }
            guard words.count == 2 else {
                throw .malformedLine(file: path, line: line, reason: "profile section without a profile name")
            }
            return .profile(Self.unquoted(words[1].trimmingCharacters(in: .whitespaces)))
        }
    }

    /// Splits `key = value` (or `key: value`) at the first delimiter; the key is lower-cased.
    private func parsePair(_ text: String, line: Int) throws(SharedConfigError) -> (String, String) {
        guard let delimiter = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            throw .malformedLine(file: path, line: line, reason: "expected 'key = value'")
        }
        let key = text[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
        guard !key.isEmpty else {
            throw .malformedLine(file: path, line: line, reason: "missing key before '\(text[delimiter])'")
        }
        let value = text[text.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
        return (key, value)
    }

    /// Removes one pair of surrounding double quotes, as the CLI's shell-style split of `[profile "a b"]` does.
    private static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        return String(name.dropFirst().dropLast())
    }
}
