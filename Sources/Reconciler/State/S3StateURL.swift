import Foundation

/// `s3://BUCKET/PREFIX`, the S3 state location of `--state`: the bucket and the key prefix under which `state.json`,
/// `lock.json` and `lease.json` live (no prefix: at the bucket's root).
public struct S3StateURL: Sendable, Equatable, CustomStringConvertible {
    /// The bucket name.
    public let bucket: String
    /// The key prefix without leading or trailing `/`; empty for the bucket's root.
    public let prefix: String

    /// Parses `s3://BUCKET[/PREFIX]`; nil for a folder path (no URL scheme).
    /// - Throws: `StateLocationError.invalidS3URL` for an `s3://` text whose bucket is not a valid bucket name, and
    ///   for any other text that starts like a URL (`S3://…`, `s3:/…`, `s3:bucket`, `gs://…`): read as a folder, it
    ///   would have put a shared state in a local folder named after it without a word.
    public init?(parsing text: String) throws(StateLocationError) {
        guard text.hasPrefix("s3://") else {
            guard !Self.looksLikeURL(text) else {
                throw .invalidS3URL(text, reason: "a state is s3://BUCKET[/PREFIX] (lower-case s3 and two slashes) or "
                    + "a folder path; write a folder whose name has a colon as ./\(text)")
            }
            return nil
        }
        let rest = text.dropFirst("s3://".count)
        let bucket = String(rest.prefix { $0 != "/" })
        guard Self.isValidBucketName(bucket) else {
            throw .invalidS3URL(text, reason: "'\(bucket)' is not an S3 bucket name (3 to 63 lower-case letters, "
                + "digits, dots and dashes, starting and ending with a letter or digit)")
        }
        let prefix = rest.dropFirst(bucket.count).split(separator: "/").joined(separator: "/")
        self.init(bucket: bucket, prefix: prefix)
    }

    /// A location from its parts (`prefix` without leading or trailing `/`).
    public init(bucket: String, prefix: String) {
        self.bucket = bucket
        self.prefix = prefix
    }

    /// The object key of `key` under the prefix.
    public func objectKey(_ key: String) -> String {
        prefix.isEmpty ? key : prefix + "/" + key
    }

    /// `s3://bucket/prefix`.
    public var description: String {
        prefix.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(prefix)"
    }

    /// Whether `text` starts like a URL: a scheme (RFC 3986: a letter, then letters, digits, `+`, `-` or `.`) and
    /// its colon, followed by a slash, or the scheme `s3` in any case. A folder whose first name merely holds a colon
    /// (`prod.v2:eu`, `state-2024-06-01T10:00`) is not one.
    static func looksLikeURL(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].unicodeScalars
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }) else {
            return false
        }
        return text[text.index(after: colon)...].hasPrefix("/") || String(scheme).lowercased() == "s3"
    }

    /// S3's general-purpose bucket naming rules.
    static func isValidBucketName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (3...63).contains(scalars.count), let first = scalars.first, let last = scalars.last else { return false }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return isAlphanumeric(first) && isAlphanumeric(last) && !name.contains("..")
            && scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "." }
    }
}

/// Why a state location cannot be used.
public enum StateLocationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An `s3://` location that is not a valid bucket and prefix.
    case invalidS3URL(String, reason: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidS3URL: "state.invalidLocation"
        }
    }

    /// `code: message`.
    public var description: String {
        switch self {
        case .invalidS3URL(let text, let reason): "\(code): \(text): \(reason)"
        }
    }
}
