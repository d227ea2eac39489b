import Manifests
import Foundation
import Testing
@testable import Reconciler

/// Status files on disk: layout, atomic replacement, crash leftovers, naming and corruption.
@Suite("StatusStore")
struct StatusStoreTests {
    static let time = Date(timeIntervalSince1970: 1_760_000_000)

    /// A fresh temporary status folder, removed after `body`.
    static func withStore(_ body: (StatusStore, URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(StatusStore(directory: folder), folder)
    }

    /// A status with every field set.
    static func sample(_ kind: ResourceKind = .userPool, _ name: String = "qnatime") -> ResourceStatus {
        var status = ResourceStatus(
            kind: kind, name: name, specHash: "sha256:abc", phase: .ready,
            resource: ["userPoolId": "us-east-1_AbC", "arn": "arn:aws:cognito-idp:us-east-1:123:userpool/us-east-1_AbC"],
            lastReconcileTime: time, lastAppliedTime: time,
            drift: [DriftRecord(field: "clientSecret", before: .sensitive, after: .sensitive, corrected: true,
                                detectedAt: time)],
            lastError: ErrorRecord(code: "userPool.throttled", message: "slow down", awsErrorCode: "ThrottlingException"))
        status.setCondition(type: "Ready", status: .isTrue, reason: "Reconciled", message: "in sync", now: time)
        status.recordRun(HistoryEntry(time: time, action: .create, result: .applied))
        return status
    }

    @Test("write then read returns the same status from <Kind>/<name>.json")
    func roundTrip() throws {
        try Self.withStore { store, folder in
            let status = Self.sample()
            try store.write(status)
            let path = folder.appendingPathComponent("UserPool/qnatime.json").path
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(try store.read(status.address) == status)
            #expect(try store.read(ResourceAddress(kind: .userPool, name: "other")) == nil)
        }
    }

    @Test("files are pretty, sorted, with every key and no escaped slashes; secrets only as (sensitive)")
    func fileShape() throws {
        try Self.withStore { store, folder in
            var status = Self.sample()
            status.lastError = nil
            try store.write(status)
            let text = try String(contentsOf: folder.appendingPathComponent("UserPool/qnatime.json"), encoding: .utf8)
            #expect(text.contains(#""lastError" : null"#))
            #expect(text.contains("arn:aws:cognito-idp:us-east-1:123:userpool/us-east-1_AbC"))
            #expect(text.contains(#""before" : "(sensitive)""#))
            #expect(text.contains("2025-10-09T08:53:20Z"))
            let keys = ["conditions", "drift", "history", "kind", "lastAppliedTime", "lastError", "lastReconcileTime",
                        "name", "phase", "resource", "specHash"]
            let positions = keys.compactMap { text.range(of: "\n  \"\($0)\"")?.lowerBound }
            #expect(positions.count == keys.count)
            #expect(positions == positions.sorted())
        }
    }

    @Test("a rewrite replaces the file and leaves no temporary file behind")
    func rewrite() throws {
        try Self.withStore { store, folder in
            var status = Self.sample()
            try store.write(status)
            status.phase = .drifted
            try store.write(status)
            #expect(try store.read(status.address)?.phase == .drifted)
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("UserPool").path)
            #expect(entries == ["qnatime.json"])
        }
    }

    @Test("crash safety: a leftover temporary file is ignored on read and cleaned up")
    func leftoverTemporaryFile() throws {
        try Self.withStore { store, folder in
            try store.write(Self.sample())
            let kindFolder = folder.appendingPathComponent("UserPool")
            let leftover = kindFolder.appendingPathComponent(".qnatime.json.tmp-\(UUID().uuidString)")
            try Data(#"{"kind": "UserPool", "na"#.utf8).write(to: leftover)
            try Data("notes".utf8).write(to: kindFolder.appendingPathComponent("README.txt"))
            let all = try store.readAll()
            #expect(all == [Self.sample()])
            #expect(!FileManager.default.fileExists(atPath: leftover.path))
            #expect(FileManager.default.fileExists(atPath: kindFolder.appendingPathComponent("README.txt").path))
        }
    }

    @Test("addresses lists every status file without reading it, skipping temporary and other files")
    func addressesWithoutReading() throws {
        try Self.withStore { store, folder in
            try store.write(Self.sample(.appClient, "web"))
            let kindFolder = folder.appendingPathComponent("UserPool")
            try FileManager.default.createDirectory(at: kindFolder, withIntermediateDirectories: true)
            try Data("{ not json".utf8).write(to: kindFolder.appendingPathComponent("broken.json"))
            try Data("{".utf8).write(to: kindFolder.appendingPathComponent(".broken.json.tmp-1"))
            try Data("notes".utf8).write(to: kindFolder.appendingPathComponent("README.txt"))
            #expect(try store.addresses().map(\.description) == ["UserPool/broken", "AppClient/web"])
        }
    }

    @Test("unreadEntries names what readAll passes over: folders of no kind, other files, hidden entries aside")
    func unreadEntries() throws {
        try Self.withStore { store, folder in
            try store.write(Self.sample(.appClient, "web"))
            #expect(try store.unreadEntries() == [])
            let manager = FileManager.default
            try manager.createDirectory(at: folder.appendingPathComponent("Bogus"), withIntermediateDirectories: true)
            try Data("{}".utf8).write(to: folder.appendingPathComponent("Bogus/x.json"))
            try manager.createDirectory(at: folder.appendingPathComponent(".cache"), withIntermediateDirectories: true)
            try Data("notes".utf8).write(to: folder.appendingPathComponent("NOTES"))
            try Data("{}".utf8).write(to: folder.appendingPathComponent("UserPool"))  // a file where a kind's folder goes
            try Data("{".utf8).write(to: folder.appendingPathComponent("AppClient/.web.json.tmp-1"))
            try Data("notes".utf8).write(to: folder.appendingPathComponent("AppClient/web.json.bak"))
            try manager.createDirectory(at: folder.appendingPathComponent("AppClient/old.json"), withIntermediateDirectories: true)
            #expect(try store.unreadEntries() == ["AppClient/old.json", "AppClient/web.json.bak", "Bogus", "NOTES", "UserPool"])
        }
    }

    @Test("readAll returns every status sorted by address; delete removes one")
    func readAllAndDelete() throws {
        try Self.withStore { store, _ in
            #expect(try store.readAll().isEmpty)
            for status in [Self.sample(.appClient, "web"), Self.sample(.userPool, "b"), Self.sample(.smsRole, "r")] {
                try store.write(status)
            }
            #expect(try store.readAll().map(\.address.description) == ["SmsRole/r", "UserPool/b", "AppClient/web"])
            try store.delete(ResourceAddress(kind: .userPool, name: "b"))
            try store.delete(ResourceAddress(kind: .userPool, name: "never-written"))
            #expect(try store.readAll().map(\.address.description) == ["SmsRole/r", "AppClient/web"])
        }
    }

    @Test("names that are not safe file names are rejected", arguments: ["", "../etc", "Upper", ".hidden", "a/b", "-x"])
    func invalidNames(name: String) throws {
        try Self.withStore { store, _ in
            #expect(throws: StatusStoreError.invalidName(name)) { try store.write(Self.sample(.userPool, name)) }
        }
    }

    @Test("a corrupt file or one holding another resource is reported with its path")
    func corrupt() throws {
        try Self.withStore { store, folder in
            try store.write(Self.sample())
            let file = folder.appendingPathComponent("UserPool/qnatime.json")
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent("UserPool/copy.json"))
            #expect(throws: StatusStoreError.corrupt(path: folder.appendingPathComponent("UserPool/copy.json").path,
                                                     detail: "holds the status of UserPool/qnatime")) {
                try store.readAll()
            }
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"renamedFrom\" : null", with: "\"renamedFrom\" : \"web\"").utf8)
                .write(to: file)
            #expect(text.contains("\"renamedFrom\" : null"))
            #expect {
                try store.read(ResourceAddress(kind: .userPool, name: "qnatime"))
            } throws: { ($0 as? StatusStoreError)?.code == "status.corrupt" }
            try Data("{".utf8).write(to: file)
            #expect {
                try store.read(ResourceAddress(kind: .userPool, name: "qnatime"))
            } throws: { ($0 as? StatusStoreError)?.code == "status.corrupt" }
        }
    }
}
