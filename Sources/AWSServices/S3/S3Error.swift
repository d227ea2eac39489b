import AWSCore

/// An S3 failure that smsauth explains: each names the bucket, and the key when one was involved.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bucket does not exist (404 NoSuchBucket).
    case noSuchBucket(bucket: String)
    /// The credentials may not do `operation` on the bucket or key (403 AccessDenied).
    case accessDenied(bucket: String, key: String?, operation: String)
    /// The bucket is in another region than the one the request was signed for (301 PermanentRedirect, or 400
    /// AuthorizationHeaderMalformed); `actual` when S3 said which.
    case wrongRegion(bucket: String, region: String, actual: String?)
    /// A conditional write or delete found the object changed (412 PreconditionFailed).
    case preconditionFailed(bucket: String, key: String)
    /// A conditional write overlapped another one to the same key, still after retries (409 ConditionalRequestConflict).
    case conflict(bucket: String, key: String)
    /// The request could not be built or the answer could not be read.
    case invalidRequest(bucket: String, detail: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .noSuchBucket: "s3.noSuchBucket"
        case .accessDenied: "s3.accessDenied"
        case .wrongRegion: "s3.wrongRegion"
        case .preconditionFailed: "s3.preconditionFailed"
        case .conflict: "s3.conflict"
        case .invalidRequest: "s3.invalidRequest"
        }
    }

    /// `code: message`, naming the bucket.
    public var description: String {
        switch self {
        case .noSuchBucket(let bucket):
            "\(code): the S3 bucket \(bucket) does not exist (create it, or fix the bucket in --state)"
        case .accessDenied(let bucket, let key, let operation):
            "\(code): access denied to s3://\(bucket)/\(key ?? "") for s3:\(operation) (see the state bucket policy "
                + "in docs/state.md)"
        case .wrongRegion(let bucket, let region, let actual):
            "\(code): the S3 bucket \(bucket) is not in \(region)"
                + (actual.map { "; it is in \($0) (set AWS_REGION=\($0))" } ?? "")
        case .preconditionFailed(let bucket, let key):
            "\(code): s3://\(bucket)/\(key) changed since it was read (412 PreconditionFailed)"
        case .conflict(let bucket, let key):
            "\(code): another conditional write to s3://\(bucket)/\(key) was in progress (409 ConditionalRequestConflict)"
        case .invalidRequest(let bucket, let detail):
            "\(code): s3://\(bucket): \(detail)"
        }
    }

    /// The S3Error for an AWS error about `bucket` (and `key`), or nil when it is none of these (throttling after
    /// retries, 5xx, …: the caller reports the AWS error itself).
    static func from(_ error: AWSError, bucket: String, key: String?, region: String) -> S3Error? {
        switch (error.code, error.httpStatus) {
        case ("NoSuchBucket", _): return .noSuchBucket(bucket: bucket)
        case ("AccessDenied", _): return .accessDenied(bucket: bucket, key: key, operation: error.operation)
        case ("PermanentRedirect", _), (_, 301):
            return .wrongRegion(bucket: bucket, region: region,
                                actual: error.details["BucketRegion"] ?? error.details["Region"])
        case ("AuthorizationHeaderMalformed", _) where error.details["Region"] != nil:
            return .wrongRegion(bucket: bucket, region: region, actual: error.details["Region"])
        case ("PreconditionFailed", _): return .preconditionFailed(bucket: bucket, key: key ?? "")
        case ("ConditionalRequestConflict", _): return .conflict(bucket: bucket, key: key ?? "")
        default: return nil
        }
    }
}
