import Foundation

/// One object read from an `ObjectStore`: its bytes and the entity tag that names this exact version.
public struct StoredObject: Sendable, Equatable {
    /// The object's bytes.
    public let data: Data
    /// Opaque version tag (S3's `ETag`); changes on every write.
    public let etag: String

    public init(data: Data, etag: String) {
        self.data = data
        self.etag = etag
    }
}

/// The precondition of a write, as S3's conditional requests express it.
public enum WriteCondition: Sendable, Equatable {
    /// Write whatever is there.
    case unconditional
    /// Write only if no object exists under the key (`If-None-Match: *`).
    case ifAbsent
    /// Write only if the current object has this entity tag (`If-Match: ETAG`).
    case ifMatch(String)
}

/// Why an `ObjectStore` call failed.
public enum ObjectStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The write's or delete's condition did not hold (S3: HTTP 412 PreconditionFailed).
    case preconditionFailed(key: String)
    /// Another conditional write to the key was in progress (S3: HTTP 409 ConditionalRequestConflict); retry later.
    case conflict(key: String)
    /// The store cannot be used (missing bucket, access denied, wrong region, I/O error); `detail` says which.
    case unavailable(location: String, detail: String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .preconditionFailed: "state.preconditionFailed"
        case .conflict: "state.conflict"
        case .unavailable: "state.unavailable"
        }
    }

    /// `code: message`.
    public var description: String {
        switch self {
        case .preconditionFailed(let key): "\(code): the condition on \(key) did not hold (it changed meanwhile)"
        case .conflict(let key): "\(code): another conditional write to \(key) was in progress"
        case .unavailable(let location, let detail): "\(code): \(location): \(detail)"
        }
    }
}

/// A key → bytes store with compare-and-swap writes: the shape of S3 with conditional writes, which both the S3 state
/// (`S3ObjectStore`) and local implementations provide. The state's lock and the controller's lease are built on it;
/// nothing above this protocol knows which store it talks to.
public protocol ObjectStore: Sendable {
    /// Where the store lives, for messages (`s3://bucket/prefix` or a folder path).
    var location: String { get }
    /// The object under `key`, or nil when there is none. An object that exists but cannot be read is an error.
    func get(_ key: String) async throws(ObjectStoreError) -> StoredObject?
    /// Writes `data` under `key` if `condition` holds; returns the new entity tag.
    func put(_ key: String, data: Data, condition: WriteCondition) async throws(ObjectStoreError) -> String
    /// Removes `key` (when `etag` is given, only while the object still has it); absent keys are not an error.
    func delete(_ key: String, ifMatch etag: String?) async throws(ObjectStoreError)
    /// Every key that starts with `prefix`, sorted (all pages).
    func list(prefix: String) async throws(ObjectStoreError) -> [String]
}
