import AWSCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An `ObjectStore` in a local folder, for processes on one machine: each key is a file under the folder (a `/` in
/// a key is a subfolder), its entity tag the SHA-256 of its bytes. Every conditional write and delete runs under an
/// exclusive `flock` on the side file `.objectstore.lock` in the folder, so the compare and the swap are one step for
/// every process that uses the folder; the new content is written to a temporary file and renamed over the key
/// (`AtomicFile`), so a reader never sees half an object. Unlike S3 it never answers `conflict`: a second writer
/// waits for the lock instead.
public struct FolderObjectStore: ObjectStore {
    /// The folder (created on first write).
    public let folder: URL
    /// Name of the side file whose `flock` serialises writes.
    static let lockFileName = ".objectstore.lock"

    /// A store in `folder`.
    public init(folder: URL) {
        self.folder = folder.standardizedFileURL
    }

    /// The folder's path.
    public var location: String { folder.path }

    public func get(_ key: String) async throws(ObjectStoreError) -> StoredObject? {
        try read(try url(for: key))
    }

    public func put(_ key: String, data: Data, condition: WriteCondition) async throws(ObjectStoreError) -> String {
        let url = try url(for: key)
        return try withWriteLock { () throws(ObjectStoreError) -> String in
            let current = try read(url)
            switch condition {
            case .unconditional: break
            case .ifAbsent: guard current == nil else { throw .preconditionFailed(key: key) }
            case .ifMatch(let etag): guard current?.etag == etag else { throw .preconditionFailed(key: key) }
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try AtomicFile.save(data, to: url)
            } catch let error as StatusStoreError {
                throw unavailable(error.message)
            } catch {
                throw unavailable("\(error.localizedDescription)")
            }
            return Self.etag(of: data)
        }
    }

    public func delete(_ key: String, ifMatch etag: String?) async throws(ObjectStoreError) {
        let url = try url(for: key)
        try withWriteLock { () throws(ObjectStoreError) in
            guard let current = try read(url) else { return }
            if let etag, current.etag != etag { throw .preconditionFailed(key: key) }
            guard unlink(url.path) == 0 || errno == ENOENT else {
                throw unavailable("unlink \(url.path): \(String(cString: strerror(errno)))")
            }
        }
    }

    public func list(prefix: String) async throws(ObjectStoreError) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var keys: [String] = []
        let root = folder.path + "/"
        for case let file as URL in walker {
            let name = file.lastPathComponent
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  name != Self.lockFileName, !AtomicFile.isTemporary(name) else { continue }
            let key = String(file.standardizedFileURL.path.dropFirst(root.count))
            if key.hasPrefix(prefix) { keys.append(key) }
        }
        return keys.sorted()
    }

    /// The entity tag of `data`: its SHA-256, hex, in quotes as S3 writes ETags.
    static func etag(of data: Data) -> String {
        "\"" + Digest.sha256Hex(data) + "\""
    }

    /// The file of `key`; a key that is empty, absolute, or has an empty, `.` or `..` component is refused.
    private func url(for key: String) throws(ObjectStoreError) -> URL {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard !key.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
              parts.last.map(String.init) != Self.lockFileName else {
            throw unavailable("\"\(key)\" is not a valid object key")
        }
        return folder.appendingPathComponent(key)
    }

    /// The object in `url`, or nil when there is no such file.
    private func read(_ url: URL) throws(ObjectStoreError) -> StoredObject? {
        do {
            let data = try Data(contentsOf: url)
            return StoredObject(data: data, etag: Self.etag(of: data))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return nil
        } catch {
            throw unavailable("cannot read \(url.path): \(error.localizedDescription)")
        }
    }

    /// Runs `body` holding the exclusive `flock` on the folder's side file (waiting for other writers).
    private func withWriteLock<T>(_ body: () throws(ObjectStoreError) -> T) throws(ObjectStoreError) -> T {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw unavailable("cannot create the folder: \(error.localizedDescription)")
        }
        let path = folder.appendingPathComponent(Self.lockFileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw unavailable("open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw unavailable("flock \(path): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// `unavailable` at this store.
    private func unavailable(_ detail: String) -> ObjectStoreError {
        .unavailable(location: location, detail: detail)
    }
}
