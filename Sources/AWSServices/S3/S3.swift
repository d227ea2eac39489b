import AWSCore
import Foundation

/// Amazon S3, with only the object operations the S3 state needs: GetObject, HeadObject, PutObject (with
/// `If-None-Match: *` / `If-Match`), DeleteObject (with `If-Match`) and ListObjectsV2.
///
/// Failures about the bucket or a condition are `S3Error` (naming the bucket); other service answers stay `AWSError`.
public struct S3: Sendable {
    /// The shared AWS client.
    public let client: AWSClient
    /// Region the requests are signed for (the bucket's region).
    public let region: String

    /// Creates the S3 client for `region`.
    public init(client: AWSClient, region: String) {
        self.client = client
        self.region = region
    }

    /// One object's bytes and entity tag.
    public struct Object: Sendable, Equatable {
        /// The bytes.
        public var data: Data
        /// The `ETag` header as sent (quoted).
        public var etag: String
    }

    /// The precondition of a PutObject.
    public enum PutCondition: Sendable, Equatable {
        /// No precondition.
        case none
        /// `If-None-Match: *`: only when no object exists under the key.
        case ifNoneMatch
        /// `If-Match: ETAG`: only when the current object has this entity tag.
        case ifMatch(String)
    }

    /// GetObject; nil when the key has no object (404 NoSuchKey). A missing bucket is an error, not an absence.
    public func getObject(bucket: String, key: String) async throws -> Object? {
        do {
            let response = try await send("GetObject", "GET", bucket: bucket, key: key)
            return Object(data: response.body, etag: try etag(of: response, bucket: bucket, key: key))
        } catch let error as AWSError where error.code == "NoSuchKey" {
            return nil
        }
    }

    /// HeadObject: the entity tag and size, or nil on 404. S3 answers HEAD without a body, so a 404 cannot tell a
    /// missing key from a missing bucket; use `getObject` where that matters.
    public func headObject(bucket: String, key: String) async throws -> (etag: String, size: Int)? {
        do {
            let response = try await send("HeadObject", "HEAD", bucket: bucket, key: key)
            return (try etag(of: response, bucket: bucket, key: key), Int(response.header("Content-Length") ?? "") ?? 0)
        } catch let error as AWSError where error.httpStatus == 404 {
            return nil
        }
    }

    /// PutObject with `condition`; returns the new entity tag.
    /// - Throws: `S3Error.preconditionFailed` when the condition does not hold (for `If-Match`, also when the key has
    ///   no object: S3's 404 NoSuchKey), `.conflict` when another
    ///   conditional write to the key overlapped it (still after retries).
    @discardableResult
    public func putObject(bucket: String, key: String, data: Data, contentType: String = "application/json",
                          condition: PutCondition = .none) async throws -> String {
        var headers = [HTTPHeader("Content-Type", contentType)]
        switch condition {
        case .none: break
        case .ifNoneMatch: headers.append(HTTPHeader("If-None-Match", "*"))
        case .ifMatch(let etag): headers.append(HTTPHeader("If-Match", etag))
        }
        // A conditional write repeated after a lost answer could fail its own condition, so only a refusal that proves
        // nothing happened (throttling, 409) is retried; an unconditional one is idempotent.
        let idempotency: Idempotency = condition == .none ? .idempotent : .nonIdempotent
        do {
            let response = try await send("PutObject", "PUT", bucket: bucket, key: key, headers: headers, body: data,
                                          idempotency: idempotency)
            return try etag(of: response, bucket: bucket, key: key)
        } catch let error as AWSError where error.code == "NoSuchKey" && condition != .none {
            // S3 answers `If-Match` on a key without an object with 404 NoSuchKey: the object the writer read is
            // gone, so its condition does not hold.
            throw S3Error.preconditionFailed(bucket: bucket, key: key)
        }
    }

    /// DeleteObject, only while the object has `ifMatch` when given. An absent key is not an error.
    public func deleteObject(bucket: String, key: String, ifMatch: String? = nil) async throws {
        let headers = ifMatch.map { [HTTPHeader("If-Match", $0)] } ?? []
        do {
            _ = try await send("DeleteObject", "DELETE", bucket: bucket, key: key, headers: headers)
        } catch let error as AWSError where error.code == "NoSuchKey" {
            return
        }
    }

    /// ListObjectsV2, every page: the keys under `prefix`, in S3's order (UTF-8 binary).
    public func listObjects(bucket: String, prefix: String, pageSize: Int? = nil) async throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            let page = try await listObjectsPage(bucket: bucket, prefix: prefix, continuationToken: token,
                                                 pageSize: pageSize)
            keys += page.keys
            token = page.nextContinuationToken
        } while token != nil
        return keys
    }

    /// One ListObjectsV2 page.
    public func listObjectsPage(bucket: String, prefix: String, continuationToken: String?,
                                pageSize: Int?) async throws -> S3ObjectPage {
        var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", prefix)]
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        if let pageSize { query.append(("max-keys", String(pageSize))) }
        let response = try await send("ListObjectsV2", "GET", bucket: bucket, key: nil, query: query)
        do {
            return try S3ObjectPage(XMLElement.parse(response.body))
        } catch {
            throw S3Error.invalidRequest(bucket: bucket, detail: "unreadable ListObjectsV2 answer: \(error)")
        }
    }

    /// Sends one request and turns bucket-level and condition failures into `S3Error`.
    private func send(_ operation: String, _ method: String, bucket: String, key: String?,
                      query: [(name: String, value: String)] = [], headers: [HTTPHeader] = [], body: Data = Data(),
                      idempotency: Idempotency = .idempotent) async throws -> HTTPResponse {
        do {
            return try await client.rest(.s3, region: region, operation: operation, method: method, url: { endpoint in
                try S3Addressing.url(endpoint: endpoint, bucket: bucket, key: key, query: query)
            }, headers: headers, body: body, idempotency: idempotency)
        } catch let error as AWSError {
            throw S3Error.from(error, bucket: bucket, key: key, region: region) ?? error
        }
    }

    /// The response's `ETag`; a success without one cannot be used for conditional writes.
    private func etag(of response: HTTPResponse, bucket: String, key: String) throws(S3Error) -> String {
        guard let etag = response.header("ETag"), !etag.isEmpty else {
            throw .invalidRequest(bucket: bucket, detail: "S3 answered without an ETag for \(key)")
        }
        return etag
    }
}
