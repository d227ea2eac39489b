import Testing

@testable import Controller

/// Dependents waiting on a dependency are queued as soon as it succeeds.
@Suite("WaitingKeys")
struct WaitingKeysTests {
    static func closure(_ key: String) -> Set<String> {
        ["client": ["client", "pool", "role"], "pool": ["pool", "role"]][key] ?? [key]
    }

    /// A success queues every waiting key that depends on it, directly or through others, and nothing else.
    @Test func successQueuesWaitingDependents() {
        var waiting = WaitingKeys<String>()
        #expect(waiting.record("client", outcome: .waiting(reason: "pool pending"), closure: Self.closure).isEmpty)
        #expect(waiting.record("pool", outcome: .waiting(reason: "role pending"), closure: Self.closure).isEmpty)
        #expect(waiting.record("other", outcome: .succeeded(pending: false), closure: Self.closure).isEmpty)
        #expect(waiting.record("role", outcome: .succeeded(pending: false), closure: Self.closure) == ["client", "pool"])
        #expect(waiting.record("pool", outcome: .succeeded(pending: true), closure: Self.closure) == ["client"])
        #expect(waiting.keys == ["client"])
    }

    /// A key that no longer waits (retry, terminal, success) leaves the set.
    @Test(arguments: [KeyOutcome.retry(code: "x"), .terminal(code: "x"), .succeeded(pending: false)])
    func keyStopsWaiting(outcome: KeyOutcome) {
        var waiting = WaitingKeys<String>()
        _ = waiting.record("client", outcome: .waiting(reason: "r"), closure: Self.closure)
        _ = waiting.record("client", outcome: outcome, closure: Self.closure)
        #expect(waiting.keys.isEmpty)
        #expect(waiting.record("pool", outcome: .succeeded(pending: false), closure: Self.closure).isEmpty)
    }
}
