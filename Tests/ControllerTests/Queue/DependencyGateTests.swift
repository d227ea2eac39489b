import Testing

@testable import Controller

/// Which keys may start while other batches are in flight.
@Suite("DependencyGate")
struct DependencyGateTests {
    /// Dependency closures: two clients of one pool, an unrelated pool.
    static let closures: [String: Set<String>] = [
        "client-a": ["client-a", "pool"], "client-b": ["client-b", "pool"], "pool": ["pool"], "other": ["other"],
    ]

    static func closure(_ key: String) -> Set<String> { closures[key] ?? [key] }

    /// (in flight, dequeued, admitted): a dependent never starts while its dependency is in flight, nor a
    /// dependency while a dependent is, nor two dependents of one resource; unrelated keys always start.
    static let cases: [([String], [String], [String])] = [
        (["pool"], ["client-a", "other"], ["other"]),
        (["client-a"], ["pool", "other"], ["other"]),
        (["client-a"], ["client-b"], []),
        (["other"], ["client-a", "client-b", "pool"], ["client-a", "client-b", "pool"]),
        ([], ["client-a", "pool"], ["client-a", "pool"]),
    ]

    @Test(arguments: cases)
    func admitsOnlyUnrelatedKeys(inFlight: [String], dequeued: [String], admitted: [String]) {
        var gate = DependencyGate<String>()
        _ = gate.admit(inFlight, closure: Self.closure)
        let result = gate.admit(dequeued, closure: Self.closure)
        #expect(result.admitted == admitted)
        #expect(Set(result.deferred) == Set(dequeued).subtracting(admitted))
    }

    /// Ending a batch hands back the keys it held back, once; ending it again hands back nothing.
    @Test func releaseHandsBackDeferredKeys() {
        var gate = DependencyGate<String>()
        let first = gate.admit(["pool"], closure: Self.closure)
        let second = gate.admit(["client-a", "client-b"], closure: Self.closure)
        #expect(second.admitted.isEmpty)
        #expect(gate.batchesInFlight == 1)
        #expect(gate.release(second.id).isEmpty)
        #expect(Set(gate.release(first.id)) == ["client-a", "client-b"])
        #expect(gate.release(first.id).isEmpty)
        #expect(gate.batchesInFlight == 0)
        #expect(gate.deferredKeys.isEmpty)
        #expect(gate.admit(["client-a"], closure: Self.closure).admitted == ["client-a"])
    }

    /// A key held back by two batches comes back when the first ends, and is held back again by the second.
    @Test func keyHeldByTwoBatches() {
        var gate = DependencyGate<String>()
        let clientA = gate.admit(["client-a"], closure: Self.closure)
        let other = gate.admit(["other"], closure: Self.closure)
        let both = gate.admit(["both"]) { _ in ["pool", "other"] }
        #expect(both.deferred == ["both"])
        #expect(gate.release(clientA.id) == ["both"])
        #expect(gate.admit(["both"]) { _ in ["pool", "other"] }.deferred == ["both"])
        #expect(gate.release(other.id) == ["both"])
    }
}
