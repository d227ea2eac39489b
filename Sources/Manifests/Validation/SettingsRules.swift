/// Rules for the settings document (`smsauth.yaml`): the owner name and the form of the state location.
enum SettingsRules {
    /// `spec.owner` has the form of a resource name: 1-63 of `a-z`, `0-9`, `-`, alphanumeric at both ends.
    static let owner: Validator.Rule = { context in
        guard let owner = context.settings?.owner, !Formats.isResourceName(owner.value) else { return [] }
        return [.error("invalid-owner", "invalid owner '\(owner.value)': use 1-63 lowercase letters, digits and '-', "
                       + "starting and ending with a letter or digit", at: owner.location, field: "spec.owner")]
    }

    /// `spec.state` is a local path or `s3://bucket/prefix` with a valid bucket name (only the form is checked).
    static let state: Validator.Rule = { context in
        guard let state = context.settings?.state, let problem = StateLocationForm.problem(state.value) else {
            return []
        }
        return [.error("invalid-state", "invalid state location '\(state.value)': \(problem)", at: state.location,
                       field: "spec.state")]
    }
}

/// The form of a state location: a local path, or `s3://bucket` with an optional `/prefix`.
enum StateLocationForm {
    /// Why `text` is not a state location, or nil when it is one.
    static func problem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty; use a local path or s3://bucket/prefix" }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains control characters"
        }
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard scheme == "s3" else { return "unsupported scheme '\(scheme)': use a local path or s3://bucket/prefix" }
        let rest = text[separator.upperBound...]
        let bucket = String(rest.prefix { $0 != "/" })
        return isBucketName(bucket) ? nil : "'\(bucket)' is not an S3 bucket name (3-63 of a-z, 0-9, '.' and '-', "
            + "starting and ending with a letter or digit)"
    }

    /// S3's bucket naming rules: 3-63 of `a-z`, `0-9`, `.`, `-`, a letter or digit at both ends, no `..`.
    static func isBucketName(_ name: String) -> Bool {
        let chars = Array(name.utf8)
        func alnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }
        guard (3...63).contains(chars.count), let first = chars.first, let last = chars.last, alnum(first),
              alnum(last), !name.contains("..") else { return false }
        return chars.allSatisfy { alnum($0) || $0 == 45 || $0 == 46 }
    }
}
