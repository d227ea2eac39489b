/// The syntax of label keys and values, Kubernetes's (and so kubectl's), checked where labels are written (manifests)
/// and where they are selected (`--selector`), so that a label means the same in every tool and a selector can name
/// every label a manifest may carry.
///
/// A key is an optional prefix and `/`, then a name. The name has 1 to 63 characters: letters, digits, `-`, `_` and
/// `.`, beginning and ending with a letter or digit. The prefix is a DNS subdomain of at most 253 characters:
/// lowercase letters, digits, `-` and `.`, each dot-separated part beginning and ending with a letter or digit.
/// A value is empty or has the syntax of a name.
public enum LabelSyntax {
    /// The longest name part of a key, and the longest value.
    public static let maximumNameLength = 63
    /// The longest prefix of a key.
    public static let maximumPrefixLength = 253

    /// What is wrong with `key`, or nil when it is a valid label key.
    public static func keyProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "a label key has at most one '/' (prefix/name)" }
        if parts.count == 2, let problem = prefixProblem(parts[0]) { return problem }
        return nameProblem(parts[parts.count - 1], what: "a label key's name")
    }

    /// What is wrong with `value`, or nil when it is a valid label value (the empty value is one).
    public static func valueProblem(_ value: String) -> String? {
        value.isEmpty ? nil : nameProblem(Substring(value), what: "a label value")
    }

    private static func nameProblem(_ name: Substring, what: String) -> String? {
        guard !name.isEmpty else { return "\(what) must not be empty" }
        guard name.count <= maximumNameLength else {
            return "\(what) has at most \(maximumNameLength) characters (this one has \(name.count))"
        }
        guard name.allSatisfy({ isAlphanumeric($0) || "-_.".contains($0) }),
              let first = name.first, let last = name.last, isAlphanumeric(first), isAlphanumeric(last) else {
            return "\(what) is made of letters, digits, '-', '_' and '.', and begins and ends with a letter or digit"
        }
        return nil
    }

    private static func prefixProblem(_ prefix: Substring) -> String? {
        guard !prefix.isEmpty else { return "a label key's prefix (before '/') must not be empty" }
        guard prefix.count <= maximumPrefixLength else {
            return "a label key's prefix has at most \(maximumPrefixLength) characters (this one has \(prefix.count))"
        }
        let valid = prefix.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, let last = part.last else { return false }
            return part.allSatisfy { isLowercaseAlphanumeric($0) || $0 == "-" }
                && isLowercaseAlphanumeric(first) && isLowercaseAlphanumeric(last)
        }
        return valid ? nil : "a label key's prefix is a DNS subdomain such as example.com: lowercase letters, digits, '-' "
            + "and '.', each part beginning and ending with a letter or digit"
    }

    private static func isAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    private static func isLowercaseAlphanumeric(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber)
    }
}
