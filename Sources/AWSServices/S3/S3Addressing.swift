import AWSCore
import Foundation

/// Where an S3 request goes, by the AWS CLI's rules: path-style (`https://ENDPOINT/BUCKET/KEY`) when the endpoint is
/// overridden (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL`, profile `endpoint_url`) or the bucket name cannot be a DNS
/// label (dots break the TLS certificate's wildcard), virtual-hosted (`https://BUCKET.s3.REGION.amazonaws.com/KEY`)
/// otherwise. Keys are percent-encoded once with their `/` kept; S3 signs that path as sent.
public enum S3Addressing {
    /// The request URL for `bucket` (and `key`, when the request is about an object) with `query` items in order.
    public static func url(endpoint: ResolvedEndpoint, bucket: String, key: String? = nil,
                           query: [(name: String, value: String)] = []) throws(S3Error) -> URL {
        guard var components = URLComponents(url: endpoint.url, resolvingAgainstBaseURL: false),
              let host = components.host else {
            throw .invalidRequest(bucket: bucket, detail: "the S3 endpoint \(endpoint.url) has no host")
        }
        let base = components.percentEncodedPath.hasSuffix("/")
            ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        let objectPath = key.map { "/" + SigV4URIEncoding.encode($0, keepingSlashes: true) } ?? ""
        if usesPathStyle(endpoint: endpoint, bucket: bucket) {
            components.percentEncodedPath = base + "/" + SigV4URIEncoding.encode(bucket) + objectPath
        } else {
            components.host = bucket + "." + host
            components.percentEncodedPath = base + (objectPath.isEmpty ? "/" : objectPath)
        }
        components.percentEncodedQuery = query.isEmpty ? nil : query.map {
            SigV4URIEncoding.encode($0.name) + "=" + SigV4URIEncoding.encode($0.value)
        }.joined(separator: "&")
        guard let url = components.url else {
            throw .invalidRequest(bucket: bucket, detail: "cannot build a URL for key \(key ?? "")")
        }
        return url
    }

    /// Path-style for an overridden endpoint or a bucket that is not a plain DNS label.
    static func usesPathStyle(endpoint: ResolvedEndpoint, bucket: String) -> Bool {
        endpoint.isConfigured || !isVirtualHostable(bucket)
    }

    /// Whether `bucket` can be the first label of a host name under TLS: 3–63 lower-case letters, digits and dashes,
    /// starting and ending with a letter or digit.
    static func isVirtualHostable(_ bucket: String) -> Bool {
        let scalars = Array(bucket.unicodeScalars)
        guard (3...63).contains(scalars.count), let first = scalars.first, let last = scalars.last else { return false }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return isAlphanumeric(first) && isAlphanumeric(last) && scalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
    }
}
