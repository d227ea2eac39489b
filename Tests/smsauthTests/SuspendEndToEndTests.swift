import AWSServices
import Foundation
import Testing

/// `policy.suspend` and the settings document's `suspend` with the real binary: the plan shows the resource as
/// suspended, nothing is changed or deleted, and the status records phase `Suspended`.
@Suite("suspend end to end", .timeLimit(.minutes(8)))
struct SuspendEndToEndTests {
    @Test func aSuspendedPoolIsNotUpdatedAndRemovingItsManifestDeletesNothing() async throws {
        let workspace = try await ControllerWorkspace.make(region: "ap-east-1")
        defer { workspace.remove() }
        let name = "susp-\(UUID().uuidString.prefix(6).lowercased())"
        try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
        let created = try await workspace.reconcile([])
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")

        try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}", minimumLength: 14,
                                                                policy: ["suspend: true"]))
        let plan = try await workspace.reconcile(["--dry-run", "--detailed-exitcode"])
        #expect(plan.status == 0, "a suspended change is not a pending change: \(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("|| UserPool/\(name): suspended (policy.suspend: true)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("~ passwordPolicy.minimumLength: 10 → 14"), "\(plan.stdout)")
        #expect(plan.stdout.hasSuffix("0 refused, 1 suspended.\n"), "\(plan.stdout)")
        let json = try await workspace.reconcile(["--dry-run", "--output", "json"])
        #expect(json.stdout.contains("\"action\" : \"suspended\""), "\(json.stdout)")

        let applied = try await workspace.reconcile([])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(try await workspace.minimumLength(of: name) == 10, "a suspended pool is not updated")
        #expect(workspace.status("UserPool", name)?["phase"] as? String == "Suspended")

        let id = try workspace.poolId(name)
        try workspace.delete("pool.yaml")
        let removed = try await workspace.reconcile(["--allow-empty"])
        #expect(removed.status == 0, "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stdout.contains("|| UserPool/\(name): suspended when its manifest was removed: nothing is deleted"),
                "\(removed.stdout)")
        #expect(try await workspace.cognito().describeUserPool(id: id) != nil, "removing a suspended manifest deletes nothing")
        #expect(workspace.status("UserPool", name)?["phase"] as? String == "Suspended")
    }

    @Test func theSettingsDocumentSuspendsTheWholeSetIncludingRemovals() async throws {
        let workspace = try await ControllerWorkspace.make(region: "ap-east-1")
        defer { workspace.remove() }
        let (kept, dropped) = ("keep-\(UUID().uuidString.prefix(6).lowercased())", "drop-\(UUID().uuidString.prefix(6).lowercased())")
        try workspace.write("smsauth.yaml", "apiVersion: smsauth/v1\nkind: Settings\nspec: {owner: team-\(kept)}\n")
        try workspace.write("kept.yaml", workspace.labelledPool(kept, labels: "{}"))
        try workspace.write("dropped.yaml", workspace.labelledPool(dropped, labels: "{}"))
        let created = try await workspace.reconcile([])
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let droppedId = try workspace.poolId(dropped)

        try workspace.write("smsauth.yaml",
                            "apiVersion: smsauth/v1\nkind: Settings\nspec: {owner: team-\(kept), suspend: true}\n")
        try workspace.write("kept.yaml", workspace.labelledPool(kept, labels: "{}", minimumLength: 12))
        try workspace.delete("dropped.yaml")
        let applied = try await workspace.reconcile([])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.contains("|| UserPool/\(kept): suspended (spec.suspend: true in smsauth.yaml)"),
                "\(applied.stdout)")
        #expect(applied.stdout.contains("|| UserPool/\(dropped): suspended (spec.suspend: true in smsauth.yaml)"),
                "\(applied.stdout)")
        #expect(try await workspace.minimumLength(of: kept) == 10)
        #expect(try await workspace.cognito().describeUserPool(id: droppedId) != nil)
        for name in [kept, dropped] {
            #expect(workspace.status("UserPool", name)?["phase"] as? String == "Suspended", "\(name)")
        }
    }
}

extension ControllerEndToEnd {
    /// A suspended pool changed by hand is left as it is through two resyncs, and corrected once `suspend` is
    /// removed.
    @Suite struct ControllerSuspendTests {
        /// The controller's log line for a key newly held for the prune delay.
        static let pendingRemoval = "pending removal; waiting for the prune delay before acting on it"

        @Test func aSuspendedPoolChangedByHandIsLeftAloneUntilResumed() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-north-1")
            defer { workspace.remove() }
            let name = "held-\(UUID().uuidString.prefix(6).lowercased())"
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}", policy: ["suspend: true"]))
            try await workspace.setMinimumLengthByHand(name, 6)

            let controller = try workspace.startController(["--resync-period", "2s"])
            defer { controller.stop() }
            let suspended = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("UserPool", name)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(suspended == true, "\(controller.log)")
            try await ControllerSelectorTests.waitForFullSyncs(2, controller)
            #expect(try await workspace.minimumLength(of: name) == 6, "left as it is through two resyncs")
            #expect(workspace.status("UserPool", name)?["phase"] as? String == "Suspended")

            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
            let corrected = try await Poll.until(timeout: .seconds(30)) {
                try await workspace.minimumLength(of: name) == 10 ? true : nil
            }
            #expect(corrected == true, "corrected once suspend is removed\n\(controller.log)")
            let ready = try await Poll.until(timeout: .seconds(10)) {
                workspace.status("UserPool", name)?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(ready == true)
        }

        /// Suspending and resuming are file changes like any other, though `suspend` is not in the spec hash: with
        /// a resync ten minutes away, `Suspended` is recorded at once, and a pool changed by hand while suspended is
        /// corrected at once when `suspend` goes, from the manifest's policy or from the settings document.
        @Test(arguments: [false, true])
        func suspendingAndResumingTakeEffectAtOnce(setWide: Bool) async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-north-1")
            defer { workspace.remove() }
            let name = "resume-\(UUID().uuidString.prefix(6).lowercased())"
            let owner = "team-\(name)"
            try workspace.writeSettings(owner: owner)
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            let controller = try workspace.startController(["--resync-period", "10m"])
            defer { controller.stop() }
            try await ControllerSelectorTests.waitForFullSyncs(1, controller)

            if setWide {
                try workspace.writeSettings(owner: owner, suspended: true)
            } else {
                try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}", policy: ["suspend: true"]))
            }
            let suspended = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("UserPool", name)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(suspended == true, "\(controller.log)")
            try await workspace.setMinimumLengthByHand(name, 6)

            if setWide {
                try workspace.writeSettings(owner: owner)
            } else {
                try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
            }
            let corrected = try await Poll.until(timeout: .seconds(20)) {
                try await workspace.minimumLength(of: name) == 10 ? true : nil
            }
            #expect(corrected == true, "corrected once suspend is removed\n\(controller.log)")
            let ready = try await Poll.until(timeout: .seconds(10)) {
                workspace.status("UserPool", name)?["phase"] as? String == "Ready" ? true : nil
            }
            #expect(ready == true, "\(controller.log)")
        }

        /// A key refused (terminal: it waits for a manifest change) and then suspended is tried again when a resync
        /// is the first to read the change, as after the file event: here the resync period (1 s) is shorter than
        /// the debounce (5 s), and the event then finds nothing new.
        @Test func aRefusedKeySuspendedIsTakenUpByTheResyncThatReadsItFirst() async throws {
            let workspace = try await ControllerWorkspace.make(region: "eu-north-1")
            defer { workspace.remove() }
            let name = "refused-\(UUID().uuidString.prefix(6).lowercased())"
            try workspace.write("pool.yaml", workspace.labelledPool(name, labels: "{}"))
            let created = try await workspace.reconcile([])
            #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
            // usernameAttributes cannot change in place: refused under the default policy.onImmutableChange.
            let immutable = { (policy: [String]) in
                workspace.labelledPool(name, labels: "{}", policy: policy)
                    .replacingOccurrences(of: "usernameAttributes: [email]", with: "usernameAttributes: [phone_number]")
            }
            try workspace.write("pool.yaml", immutable([]))
            let controller = try workspace.startController(["--resync-period", "1s", "--debounce", "5s"])
            defer { controller.stop() }
            let refused = try await controller.waitFor(message: "reconcile failed; waiting for a manifest change",
                                                       timeout: .seconds(20))
            #expect(refused?["code"] as? String == "reconcile.refused", "\(controller.log)")

            try workspace.write("pool.yaml", immutable(["suspend: true"]))
            let suspended = try await Poll.until(timeout: .seconds(15)) {
                workspace.status("UserPool", name)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(suspended == true, "\(controller.log)")
        }

        /// A key held for the prune delay is not queued by the `suspend` that `smsauth.yaml` turns on meanwhile, but
        /// it is when the hold ends: its manifest back, its status records `Suspended` at once, with the resync ten
        /// minutes away.
        @Test func aHeldKeyTakesUpTheSettingsSuspendWhenItsHoldEnds() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-southeast-4")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let (kept, back) = ("heldkeep-\(suffix)", "heldback-\(suffix)")
            try await workspace.createPools(["kept.yaml": kept, "back.yaml": back], owner: "team-\(suffix)")

            let controller = try workspace.startController(["--resync-period", "10m", "--prune-delay", "300"])
            defer { controller.stop() }
            #expect(try await controller.waitFor(message: "full sync done") != nil, "\(controller.log)")
            try workspace.delete("back.yaml")
            #expect(try await controller.waitFor(message: Self.pendingRemoval) != nil, "\(controller.log)")
            try workspace.writeSettings(owner: "team-\(suffix)", suspended: true)
            let suspended = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("UserPool", kept)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(suspended == true, "\(controller.log)")
            let suspendRead = controller.records.first {
                $0["message"] as? String == "manifests changed" && ($0["keys"] as? String)?.contains(kept) == true
            }
            let keys = suspendRead?["keys"] as? String
            #expect(keys != nil && keys?.contains(back) == false, "held: not queued\n\(controller.log)")

            try workspace.write("back.yaml", workspace.labelledPool(back, labels: "{}"))
            let taken = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("UserPool", back)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(taken == true, "\(controller.log)")
        }

        /// `suspend: true` in `smsauth.yaml` suspends the whole set for the controller too, also while a removal
        /// waits for its prune delay: a pool changed by hand is left as it is through two resyncs after another
        /// pool's manifest is deleted.
        @Test func theSettingsDocumentSuspendsTheSetWhileARemovalWaits() async throws {
            let workspace = try await ControllerWorkspace.make(region: "ap-east-1")
            defer { workspace.remove() }
            let suffix = UUID().uuidString.prefix(6).lowercased()
            let (kept, dropped) = ("setkeep-\(suffix)", "setdrop-\(suffix)")
            try await workspace.createPools(["kept.yaml": kept, "dropped.yaml": dropped], owner: "team-\(suffix)")
            try workspace.writeSettings(owner: "team-\(suffix)", suspended: true)
            try await workspace.setMinimumLengthByHand(kept, 6)

            let controller = try workspace.startController(["--resync-period", "2s", "--prune-delay", "300"])
            defer { controller.stop() }
            let suspended = try await Poll.until(timeout: .seconds(20)) {
                workspace.status("UserPool", kept)?["phase"] as? String == "Suspended" ? true : nil
            }
            #expect(suspended == true, "\(controller.log)")
            try workspace.delete("dropped.yaml")
            #expect(try await controller.waitFor(message: Self.pendingRemoval) != nil, "\(controller.log)")
            try await ControllerSelectorTests.waitForFullSyncs(2, controller)
            #expect(try await workspace.minimumLength(of: kept) == 6, "left as it is while the removal waits")
            #expect(workspace.status("UserPool", kept)?["phase"] as? String == "Suspended", "\(controller.log)")
        }
    }
}

extension ControllerWorkspace {
    /// Writes `smsauth.yaml` for `owner`, with `suspend: true` when `suspended`.
    func writeSettings(owner: String, suspended: Bool = false) throws {
        let suspend = suspended ? ", suspend: true" : ""
        try write("smsauth.yaml", "apiVersion: smsauth/v1\nkind: Settings\nspec: {owner: \(owner)\(suspend)}\n")
    }

    /// Writes the settings of `owner` and one pool per file (`labelledPool` without labels), and creates them with
    /// `smsauth reconcile`.
    func createPools(_ pools: [String: String], owner: String) async throws {
        try writeSettings(owner: owner)
        for (file, name) in pools { try write(file, labelledPool(name, labels: "{}")) }
        let created = try await reconcile([])
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
    }
}
