import AWSCore
import Manifests
import Foundation

/// The local backend of `StatusStore`: one JSON file per resource at `<directory>/<Kind>/<name>.json`, written
/// atomically (see `AtomicFile`). Files are pretty-printed with sorted keys, so they diff cleanly.
struct StatusFolder: Sendable {
    /// The status folder (default `<parent>/.smsauth/<name>/status` for the manifest folder `<parent>/<name>`).
    let directory: URL

    /// A store rooted at `directory` (created on first write).
    init(directory: URL) {
        self.directory = directory
    }

    /// The file that holds the status of `address`; throws for a name that is not safe as a file name.
    func fileURL(for address: ResourceAddress) throws(StatusStoreError) -> URL {
        let name = try StatusStore.checkedName(address)
        return directory.appendingPathComponent(address.kind.rawValue).appendingPathComponent(name + ".json")
    }

    /// Writes (replaces) the status of one resource atomically.
    func write(_ status: ResourceStatus) throws(StatusStoreError) {
        let url = try fileURL(for: status.address)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StatusStoreError.ioFailed(path: folder.path, operation: "mkdir", detail: error.localizedDescription)
        }
        let data: Data
        do {
            data = try StatusStore.encoder().encode(status)
        } catch {
            throw StatusStoreError.corrupt(path: url.path, detail: "cannot encode: \(error)")
        }
        try AtomicFile.save(data + Data("\n".utf8), to: url)
    }

    /// The status of `address`, or nil when it has none.
    func read(_ address: ResourceAddress) throws(StatusStoreError) -> ResourceStatus? {
        let url = try fileURL(for: address)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(url.path, expecting: address)
    }

    /// Every status in the folder, sorted by address. Leftover temporary files (from a crash mid-write) are
    /// skipped and removed; folders that are not a kind and files that are not `.json` are ignored. Paths are
    /// joined as strings: a `URL` per file cost about as much as reading the file.
    func readAll() throws(StatusStoreError) -> [ResourceStatus] {
        var statuses: [ResourceStatus] = []
        for kind in ResourceKind.allCases {
            let folder = kindFolder(kind)
            for fileName in try list(folder) {
                let path = folder + "/" + fileName
                if AtomicFile.isTemporary(fileName) {
                    try remove(URL(fileURLWithPath: path, isDirectory: false))
                } else if fileName.hasSuffix(".json") {
                    let address = ResourceAddress(kind: kind, name: String(fileName.dropLast(".json".count)))
                    statuses.append(try decode(path, expecting: address))
                }
            }
        }
        return statuses.sorted { $0.address < $1.address }
    }

    /// The address of every status file, sorted, without reading them (leftover temporary files are skipped).
    func addresses() throws(StatusStoreError) -> [ResourceAddress] {
        var addresses: [ResourceAddress] = []
        for kind in ResourceKind.allCases {
            for fileName in try list(kindFolder(kind))
            where fileName.hasSuffix(".json") && !AtomicFile.isTemporary(fileName) {
                addresses.append(ResourceAddress(kind: kind, name: String(fileName.dropLast(".json".count))))
            }
        }
        return addresses.sorted()
    }

    /// What `readAll` passes over, as paths relative to the folder, in folder order: entries that are not a kind's
    /// folder and, in a kind's folder, entries that are not a status file (hidden entries aside at both levels:
    /// `.cache`, leftover temporary files, `.DS_Store`). A reconcile ignores them; copying the state elsewhere (`state migrate`) must not.
    func unreadEntries() throws(StatusStoreError) -> [String] {
        let kinds = Set(ResourceKind.allCases.map(\.rawValue))
        var entries: [String] = []
        for name in try list(directory.path) where !name.hasPrefix(".") {
            guard kinds.contains(name) else {
                entries.append(name)
                continue
            }
            let folder = directory.path + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                entries.append(name)
                continue
            }
            for fileName in try list(folder) where !fileName.hasPrefix(".") {  // leftover temporary files, .DS_Store
                var isDirectory: ObjCBool = false
                let isSubfolder = FileManager.default.fileExists(atPath: folder + "/" + fileName, isDirectory: &isDirectory)
                    && isDirectory.boolValue
                if !fileName.hasSuffix(".json") || isSubfolder { entries.append(name + "/" + fileName) }
            }
        }
        return entries
    }

    /// Removes the status of `address`; nothing happens when it has none.
    func delete(_ address: ResourceAddress) throws(StatusStoreError) {
        let url = try fileURL(for: address)
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        try remove(url)
        try AtomicFile.syncFolder(url.deletingLastPathComponent())
    }

    /// The path of the folder that holds the statuses of `kind` (as `fileURL(for:)` would give it).
    private func kindFolder(_ kind: ResourceKind) -> String {
        let root = directory.path
        return (root.hasSuffix("/") ? root : root + "/") + kind.rawValue
    }

    private func decode(_ path: String, expecting address: ResourceAddress) throws(StatusStoreError)
        -> ResourceStatus {
        let status: ResourceStatus
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path, isDirectory: false))
            status = try PlainJSON.decode(ResourceStatus.self, from: data)
        } catch {
            throw StatusStoreError.corrupt(path: path, detail: String(describing: error))
        }
        guard status.address == address else {
            throw StatusStoreError.corrupt(path: path, detail: "holds the status of \(status.address)")
        }
        return status
    }

    private func list(_ folder: String) throws(StatusStoreError) -> [String] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw StatusStoreError.ioFailed(path: folder, operation: "list", detail: error.localizedDescription)
        }
    }

    private func remove(_ url: URL) throws(StatusStoreError) {
        guard unlink(url.path) == 0 else { throw AtomicFile.failure(url, "unlink") }
    }
}
