import Foundation
import Testing
@testable import Reconciler

/// Status writes of a lease-holding controller: they carry the lease generation, and a closed or expired fence
/// refuses them.
@Suite struct StatusStoreFenceTests {
    /// A clock tests move by hand.
    final class Now: @unchecked Sendable {
        var value: Duration = .zero
    }

    @Test func writesCarryTheGenerationAndStopWhenTheFenceCloses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Now()
        let fence = LeaseFence(now: { now.value })
        let store = StatusStore(directory: folder, fence: fence)
        let status = StatusStoreTests.sample()
        #expect(throws: StatusStoreError.fenced(.notLeader)) { try store.write(status) }
        #expect(try store.read(status.address) == nil)

        fence.open(generation: 4, until: .seconds(15))
        try store.write(status)
        #expect(try store.read(status.address)?.leaseGeneration == 4)

        now.value = .seconds(15)
        var changed = status
        changed.specHash = "sha256:def"
        #expect(throws: StatusStoreError.fenced(.expired(generation: 4))) { try store.write(changed) }
        #expect(try store.read(status.address)?.specHash == status.specHash)
    }

    @Test func withoutAFenceTheGenerationIsNull() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var status = StatusStoreTests.sample()
        status.leaseGeneration = 3
        try StatusStore(directory: folder).write(status)
        let text = try String(contentsOf: StatusFolder(directory: folder).fileURL(for: status.address), encoding: .utf8)
        #expect(text.contains("\"leaseGeneration\" : null"))
    }
}
