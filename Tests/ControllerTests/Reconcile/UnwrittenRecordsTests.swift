import Manifests
@testable import Reconciler
import Testing

@testable import Controller

/// `/readyz` says status records are not written until every batch whose records were refused has written them
/// again. Before, any batch without errors cleared it, while another batch's records were still refused.
@Suite struct UnwrittenRecordsTests {
    static let pool = ResourceAddress(kind: .userPool, name: "main")
    static let client = ResourceAddress(kind: .appClient, name: "web")
    static let role = ResourceAddress(kind: .smsRole, name: "sms")
    static let conflict = StatusStoreError.state(location: "s3://b/p", .preconditionFailed(key: "state.json"))

    @Test func theProblemStaysUntilEveryRefusedBatchHasWrittenItsRecords() {
        var unwritten = UnwrittenRecords()
        var cleared = unwritten.record([Self.conflict], batch: [Self.pool, Self.client], retried: [Self.pool, Self.client])
        #expect(!cleared && unwritten.problem == "\(Self.conflict.code): \(Self.conflict.message)")
        cleared = unwritten.record([], batch: [Self.role], retried: [Self.role])
        #expect(!cleared && unwritten.problem != nil, "another batch's clean apply clears nothing")
        cleared = unwritten.record([], batch: [Self.pool], retried: [Self.pool])
        #expect(!cleared && unwritten.keys == [Self.client])
        cleared = unwritten.record([], batch: [Self.client], retried: [Self.client])
        #expect(cleared && unwritten.problem == nil && unwritten.keys.isEmpty, "the last refused key written: cleared")
        cleared = unwritten.record([], batch: [Self.client], retried: [Self.client])
        #expect(!cleared, "nothing left to clear")
    }

    /// A key that ends terminal is not retried: it never holds the problem, and a clean apply of a key once
    /// unwritten clears it whatever its outcome.
    @Test func aKeyNotRetriedHoldsNothing() {
        var unwritten = UnwrittenRecords()
        var cleared = unwritten.record([Self.conflict], batch: [Self.pool, Self.role], retried: [Self.pool])
        #expect(!cleared && unwritten.keys == [Self.pool])
        cleared = unwritten.record([], batch: [Self.pool], retried: [])
        #expect(cleared && unwritten.problem == nil, "written again, even though this apply ended it terminal")
    }
}
