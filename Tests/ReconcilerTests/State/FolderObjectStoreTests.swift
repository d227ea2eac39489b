import Foundation
import Testing
@testable import Reconciler

/// The folder-backed `ObjectStore`: S3's conditional-write rules on local files, one compare-and-swap at a time.
@Suite struct FolderObjectStoreTests {
    /// A store in a fresh temporary folder, removed after `body`.
    static func withStore(_ body: (FolderObjectStore, URL) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("objects-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await body(FolderObjectStore(folder: folder), folder)
    }

    @Test func conditionalWritesFollowS3sRules() async throws {
        try await Self.withStore { store, folder in
            #expect(try await store.get("lease.json") == nil)
            let first = try await store.put("lease.json", data: Data("one".utf8), condition: .ifAbsent)
            await #expect(throws: ObjectStoreError.preconditionFailed(key: "lease.json")) {
                _ = try await store.put("lease.json", data: Data("two".utf8), condition: .ifAbsent)
            }
            await #expect(throws: ObjectStoreError.preconditionFailed(key: "lease.json")) {
                _ = try await store.put("lease.json", data: Data("two".utf8), condition: .ifMatch("\"other\""))
            }
            let second = try await store.put("lease.json", data: Data("two".utf8), condition: .ifMatch(first))
            #expect(second != first)
            #expect(try await store.get("lease.json") == StoredObject(data: Data("two".utf8), etag: second))
            #expect(try Data(contentsOf: folder.appendingPathComponent("lease.json")) == Data("two".utf8))
            await #expect(throws: ObjectStoreError.preconditionFailed(key: "lease.json")) {
                try await store.delete("lease.json", ifMatch: first)
            }
            try await store.delete("lease.json", ifMatch: second)
            #expect(try await store.get("lease.json") == nil)
            try await store.delete("lease.json", ifMatch: second)  // absent: not an error
        }
    }

    @Test func ofManyConcurrentCreatesExactlyOneWins() async throws {
        try await Self.withStore { store, _ in
            let wins = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        (try? await store.put("lease.json", data: Data("\(index)".utf8), condition: .ifAbsent)) != nil
                    }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }

    @Test func listsKeysInSubfoldersWithoutItsLockOrTemporaryFiles() async throws {
        try await Self.withStore { store, folder in
            _ = try await store.put("state.json", data: Data("{}".utf8), condition: .unconditional)
            _ = try await store.put("status/UserPool/a.json", data: Data("{}".utf8), condition: .unconditional)
            try Data().write(to: folder.appendingPathComponent(".state.json.tmp-123"))
            #expect(try await store.list(prefix: "") == ["state.json", "status/UserPool/a.json"])
            #expect(try await store.list(prefix: "status/") == ["status/UserPool/a.json"])
        }
    }

    @Test func refusesKeysThatLeaveTheFolder() async throws {
        try await Self.withStore { store, _ in
            for key in ["", "../x", "a//b", "/abs", ".objectstore.lock"] {
                await #expect(throws: ObjectStoreError.self) { _ = try await store.get(key) }
            }
        }
    }

    @Test func anObjectThatCannotBeReadIsAnErrorNotAnAbsence() async throws {
        try await Self.withStore { store, folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("lease.json"),
                                                    withIntermediateDirectories: true)
            await #expect(throws: ObjectStoreError.self) { _ = try await store.get("lease.json") }
        }
    }
}
