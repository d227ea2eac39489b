import Foundation
import Manifests

/// The status of every managed resource, wherever the state lives: a local folder (one file per resource, see
/// `StatusFolder`) or one `state.json` object in an `ObjectStore` such as S3 (see `StateDocument`). The engine, the
/// controller and the commands use only this type, so none of them knows which backend it has.
///
/// The store takes only `ResourceStatus` values, whose fields are all typed and secret-free; it offers no way to
/// write anything else. Reads and writes are synchronous against the folder, or against the document loaded when the
/// store was opened; `persist()` makes the writes durable (immediate for a folder, one conditional PUT of the
/// document for an object store), and writers call it after every change they make.
public struct StatusStore: Sendable {
    /// Where the records are kept.
    private enum Backend: Sendable {
        case folder(StatusFolder)
        case document(StateDocument)
    }

    private let backend: Backend
    /// The lease fence of a lease-holding controller: every write and delete checks it, and writes record its
    /// generation in `leaseGeneration` (nil: not fenced, no generation).
    public let fence: LeaseFence?

    /// A store of status files in `directory` (created on first write), its writes checked by `fence` when given.
    public init(directory: URL, fence: LeaseFence? = nil) {
        backend = .folder(StatusFolder(directory: directory))
        self.fence = fence
    }

    /// A store backed by a state document loaded from an object store, its writes checked by `fence` when given.
    public init(document: StateDocument, fence: LeaseFence? = nil) {
        backend = .document(document)
        self.fence = fence
    }

    /// The fence's generation; throws `.fenced` when the fence is closed (this controller no longer leads).
    private func checkFence() throws(StatusStoreError) -> Int? {
        do {
            return try fence?.check()
        } catch {
            throw .fenced(error)
        }
    }

    /// Where cached answers of AWS live next to a status folder (`<folder>/.cache`, which is no kind's folder, so
    /// the status readers skip it): the registration field definitions (`RegistrationFieldDefinitionsRead`); nil
    /// for an S3 state, whose runs keep them in memory.
    public var cacheDirectory: URL? {
        switch backend {
        case .folder(let folder): folder.directory.appendingPathComponent(".cache")
        case .document: nil
        }
    }

    /// Where the state lives, for messages: the folder's path or `s3://bucket/prefix`.
    public var location: String {
        switch backend {
        case .folder(let folder): folder.directory.path
        case .document(let document): document.store.location
        }
    }

    /// Whether the state does not exist at all: no status folder, or no state object when it was last read (first
    /// use, or a state that was lost or deleted). An existing but empty state is not missing: it is what removing
    /// every resource leaves.
    public var isMissing: Bool {
        switch backend {
        case .folder(let folder): !FileManager.default.fileExists(atPath: folder.directory.path)
        case .document(let document): document.isMissing
        }
    }

    /// Writes (replaces) the status of one resource.
    public func write(_ status: ResourceStatus) throws(StatusStoreError) {
        var status = status
        status.leaseGeneration = try checkFence()
        switch backend {
        case .folder(let folder): try folder.write(status)
        case .document(let document): try document.write(status)
        }
    }

    /// The status of `address`, or nil when it has none.
    public func read(_ address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus? {
        switch backend {
        case .folder(let folder): try folder.read(address)
        case .document(let document): try document.read(address)
        }
    }

    /// Every status, sorted by address.
    public func readAll() throws(StatusStoreError) -> [ResourceStatus] {
        switch backend {
        case .folder(let folder): try folder.readAll()
        case .document(let document): document.readAll()
        }
    }

    /// The address of every status, sorted.
    public func addresses() throws(StatusStoreError) -> [ResourceAddress] {
        switch backend {
        case .folder(let folder): try folder.addresses()
        case .document(let document): document.readAll().map(\.address)
        }
    }

    /// What the state holds beside the status records that `readAll` reads, as paths relative to a status folder
    /// (`StatusFolder.unreadEntries`); none for a state document, where every entry is a record or the document is
    /// corrupt.
    public func unreadEntries() throws(StatusStoreError) -> [String] {
        switch backend {
        case .folder(let folder): try folder.unreadEntries()
        case .document: []
        }
    }

    /// Removes the status of `address`; nothing happens when it has none.
    public func delete(_ address: ResourceAddress) throws(StatusStoreError) {
        _ = try checkFence()
        switch backend {
        case .folder(let folder): try folder.delete(address)
        case .document(let document): try document.delete(address)
        }
    }

    /// Makes every write and delete so far durable. A folder's writes already are (each file is replaced atomically
    /// and synced); a document is written back with `If-Match` on the entity tag it was read or last written with,
    /// so a concurrent writer is detected (`StatusStoreError.state` with `preconditionFailed`) rather than overwritten.
    public func persist() async throws(StatusStoreError) {
        guard case .document(let document) = backend else { return }
        _ = try checkFence()
        try await document.persist()
    }

    /// For a lease-holding controller taking over a document state: records its generation in the document and
    /// writes it back at once, so a deposed leader's later write is refused (`StateDocument.claim`). Nothing for a
    /// folder (each status file carries `leaseGeneration`) or an unfenced store.
    /// - Throws: `.fenced` when the fence is closed, `.superseded` when a higher generation claimed the state.
    public func claim() async throws(StatusStoreError) {
        guard case .document(let document) = backend, let generation = try checkFence() else { return }
        try await document.claim(generation: generation)
    }

    /// Reads the state again (for a document: one GET, its records under the copy's own, which win and are written
    /// back at the next `persist`; for a folder nothing, since every read goes to the files). For the writer holding
    /// a state another process changed meanwhile.
    public func reload() async throws(StatusStoreError) {
        if case .document(let document) = backend { try await document.reload() }
    }

    /// The resource name of `address` when it is safe as a file name and a record key (`[a-z0-9-]`, 1–63, not
    /// starting with `-`).
    static func checkedName(_ address: ResourceAddress) throws(StatusStoreError) -> String {
        let name = address.name
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard !name.isEmpty, name.count <= 63, allowed, !name.hasPrefix("-") else {
            throw StatusStoreError.invalidName(name)
        }
        return name
    }

    /// The encoder for status records: pretty, sorted keys, unescaped slashes, ISO 8601 dates.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
