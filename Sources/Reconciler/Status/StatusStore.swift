import Manifests
import Foundation

/// One JSON file per resource at `<directory>/<Kind>/<name>.json`, written atomically (see `AtomicFile`).
///
/// The store takes only `ResourceStatus` values, whose fields are all typed and secret-free; it offers no way to
/// write anything else. Files are pretty-printed with sorted keys, so they diff cleanly.
public struct StatusStore: Sendable {
    /// The status folder (default `<parent>/.smsauth/<name>/status` for the manifest folder `<parent>/<name>`).
    public let directory: URL
    /// The lease fence of a lease-holding controller: every write checks it and records its generation in
    /// `leaseGeneration` (nil: writes are not fenced and carry no generation).
    public let fence: LeaseFence?

    /// A store rooted at `directory` (created on first write), its writes checked by `fence` when given.
    public init(directory: URL, fence: LeaseFence? = nil) {
        self.directory = directory
        self.fence = fence
    }

    /// The file that holds the status of `address`; throws for a name that is not safe as a file name.
    public func fileURL(for address: ResourceAddress) throws(StatusStoreError) -> URL {
        let name = address.name
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard !name.isEmpty, name.count <= 63, allowed, !name.hasPrefix("-") else {
            throw StatusStoreError.invalidName(name)
        }
        return directory.appendingPathComponent(address.kind.rawValue).appendingPathComponent(name + ".json")
    }

    /// Writes (replaces) the status of one resource atomically, with the fence's generation (nil without a fence).
    public func write(_ status: ResourceStatus) throws(StatusStoreError) {
        var status = status
        do {
            status.leaseGeneration = try fence?.check()
        } catch {
            throw .fenced(error)
        }
        let url = try fileURL(for: status.address)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StatusStoreError.ioFailed(path: folder.path, operation: "mkdir", detail: error.localizedDescription)
        }
        let data: Data
        do {
            data = try Self.encoder().encode(status)
        } catch {
            throw StatusStoreError.corrupt(path: url.path, detail: "cannot encode: \(error)")
        }
        try AtomicFile.save(data + Data("\n".utf8), to: url)
    }

    /// The status of `address`, or nil when it has none.
    public func read(_ address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus? {
        let url = try fileURL(for: address)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(url, expecting: address)
    }

    /// Every status in the folder, sorted by address. Leftover temporary files (from a crash mid-write) are
    /// skipped and removed; folders that are not a kind and files that are not `.json` are ignored.
    public func readAll() throws(StatusStoreError) -> [ResourceStatus] {
        var statuses: [ResourceStatus] = []
        for kind in ResourceKind.allCases {
            let folder = directory.appendingPathComponent(kind.rawValue)
            for fileName in try list(folder) {
                let url = folder.appendingPathComponent(fileName)
                if AtomicFile.isTemporary(fileName) {
                    try remove(url)
                } else if fileName.hasSuffix(".json") {
                    let address = ResourceAddress(kind: kind, name: String(fileName.dropLast(".json".count)))
                    statuses.append(try decode(url, expecting: address))
                }
            }
        }
        return statuses.sorted { $0.address < $1.address }
    }

    /// The address of every status file, sorted, without reading them (leftover temporary files are skipped).
    public func addresses() throws(StatusStoreError) -> [ResourceAddress] {
        var addresses: [ResourceAddress] = []
        for kind in ResourceKind.allCases {
            for fileName in try list(directory.appendingPathComponent(kind.rawValue))
            where fileName.hasSuffix(".json") && !AtomicFile.isTemporary(fileName) {
                addresses.append(ResourceAddress(kind: kind, name: String(fileName.dropLast(".json".count))))
            }
        }
        return addresses.sorted()
    }

    /// Removes the status of `address`; nothing happens when it has none.
    public func delete(_ address: ResourceAddress) throws(StatusStoreError) {
        let url = try fileURL(for: address)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try remove(url)
        try AtomicFile.syncFolder(url.deletingLastPathComponent())
    }

    /// The encoder for status files: pretty, sorted keys, unescaped slashes, ISO 8601 dates.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private func decode(_ url: URL, expecting address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let status: ResourceStatus
        do {
            status = try decoder.decode(ResourceStatus.self, from: Data(contentsOf: url))
        } catch {
            throw StatusStoreError.corrupt(path: url.path, detail: String(describing: error))
        }
        guard status.address == address else {
            throw StatusStoreError.corrupt(path: url.path, detail: "holds the status of \(status.address)")
        }
        return status
    }

    private func list(_ folder: URL) throws(StatusStoreError) -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw StatusStoreError.ioFailed(path: folder.path, operation: "list", detail: error.localizedDescription)
        }
    }

    private func remove(_ url: URL) throws(StatusStoreError) {
        guard unlink(url.path) == 0 else { throw AtomicFile.failure(url, "unlink") }
    }
}
