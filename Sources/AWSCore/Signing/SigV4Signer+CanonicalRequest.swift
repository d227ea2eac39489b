import Foundation

/// A header as it appears in the canonical request: lower-case name and its normalised values joined by `,`.
struct SigV4CanonicalHeader: Sendable, Equatable {
    /// Lower-case name.
    let name: String
    /// Trimmed values with inner whitespace runs collapsed, joined by `,` in their original order.
    let value: String
}

/// Stage 1 of SigV4: the canonical request.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
extension SigV4Signer {
    /// Headers that are never signed: `authorization` is what signing produces; `content-length`, `expect`,
    /// `user-agent` and `x-amzn-trace-id` may be set or rewritten by the transport or proxies after signing (as in
    /// soto-core and botocore).
    static let unsignedHeaderNames: Set<String> = [
        "authorization", "content-length", "expect", "user-agent", "x-amzn-trace-id",
    ]

    /// The canonical URI: the wire path with empty, `.` and `..` segments resolved (as every service except S3
    /// does), then each segment URI-encoded again, so a path already percent-encoded on the wire ends up encoded twice.
    /// A trailing slash is kept. An empty path is `/`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func canonicalURI(path: String) -> String {
        let rawSegments = path.split(separator: "/", omittingEmptySubsequences: false)
        var segments: [Substring] = []
        for segment in rawSegments {
            switch segment {
            case "", ".":
                continue
            case "..":
                _ = segments.popLast()
            default:
                segments.append(segment)
            }
        }
        let last = rawSegments.last ?? ""
        let endsInDirectory = last.isEmpty || last == "." || last == ".."
        let encoded = segments.map { SigV4URIEncoding.encode(String($0)) }.joined(separator: "/")
        if encoded.isEmpty { return "/" }
        return "/" + encoded + (endsInDirectory ? "/" : "")
    }

    /// The canonical query string: each `name=value` pair decoded and URI-encoded again, sorted by encoded name and
    /// then encoded value, joined by `&`. A parameter without `=` gets an empty value and keeps its `=`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func canonicalQueryString(query: String) -> String {
        let pairs = query.split(separator: "&").map { parameter -> (name: String, value: String) in
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = SigV4URIEncoding.encode(SigV4URIEncoding.decode(String(parts[0])))
            let value = parts.count > 1 ? SigV4URIEncoding.encode(SigV4URIEncoding.decode(String(parts[1]))) : ""
            return (name, value)
        }
        return pairs.sorted { left, right in
            if left.name != right.name { return left.name.utf8.lexicographicallyPrecedes(right.name.utf8) }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        .map { "\($0.name)=\($0.value)" }
        .joined(separator: "&")
    }

    /// The headers to sign, in canonical form: names lower-cased, values trimmed with inner whitespace runs collapsed
    /// to one space, repeated names merged (values joined by `,` in their original order), sorted by name. Headers
    /// in `unsignedHeaderNames` are left out.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func canonicalHeaderList(headers: [HTTPHeader]) -> [SigV4CanonicalHeader] {
        var signed: [SigV4CanonicalHeader] = []
        signed.reserveCapacity(headers.count)
        for header in headers {
            let name = header.name.lowercased()
            if unsignedHeaderNames.contains(name) { continue }
            signed.append(SigV4CanonicalHeader(name: name, value: normalisedHeaderValue(header.value)))
        }
        // `sort` is stable: the values of a repeated name stay in their original order.
        signed.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        var list: [SigV4CanonicalHeader] = []
        list.reserveCapacity(signed.count)
        for header in signed {
            if let last = list.last, last.name == header.name {
                list[list.count - 1] = SigV4CanonicalHeader(name: last.name, value: last.value + "," + header.value)
            } else {
                list.append(header)
            }
        }
        return list
    }

    /// The canonical headers block: one `name:value` line per header, each ending in a newline.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func canonicalHeaders(_ list: [SigV4CanonicalHeader]) -> String {
        var block = ""
        block.reserveCapacity(list.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        for header in list {
            block += header.name
            block += ":"
            block += header.value
            block += "\n"
        }
        return block
    }

    /// The signed headers: the canonical header names joined by `;`.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func signedHeaders(_ list: [SigV4CanonicalHeader]) -> String {
        list.map(\.name).joined(separator: ";")
    }

    /// The hashed payload: SHA-256 of the body as lowercase hex (the empty body hashes to `e3b0c442…b855`).
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func payloadHash(body: Data) -> String {
        Digest.sha256Hex(body)
    }

    /// The canonical request: method, canonical URI (for S3 the path exactly as sent), canonical query string, canonical headers, signed headers and
    /// payload hash, separated by newlines.
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request
    static func canonicalRequest(_ input: SigV4Input, headers list: [SigV4CanonicalHeader]) -> String {
        [
            input.method,
            input.normalizesPath ? canonicalURI(path: input.path) : (input.path.isEmpty ? "/" : input.path),
            canonicalQueryString(query: input.query),
            canonicalHeaders(list),
            signedHeaders(list),
            payloadHash(body: input.body),
        ].joined(separator: "\n")
    }

    /// `value` trimmed of leading and trailing whitespace, with every inner run of whitespace replaced by one space.
    private static func normalisedHeaderValue(_ value: String) -> String {
        if isNormalised(value.utf8) { return value }
        return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            .joined(separator: " ")
    }

    /// Whether `value` is already in normal form: no tab, CR or LF, no space at either end, no two spaces in a row
    /// (most values are: dates, hosts, content types), so it needs no copy.
    private static func isNormalised(_ value: String.UTF8View) -> Bool {
        var previous: UInt8 = UInt8(ascii: " ")
        for byte in value {
            switch byte {
            case UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: " "): return false
            default: previous = byte
            }
        }
        return previous != UInt8(ascii: " ") || value.isEmpty
    }
}
