import Foundation
import Manifests
import Testing
@testable import Reconciler

/// The S3 state's one object: load, write back with If-Match, concurrent writers detected, corruption refused.
@Suite struct StateDocumentTests {
    static func status(_ name: String, phase: StatusPhase = .ready) -> ResourceStatus {
        var status = StatusStoreTests.sample(.userPool, name)
        status.phase = phase
        return status
    }

    @Test func anAbsentObjectIsAnEmptyStateAndTheFirstWriteCreatesIt() async throws {
        let objects = MemoryObjectStore()
        let store = StatusStore(document: try await StateDocument.load(from: objects))
        #expect(try store.readAll().isEmpty)
        try store.write(Self.status("a"))
        try await store.persist()
        #expect(objects.calls == ["get state.json", "put state.json ifAbsent"])
        let reread = StatusStore(document: try await StateDocument.load(from: objects))
        #expect(try reread.readAll() == [Self.status("a")])
        #expect(reread.location == "s3://memory-bucket/test")
    }

    /// Each persist is one conditional PUT on the entity tag last written; an unchanged copy writes nothing.
    @Test func persistsAreConditionalOnTheLastTag() async throws {
        let objects = MemoryObjectStore()
        let store = StatusStore(document: try await StateDocument.load(from: objects))
        try store.write(Self.status("a"))
        try await store.persist()
        try store.write(Self.status("b"))
        try await store.persist()
        try store.delete(ResourceAddress(kind: .userPool, name: "a"))
        try await store.persist()
        try await store.persist()
        #expect(objects.calls == ["get state.json", "put state.json ifAbsent", "put state.json ifMatch(\"\\\"1\\\"\")",
                                  "put state.json ifMatch(\"\\\"2\\\"\")"])
        #expect(try await StateDocument.load(from: objects).readAll().map(\.name) == ["b"])
    }

    /// Read again after another writer changed the object (the controller does on a refused write): the stored
    /// records come back under this copy's own, which win and are written at the next persist, so a record another
    /// batch wrote but had not persisted yet is not dropped (it was, and its persist then wrote nothing).
    @Test func aReloadKeepsTheRecordsNotPersistedYet() async throws {
        let objects = MemoryObjectStore()
        let store = StatusStore(document: try await StateDocument.load(from: objects))
        try store.write(Self.status("a"))
        try await store.persist()
        objects.overwrite(StateDocument.key, data: try StateDocument.encode([Self.status("a"), Self.status("theirs")]))
        try store.write(Self.status("mine", phase: .pending))
        try await store.reload()
        try await store.persist()
        let stored = try await StateDocument.load(from: objects).readAll()
        #expect(stored.map(\.name) == ["a", "mine", "theirs"])
        #expect(stored.first { $0.name == "mine" }?.phase == .pending)
    }

    /// Another writer changed the object since it was read: the write is refused, not lost over theirs.
    @Test func aConcurrentWriterIsDetected() async throws {
        let objects = MemoryObjectStore()
        let store = StatusStore(document: try await StateDocument.load(from: objects))
        let theirs = try StateDocument.encode([Self.status("theirs")])
        objects.overwrite(StateDocument.key, data: theirs)
        try store.write(Self.status("mine"))
        await #expect(throws: StatusStoreError.state(location: objects.location, .preconditionFailed(key: "state.json"))) {
            try await store.persist()
        }
        #expect(objects.object(StateDocument.key)?.data == theirs)
    }

    /// A fenced store of lease generation `generation`, open for a long time.
    static func fenced(_ objects: MemoryObjectStore, generation: Int) async throws -> StatusStore {
        let fence = LeaseFence(now: { .zero })
        fence.open(generation: generation, until: .seconds(3600))
        return StatusStore(document: try await StateDocument.load(from: objects), fence: fence)
    }

    /// A new leader claims the state: its generation is recorded at once, and the deposed leader (which read the
    /// document before) can no longer write it; its refusal says it was superseded.
    @Test func aDeposedLeadersLateWriteIsRefusedAsSuperseded() async throws {
        let objects = MemoryObjectStore()
        let old = try await Self.fenced(objects, generation: 1)
        try await old.claim()
        try old.write(Self.status("a"))
        try await old.persist()
        let new = try await Self.fenced(objects, generation: 2)
        try await new.claim()
        let claimed = try #require(objects.object(StateDocument.key))
        #expect(try await StateDocument.load(from: objects).leaseGeneration == 2)

        try old.write(Self.status("late"))
        await #expect(throws: StatusStoreError.superseded(location: objects.location, stored: 2, own: 1)) {
            try await old.persist()
        }
        #expect(objects.object(StateDocument.key) == claimed)
        // Nor can it claim the state again with its lower generation.
        let reopened = try await Self.fenced(objects, generation: 1)
        await #expect(throws: StatusStoreError.superseded(location: objects.location, stored: 2, own: 1)) {
            try await reopened.claim()
        }
        try new.write(Self.status("b"))
        try await new.persist()
        #expect(try await StateDocument.load(from: objects).readAll().map(\.name) == ["a", "b"])
    }

    /// An unfenced writer (an apply under the lock) keeps the recorded generation; a document no controller claimed
    /// has none, and its JSON has no `leaseGeneration`.
    @Test func theGenerationSurvivesUnfencedWrites() async throws {
        let objects = MemoryObjectStore()
        let plain = StatusStore(document: try await StateDocument.load(from: objects))
        try await plain.claim()
        try plain.write(Self.status("a"))
        try await plain.persist()
        let unclaimed = try #require(objects.object(StateDocument.key)).data
        let json = try #require(try JSONSerialization.jsonObject(with: unclaimed) as? [String: Any])
        #expect(json["version"] as? Int == 1 && json["leaseGeneration"] == nil)
        let leader = try await Self.fenced(objects, generation: 3)
        try await leader.claim()
        let apply = StatusStore(document: try await StateDocument.load(from: objects))
        try apply.write(Self.status("b"))
        try await apply.persist()
        #expect(try await StateDocument.load(from: objects).leaseGeneration == 3)
    }

    /// The document is the same JSON per record as a status file, sorted by address, with a version.
    @Test func theDocumentIsReadableJSON() async throws {
        let objects = MemoryObjectStore()
        let store = StatusStore(document: try await StateDocument.load(from: objects))
        try store.write(Self.status("zeta"))
        try store.write(Self.status("alpha"))
        try await store.persist()
        let data = try #require(objects.object(StateDocument.key)).data
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let names = (json["statuses"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["alpha", "zeta"])
        let fileJSON = try StatusStore.encoder().encode(Self.status("alpha"))
        #expect(String(decoding: data, as: UTF8.self).contains(
            String(decoding: fileJSON, as: UTF8.self).replacingOccurrences(of: "\n", with: "\n    ")))
    }

    @Test(arguments: [
        ("{", "status.corrupt"),
        ("{\"version\": 2, \"statuses\": []}", "status.corrupt"),
    ])
    func anUnreadableDocumentIsAnError(text: String, code: String) async throws {
        let objects = MemoryObjectStore()
        objects.overwrite(StateDocument.key, data: Data(text.utf8))
        let error = await #expect(throws: StatusStoreError.self) { try await StateDocument.load(from: objects) }
        #expect(error?.code == code)
        #expect(error?.message.contains("s3://memory-bucket/test/state.json") == true)
    }

    @Test func aDuplicatedRecordIsCorrupt() async throws {
        let objects = MemoryObjectStore()
        let one = try StatusStore.encoder().encode(Self.status("a"))
        let text = "{\"version\": 1, \"statuses\": [\(String(decoding: one, as: UTF8.self)), \(String(decoding: one, as: UTF8.self))]}"
        objects.overwrite(StateDocument.key, data: Data(text.utf8))
        let error = await #expect(throws: StatusStoreError.self) { try await StateDocument.load(from: objects) }
        #expect(error?.message.contains("twice") == true)
    }

    /// A record with a name no file could have names the state object and shows the name escaped (it used to say
    /// neither where, and printed a name's escape codes and line breaks raw).
    @Test(arguments: ["", "a\u{1B}[31mb\nc"])
    func aRecordWithAnInvalidNameIsCorruptAndNamed(name: String) async throws {
        let objects = MemoryObjectStore()
        let record = String(decoding: try StatusStore.encoder().encode(Self.status("a")), as: UTF8.self)
            .replacingOccurrences(of: "\"name\" : \"a\"", with: "\"name\" : \(String(decoding: try JSONEncoder().encode(name), as: UTF8.self))")
        objects.overwrite(StateDocument.key, data: Data("{\"version\": 1, \"statuses\": [\(record)]}".utf8))
        let error = await #expect(throws: StatusStoreError.self) { try await StateDocument.load(from: objects) }
        #expect(error?.code == "status.corrupt")
        #expect(error?.message.contains("s3://memory-bucket/test/state.json") == true, "\(String(describing: error))")
        #expect(error?.message.contains(name.debugDescription) == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false && error?.description.contains("\u{1B}") == false)
    }

    /// A store that cannot be read is an error, never an empty state.
    @Test func anUnavailableStoreIsAnError() async {
        let objects = MemoryObjectStore()
        objects.failNext(.unavailable(location: objects.location, detail: "access denied"))
        let error = await #expect(throws: StatusStoreError.self) { try await StateDocument.load(from: objects) }
        #expect(error?.code == "state.unavailable")
    }
}
