import Foundation
import Testing
import TestSupport

extension ControllerEndToEnd {
    /// A key refused for good (terminal: it waits for a manifest change) is tried again when something it depends on
    /// changes, also when a resync is the first to read that change: here the resync period (1 s) is far shorter than
    /// the debounce (60 s), so only a resync can read it within the test.
    @Suite struct ControllerTerminalTests {
        @Test func aRefusedClientIsTriedAgainWhenAResyncReadsItsPoolChangedFirst() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-south-2")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let (pool, client) = ("tpool-\(suffix)", "tclient-\(suffix)")
            try workspace.write("pool.yaml", workspace.pool(pool))
            try workspace.write("client.yaml", workspace.client(client, pool: pool, clientName: "web"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            // generateSecret cannot change in place: refused under the default policy.onImmutableChange.
            try workspace.write("client.yaml", workspace.client(client, pool: pool, clientName: "web")
                .replacingOccurrences(of: "generateSecret: false", with: "generateSecret: true"))

            let controller = try workspace.startController(["--resync-period", "1s", "--debounce", "60s"])
            defer { controller.stop() }
            let refusals = {
                controller.records.filter {
                    $0["message"] as? String == "reconcile failed; waiting for a manifest change"
                        && ($0["resource"] as? String)?.hasSuffix(client) == true
                }
            }
            let first = try await Poll.until(timeout: .seconds(20)) { refusals().first }
            #expect(first?["code"] as? String == "reconcile.refused", "\(controller.log)")
            try await ControllerSelectorTests.waitForFullSyncs(3, controller)
            #expect(refusals().count == 1, "resyncs skip a terminal key nothing affected\n\(controller.log)")

            try workspace.write("pool.yaml", workspace.pool(pool, minimumLength: 12))
            let again = try await Poll.until(timeout: .seconds(15)) { refusals().count >= 2 ? true : nil }
            #expect(again == true, "tried again by the resync that read its pool's change\n\(controller.log)")
            let applied = try await Poll.until(timeout: .seconds(10)) {
                try await workspace.minimumLength(of: pool) == 12 ? true : nil
            }
            #expect(applied == true, "\(controller.log)")
        }
    }
}
