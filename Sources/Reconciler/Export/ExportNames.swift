import Manifests

/// Valid, unique `metadata.name`s for exported resources (`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`, unique per kind).
struct ExportNames {
    /// Names given so far, by kind.
    private var taken: [ResourceKind: Set<String>] = [:]

    /// A name for a `kind` resource called `live` in AWS: lower case, every other character a dash, at most 63
    /// characters, `-2`, `-3`, … appended when taken; `fallback` when nothing of `live` is left.
    mutating func name(_ kind: ResourceKind, from live: String, fallback: String) -> String {
        let base = Self.slug(live).isEmpty ? fallback : Self.slug(live)
        var candidate = base
        var counter = 1
        while taken[kind, default: []].contains(candidate) {
            counter += 1
            let suffix = "-\(counter)"
            candidate = Self.trimmed(String(base.prefix(63 - suffix.count))) + suffix
        }
        taken[kind, default: []].insert(candidate)
        return candidate
    }

    /// `text` in lower case with runs of other characters as one dash, no dash at either end, at most 63 long.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                out.append(character)
            } else if out.last != "-" {
                out.append("-")
            }
        }
        return trimmed(String(trimmed(out).prefix(63)))
    }

    /// `text` without dashes at either end.
    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == "-" }.reversed().drop { $0 == "-" }.reversed())
    }
}
