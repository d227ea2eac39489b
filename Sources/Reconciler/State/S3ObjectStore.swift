import AWSCore
import AWSServices
import Foundation

/// `ObjectStore` on an S3 bucket under a key prefix: `get` is GetObject, `put` PutObject with `If-None-Match: *` or
/// `If-Match`, `delete` DeleteObject (with `If-Match`), `list` ListObjectsV2 (every page). Keys given to the store
/// are relative to the prefix (`state.json` → `PREFIX/state.json`).
public struct S3ObjectStore: ObjectStore {
    /// The S3 client (its region is the bucket's).
    public let s3: S3
    /// The bucket and key prefix.
    public let url: S3StateURL

    /// A store on `url` through `s3`.
    public init(s3: S3, url: S3StateURL) {
        self.s3 = s3
        self.url = url
    }

    /// `s3://bucket/prefix`.
    public var location: String { url.description }

    public func get(_ key: String) async throws(ObjectStoreError) -> StoredObject? {
        do {
            return try await s3.getObject(bucket: url.bucket, key: url.objectKey(key)).map {
                StoredObject(data: $0.data, etag: $0.etag)
            }
        } catch {
            throw failure(error, key: key)
        }
    }

    public func put(_ key: String, data: Data, condition: WriteCondition) async throws(ObjectStoreError) -> String {
        let s3Condition: S3.PutCondition
        switch condition {
        case .unconditional: s3Condition = .none
        case .ifAbsent: s3Condition = .ifNoneMatch
        case .ifMatch(let etag): s3Condition = .ifMatch(etag)
        }
        do {
            return try await s3.putObject(bucket: url.bucket, key: url.objectKey(key), data: data,
                                          condition: s3Condition)
        } catch {
            throw failure(error, key: key)
        }
    }

    public func delete(_ key: String, ifMatch etag: String?) async throws(ObjectStoreError) {
        do {
            try await s3.deleteObject(bucket: url.bucket, key: url.objectKey(key), ifMatch: etag)
        } catch {
            throw failure(error, key: key)
        }
    }

    public func list(prefix: String) async throws(ObjectStoreError) -> [String] {
        let base = url.objectKey("")
        do {
            return try await s3.listObjects(bucket: url.bucket, prefix: base + prefix)
                .map { String($0.dropFirst(base.count)) }
                .sorted()
        } catch {
            throw failure(error, key: prefix)
        }
    }

    /// The store's error for an S3 failure about `key`.
    private func failure(_ error: any Error, key: String) -> ObjectStoreError {
        switch error {
        case S3Error.preconditionFailed: .preconditionFailed(key: key)
        case S3Error.conflict: .conflict(key: key)
        case let error as S3Error: .unavailable(location: location, detail: error.description)
        default: .unavailable(location: location, detail: String(describing: error))
        }
    }
}
