import AWSCore

/// One page of a ListObjectsV2 answer.
public struct S3ObjectPage: Sendable, Equatable {
    /// The keys on this page.
    public var keys: [String]
    /// The token of the next page; nil on the last page.
    public var nextContinuationToken: String?

    /// Reads `<ListBucketResult>`: `Contents/Key`, `IsTruncated`, `NextContinuationToken`.
    /// - Throws: `S3Error.invalidRequest` when the answer is truncated without a token (a loop would never end).
    init(_ root: XMLElement) throws(S3Error) {
        keys = root.children("Contents").compactMap { $0.value("Key") }
        let truncated = root.value("IsTruncated") == "true"
        nextContinuationToken = truncated ? root.value("NextContinuationToken") : nil
        if truncated && (nextContinuationToken ?? "").isEmpty {
            throw .invalidRequest(bucket: root.value("Name") ?? "", detail: "a truncated listing without a continuation token")
        }
    }
}
