import Foundation
import Testing

/// A temporary copy of example manifest folders, with the names that must be unique in the shared emulator account
/// rewritten, and its own status folder. Removed by `remove()`.
struct Workspace {
    /// Errors preparing or editing a workspace.
    enum Failure: Error, CustomStringConvertible {
        /// An edit's text was not found in the file.
        case textNotFound(file: String, text: String)

        /// Stable error code.
        var code: String { "e2e-text-not-found" }

        /// What went wrong.
        var description: String {
            switch self {
            case let .textNotFound(file, text): "'\(text)' is not in \(file)"
            }
        }
    }

    /// The repository root (the folder four levels above this file's folder).
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The temporary folder.
    let root: URL

    /// The manifest folder given to `smsauth reconcile`.
    var manifests: URL { root.appendingPathComponent("manifests") }

    /// The status folder (`--status-dir`). It exists, empty, from the start: a state that does not exist makes the
    /// first run of an owned set rediscover (list and read the tags of every Cognito-trusting role, pool and number of
    /// the shared emulator account, hundreds by the middle of a run); tests of that remove it first.
    var statusDirectory: URL { root.appendingPathComponent("status") }

    /// Copies the `.yaml` files of `folders` (relative to the repository) into a fresh `manifests` folder, applying
    /// each substitution (in order) to every file's text.
    init(copying folders: [String], substitutions: [(String, String)] = []) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("smsauth-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("manifests"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: statusDirectory, withIntermediateDirectories: true)
        for folder in folders {
            let source = Self.repository.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
            where file.hasSuffix(".yaml") {
                var text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                for (old, new) in substitutions { text = text.replacingOccurrences(of: old, with: new) }
                try write(file, text)
            }
        }
    }

    /// Writes `text` as `manifests/<file>`.
    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: manifests.appendingPathComponent(file))
    }

    /// The text of `manifests/<file>`.
    func read(_ file: String) throws -> String {
        try String(contentsOf: manifests.appendingPathComponent(file), encoding: .utf8)
    }

    /// Replaces `old` by `new` in `manifests/<file>`; fails when `old` is not there.
    func edit(_ file: String, replacing old: String, with new: String) throws {
        let text = try read(file)
        guard text.contains(old) else { throw Failure.textNotFound(file: file, text: old) }
        try write(file, text.replacingOccurrences(of: old, with: new))
    }

    /// Deletes `manifests/<file>`.
    func delete(_ file: String) throws {
        try FileManager.default.removeItem(at: manifests.appendingPathComponent(file))
    }

    /// Removes the whole temporary folder.
    /// Removes the copied settings document (`smsauth.yaml`): runs then have no owner unless `SMSAUTH_OWNER` names one.
    func removeSettings() throws {
        try FileManager.default.removeItem(at: manifests.appendingPathComponent("smsauth.yaml"))
    }

    /// Deletes the workspace.
    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// `reconcile` as a principal of its own in `context`, and the AWS writes of that run alone.
    func reconcileCountingWrites(_ arguments: [String] = [], context: EndToEndContext) async throws
        -> (result: CLIRunner.Result, writes: [String]) {
        let (environment, accessKeyId) = try await context.freshEnvironment()
        let result = try await reconcile(arguments, environment: environment)
        return (result, try await context.writeCalls(accessKeyId: accessKeyId))
    }

    /// `smsauth reconcile <manifests> --status-dir <status> arguments…` with `environment`.
    func reconcile(_ arguments: [String] = [], environment: [String: String], ownEmulator: Bool = false) async throws
        -> CLIRunner.Result {
        try await CLIRunner.run(["reconcile", manifests.path, "--status-dir", statusDirectory.path, "--no-color"]
                                    + arguments, environment: environment, ownEmulator: ownEmulator)
    }

    /// The status file of `address` (`Kind/name`) as JSON, read from the status folder.
    func statusFile(_ address: String) throws -> [String: Any] {
        let data = try Data(contentsOf: statusDirectory.appendingPathComponent("\(address).json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `smsauth status --output json`: the `resources` rows keyed by `Kind/name`.
    func status(environment: [String: String]) async throws -> [String: [String: Any]] {
        let result = try await CLIRunner.run(["status", manifests.path, "--status-dir", statusDirectory.path,
                                              "--output", "json"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["resources"] as? [[String: Any]])
        var byAddress: [String: [String: Any]] = [:]
        for row in rows {
            byAddress["\(row["kind"] as? String ?? "")/\(row["name"] as? String ?? "")"] = row
        }
        return byAddress
    }
}

extension Workspace {
    /// A copy of `manifests/` with names and an owner of its own (`<label>-<unique>`: role name, owner, pool name, the
    /// pool's `metadata.name`), so that no demo set of another test in the same region is found as this one's or
    /// refuses it. Returns the workspace and the pool's `metadata.name`.
    static func ownDemo(_ label: String) throws -> (Workspace, pool: String) {
        let name = "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
        let space = try Workspace(copying: ["manifests"], substitutions: [
            ("roleName: smsauth-demo-cognito-sms\n", "roleName: e2e-\(name)\n"), ("owner: smsauth-demo\n", "owner: \(name)\n"),
            ("poolName: smsauth demo users\n", "poolName: \(name) users\n"),
            ("name: demo\n", "name: \(name)\n"), ("userPool: demo\n", "userPool: \(name)\n"),
        ])
        return (space, name)
    }
}
